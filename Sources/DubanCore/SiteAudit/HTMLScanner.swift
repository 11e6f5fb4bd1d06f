import Foundation

/// What one web page refers to and says, read by a small tolerant tokenizer (no HTML package):
/// links (`<a>`, `<area>`), images (`<img>`, `<input type=image>`), other resources (`<script>`,
/// `<link rel=stylesheet|icon>`, `<iframe>`, `<frame>`, `<embed>`, `<source>`, `<object data>`) and
/// meta-refresh targets, resolved against the page URL or its `<base href>`; the visible text with
/// entities decoded; the title. Broken markup (unclosed quotes, stray `<`) never fails: it is read as text.
///
/// The census standard counts "首页上的链接（包括图片、附件、外部链接等）" (000 阳政办(2017)46号 附件2,
/// 链接可用性), so every kind is reported for the link check.
public struct ScannedPage: Sendable, Equatable {
    public enum LinkKind: String, Sendable, Codable, Equatable {
        case anchor, image, resource
    }

    public struct Link: Sendable, Equatable, Hashable {
        /// Absolute `http(s)` URL without its `#fragment`.
        public var url: String
        public var kind: LinkKind
        /// The anchor's text or the image's `alt`, trimmed (for the report).
        public var text: String
    }

    public var title: String
    /// Visible text: blocks on their own lines, runs of blanks collapsed.
    public var text: String
    public var links: [Link]
    /// The base every relative link was resolved against.
    public var base: URL?
}

public enum HTMLScanner {
    /// Elements whose content is not markup.
    private static let rawTextElements: Set<String> = ["script", "style", "textarea", "title", "noscript"]
    /// Elements that end a line of visible text.
    private static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "nav", "dd", "dt", "dl", "hr", "form", "tbody", "thead",
    ]

    public static func scan(_ html: String, url pageURL: URL?) -> ScannedPage {
        let scalars = Array(html.unicodeScalars)
        var tags: [(name: String, attributes: [String: String], closing: Bool)] = []
        var textParts: [String] = []
        var linkTextStack: [Int] = []  // indexes into pending anchors awaiting text
        var pendingAnchors: [(href: String, kind: ScannedPage.LinkKind, text: String)] = []
        var title = ""
        var index = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            let piece = decodeEntities(String(String.UnicodeScalarView(scalars[textStart..<end])))
            textParts.append(piece)
            for open in linkTextStack { pendingAnchors[open].text += piece }
        }

        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            // Comment.
            if matches(scalars, at: index, "<!--") {
                flushText(upTo: index)
                index = find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                textStart = index
                continue
            }
            // Doctype, processing instruction, CDATA.
            if index + 1 < scalars.count, scalars[index + 1] == "!" || scalars[index + 1] == "?" {
                flushText(upTo: index)
                index = find(scalars, ">", from: index + 1).map { $0 + 1 } ?? scalars.count
                textStart = index
                continue
            }
            guard let tag = parseTag(scalars, at: index) else { index += 1; continue }
            flushText(upTo: index)
            index = tag.end
            textStart = index
            tags.append((tag.name, tag.attributes, tag.closing))
            if blockElements.contains(tag.name) { textParts.append("\n") }
            if tag.closing {
                if tag.name == "a", !linkTextStack.isEmpty { linkTextStack.removeLast() }
                continue
            }
            switch tag.name {
            case "a", "area":
                if let href = tag.attributes["href"] {
                    pendingAnchors.append((href, .anchor, ""))
                    if tag.name == "a", !tag.selfClosing { linkTextStack = [pendingAnchors.count - 1] }
                }
            case "img":
                if let src = tag.attributes["src"] { pendingAnchors.append((src, .image, tag.attributes["alt"] ?? "")) }
            case "input":
                if tag.attributes["type"]?.lowercased() == "image", let src = tag.attributes["src"] {
                    pendingAnchors.append((src, .image, tag.attributes["alt"] ?? ""))
                }
            case "link":
                let rel = (tag.attributes["rel"] ?? "").lowercased()
                if rel.contains("stylesheet") || rel.contains("icon"), let href = tag.attributes["href"] {
                    pendingAnchors.append((href, .resource, ""))
                }
            case "script", "iframe", "frame", "embed", "source":
                if let src = tag.attributes["src"] { pendingAnchors.append((src, .resource, "")) }
            case "object":
                if let data = tag.attributes["data"] { pendingAnchors.append((data, .resource, "")) }
            case "meta":
                if tag.attributes["http-equiv"]?.lowercased() == "refresh", let content = tag.attributes["content"],
                   let range = content.range(of: "url=", options: .caseInsensitive) {
                    var target = String(content[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                    target = target.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
                    pendingAnchors.append((target, .anchor, ""))
                }
            default: break
            }
            if rawTextElements.contains(tag.name), !tag.selfClosing {
                // Skip to the matching close tag; the content is not markup.
                let close = findCloseTag(scalars, name: tag.name, from: index)
                if tag.name == "title" {
                    title = collapse(decodeEntities(String(String.UnicodeScalarView(scalars[index..<close.start]))))
                }
                if tag.name == "textarea" {
                    textParts.append(decodeEntities(String(String.UnicodeScalarView(scalars[index..<close.start]))))
                }
                index = close.end
                textStart = index
            }
        }
        flushText(upTo: scalars.count)

        var base = pageURL
        if let href = tags.first(where: { $0.name == "base" && !$0.closing && $0.attributes["href"] != nil })?.attributes["href"],
           let resolved = resolve(href, against: pageURL) {
            base = URL(string: resolved)
        }
        var seen = Set<ScannedPage.Link>()
        var links: [ScannedPage.Link] = []
        for anchor in pendingAnchors {
            guard let url = resolve(anchor.href, against: base) else { continue }
            let link = ScannedPage.Link(url: url, kind: anchor.kind, text: collapse(anchor.text))
            if seen.insert(link).inserted { links.append(link) }
        }
        let text = textParts.joined().split(separator: "\n", omittingEmptySubsequences: true)
            .map { collapse(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
        return ScannedPage(title: title, text: text, links: links, base: base)
    }

    /// The absolute `http`/`https` URL of `reference` seen from `base`, without its fragment; nil for
    /// `javascript:`, `mailto:`, `tel:`, `data:`, a bare `#fragment` and anything unparsable.
    public static func resolve(_ reference: String, against base: URL?) -> String? {
        var ref = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        ref = ref.replacingOccurrences(of: "\\", with: "/")
        if let hash = ref.firstIndex(of: "#") { ref = String(ref[..<hash]) }
        guard !ref.isEmpty || base != nil else { return nil }
        if let colon = ref.firstIndex(of: ":"), !ref[..<colon].contains("/") {
            let scheme = ref[..<colon].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
        }
        if ref.isEmpty { return nil }  // a bare "#top" or "" points at the page itself
        ref = percentEncodeUnsafe(ref)
        guard let url = URL(string: ref, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else { return nil }
        var text = url.absoluteString
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        return text
    }

    /// Percent-encodes what may not stand in a URL as written (non-ASCII such as Chinese path
    /// segments, spaces, quotes, angle brackets); existing `%XX` escapes are kept.
    static func percentEncodeUnsafe(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F, !"\"<>^`{|}".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
            }
        }
        return out
    }

    /// Decodes character references: the common named ones and every numeric one.
    public static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "&" else { out.append(scalar); index += 1; continue }
            var end = index + 1
            while end < scalars.count, end - index <= 10, scalars[end] != ";", scalars[end] != "&", !scalars[end].properties.isWhitespace {
                end += 1
            }
            if end < scalars.count, scalars[end] == ";" {
                let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
                if let decoded = entity(name) {
                    out.append(decoded)
                    index = end + 1
                    continue
                }
            }
            out.append(scalar)
            index += 1
        }
        return String(out)
    }

    private static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "middot": "·", "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”", "lsquo": "‘",
        "rsquo": "’", "copy": "©", "reg": "®", "times": "×", "laquo": "«", "raquo": "»", "bull": "•",
    ]

    private static func entity(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap { Unicode.Scalar($0) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap { Unicode.Scalar($0) } }
        return namedEntities[name] ?? namedEntities[name.lowercased()]
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func matches(_ scalars: [Unicode.Scalar], at index: Int, _ literal: String) -> Bool {
        var i = index
        for scalar in literal.unicodeScalars {
            guard i < scalars.count, scalars[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    private static func find(_ scalars: [Unicode.Scalar], _ literal: String, from start: Int) -> Int? {
        var i = start
        while i < scalars.count {
            if matches(scalars, at: i, literal) { return i }
            i += 1
        }
        return nil
    }

    /// `</name` (any case) followed by `>`; the end of input when there is none.
    private static func findCloseTag(_ scalars: [Unicode.Scalar], name: String, from start: Int) -> (start: Int, end: Int) {
        var i = start
        let count = name.unicodeScalars.count
        while i < scalars.count {
            if scalars[i] == "<", i + 1 < scalars.count, scalars[i + 1] == "/", i + 2 + count <= scalars.count {
                let candidate = String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 2 + count)])).lowercased()
                if candidate == name {
                    let end = find(scalars, ">", from: i + 2 + count).map { $0 + 1 } ?? scalars.count
                    return (i, end)
                }
            }
            i += 1
        }
        return (scalars.count, scalars.count)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ":"
    }

    /// A start or end tag at `index` (which holds `<`), or nil when what follows is not a tag name.
    private static func parseTag(_ scalars: [Unicode.Scalar], at index: Int)
        -> (name: String, attributes: [String: String], closing: Bool, selfClosing: Bool, end: Int)? {
        var i = index + 1
        var closing = false
        if i < scalars.count, scalars[i] == "/" { closing = true; i += 1 }
        guard i < scalars.count, scalars[i].isASCII, scalars[i].properties.isAlphabetic
        else { return nil }
        let nameStart = i
        while i < scalars.count, isNameScalar(scalars[i]) { i += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<i])).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while i < scalars.count {
            let scalar = scalars[i]
            if scalar == ">" { return (name, attributes, closing, selfClosing, i + 1) }
            if scalar == "<" { return (name, attributes, closing, selfClosing, i) }  // unclosed tag
            if scalar.properties.isWhitespace { i += 1; continue }
            if scalar == "/" { selfClosing = true; i += 1; continue }
            selfClosing = false
            let attrStart = i
            while i < scalars.count, !scalars[i].properties.isWhitespace, scalars[i] != "=", scalars[i] != ">", scalars[i] != "/" || i == attrStart {
                i += 1
            }
            let attrName = String(String.UnicodeScalarView(scalars[attrStart..<i])).lowercased()
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
            var value = ""
            if i < scalars.count, scalars[i] == "=" {
                i += 1
                while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
                if i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" {
                    let quote = scalars[i]
                    let valueStart = i + 1
                    var end = valueStart
                    while end < scalars.count, scalars[end] != quote { end += 1 }
                    if end >= scalars.count {
                        // Unclosed quote: the value runs to the next `>`.
                        end = find(scalars, ">", from: valueStart) ?? scalars.count
                        value = String(String.UnicodeScalarView(scalars[valueStart..<end]))
                        i = end
                    } else {
                        value = String(String.UnicodeScalarView(scalars[valueStart..<end]))
                        i = end + 1
                    }
                } else {
                    let valueStart = i
                    while i < scalars.count, !scalars[i].properties.isWhitespace, scalars[i] != ">" { i += 1 }
                    value = String(String.UnicodeScalarView(scalars[valueStart..<i]))
                }
            }
            if !attrName.isEmpty, attributes[attrName] == nil { attributes[attrName] = decodeEntities(value) }
        }
        return (name, attributes, closing, selfClosing, scalars.count)
    }
}
