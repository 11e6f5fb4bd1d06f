/// A1-style cell references: column letters (A = 1 … Z = 26, AA = 27 … XFD = 16,384) then the row number.
enum XLSXCellReference {
    /// The letters of 1-based column `index` (bijective base 26).
    static func columnName(_ index: Int) -> String {
        var letters: [Character] = []
        var rest = index
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            rest = (rest - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `B3` for column 2, row 3 (both 1-based).
    static func name(column: Int, row: Int) -> String { "\(columnName(column))\(row)" }

    /// A parsed reference. `column` or `row` is `nil` when the text has no letters or no digits. Values too
    /// large for `Int` saturate at `Int.max` (callers compare them with their limits).
    struct Parsed: Equatable {
        var column: Int?
        var row: Int?
    }

    /// Parses `C5`, `XFD1048576`, `C` or `5`; `nil` for anything else (lower case, `$`, ranges, `A0`).
    static func parse(_ text: String) -> Parsed? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A where digits == 0:
                letters += 1
                column = saturating(column, times: 26, plus: Int(byte - 0x40))
            case 0x30...0x39:
                if digits == 0 && byte == 0x30 { return nil }
                digits += 1
                row = saturating(row, times: 10, plus: Int(byte - 0x30))
            default:
                return nil
            }
        }
        guard letters + digits > 0 else { return nil }
        return Parsed(column: letters > 0 ? column : nil, row: digits > 0 ? row : nil)
    }

    private static func saturating(_ value: Int, times factor: Int, plus digit: Int) -> Int {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        let (sum, overflow2) = product.addingReportingOverflow(digit)
        return overflow || overflow2 ? Int.max : sum
    }
}
