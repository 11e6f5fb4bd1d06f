/// 应急救援识别码 — the short code posted in each elevator car that a trapped passenger reads out to
/// the rescue line, as on the 96333 platforms: a sequence number of
/// ``ElevatorConfiguration/rescueCodeSerialDigits`` digits (default 5) and one check digit.
///
/// The check digit is Damm's (H. M. Damm, 2004): it catches every single wrong digit (a misheard "1"
/// for "7") and every swap of two adjacent digits. The seed names no code; the format is Duban's
/// documented default.
public struct RescueCode: Hashable, Sendable, CustomStringConvertible {
    /// The digits allowed for the sequence part.
    public static let serialDigitRange = 3...9

    /// The `serialDigits` + 1 digits, check digit last, e.g. "000013" for sequence 1.
    public let value: String
    /// The sequence number the code was made from.
    public let sequence: Int

    /// The code for `sequence` (1…10^serialDigits − 1), zero-padded.
    public static func make(sequence: Int, serialDigits: Int = 5) throws(ElevatorError) -> RescueCode {
        guard serialDigitRange.contains(serialDigits) else {
            throw .invalidConfiguration(field: "rescueCodeSerialDigits", reason: "must be 3…9, got \(serialDigits)")
        }
        let maximum = power10(serialDigits) - 1
        guard (1...maximum).contains(sequence) else { throw .sequenceOutOfRange(sequence: sequence, maximum: maximum) }
        let serial = String(repeating: "0", count: serialDigits - String(sequence).count) + String(sequence)
        let digits = serial.compactMap(\.wholeNumberValue)
        return RescueCode(value: serial + String(checkDigit(for: digits)), sequence: sequence)
    }

    /// Reads a code as typed or read out: spaces, hyphens and full-width digits are tolerated. Throws
    /// ``ElevatorError/malformedRescueCode(digits:)`` when it is not `serialDigits` + 1 digits and
    /// ``ElevatorError/rescueCodeCheckFailed`` when the check digit does not match.
    public init(validating text: String, serialDigits: Int = 5) throws(ElevatorError) {
        guard Self.serialDigitRange.contains(serialDigits) else {
            throw .invalidConfiguration(field: "rescueCodeSerialDigits", reason: "must be 3…9, got \(serialDigits)")
        }
        let compact = TextNormalization.nameKey(text).filter { $0 != "-" }
        let digits = compact.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == compact.count, digits.count == serialDigits + 1 else {
            throw .malformedRescueCode(digits: serialDigits + 1)
        }
        guard Self.checkDigit(for: digits) == 0 else { throw .rescueCodeCheckFailed }
        let sequence = digits.dropLast().reduce(0) { $0 * 10 + $1 }
        guard sequence > 0 else { throw .sequenceOutOfRange(sequence: 0, maximum: Self.power10(serialDigits) - 1) }
        self.init(value: compact, sequence: sequence)
    }

    private init(value: String, sequence: Int) {
        self.value = value
        self.sequence = sequence
    }

    /// The code's digits.
    public var description: String { value }

    /// Damm's check digit of `digits` (each 0–9): the interim digit after running them through the
    /// quasigroup table. A code with its check digit appended has check digit 0.
    public static func checkDigit(for digits: [Int]) -> Int {
        digits.reduce(0) { interim, digit in dammTable[interim][digit] }
    }

    /// Damm's order-10 totally anti-symmetric quasigroup (weak table, zeros on the diagonal).
    static let dammTable: [[Int]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    private static func power10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { result, _ in result * 10 }
    }
}
