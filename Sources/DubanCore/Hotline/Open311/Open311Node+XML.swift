extension Open311Node {
    /// The XML declaration GeoReport v2 requires before the root element.
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    /// A whole XML document with this node as the element `root`, indented by two spaces per level.
    /// Absent values are empty elements (`<description></description>`), never self-closing.
    func xmlDocument(root: String) -> String {
        var out = Self.xmlDeclaration
        writeXML(named: root, depth: 0, into: &out)
        return out
    }

    private func writeXML(named name: String, depth: Int, into out: inout String) {
        let indent = String(repeating: "  ", count: depth)
        switch self {
        case .text(let text):
            out += indent + "<\(name)>" + Self.escapedXML(text ?? "") + "</\(name)>\n"
        case .number(let literal):
            out += indent + "<\(name)>" + (literal ?? "") + "</\(name)>\n"
        case .boolean(let value):
            out += indent + "<\(name)>" + (value.map { $0 ? "true" : "false" } ?? "") + "</\(name)>\n"
        case .object(let fields):
            writeContainer(named: name, indent: indent, isEmpty: fields.isEmpty, into: &out) { out in
                for field in fields { field.value.writeXML(named: field.name, depth: depth + 1, into: &out) }
            }
        case .list(let item, let items):
            writeContainer(named: name, indent: indent, isEmpty: items.isEmpty, into: &out) { out in
                for entry in items { entry.writeXML(named: item, depth: depth + 1, into: &out) }
            }
        }
    }

    private func writeContainer(named name: String, indent: String, isEmpty: Bool, into out: inout String,
                                children: (inout String) -> Void) {
        guard !isEmpty else {
            out += indent + "<\(name)></\(name)>\n"
            return
        }
        out += indent + "<\(name)>\n"
        children(&out)
        out += indent + "</\(name)>\n"
    }

    /// Element text with the five XML special characters escaped. A carriage return becomes `&#13;`
    /// so that parsers keep it; characters XML 1.0 cannot carry at all (control characters other
    /// than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD.
    static func escapedXML(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            default:
                if isXMLCharacter(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\u{FFFD}"
                }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
