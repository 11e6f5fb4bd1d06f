/// Why a scheme or a scoring request was refused: a stable `code`, the `field` at fault as a JSON
/// path (`items[2].rule.bands[1].atLeastPercent`) and a bilingual message.
public enum SchemeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required field is blank or a list is empty.
    case missingField(String)
    /// A value is not allowed, for the reason given in both languages.
    case invalidValue(field: String, chinese: String, english: String)
    /// Two items (or two units) have the same code.
    case duplicateCode(field: String, code: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .missingField: "missing_field"
        case .invalidValue: "invalid_value"
        case .duplicateCode: "duplicate_code"
        }
    }

    /// The field at fault.
    public var field: String {
        switch self {
        case .missingField(let field), .invalidValue(let field, _, _), .duplicateCode(let field, _): field
        }
    }

    /// `中文 / English`.
    public var message: String {
        switch self {
        case .missingField(let field): "缺少必填字段 \(field) / required field \(field) is missing or empty"
        case .invalidValue(_, let chinese, let english): "\(chinese) / \(english)"
        case .duplicateCode(_, let code): "编码“\(code)”重复 / code \"\(code)\" appears twice"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }
}
