/// RFC 4180 CSV: fields separated by commas, quoted with `"` when they hold a comma, quote or line
/// break, quotes doubled inside. Registers are exchanged in this form (and opened in Excel/WPS, which
/// is why `encode` starts with a UTF-8 byte-order mark when asked).
public enum CSV {
    public enum ParseError: Error, Equatable, Sendable {
        /// A quoted field was not closed; `line` is 1-based.
        case unterminatedQuote(line: Int)
        /// Text follows a closing quote inside a field.
        case textAfterQuote(line: Int)
    }

    /// Parses `text` into rows of fields. A leading byte-order mark is ignored; CRLF and LF both end a
    /// record; a final line break does not make an empty last row.
    public static func parse(_ text: String) throws(ParseError) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        if pending == "\u{FEFF}" { pending = iterator.next() }
        var started = false
        while let scalar = pending {
            pending = iterator.next()
            started = true
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = iterator.next() } else { quoted = false; afterQuote = true }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                row.append(field); field = ""; afterQuote = false
            case "\r":
                if pending == "\n" { continue }
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false; line += 1; started = false
            case "\n":
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false; line += 1; started = false
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            default:
                if afterQuote { throw .textAfterQuote(line: line) }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw .unterminatedQuote(line: line) }
        if started || !row.isEmpty || !field.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Writes rows with CRLF line ends.
    public static func encode(_ rows: [[String]], byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in rows {
            out += row.map(quote).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
