/// Text as it goes into and comes out of spreadsheet XML.
enum XLSXText {
    /// XML 1.0 `Char`: tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
    /// (Swift strings never hold lone surrogates.)
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` with every character XML cannot carry replaced by `replacement` (itself cleaned).
    static func sanitized(_ text: String, replacement: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isXMLCharacter) else { return text }
        let cleanReplacement = String(String.UnicodeScalarView(replacement.unicodeScalars.filter(isXMLCharacter)))
        var out = ""
        for scalar in text.unicodeScalars {
            if isXMLCharacter(scalar) { out.unicodeScalars.append(scalar) } else { out += cleanReplacement }
        }
        return out
    }

    /// Protects text that looks like Excel's `_xHHHH_` escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), which
    /// Excel would otherwise turn into the character U+HHHH: the leading `_` is written as `_x005F_`.
    static func protectingEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", escapeValue(in: scalars, at: index) != nil {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Decodes Excel's `_xHHHH_` escapes in one left-to-right pass (`_x005F_x0041_` is `_x0041_`).
    /// An escape that names no valid character is kept as written.
    static func decodingEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", let value = escapeValue(in: scalars, at: index),
               let decoded = Unicode.Scalar(value) {
                out.append(decoded)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    /// The value of `_xHHHH_` starting at `index`, if one starts there.
    private static func escapeValue(in scalars: [Unicode.Scalar], at index: Int) -> UInt32? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
              scalars[index + 6] == "_" else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[(index + 2)...(index + 5)] {
            guard let digit = hexDigit(scalar) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// Escapes element content. Carriage returns become `&#13;`, which XML parsers keep (a literal CR would
    /// be read back as a line feed).
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes an attribute value in double quotes; white-space controls become character references so that
    /// attribute normalisation keeps them.
    static func escapedAttribute(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether a `<t>` holding `text` needs `xml:space="preserve"` to keep its surrounding white space.
    static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }
}
