extension Open311Node {
    /// The node as compact JSON (RFC 8259): members in the order built, non-ASCII text written as
    /// UTF-8, `/` not escaped, control characters as escapes.
    var json: String {
        var out = ""
        writeJSON(into: &out)
        return out
    }

    private func writeJSON(into out: inout String) {
        switch self {
        case .text(let text):
            if let text { Self.writeJSONString(text, into: &out) } else { out += "null" }
        case .number(let literal):
            out += literal ?? "null"
        case .boolean(let value):
            out += value.map { $0 ? "true" : "false" } ?? "null"
        case .object(let fields):
            out += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += "," }
                Self.writeJSONString(field.name, into: &out)
                out += ":"
                field.value.writeJSON(into: &out)
            }
            out += "}"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.writeJSON(into: &out)
            }
            out += "]"
        }
    }

    private static func writeJSONString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
