/// Reads the 完成时限 text of a task-breakdown table into a date (001 阳政办(2018)10号/11号:
/// "5月底", "6月底", "10月底前推广10所学校"; SPEC M3: "deadline text as written plus a parsed date").
///
/// The text is kept as written; the date is the last day the work may be done. Forms understood, with
/// or without a year ("2018年", "今年", "明年") in front and leading words such as 力争 / 确保 / 到:
/// - "6月30日", "6月20日前" → that day; "6月上旬" / "中旬" → the 10th / 20th;
/// - "5月底", "5月底前", "9月完成", "6月下旬" → the month's last day;
/// - "5月前" → the last day of the month before (before May = by 30 April);
/// - "年底前", "年内", "全年", "2020年底前", "下半年" → 31 December; "上半年" → 30 June;
/// - "一季度", "二季度前", "第3季度" → the quarter's last day;
/// - a range "3月至8月", "今年4月至2022年12月", "从现在起至年底" → the end of the range;
/// - `yyyy-mm-dd`.
///
/// Anything after the date ("…推广10所学校", "…组织实施") is ignored. Returns nil, leaving the text
/// alone, for what it does not read: "长期坚持", periodic text ("每月25日前", "每季度20日前出报告"),
/// or a range whose end is not a date ("2020年1月-疫情结束").
public enum TaskDeadlineParser {
    /// The deadline in `text`, with `year` (the document's year) for texts that name none.
    public static func parse(_ text: String, year: Int) -> LocalDate? {
        var rest = normalized(text)[...]
        if let iso = isoDate(rest) {
            return iso
        }
        stripLeadingWords(&rest)
        // "从现在起至年底": a range that starts now is read by its end.
        if skip(["从现在起", "從現在起", "自即日起", "从即日起", "即日起"], in: &rest) {
            skip(rangeSeparators, in: &rest)
            stripLeadingWords(&rest)
        }
        guard let (first, firstYear) = expression(&rest, defaultYear: year) else { return nil }
        skip(["之前", "以前", "前", "止"], in: &rest)
        if skip(rangeSeparators, in: &rest) {
            stripLeadingWords(&rest)
            return expression(&rest, defaultYear: firstYear)?.date
        }
        return first
    }

    /// Words between the two ends of a range: "3月至8月", "5月到8月", "2020年6月-7月".
    private static let rangeSeparators = ["至", "到", "-", "—", "–", "~", "～"]

    /// One date expression at the start of `rest`, consumed; with the year it was read in.
    private static func expression(_ rest: inout Substring, defaultYear: Int) -> (date: LocalDate, year: Int)? {
        let (year, explicit) = yearPrefix(&rest, defaultYear: defaultYear)
        if skip(["年底", "年末", "年內", "年内", "全年", "下半年"], in: &rest)
            || (explicit && skip(["底", "末", "內", "内"], in: &rest)) {
            return LocalDate(year: year, month: 12, day: 31).map { ($0, year) }
        }
        if skip(["上半年"], in: &rest) {
            return LocalDate(year: year, month: 6, day: 30).map { ($0, year) }
        }
        var probe = rest
        skip(["第"], in: &probe)
        if let quarter = number(&probe), (1...4).contains(quarter), skip(["季度"], in: &probe) {
            rest = probe
            return lastDay(year: year, month: quarter * 3).map { ($0, year) }
        }
        guard let month = number(&rest), (1...12).contains(month), skip(["月"], in: &rest) else { return nil }
        var dayProbe = rest
        if let day = number(&dayProbe), skip(["日", "号", "號"], in: &dayProbe) {
            rest = dayProbe
            return LocalDate(year: year, month: month, day: day).map { ($0, year) }
        }
        if skip(["上旬"], in: &rest) {
            return LocalDate(year: year, month: month, day: 10).map { ($0, year) }
        }
        if skip(["中旬"], in: &rest) {
            return LocalDate(year: year, month: month, day: 20).map { ($0, year) }
        }
        if skip(["之前", "以前", "前"], in: &rest) {
            // "5月前": before May begins, i.e. by the end of April.
            let previous = month == 1 ? (year - 1, 12) : (year, month - 1)
            return lastDay(year: previous.0, month: previous.1).map { ($0, year) }
        }
        skip(["底", "末", "下旬"], in: &rest)
        return lastDay(year: year, month: month).map { ($0, year) }
    }

    /// "2018年", "今年", "明年" … at the start; the year and whether the text named one.
    private static func yearPrefix(_ rest: inout Substring, defaultYear: Int) -> (Int, Bool) {
        for (word, offset) in [("今年", 0), ("本年", 0), ("当年", 0), ("當年", 0), ("明年", 1), ("次年", 1)]
        where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            return (defaultYear + offset, true)
        }
        let digits = rest.prefix(while: isDigit)
        if digits.count == 4, let year = Int(digits), rest.dropFirst(4).hasPrefix("年") {
            rest = rest.dropFirst(5)
            return (year, true)
        }
        return (defaultYear, false)
    }

    /// An ASCII or Chinese number (一 … 三十一) at the start, consumed.
    private static func number(_ rest: inout Substring) -> Int? {
        let digits = rest.prefix(while: isDigit)
        if !digits.isEmpty {
            guard digits.count <= 2, let value = Int(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            return value
        }
        let numerals = rest.prefix { chineseDigits[$0] != nil || $0 == "十" }.prefix(3)
        guard !numerals.isEmpty, let value = chineseValue(String(numerals)) else { return nil }
        rest = rest.dropFirst(numerals.count)
        return value
    }

    /// 一 … 九十九 written with 十: "十" 10, "十二" 12, "二十" 20, "三十一" 31.
    private static func chineseValue(_ text: String) -> Int? {
        let parts = text.split(separator: "十", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return text.count == 1 ? text.first.flatMap { chineseDigits[$0] } : nil
        case 2:
            let tens = parts[0].isEmpty ? 1 : parts[0].count == 1 ? parts[0].first.flatMap { chineseDigits[$0] } : nil
            let ones = parts[1].isEmpty ? 0 : parts[1].count == 1 ? parts[1].first.flatMap { chineseDigits[$0] } : nil
            guard let tens, let ones else { return nil }
            return tens * 10 + ones
        default:
            return nil
        }
    }

    private static let chineseDigits: [Character: Int] = [
        "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Consumes the first of `words` that `rest` starts with; whether one did.
    @discardableResult
    private static func skip(_ words: [String], in rest: inout Substring) -> Bool {
        for word in words where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            return true
        }
        return false
    }

    /// Drops leading words that carry no date: "力争到2013年底前" reads as "2013年底前".
    private static func stripLeadingWords(_ rest: inout Substring) {
        let words = ["力争", "力爭", "确保", "確保", "争取", "爭取", "计划", "計劃", "截至", "截止", "到", "在", "于", "於"]
        while skip(words, in: &rest) {}
    }

    /// The month's last day, or nil outside the supported years.
    private static func lastDay(year: Int, month: Int) -> LocalDate? {
        guard LocalDate.supportedYears.contains(year) else { return nil }
        return LocalDate(year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month))
    }

    /// `yyyy-mm-dd` (also with `/` or `.`), the whole text.
    private static func isoDate(_ text: Substring) -> LocalDate? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "." }
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// ASCII 0–9.
    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isNumber
    }

    /// Full-width digits and dashes made ASCII; all white space removed ("2017年 12月31日").
    private static func normalized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            switch scalar.value {
            case 0xFF10...0xFF19:
                result.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30) ?? scalar)
            case 0xFF0D:
                result.append("-")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
