/// Why a QR code could not be made. Stable `code`, `field` and a bilingual message, as the API's
/// errors have.
public enum QRCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The data needs more than `maximum` bytes, the capacity of the largest allowed version.
    case dataTooLong(bytes: Int, maximum: Int)
    /// A version bound is outside 1…40 or the minimum exceeds the maximum.
    case invalidVersion(Int)
    /// A forced mask is outside 0…7.
    case invalidMask(Int)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .dataTooLong: "qr_data_too_long"
        case .invalidVersion: "qr_invalid_version"
        case .invalidMask: "qr_invalid_mask"
        }
    }

    /// The input at fault.
    public var field: String {
        switch self {
        case .dataTooLong: "text"
        case .invalidVersion: "version"
        case .invalidMask: "mask"
        }
    }

    /// "中文 / English".
    public var message: String {
        switch self {
        case .dataTooLong(let bytes, let maximum):
            "内容为\(bytes)字节，超过二维码容量\(maximum)字节 / the text is \(bytes) bytes, more than the \(maximum) bytes the QR code holds"
        case .invalidVersion(let version):
            "二维码版本\(version)无效，须为1–40 / QR version \(version) is not 1–40"
        case .invalidMask(let mask):
            "掩模\(mask)无效，须为0–7 / mask \(mask) is not 0–7"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }
}
