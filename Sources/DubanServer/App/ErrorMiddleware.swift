import AsyncKit
import FluentKit
import LeafKit
import NIOCore
import NIOPosix
import PostgresNIO
import Vapor

/// Turns every error into `{"error":{…}}` (API) or a short HTML page (web), never leaking internals.
/// Decoding failures name the offending field; anything unexpected is logged and answered with 500.
struct DubanErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let failure = Self.describe(error, request: request)
            if failure.status.code >= 500 {
                request.logger.report(error: error)
            }
            return Self.response(for: failure, request: request)
        }
    }

    static func describe(_ error: any Error, request: Request) -> DubanError {
        switch error {
        case let error as DubanError:
            return error
        case let error as DecodingError:
            return describe(decoding: error)
        case let error as any AbortError:
            switch error.status {
            case .payloadTooLarge:
                return DubanError(.payloadTooLarge, code: "body_too_large", message: "请求体过大 / request body too large")
            case .unsupportedMediaType:
                return DubanError(.unsupportedMediaType, code: "unsupported_media_type",
                                  message: "请使用 application/json / send application/json")
            case .notFound:
                return DubanError(.notFound, code: "not_found", message: "页面不存在 / not found")
            case .forbidden:
                return DubanError(.forbidden, code: "forbidden", message: "禁止访问 / forbidden")
            default:
                let status = error.status.code >= 500 ? HTTPResponseStatus.internalServerError : error.status
                return DubanError(status, code: status.code >= 500 ? "internal" : "bad_request",
                                  message: status.code >= 500 ? "服务器内部错误 / internal error" : error.reason)
            }
        default:
            if isConnectionFailure(error) {
                var failure = DubanError(.serviceUnavailable, code: "database_unavailable",
                                         message: "数据库暂不可用，请稍后重试 / database unavailable, retry later")
                failure.retryAfter = 5
                return failure
            }
            return DubanError(.internalServerError, code: "internal", message: "服务器内部错误 / internal error")
        }
    }

    static func describe(decoding error: DecodingError) -> DubanError {
        func path(_ context: DecodingError.Context, extra: (any CodingKey)? = nil) -> String? {
            let keys = context.codingPath + (extra.map { [$0] } ?? [])
            let name = keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return name.isEmpty ? nil : name
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context, extra: key)
            return DubanError(.unprocessableEntity, code: "missing_field",
                              message: "缺少必填字段 \(field ?? key.stringValue) / missing field", field: field)
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context)
            return DubanError(.unprocessableEntity, code: "invalid_type",
                              message: "字段类型错误 / wrong type for \(field ?? "body")", field: field)
        case .dataCorrupted(let context):
            if let field = path(context) {
                return DubanError(.unprocessableEntity, code: "invalid_field",
                                  message: "字段取值无效 / invalid value for \(field)", field: field)
            }
            return DubanError(.badRequest, code: "malformed_body",
                              message: "请求体不是合法的 JSON（UTF-8）/ body is not valid JSON")
        @unknown default:
            return DubanError(.badRequest, code: "malformed_body", message: "请求体无法解析 / body could not be read")
        }
    }

    /// Connection-level failures of either driver (PostgreSQL down, pool exhausted or closed).
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if error is ConnectionPoolTimeoutError || error is ConnectionPoolError { return true }
        if let error = error as? any DatabaseError, error.isConnectionClosed { return true }
        if let error = error as? PSQLError {
            if error.code == .server, let state = error.serverInfo?[.sqlState] {
                // 08: connection exception; 57P: the server is shutting down or restarting
                // (admin_shutdown, crash_shutdown, cannot_connect_now); 53300: too many connections.
                return state.hasPrefix("08") || state.hasPrefix("57P") || state == "53300"
            }
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed]
                .contains(error.code)
        }
        return error is NIOConnectionError || error is ChannelError
    }

    static func response(for failure: DubanError, request: Request) -> Response {
        let wantsHTML = !request.url.path.hasPrefix("/api/") && !request.url.path.hasPrefix("/open311/")
            && (request.headers.first(name: .accept)?.contains("text/html") ?? false)
        let response: Response
        if wantsHTML {
            response = Response(status: failure.status)
            let body = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(failure.status.code)</title>"
                + "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/duban.css\"></head><body><main class=\"error-page\"><h1>\(failure.status.code)</h1><p>"
                + failure.message.htmlEscaped() + "</p><p><a href=\"/\">返回首页 / Home</a></p></main></body></html>"
            response.headers.contentType = .html
            response.body = .init(string: body)
        } else {
            response = Response(status: failure.status)
            let body = ErrorBody(error: .init(code: failure.code, message: failure.message, field: failure.field))
            do {
                try response.content.encode(body, as: .json)
            } catch {
                response.body = .init(string: #"{"error":{"code":"internal","message":"internal error"}}"#)
            }
        }
        if let seconds = failure.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        if failure.status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        return response
    }
}
