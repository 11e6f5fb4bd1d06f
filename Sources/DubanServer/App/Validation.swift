import DubanCore
import Foundation

/// Field checks shared by every API: each failure names its field (422).
enum Check {
    /// NFC, trimmed, 1…max characters.
    static func text(_ value: String, _ field: String, max: Int = 200) throws -> String {
        let clean = TextNormalization.clean(value)
        guard !clean.isEmpty else { throw DubanError.invalid(field, "\(field) 不能为空 / \(field) must not be empty") }
        guard clean.count <= max else {
            throw DubanError.invalid(field, "\(field) 不能超过\(max)个字符 / \(field) longer than \(max) characters")
        }
        guard !clean.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) else {
            throw DubanError.invalid(field, "\(field) 含有控制字符 / \(field) contains control characters")
        }
        return clean
    }

    /// Like `text`, but nil and empty mean "no value".
    static func optionalText(_ value: String?, _ field: String, max: Int = 200) throws -> String? {
        guard let value, !TextNormalization.clean(value).isEmpty else { return nil }
        return try text(value, field, max: max)
    }

    /// A telephone number as written in China: digits, spaces, -, +, (), ext; 3–40 characters.
    static func phone(_ value: String?, _ field: String = "phone") throws -> String? {
        guard let clean = try optionalText(value, field, max: 40) else { return nil }
        let allowed = CharacterSet(charactersIn: "0123456789-+() 转,、")
        guard clean.count >= 3, clean.unicodeScalars.allSatisfy(allowed.contains) else {
            throw DubanError.invalid(field, "电话号码格式不正确 / not a telephone number")
        }
        return clean
    }

    /// yyyy-mm-dd, a real calendar date (parsed by the core's `LocalDate`), in the years 1900–2200.
    static func date(_ value: String, _ field: String) throws -> String {
        guard let date = LocalDate(value), (1900...2200).contains(date.year) else {
            throw DubanError.invalid(field, "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd")
        }
        return date.description
    }

    static func optionalDate(_ value: String?, _ field: String) throws -> String? {
        guard let value, !value.isEmpty else { return nil }
        return try date(value, field)
    }

    static func uuid(_ value: String?, _ field: String) throws -> UUID {
        guard let value, let id = UUID(uuidString: value) else {
            throw DubanError.invalid(field, "\(field) 不是有效的标识 / \(field) is not a valid id")
        }
        return id
    }

    static func enumeration<E: RawRepresentable>(_ value: String, _ field: String, as type: E.Type) throws -> E
        where E.RawValue == String, E: CaseIterable {
        guard let parsed = E(rawValue: value) else {
            let options = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw DubanError.invalid(field, "\(field) 应为 \(options) 之一 / must be one of \(options)")
        }
        return parsed
    }
}

extension UUID {
    var text: String { uuidString.lowercased() }
}
