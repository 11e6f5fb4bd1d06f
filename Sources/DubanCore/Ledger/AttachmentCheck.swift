import Foundation

/// 附件 — a photo or document attached to an item (SPEC M3: "报结: result, evidence photos"; issue #4:
/// "size limited, content type checked"). The claimed type must be one of ``AttachmentType`` and the
/// file's first bytes must match it, so a renamed executable is refused whatever it claims to be.
public enum AttachmentType: String, CaseIterable, Codable, Sendable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case webp = "image/webp"
    case pdf = "application/pdf"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// Photos count as site photos (现场照片); the rest are documents.
    public var isPhoto: Bool { [.jpeg, .png, .webp].contains(self) }

    /// Whether `bytes` starts the way a file of this type does.
    public func matches(_ bytes: some Collection<UInt8>) -> Bool {
        let head = Array(bytes.prefix(12))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        switch self {
        case .jpeg: return starts([0xFF, 0xD8, 0xFF])
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .webp: return head.count == 12 && Array(head[0..<4]) == Array("RIFF".utf8) && Array(head[8..<12]) == Array("WEBP".utf8)
        case .pdf: return starts(Array("%PDF-".utf8))
        case .docx, .xlsx: return starts([0x50, 0x4B, 0x03, 0x04])  // an Office Open XML package is a ZIP
        }
    }
}

/// The checks an upload passes before it is stored.
public enum AttachmentCheck {
    /// Duban's default largest attachment: 10 MiB, enough for a phone photo at full resolution or a
    /// scanned decision; not from the seeds. The server reads `DUBAN_MAX_ATTACHMENT` to change it.
    public static let defaultMaxBytes = 10 * 1024 * 1024

    /// The type of an upload named `name`, claimed as `contentType`, of `bytes`; or the error naming
    /// the field at fault (`name`, `contentType`, `file`).
    public static func check(name: String, contentType: String, bytes: some Collection<UInt8>,
                             maxBytes: Int = defaultMaxBytes) -> Result<AttachmentType, AttachmentError> {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else { return .failure(.badName) }
        guard !trimmed.contains(where: { $0 == "/" || $0 == "\\" || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            return .failure(.badName)
        }
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let type = AttachmentType(rawValue: media) else { return .failure(.typeNotAllowed(media)) }
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(maxBytes: maxBytes)) }
        guard type.matches(bytes) else { return .failure(.contentMismatch(type)) }
        return .success(type)
    }
}

/// Why an upload was refused.
public enum AttachmentError: Error, Equatable, Sendable {
    case badName
    case typeNotAllowed(String)
    case empty
    case tooLarge(maxBytes: Int)
    case contentMismatch(AttachmentType)

    public var code: String {
        switch self {
        case .badName: "invalid_field"
        case .typeNotAllowed: "type_not_allowed"
        case .empty: "empty_file"
        case .tooLarge: "too_large"
        case .contentMismatch: "content_mismatch"
        }
    }

    public var field: String {
        switch self {
        case .badName: "name"
        case .typeNotAllowed: "contentType"
        case .empty, .tooLarge, .contentMismatch: "file"
        }
    }

    public var message: String {
        switch self {
        case .badName: "文件名应为1–200个字符，不含路径 / the file name must be 1–200 characters without a path"
        case .typeNotAllowed(let type):
            "不接受的文件类型 \(type)：只收 JPEG、PNG、WebP、PDF、DOCX、XLSX / type \(type) not accepted: JPEG, PNG, WebP, PDF, DOCX, XLSX only"
        case .empty: "文件为空 / the file is empty"
        case .tooLarge(let max): "文件超过 \(max / 1024 / 1024) MB / the file exceeds \(max / 1024 / 1024) MB"
        case .contentMismatch(let type): "文件内容不是所称的 \(type.rawValue) / the content is not \(type.rawValue)"
        }
    }
}
