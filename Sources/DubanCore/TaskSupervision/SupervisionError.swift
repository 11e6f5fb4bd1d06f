/// Why a task- or proposal-supervision input was refused: a stable `code`, the `field` at fault
/// (`tasks[3].unit`) and a bilingual message.
public enum SupervisionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required field is missing or blank.
    case missingField(String)
    /// A value is not allowed, for the reason given in both languages.
    case invalidValue(field: String, chinese: String, english: String)
    /// Two records have the same id.
    case duplicateID(field: String, id: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .missingField: "missing_field"
        case .invalidValue: "invalid_value"
        case .duplicateID: "duplicate_id"
        }
    }

    /// The field at fault.
    public var field: String {
        switch self {
        case .missingField(let field), .invalidValue(let field, _, _), .duplicateID(let field, _): field
        }
    }

    /// `中文 / English`.
    public var message: String {
        switch self {
        case .missingField(let field): "缺少必填字段 \(field) / required field \(field) is missing or blank"
        case .invalidValue(_, let chinese, let english): "\(chinese) / \(english)"
        case .duplicateID(_, let id): "编号“\(id)”重复 / id \"\(id)\" appears twice"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }
}
