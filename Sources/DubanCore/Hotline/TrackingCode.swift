/// 查询码 — the code a member of the public gets for a submitted case, to track it on the status page:
/// "RX", the China date of receipt (8 digits), the day's sequence number (6 digits) and a check digit,
/// written `RX20261123-000123-7`. The format is Duban's (the seed has none).
///
/// The check digit is Damm's over the 14 digits (``RescueCode/checkDigit(for:)``, as the elevator rescue
/// codes use): it catches every single mistyped digit and every swap of two adjacent digits, the check
/// digit included. Reading is forgiving: lower case, spaces, missing hyphens and full-width characters
/// are accepted.
public struct TrackingCode: Hashable, Codable, Sendable, CustomStringConvertible {
    /// "RX" — 热线.
    public static let prefix = "RX"
    /// The largest sequence number of a day.
    public static let maximumSequence = 999_999

    /// The China date the case was received.
    public let date: LocalDate
    /// The day's sequence number, 1…``maximumSequence``.
    public let sequence: Int
    /// The check digit.
    public let checkDigit: Int

    /// The code for the `sequence`-th case received on `date`.
    public init(date: LocalDate, sequence: Int) throws(HotlineError) {
        guard (1...Self.maximumSequence).contains(sequence) else {
            throw .invalidValue(field: "sequence", chinese: "序号应为1–\(Self.maximumSequence)",
                                english: "the sequence must be 1…\(Self.maximumSequence), got \(sequence)")
        }
        guard (1000...9999).contains(date.year) else {
            throw .invalidValue(field: "date", chinese: "日期年份应为四位数", english: "the year must have 4 digits")
        }
        self.date = date
        self.sequence = sequence
        self.checkDigit = RescueCode.checkDigit(for: Self.digits(date: date, sequence: sequence))
    }

    /// Reads a code as typed. Throws ``HotlineError/malformedTrackingCode`` when it is not "RX" and
    /// 15 digits forming a real date and a sequence 1…999999, and
    /// ``HotlineError/trackingCodeCheckFailed`` when the check digit does not match.
    public init(validating text: String) throws(HotlineError) {
        let compact = TextNormalization.nameKey(text).uppercased().filter { $0 != "-" }
        guard compact.hasPrefix(Self.prefix) else { throw .malformedTrackingCode }
        let body = compact.dropFirst(Self.prefix.count)
        let digits = body.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == body.count, digits.count == 15 else { throw .malformedTrackingCode }
        guard RescueCode.checkDigit(for: digits) == 0 else { throw .trackingCodeCheckFailed }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        guard let date = LocalDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)) else {
            throw .malformedTrackingCode
        }
        let sequence = number(8..<14)
        guard sequence >= 1 else { throw .malformedTrackingCode }
        try self.init(date: date, sequence: sequence)
    }

    /// Whether `text` reads as a valid code.
    public static func isValid(_ text: String) -> Bool {
        (try? TrackingCode(validating: text)) != nil
    }

    /// `RX20261123-000123-7`.
    public var description: String {
        let dateDigits = Self.digits(date: date, sequence: sequence).prefix(8).map(String.init).joined()
        let sequenceText = String(sequence)
        return "\(Self.prefix)\(dateDigits)-\(String(repeating: "0", count: 6 - sequenceText.count))\(sequenceText)-\(checkDigit)"
    }

    /// The compact form without hyphens, as stored and indexed: `RX202611230001237`.
    public var compact: String {
        description.filter { $0 != "-" }
    }

    private static func digits(date: LocalDate, sequence: Int) -> [Int] {
        func digits(_ value: Int, _ width: Int) -> [Int] {
            (0..<width).reversed().map { (value / power10($0)) % 10 }
        }
        return digits(date.year, 4) + digits(date.month, 2) + digits(date.day, 2) + digits(sequence, 6)
    }

    private static func power10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { result, _ in result * 10 }
    }

    /// Encodes as the string `RX20261123-000123-7`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes and validates the string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }
}
