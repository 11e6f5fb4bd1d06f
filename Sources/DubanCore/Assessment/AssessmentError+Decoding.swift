extension AssessmentError {
    /// The error for a line that `JSONDecoder` refused, naming the JSON path of the field at fault.
    init(decodingError: DecodingError, line: Int) {
        switch decodingError {
        case .keyNotFound(let key, let context):
            self = .missingField(line: line, field: Self.path(context.codingPath + [key]))
        case .valueNotFound(_, let context):
            self = .missingField(line: line, field: Self.path(context.codingPath))
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty {
                self = .invalidJSON(line: line)
            } else {
                self = .invalidType(line: line, field: Self.path(context.codingPath), expected: Self.jsonName(of: type))
            }
        case .dataCorrupted(let context):
            if let problem = context.underlyingError as? InputProblem {
                self = problem.error(line: line, field: Self.path(context.codingPath))
            } else if context.codingPath.isEmpty {
                self = .invalidJSON(line: line)
            } else {
                self = .invalidValue(line: line, field: Self.path(context.codingPath),
                                     chinese: "无法读取", english: context.debugDescription)
            }
        @unknown default:
            self = .invalidJSON(line: line)
        }
    }

    /// `extensions[1].requestedAt`: array positions (whose string value is "Index N") in brackets.
    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue != String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// The JSON type a Swift type is read from.
    private static func jsonName(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Bool.Type: "boolean"
        case is Int.Type: "integer"
        case is Double.Type: "number"
        case is [Any].Type: "array"
        default: "object"
        }
    }
}
