/// The keys by which complaints about the same matter are found: the server stores them with each
/// case and indexes (phone_key, category, received_at) and (address_key, category, received_at).
public enum RepeatComplaintKeys {
    /// Duban's default local area code: 027, Wuhan, where the seed's district lies. A landline written
    /// with it ("027-84842686") gets the same key as without it ("84842686").
    public static let defaultLocalAreaCode = "027"

    /// The phone key: ``nationalDigits(_:)``, then
    /// - for a mobile (11 digits starting with 1), the last 11 digits kept, so a dialling prefix such
    ///   as "0" or "17951" is dropped;
    /// - for a landline, `localAreaCode` removed when 7–8 digits remain.
    /// "+86 138-7111-2345", "0086 13871112345" and "138 7111 2345" all give "13871112345";
    /// "027-84842686", "+86 27 8484 2686" and "84842686" all give "84842686". Nil when there is no digit.
    public static func phoneKey(_ text: String, localAreaCode: String? = defaultLocalAreaCode) -> String? {
        var digits = nationalDigits(text)
        guard !digits.isEmpty else { return nil }
        let lastEleven = digits.suffix(11)
        if lastEleven.count == 11, lastEleven.hasPrefix("1") {
            return String(lastEleven)
        }
        if let code = localAreaCode, !code.isEmpty, digits.hasPrefix(code), (7...8).contains(digits.count - code.count) {
            digits.removeFirst(code.count)
        }
        return digits
    }

    /// The digits of a phone number as dialled inside China: full-width digits folded, everything but
    /// digits dropped, and an international prefix ("0086", "+86", or "86" before an 11-digit mobile)
    /// removed; a landline written internationally gets its trunk "0" back ("+86 27 84842686" →
    /// "02784842686").
    public static func nationalDigits(_ text: String) -> String {
        let folded = TextNormalization.nameKey(text)
        var digits = folded.filter { $0.isASCII && $0.isNumber }
        var international = true
        if digits.hasPrefix("0086") {
            digits.removeFirst(4)
        } else if folded.hasPrefix("+86") || (digits.count == 13 && digits.hasPrefix("861")) {
            digits.removeFirst(2)
        } else {
            international = false
        }
        if international, !digits.isEmpty, !digits.hasPrefix("0"), !digits.hasPrefix("1") {
            digits = "0" + digits
        }
        return digits
    }

    /// The address key: NFC, full-width letters and digits folded to half-width, whitespace,
    /// punctuation and symbols removed, Latin lower-cased (``HotlineText/matchKey(_:)``).
    /// "汉阳区 建桥街１２号" and "汉阳区建桥街12号" give the same key. Nil when nothing is left.
    public static func addressKey(_ text: String) -> String? {
        let key = HotlineText.matchKey(text)
        return key.isEmpty ? nil : key
    }
}
