import DubanCore
import NIOConcurrencyHelpers
import Vapor

/// One documented API operation; every `/api/v1` route is registered through `APIRoutes.add`, which
/// puts it both in Vapor's router and in the OpenAPI document.
struct APIOperation: Sendable {
    var method: HTTPMethod
    /// OpenAPI form: `/api/v1/units/{id}`.
    var path: String
    var summary: String
    var tag: String
    var query: [QueryParameter] = []
    var requestBody: JSON?
    /// Media types of a raw (non-JSON) request body, such as an uploaded file.
    var rawBodyTypes: [String] = []
    var responses: [(status: Int, description: String, schema: JSON?)]
    /// False for the few public operations (token issue, public queries).
    var requiresAuth: Bool = true
    /// Schemas of path parameters that are not UUIDs (`{date}`, `{year}`).
    var pathSchemas: [String: JSON] = [:]
    /// Authenticated by a partner agency's `X-Agency-Key` instead of a user's token (联合奖惩).
    var agencyKey = false
    /// The only roles that may call it, checked before the body or the path is read (nil: every
    /// signed-in role, or a rule that depends on the record, checked by the handler).
    var roles: [Role]?

    struct QueryParameter: Sendable {
        var name: String
        var schema: JSON
        var required = false
        var description: String
    }
}

/// The registry of documented operations, kept in the application's storage.
final class APIRegistry: @unchecked Sendable {
    private let lock = NIOLock()
    private var operations: [APIOperation] = []

    func append(_ operation: APIOperation) { lock.withLock { operations.append(operation) } }
    var all: [APIOperation] { lock.withLock { operations } }
}

extension Application {
    private struct APIRegistryKey: StorageKey { typealias Value = APIRegistry }

    var apiRegistry: APIRegistry {
        if let registry = storage[APIRegistryKey.self] { return registry }
        let registry = APIRegistry()
        storage[APIRegistryKey.self] = registry
        return registry
    }
}

/// Registers API routes under `/api/v1` together with their documentation.
struct APIRoutes {
    let app: Application
    let routes: any RoutesBuilder

    /// The 401 of a public operation (one that needs no token) when the token sent is not valid.
    static let sentTokenInvalid = "所带令牌无效或已过期（本接口无需令牌）/ the bearer token sent is invalid or expired (none is needed)"
    /// What every operation (and `/healthz`) can answer whatever it is: a URL over the limit
    /// (`RequestTargetLimitMiddleware`), or the database not answering.
    static let anyOperationResponses: [(status: Int, description: String, schema: JSON?)] = [
        (414, "请求地址过长 / request URL too long", Schema.ref("Error")),
        (503, "数据库暂不可用 / database unavailable", Schema.ref("Error")),
    ]

    /// `path` is relative to `/api/v1`, with `{name}` for parameters: `units/{id}`.
    @discardableResult
    func add<R: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: String, summary: String, tag: String,
        query: [APIOperation.QueryParameter] = [], body: JSON? = nil,
        responses: [(status: Int, description: String, schema: JSON?)],
        requiresAuth: Bool = true,
        agencyKey: Bool = false,
        pathSchemas: [String: JSON] = [:],
        rawBody: (types: [String], maxSize: ByteCount)? = nil,
        roles: [Role]? = nil,
        use handler: @escaping @Sendable (Request) async throws -> R
    ) -> Route {
        let components: [PathComponent] = path.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .constant(String(part))
        }
        var responses = responses
        if rawBody != nil { responses.append((413, "文件过大 / too large", Schema.ref("Error"))) }
        if body != nil || rawBody != nil {
            responses.append((400, "请求体无法解析 / malformed body", Schema.ref("Error")))
            responses.append((422, "字段无效 / invalid field", Schema.ref("Error")))
        } else if !query.isEmpty || components.contains(where: { if case .parameter = $0 { true } else { false } }) {
            responses.append((422, "参数无效 / invalid parameter", Schema.ref("Error")))
        }
        if requiresAuth || agencyKey {
            responses.append((401, "未登录 / not authenticated", Schema.ref("Error")))
            responses.append((403, "无权 / forbidden", Schema.ref("Error")))
        } else {
            // A public operation needs no token, but one that is sent is still checked (RFC 6750 §3.1):
            // a revoked or expired token gets 401 `invalid_token` here too, so its holder learns it.
            responses.append((401, Self.sentTokenInvalid, Schema.ref("Error")))
        }
        // Answers any operation of its kind can give (schemathesis holds the document to them, #11).
        if components.contains(where: { if case .parameter = $0 { true } else { false } }) {
            responses.append((404, "不存在 / not found", Schema.ref("Error")))
        }
        if body != nil {
            responses.append((413, "请求体过大 / body too large", Schema.ref("Error")))
            responses.append((415, "请使用 application/json / send application/json", Schema.ref("Error")))
        }
        if rawBody != nil {
            responses.append((415, "文件类型不支持 / unsupported file type", Schema.ref("Error")))
        }
        responses += Self.anyOperationResponses
        app.apiRegistry.append(APIOperation(
            method: method, path: "/api/v1/" + path, summary: summary, tag: tag, query: query,
            requestBody: body, rawBodyTypes: rawBody?.types ?? [], responses: responses, requiresAuth: requiresAuth,
            pathSchemas: pathSchemas, agencyKey: agencyKey, roles: roles))
        let guarded = RoleGuard.wrap(roles, handler)
        if let rawBody {
            return routes.on(method, components, body: .collect(maxSize: rawBody.maxSize), use: guarded)
        }
        return routes.on(method, components, use: guarded)
    }
}

/// The role check of a route, before its handler reads anything: a wrong role gets 403 (401 when
/// not signed in), never a validation error or a 404 that would tell it what exists.
enum RoleGuard {
    static func wrap<R>(_ roles: [Role]?, _ handler: @escaping @Sendable (Request) async throws -> R)
        -> @Sendable (Request) async throws -> R {
        guard let roles else { return handler }
        return { req in
            try req.requireRole(roles)
            return try await handler(req)
        }
    }
}

extension RoutesBuilder {
    /// A page route open only to `roles` (checked before the form or the path is read).
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ path: PathComponent..., roles: [Role],
                                        use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.GET, path, use: RoleGuard.wrap(roles, handler))
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ path: PathComponent..., roles: [Role],
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.POST, path, use: RoleGuard.wrap(roles, handler))
    }
}

extension APIOperation.QueryParameter {
    static let limit = Self(name: "limit", schema: Schema.integer(minimum: 1, maximum: 200),
                            description: "每页条数，默认50 / page size, default 50")
    static let cursor = Self(name: "cursor", schema: Schema.string(maxLength: 500),
                             description: "上一页返回的 nextCursor / nextCursor of the previous page")
}
