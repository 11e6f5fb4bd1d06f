/// 来电人信息脱敏 — masked forms of a caller's phone and name, for viewers who may not see them in full
/// (see ``CallerVisibility``).
public enum CallerPrivacy {
    /// The masked phone, from ``RepeatComplaintKeys/nationalDigits(_:)`` (separators dropped, an
    /// international prefix removed); the hidden part is always "****", so its length is not told.
    /// - a mobile (11 digits starting with 1): first 3, "****", last 4 — "13871112345" → "138****2345",
    ///   the common form in China;
    /// - a landline with an area code (starting with 0, 10–12 digits): the area code (3 digits for 01x
    ///   and 02x, else 4), "****", last 4 — "02784466029" → "027****6029";
    /// - any other number of 7 or more digits: "****" and the last 4 — "84466029" → "****6029";
    /// - 3–6 digits: "****" and the last 2 — "95598" → "****98";
    /// - fewer than 3 digits, or none: "****".
    public static func mask(phone: String) -> String {
        let digits = RepeatComplaintKeys.nationalDigits(phone)
        let count = digits.count
        if count == 11, digits.hasPrefix("1") {
            return "\(digits.prefix(3))****\(digits.suffix(4))"
        }
        if (10...12).contains(count), digits.hasPrefix("0") {
            let areaLength = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
            return "\(digits.prefix(areaLength))****\(digits.suffix(4))"
        }
        if count >= 7 { return "****\(digits.suffix(4))" }
        if count >= 3 { return "****\(digits.suffix(2))" }
        return "****"
    }

    /// The masked name: the first character kept, every other character (spaces dropped) shown as "*":
    /// "张三" → "张*", "张三丰" → "张**", "欧阳娜娜" → "欧***", a one-character name → "*", blank → "".
    ///
    /// Decision: only the first character is kept, never the last. That is enough to address the caller
    /// (张先生/女士) and tells the least; the alternative "欧**娜" shows half of a four-character name,
    /// and keeping a whole compound surname would need a surname list.
    public static func mask(name: String) -> String {
        let characters = TextNormalization.clean(name).filter { !$0.isWhitespace }
        guard let first = characters.first else { return "" }
        guard characters.count > 1 else { return "*" }
        return String(first) + String(repeating: "*", count: characters.count - 1)
    }
}
