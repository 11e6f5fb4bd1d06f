import Vapor

/// The one error type of the API: a stable machine-readable `code`, a message for people, the HTTP
/// status and, when one field of the request is at fault, that field's name.
public struct DubanError: Error, Sendable, Equatable {
    public var status: HTTPResponseStatus
    public var code: String
    public var message: String
    public var field: String?
    /// Seconds for a `Retry-After` header (429, 503).
    public var retryAfter: Int?

    public init(_ status: HTTPResponseStatus, code: String, message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    public static func invalid(_ field: String, _ message: String, code: String = "invalid_field") -> DubanError {
        DubanError(.unprocessableEntity, code: code, message: message, field: field)
    }

    public static func badRequest(_ message: String, field: String? = nil) -> DubanError {
        DubanError(.badRequest, code: "bad_request", message: message, field: field)
    }

    public static func notFound(_ what: String) -> DubanError {
        DubanError(.notFound, code: "not_found", message: "\(what)不存在 / \(what) not found")
    }

    public static let unauthenticated = DubanError(.unauthorized, code: "unauthenticated", message: "请先登录 / authentication required")
    public static let forbidden = DubanError(.forbidden, code: "forbidden", message: "无权执行此操作 / not allowed for your role")

    public static func conflict(_ message: String, code: String = "conflict", field: String? = nil) -> DubanError {
        DubanError(.conflict, code: code, message: message, field: field)
    }
}

/// The JSON body of every error response: `{"error":{"code","message","field"}}`.
struct ErrorBody: Content {
    struct Detail: Codable {
        var code: String
        var message: String
        var field: String?
    }
    var error: Detail
}
