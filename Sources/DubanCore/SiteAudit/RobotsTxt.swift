import Foundation

/// robots.txt as RFC 9309 reads it: groups of `User-agent` lines with their `Allow` / `Disallow`
/// rules; the group of the most specific matching agent applies, otherwise the `*` group; the
/// longest matching rule wins, `Allow` on a tie; `*` matches any run of characters and a final `$`
/// anchors the end. `Crawl-delay` (not in the RFC, widely used) is read too.
public struct RobotsTxt: Sendable, Equatable {
    public struct Rule: Sendable, Equatable {
        public var allow: Bool
        public var pattern: String
    }

    public struct Group: Sendable, Equatable {
        public var agents: [String]
        public var rules: [Rule]
        public var crawlDelay: Double?
    }

    public var groups: [Group]

    /// Allows everything (no robots.txt, or one that could not be read as a 4xx).
    public static let allowAll = RobotsTxt(groups: [])
    /// Allows nothing (the RFC's reading of an unreachable robots.txt).
    public static let disallowAll = RobotsTxt(groups: [Group(agents: ["*"], rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)])

    public init(groups: [Group]) { self.groups = groups }

    public init(parsing text: String) {
        var groups: [Group] = []
        var current: Group?
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if lastWasAgent, current != nil {
                    current!.agents.append(value.lowercased())
                } else {
                    if let group = current { groups.append(group) }
                    current = Group(agents: [value.lowercased()], rules: [], crawlDelay: nil)
                }
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard current != nil, !value.isEmpty else { continue }
                current!.rules.append(Rule(allow: key == "allow", pattern: value))
            case "crawl-delay":
                lastWasAgent = false
                if current != nil, let delay = Double(value), delay >= 0 { current!.crawlDelay = delay }
            default:
                continue
            }
        }
        if let group = current { groups.append(group) }
        self.groups = groups
    }

    /// The rules and delay for `agent` (its product token, such as `DubanSiteAudit`).
    func applicable(to agent: String) -> (rules: [Rule], delay: Double?) {
        let name = agent.lowercased()
        var best: [Group] = []
        var bestLength = -1
        for group in groups {
            for candidate in group.agents where candidate != "*" && name.hasPrefix(candidate) {
                if candidate.count > bestLength { best = [group]; bestLength = candidate.count }
                else if candidate.count == bestLength { best.append(group) }
            }
        }
        if best.isEmpty { best = groups.filter { $0.agents.contains("*") } }
        return (best.flatMap(\.rules), best.compactMap(\.crawlDelay).max())
    }

    /// Whether `agent` may fetch `path` (path and query, starting with `/`).
    public func allows(_ path: String, agent: String) -> Bool {
        if path == "/robots.txt" { return true }
        var bestLength = -1
        var allowed = true
        for rule in applicable(to: agent).rules where Self.matches(pattern: rule.pattern, path: path) {
            let length = rule.pattern.count
            if length > bestLength || (length == bestLength && rule.allow) {
                bestLength = length
                allowed = rule.allow
            }
        }
        return allowed
    }

    public func crawlDelay(agent: String) -> Double? { applicable(to: agent).delay }

    /// `*` any run, final `$` end of path; otherwise a prefix match. Percent-encoding is compared as written.
    static func matches(pattern: String, path: String) -> Bool {
        var pattern = Array(pattern)
        var anchored = false
        if pattern.last == "$" { anchored = true; pattern.removeLast() }
        let text = Array(path)
        // Dynamic programming over pattern × text positions (patterns are short).
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for p in pattern {
            var next = [Bool](repeating: false, count: text.count + 1)
            if p == "*" {
                var any = false
                for t in 0...text.count {
                    any = any || reachable[t]
                    next[t] = any
                }
            } else {
                for t in 0..<text.count where reachable[t] && text[t] == p { next[t + 1] = true }
            }
            reachable = next
        }
        return anchored ? reachable[text.count] : reachable.contains(true)
    }
}
