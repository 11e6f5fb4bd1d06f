/// 二维码 — a QR code symbol (ISO/IEC 18004, Model 2), made in-process for the printable public elevator
/// label (SPEC M7: "a printable QR code label per elevator").
///
/// Text is encoded in byte mode as UTF-8, in the smallest version (1–40) that holds it at the chosen
/// error-correction level; all eight masks are tried and the one with the lowest penalty under the
/// standard's four rules kept. Text that is not plain ASCII is preceded by the ECI designator 26
/// (UTF-8; ISO/IEC 18004 §7.4.2.2), because readers left to guess may take UTF-8 Chinese for
/// Shift JIS; plain ASCII (a label's URL) gets no ECI, which every reader handles.
public struct QRCode: Hashable, Sendable {
    /// The version, 1–40.
    public let version: Int
    /// The error-correction level.
    public let errorCorrection: QRErrorCorrection
    /// The data mask applied, 0–7.
    public let mask: Int
    /// The modules, `modules[row][column]`, `true` = dark; `size` × `size`, without the quiet zone.
    public let modules: [[Bool]]

    /// Modules per side: 17 + 4 × version.
    public var size: Int { modules.count }

    /// Whether the module at `row`, `column` is dark; modules outside the symbol are light.
    public func isDark(row: Int, column: Int) -> Bool {
        guard (0..<size).contains(row), (0..<size).contains(column) else { return false }
        return modules[row][column]
    }

    /// Encodes `text` (UTF-8, byte mode; with the UTF-8 ECI when it is not plain ASCII) at
    /// `errorCorrection`. Throws ``QRCodeError/dataTooLong(bytes:maximum:)`` when it does not fit
    /// version 40.
    public static func encode(_ text: String, errorCorrection: QRErrorCorrection = .medium) throws(QRCodeError) -> QRCode {
        let bytes = Array(text.utf8)
        return try encode(bytes: bytes, errorCorrection: errorCorrection, declaresUTF8: bytes.contains { $0 >= 0x80 })
    }

    /// Encodes `bytes` in byte mode in the smallest version from `minimumVersion` to `maximumVersion`
    /// that holds them. `declaresUTF8` writes the ECI designator 26 (UTF-8) first; `mask` forces a
    /// data mask (for tests), nil picks the best.
    public static func encode(
        bytes: [UInt8], errorCorrection: QRErrorCorrection = .medium, declaresUTF8: Bool = false,
        minimumVersion: Int = 1, maximumVersion: Int = 40, mask: Int? = nil
    ) throws(QRCodeError) -> QRCode {
        guard QRTables.versions.contains(minimumVersion) else { throw .invalidVersion(minimumVersion) }
        guard QRTables.versions.contains(maximumVersion), minimumVersion <= maximumVersion else {
            throw .invalidVersion(maximumVersion)
        }
        if let mask, !(0...7).contains(mask) { throw .invalidMask(mask) }
        guard let version = smallestVersion(
            byteCount: bytes.count, errorCorrection: errorCorrection, declaresUTF8: declaresUTF8, from: minimumVersion, to: maximumVersion)
        else {
            throw .dataTooLong(bytes: bytes.count, maximum: QRTables.byteCapacity(maximumVersion, errorCorrection, declaresUTF8: declaresUTF8))
        }
        let data = dataCodewords(bytes: bytes, version: version, errorCorrection: errorCorrection, declaresUTF8: declaresUTF8)
        let codewords = interleavedCodewords(data: data, version: version, errorCorrection: errorCorrection)
        let symbol = QRMatrix.symbol(version: version, errorCorrection: errorCorrection, codewords: codewords, mask: mask)
        return QRCode(version: version, errorCorrection: errorCorrection, mask: symbol.mask, modules: symbol.rows)
    }

    /// The smallest version in `from…to` whose byte-mode capacity at `errorCorrection` is at least
    /// `byteCount`, or nil.
    static func smallestVersion(
        byteCount: Int, errorCorrection: QRErrorCorrection, declaresUTF8: Bool = false, from: Int = 1, to: Int = 40
    ) -> Int? {
        (from...to).first { QRTables.byteCapacity($0, errorCorrection, declaresUTF8: declaresUTF8) >= byteCount }
    }
}
