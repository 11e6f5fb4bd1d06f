import AsyncHTTPClient
import DubanCore
import Foundation
import NIOCore
import NIOHTTP1

/// Limits of one crawl. The defaults are Duban's (the standard sets none except the 15 s of
/// "超过（含）15秒网站仍打不开", 000 阳政办(2017)46号 附件2, which is `slowSeconds`).
public struct CrawlOptions: Sendable {
    /// Same-host HTML pages fetched and read (the home page, configured pages, then breadth-first).
    public var maxPages = 200
    /// Link targets checked in all (pages included).
    public var maxChecks = 3000
    /// Requests in flight at once.
    public var concurrency = 4
    /// Smallest gap between two request starts, seconds (a robots.txt `Crawl-delay` can raise it).
    public var minInterval = 0.25
    /// The whole crawl stops starting requests after this many seconds.
    public var timeBudget = 900.0
    /// A request that takes this long fails ("打不开"): the standard's 15 s.
    public var slowSeconds = 15.0
    /// Largest body read from a page.
    public var maxBodyBytes = 4 * 1024 * 1024
    /// Whether links to other hosts are checked (one request each; never crawled).
    public var checkExternal = true
    /// ASCII only: header values are bytes on the wire.
    public var userAgent = "DubanSiteAudit/1.0 (government website census self-check; Duban)"
    /// The monitoring date (监测时间点); nil: today in China.
    public var auditDate: LocalDate?

    public init() {}
}

/// Counts of one crawl, reported with the score.
public struct CrawlStats: Sendable, Codable, Equatable {
    public var pagesRead = 0
    public var linksChecked = 0
    public var disallowedByRobots = 0
    public var skippedExternal = 0
    public var robots = "none"
    /// True when the time budget or a count limit cut the crawl short.
    public var truncated = false
    public var seconds = 0.0
}

/// The outcome of a whole audit: the score and how it was obtained.
public struct SiteAuditResult: Sendable, Codable, Equatable {
    public var url: String
    public var startedAt: Date
    public var finishedAt: Date
    public var report: CensusReport
    public var facts: CensusFacts
    public var stats: CrawlStats
}

/// One HTTP fetch.
struct Fetched: Sendable {
    var url: String
    /// The URL the response came from (after redirects).
    var finalURL: String
    /// A redirect's resolved `Location`, empty otherwise.
    var location = ""
    var status: Int?
    var error: String?
    var seconds: Double
    var contentType: String?
    var body: String?

    var ok: Bool { status.map { (200..<300).contains($0) } ?? false }
    var isHTML: Bool {
        guard let type = contentType?.lowercased() else { return body != nil }
        return type.contains("html")
    }
}

/// Spaces request starts at least `interval` apart.
actor RequestPacer {
    private var next = ContinuousClock.now
    private var interval: Duration

    init(interval: Double) { self.interval = .milliseconds(Int(interval * 1000)) }

    func raise(to seconds: Double) { interval = max(interval, .milliseconds(Int(seconds * 1000))) }

    func wait() async {
        let now = ContinuousClock.now
        let start = max(now, next)
        next = start + interval
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }
}

/// A polite, bounded crawler for the census check: same host only, robots.txt honoured, a limited
/// number of requests in flight and a minimum gap between them, a page limit, a time budget and a
/// per-request timeout (Vapor's HTTP client, AsyncHTTPClient, with redirects followed by hand so
/// each hop is checked against the host and robots.txt).
public final class SiteCrawler: Sendable {
    let client: HTTPClient
    let options: CrawlOptions
    let pacer: RequestPacer
    let progress: @Sendable (String) -> Void

    public init(eventLoopGroup: any EventLoopGroup, options: CrawlOptions, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = HTTPClient.Configuration.Timeout(connect: .seconds(10),
                                                                 read: .milliseconds(Int64(max(0.05, options.slowSeconds) * 1000)))
        client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
        self.options = options
        pacer = RequestPacer(interval: options.minInterval)
        self.progress = progress
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Audits the site at `homeURL`; `availability` is the monitored week, when the server has one.
    public func audit(homeURL: String, config: SiteAuditConfig, availability: AvailabilitySummary? = nil,
                      failAtDeducted: Int = CensusScoring.defaultFailAtDeducted) async -> SiteAuditResult {
        let started = Date()
        let clockStart = ContinuousClock.now
        let auditDate = options.auditDate ?? LocalDate(chinaTimeOf: started)!
        var stats = CrawlStats()
        guard let home = URL(string: homeURL), let host = home.host?.lowercased() else {
            let facts = CensusFacts(auditDate: auditDate, homeURL: homeURL, homeStatus: nil, homeError: "网址无效", homeDates: [])
            return SiteAuditResult(url: homeURL, startedAt: started, finishedAt: Date(),
                                   report: CensusScoring.score(facts, failAtDeducted: failAtDeducted), facts: facts, stats: stats)
        }
        let port = home.port
        let sameHost: @Sendable (String) -> Bool = { url in
            guard let u = URL(string: url) else { return false }
            return u.host?.lowercased() == host && u.port == port
        }

        // robots.txt (RFC 9309): 2xx parsed, 4xx allows all, an unreachable file disallows all.
        var robotsURL = URLComponents()
        robotsURL.scheme = home.scheme
        robotsURL.host = home.host
        robotsURL.port = home.port
        robotsURL.path = "/robots.txt"
        let robotsFetch = await fetch(robotsURL.string ?? homeURL, wantBody: true, followRedirects: true)
        let robots: RobotsTxt
        switch robotsFetch.status {
        case .some(200..<300):
            robots = RobotsTxt(parsing: robotsFetch.body ?? "")
            stats.robots = "parsed"
        case .some(400..<500):
            robots = .allowAll
            stats.robots = "absent (\(robotsFetch.status!))"
        default:
            robots = .disallowAll
            stats.robots = "unreachable: disallow all"
        }
        if let delay = robots.crawlDelay(agent: options.userAgent) { await pacer.raise(to: min(delay, 30)) }
        let agent = options.userAgent
        let allowed: @Sendable (String) -> Bool = { robots.allows(Self.pathAndQuery($0), agent: agent) }

        let normalizedHome = HTMLScanner.resolve(homeURL, against: nil) ?? homeURL
        // Configured URLs, relative ones read against the home page (one that cannot be resolved is
        // fetched as written and fails).
        let columnURLs = config.columns.map { HTMLScanner.resolve($0.url, against: home) ?? $0.url }
        let guideURLs = config.guides.map { HTMLScanner.resolve($0, against: home) ?? $0 }
        let systemURLs = config.onlineSystems.map { HTMLScanner.resolve($0, against: home) ?? $0 }
        let mustRead = Set([normalizedHome] + columnURLs + guideURLs)

        // Work queue: pages to read (with body) first, then link checks; each URL once.
        var scheduled = Set<String>()
        var pageQueue: [String] = []
        var checkQueue: [String] = []
        for url in [normalizedHome] + columnURLs + guideURLs where scheduled.insert(url).inserted { pageQueue.append(url) }
        for url in systemURLs where scheduled.insert(url).inserted { checkQueue.append(url) }
        var results: [String: Fetched] = [:]
        var scanned: [String: ScannedPage] = [:]
        var foundOn: [String: [String]] = [:]  // target → pages linking to it (in order)
        var pagesRead = 0

        func enqueueLinks(of page: String, _ scan: ScannedPage) {
            for link in scan.links {
                if foundOn[link.url]?.contains(page) != true { foundOn[link.url, default: []].append(page) }
                guard !scheduled.contains(link.url) else { continue }
                if sameHost(link.url) {
                    guard allowed(link.url) else { stats.disallowedByRobots += 1; scheduled.insert(link.url); continue }
                    scheduled.insert(link.url)
                    if link.kind == .anchor && !Attachments.isAttachment(link.url) { pageQueue.append(link.url) }
                    else { checkQueue.append(link.url) }
                } else if options.checkExternal {
                    scheduled.insert(link.url)
                    checkQueue.append(link.url)
                } else {
                    stats.skippedExternal += 1
                    scheduled.insert(link.url)
                }
            }
        }

        await withTaskGroup(of: (String, Fetched, Bool).self) { group in
            var inFlight = 0
            func outOfTime() -> Bool {
                ContinuousClock.now - clockStart > .milliseconds(Int(options.timeBudget * 1000))
            }
            while true {
                while inFlight < options.concurrency, !(pageQueue.isEmpty && checkQueue.isEmpty) {
                    if outOfTime() || results.count + inFlight >= options.maxChecks {
                        stats.truncated = true
                        pageQueue.removeAll()
                        checkQueue.removeAll()
                        break
                    }
                    let url: String
                    var read = false
                    if !pageQueue.isEmpty {
                        url = pageQueue.removeFirst()
                        let isRequired = mustRead.contains(url)
                        if sameHost(url), allowed(url) || url == normalizedHome, isRequired || pagesRead < options.maxPages {
                            read = true
                            pagesRead += 1
                        } else if !isRequired, sameHost(url) {
                            stats.truncated = true
                        }
                    } else {
                        url = checkQueue.removeFirst()
                    }
                    inFlight += 1
                    let wantBody = read
                    group.addTask {
                        (url, await self.fetch(url, wantBody: wantBody, followRedirects: true, sameHost: sameHost, allowed: allowed), wantBody)
                    }
                }
                guard let next = await group.next() else { break }
                let (url, fetched, read) = next
                inFlight -= 1
                results[url] = fetched
                progress("[\(results.count)] \(fetched.status.map(String.init) ?? "ERR") \(url)\(fetched.error.map { " (\($0))" } ?? "")")
                if read, fetched.ok, fetched.isHTML, let body = fetched.body {
                    let scan = HTMLScanner.scan(body, url: URL(string: fetched.finalURL))
                    scanned[url] = scan
                    stats.pagesRead += 1
                    enqueueLinks(of: url, scan)
                }
            }
        }

        // Facts.
        let homeFetch = results[normalizedHome]
        let homeScan = scanned[normalizedHome]
        let homeDates = homeScan.map { PublicationDates.find(in: $0.text) } ?? []
        let guideSet = Set(guideURLs)
        var broken: [BrokenLink] = []
        var guideAttachments: [String: [BrokenLink]] = [:]
        for (target, pages) in foundOn.sorted(by: { $0.key < $1.key }) {
            guard let result = results[target], Self.isBroken(result, slowSeconds: options.slowSeconds) else { continue }
            for page in pages {
                let link = BrokenLink(url: target, foundOn: page, onHomePage: page == normalizedHome,
                                      status: result.status, error: result.error)
                if guideSet.contains(page), Attachments.isAttachment(target) {
                    guideAttachments[page, default: []].append(link)
                } else {
                    broken.append(link)
                }
            }
        }
        let columns = config.columns.enumerated().map { index, spec -> ColumnObservation in
            let url = columnURLs[index]
            let fetched = results[url]
            return ColumnObservation(spec: ColumnSpec(name: spec.name, url: url, type: spec.type),
                                     status: fetched?.status, dates: scanned[url].map { PublicationDates.find(in: $0.text) } ?? [])
        }
        let guides = guideURLs.map { url in
            GuideObservation(url: url, status: results[url]?.status,
                             missing: scanned[url].map { GuideElement.missing(in: $0.text) } ?? GuideElement.allCases,
                             brokenAttachments: guideAttachments[url] ?? [])
        }
        let systems = systemURLs.map { url in
            let fetched = results[url]
            let slow = fetched.map { $0.seconds >= options.slowSeconds } ?? true
            return OnlineSystemObservation(url: url, status: slow ? nil : fetched?.status,
                                           error: slow ? (fetched?.error ?? "超时") : fetched?.error)
        }
        let homeStatus = homeFetch.flatMap { $0.seconds >= options.slowSeconds ? nil : $0.status }
        let facts = CensusFacts(auditDate: auditDate, homeURL: normalizedHome, homeStatus: homeStatus,
                                homeError: homeFetch?.error ?? (homeStatus == nil ? "超时" : nil), homeDates: homeDates,
                                brokenLinks: broken, columns: columns, guides: guides, onlineSystems: systems,
                                availability: availability)
        stats.linksChecked = results.count
        stats.seconds = Double((ContinuousClock.now - clockStart).components.seconds)
            + Double((ContinuousClock.now - clockStart).components.attoseconds) / 1e18
        return SiteAuditResult(url: normalizedHome, startedAt: started, finishedAt: Date(),
                               report: CensusScoring.score(facts, failAtDeducted: failAtDeducted), facts: facts, stats: stats)
    }

    static func pathAndQuery(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }

    /// "打不开或错误的": no response, an error status, or slower than the limit.
    static func isBroken(_ fetched: Fetched, slowSeconds: Double) -> Bool {
        guard let status = fetched.status, status < 400 else { return true }
        return fetched.seconds >= slowSeconds
    }

    /// One availability probe of the home page.
    public func probe(_ url: String) async -> AvailabilityProbe {
        let at = Date()
        let fetched = await fetch(url, wantBody: true, followRedirects: true)
        return AvailabilityProbe(at: at, seconds: fetched.seconds, status: fetched.status)
    }

    /// GET with up to 5 redirects, each hop paced; the whole fetch (body included) is cut off at
    /// `slowSeconds`. A redirect to a same-host URL that robots.txt disallows is not followed.
    func fetch(_ url: String, wantBody: Bool, followRedirects: Bool,
               sameHost: (@Sendable (String) -> Bool)? = nil, allowed: (@Sendable (String) -> Bool)? = nil) async -> Fetched {
        let start = ContinuousClock.now
        var current = url
        var hops = 0
        while true {
            await pacer.wait()
            var result = await fetchOnce(current, wantBody: wantBody, remaining: options.slowSeconds - Self.seconds(since: start))
            result.url = url
            result.seconds = Self.seconds(since: start)
            if result.seconds >= options.slowSeconds, result.error == nil {
                result.error = "超时（≥\(Self.format(options.slowSeconds))秒）"
                result.status = nil
            }
            guard followRedirects, let status = result.status, [301, 302, 303, 307, 308].contains(status),
                  let location = result.location.isEmpty ? nil : result.location,
                  hops < 5 else { return result }
            if let sameHost, let allowed, sameHost(location), !allowed(location) { return result }
            hops += 1
            current = location
        }
    }

    private func fetchOnce(_ url: String, wantBody: Bool, remaining: Double) async -> Fetched {
        let limit = max(remaining, 0.05)
        let options = options
        let client = client
        let outcome: Fetched? = await withTaskGroup(of: Fetched?.self) { group in
            group.addTask {
                var request = HTTPClientRequest(url: url)
                request.method = .GET
                request.headers.add(name: "User-Agent", value: options.userAgent)
                request.headers.add(name: "Accept", value: "text/html,application/xhtml+xml,*/*;q=0.8")
                do {
                    let response = try await client.execute(request, timeout: .milliseconds(Int64(limit * 1000)))
                    let status = Int(response.status.code)
                    var location = ""
                    if (300..<400).contains(status), let header = response.headers.first(name: "Location") {
                        location = HTMLScanner.resolve(header, against: URL(string: url)) ?? ""
                    }
                    let type = response.headers.first(name: "Content-Type")
                    var body: String?
                    if wantBody, (200..<300).contains(status) {
                        var buffer = ByteBuffer()
                        for try await part in response.body {
                            var chunk = part
                            if buffer.readableBytes + chunk.readableBytes > options.maxBodyBytes { break }
                            buffer.writeBuffer(&chunk)
                        }
                        body = String(decoding: buffer.readableBytesView, as: UTF8.self)
                    } else {
                        // Read (and drop) the body so that a response that stalls counts as slow.
                        var read = 0
                        for try await chunk in response.body {
                            read += chunk.readableBytes
                            if read > 64 * 1024 { break }
                        }
                    }
                    return Fetched(url: url, finalURL: url, location: location, status: status, error: nil, seconds: 0,
                                   contentType: type, body: body)
                } catch {
                    if Task.isCancelled { return nil }
                    return Fetched(url: url, finalURL: "", status: nil, error: Self.describe(error), seconds: 0, contentType: nil, body: nil)
                }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int(limit * 1000)))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        return outcome ?? Fetched(url: url, finalURL: "", status: nil, error: "超时（≥\(Self.format(self.options.slowSeconds))秒）",
                                  seconds: 0, contentType: nil, body: nil)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "超时"
            case .remoteConnectionClosed: return "连接被关闭"
            default: return "请求失败：\(error)"
            }
        }
        let text = String(describing: error)
        if text.contains("refused") || text.contains("ECONNREFUSED") { return "连接被拒绝" }
        return "请求失败：\(text.prefix(120))"
    }
}
