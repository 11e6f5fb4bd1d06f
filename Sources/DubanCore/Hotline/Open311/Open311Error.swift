/// One GeoReport v2 error, rendered as `{"code":400,"description":"…"}` inside an `errors` array.
/// `code` is the HTTP status the response carries, as the spec's examples show; `kind` is Duban's
/// stable machine-readable reason and `field` the offending parameter, both for the server's logs
/// (GeoReport clients see only `code` and `description`).
public struct Open311Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the request was refused.
    public enum Kind: String, CaseIterable, Codable, Hashable, Sendable {
        /// A required parameter is absent or empty (400).
        case missingParameter = "missing_parameter"
        /// A parameter is present but malformed, out of range or too long (400).
        case invalidParameter = "invalid_parameter"
        /// None of `lat`+`long`, `address_string`, `address_id` was given (400).
        case missingLocation = "missing_location"
        /// The `api_key` is absent or not accepted (403).
        case invalidAPIKey = "invalid_api_key"
        /// The service code, request id or token does not exist (404).
        case notFound = "not_found"

        /// The HTTP status GeoReport v2 gives this kind of error.
        public var httpStatus: Int {
            switch self {
            case .missingParameter, .invalidParameter, .missingLocation: return 400
            case .invalidAPIKey: return 403
            case .notFound: return 404
            }
        }
    }

    /// Duban's stable reason; `kind.rawValue` is the string code for logs.
    public let kind: Kind
    /// The parameter at fault, e.g. `service_code`, `lat`, `attribute[WEIGHT]`; not rendered.
    public let field: String
    /// `description`: the bilingual message, `中文 / English`.
    public let description: String

    /// `code`: the HTTP status of the response.
    public var code: Int { kind.httpStatus }

    /// `kind (field): description`, for logs.
    public var logDescription: String { "\(kind.rawValue) (\(field)): \(description)" }

    /// Each parameter sets the property of the same name.
    public init(kind: Kind, field: String, description: String) {
        self.kind = kind
        self.field = field
        self.description = description
    }

    /// A required parameter is missing.
    public static func missing(_ field: String) -> Open311Error {
        Open311Error(kind: .missingParameter, field: field,
                     description: "缺少必填参数 \(field) / \(field) is required")
    }

    /// A parameter is malformed; `chinese` and `english` say what is wrong with it.
    public static func invalid(_ field: String, chinese: String, english: String) -> Open311Error {
        Open311Error(kind: .invalidParameter, field: field,
                     description: "参数 \(field) 无效：\(chinese) / \(field) is invalid: \(english)")
    }

    /// No location was given (GeoReport v2 POST Service Request: "lat & long or address_string or
    /// address_id" is required).
    public static let missingLocation = Open311Error(
        kind: .missingLocation, field: "location",
        description: "须提供位置：lat 和 long，或 address_string，或 address_id / "
            + "a location is required: lat and long, address_string or address_id")

    /// The `api_key` was missing or refused (the spec's own example error, code 403).
    public static let invalidAPIKey = Open311Error(
        kind: .invalidAPIKey, field: "api_key",
        description: "api_key 无效，无法提交 / Invalid api_key received -- can't proceed with create_request.")

    /// The thing named by `field` (`service_code`, `service_request_id`, `token`, `jurisdiction_id`)
    /// does not exist. The value itself is not echoed.
    public static func notFound(_ field: String) -> Open311Error {
        Open311Error(kind: .notFound, field: field, description: "\(field) 不存在 / \(field) was not found")
    }
}

/// Every problem found in one request, rendered as the GeoReport v2 `errors` document. Never empty.
public struct Open311ErrorList: Error, Hashable, Sendable, CustomStringConvertible {
    /// The errors, in the order the parameters were checked.
    public let errors: [Open311Error]

    /// The list `first` followed by `more`.
    public init(_ first: Open311Error, _ more: [Open311Error] = []) {
        errors = [first] + more
    }

    /// The errors collected, or nil when there are none.
    init?(collected: [Open311Error]) {
        guard let first = collected.first else { return nil }
        self.init(first, Array(collected.dropFirst()))
    }

    /// The HTTP status of the response: that of the first error.
    public var httpStatus: Int { errors[0].code }

    /// All errors' log descriptions, joined by `; `.
    public var description: String { errors.map(\.logDescription).joined(separator: "; ") }
}
