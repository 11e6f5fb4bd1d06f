/// 纠错等级 — the error-correction level of a QR code (ISO/IEC 18004 §7.5.1): how much of the symbol
/// may be damaged and still read (about 7, 15, 25 and 30 per cent of codewords).
public enum QRErrorCorrection: String, Codable, CaseIterable, Sendable {
    /// L — about 7 %.
    case low
    /// M — about 15 %; the default for labels.
    case medium
    /// Q — about 25 %.
    case quartile
    /// H — about 30 %.
    case high

    /// The two bits the format information carries (L = 01, M = 00, Q = 11, H = 10; §7.9.1).
    var formatBits: Int {
        switch self {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
    }

    /// The row of the block tables (L, M, Q, H).
    var tableIndex: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
    }
}
