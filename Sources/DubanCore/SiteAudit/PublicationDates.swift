/// Publication dates shown on a page: `2026-11-20`, `2026/11/20`, `2026.11.20` and
/// `2026年11月20日` (spaces allowed around 年 月 日, full-width digits accepted). A date needs a
/// four-digit year; `11-20` alone is not a date, and the census standard counts information without a
/// publication date as not updated ("未注明信息发布时间的视为不更新", 000 阳政办(2017)46号 附件2).
public enum PublicationDates {
    /// Every valid date in `text`, in order of appearance (duplicates kept: each is one entry).
    public static func find(in text: String) -> [LocalDate] {
        let chars = Array(text).map(normalizeDigit)
        var dates: [LocalDate] = []
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber) else { i += 1; continue }
            if let found = parse(chars, at: i) {
                dates.append(found.0)
                i = found.1
            } else {
                i += 1
            }
        }
        return dates
    }

    private static func normalizeDigit(_ c: Character) -> Character {
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(scalar.value) {
            return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        }
        return c
    }

    private static func digits(_ chars: [Character], at start: Int, min: Int, max: Int) -> (Int, Int)? {
        var i = start
        var value = 0
        while i < chars.count, i - start < max, chars[i].isASCII, let d = chars[i].wholeNumberValue {
            value = value * 10 + d
            i += 1
        }
        let count = i - start
        guard count >= min else { return nil }
        // A longer run of digits is not this field.
        if i < chars.count, chars[i].isASCII, chars[i].isNumber { return nil }
        return (value, i)
    }

    private static func skipSpaces(_ chars: [Character], _ i: Int) -> Int {
        var i = i
        while i < chars.count, chars[i] == " " || chars[i] == "\u{3000}" { i += 1 }
        return i
    }

    private static func parse(_ chars: [Character], at start: Int) -> (LocalDate, Int)? {
        guard let yearField = digits(chars, at: start, min: 4, max: 4), (1990...2100).contains(yearField.0) else { return nil }
        let year = yearField.0
        var i = yearField.1
        let chinese: Bool
        let separator: Character
        let probe = skipSpaces(chars, i)
        if probe < chars.count, chars[probe] == "年" {
            chinese = true; separator = "年"; i = skipSpaces(chars, probe + 1)
        } else if i < chars.count, ["-", "/", "."].contains(chars[i]) {
            chinese = false; separator = chars[i]; i += 1
        } else {
            return nil
        }
        guard let monthField = digits(chars, at: i, min: 1, max: 2) else { return nil }
        let month = monthField.0
        i = monthField.1
        if chinese {
            i = skipSpaces(chars, i)
            guard i < chars.count, chars[i] == "月" else { return nil }
            i = skipSpaces(chars, i + 1)
        } else {
            guard i < chars.count, chars[i] == separator else { return nil }
            i += 1
        }
        guard let dayField = digits(chars, at: i, min: 1, max: 2) else { return nil }
        let day = dayField.0
        i = dayField.1
        if chinese {
            let probe = skipSpaces(chars, i)
            if probe < chars.count, chars[probe] == "日" || chars[probe] == "号" { i = probe + 1 }
        }
        guard let date = LocalDate(year: year, month: month, day: day) else { return nil }
        return (date, i)
    }
}
