import Crypto
import Fluent
import Vapor

/// A stored response for an `Idempotency-Key`, per actor.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID(key: .id) var id: UUID?
    /// "<actor>:<key>": keys are scoped to who sent them.
    @Field(key: "scoped_key") var scopedKey: String
    /// SHA-256 of method, path and body: the same key with another request is refused.
    @Field(key: "request_hash") var requestHash: String
    /// 0 while the first request is still being handled.
    @Field(key: "status") var status: Int
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "body") var body: Data?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

struct CreateIdempotency: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema)
            .id()
            .field("scoped_key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int, .required)
            .field("content_type", .string)
            .field("location", .string)
            .field("body", .data)
            .field("created_at", .datetime, .required)
            .unique(on: "scoped_key")
            .create()
        try await database.createIndex("idx_idempotency_created", on: IdempotencyRecord.schema, columns: ["created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(IdempotencyRecord.schema).delete()
    }
}

/// `Idempotency-Key` on POST: the first response (any status below 500) is stored and replayed for
/// every repeat of the same request by the same actor; a repeat while the first is running gets 409;
/// the same key with a different request gets 422. Keys are kept for 24 hours.
struct IdempotencyMiddleware: AsyncMiddleware {
    static let header = "Idempotency-Key"
    static let retention: TimeInterval = 24 * 3600

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: Self.header) else {
            return try await next.respond(to: request)
        }
        guard (1...200).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw DubanError.invalid(Self.header, "Idempotency-Key 应为1–200个可见 ASCII 字符 / 1–200 visible ASCII characters")
        }
        // A partner agency's requests carry its key instead of a user (联合奖惩): scope by the key's hash.
        let owner = request.actor.map { $0.userID.text }
            ?? request.headers.first(name: JointRoutes.header).map { "agency:" + ActorMiddleware.tokenHash($0) } ?? "anonymous"
        let scoped = owner + ":" + key
        var hasher = SHA256()
        hasher.update(data: Data(request.url.path.utf8))
        if let body = request.body.data { hasher.update(data: Data(buffer: body)) }
        let requestHash = hasher.finalize().map { String(format: "%02x", $0) }.joined()

        if let existing = try await IdempotencyRecord.query(on: request.db).filter(\.$scopedKey == scoped).first(),
           existing.createdAt > Date().addingTimeInterval(-Self.retention) {
            return try replay(existing, requestHash: requestHash)
        }
        let claim = IdempotencyRecord()
        claim.scopedKey = scoped
        claim.requestHash = requestHash
        claim.status = 0
        claim.createdAt = Date()
        do {
            try await request.db.write(gate: request.application.writeGate) { db in
                try await IdempotencyRecord.query(on: db).filter(\.$scopedKey == scoped).delete()
                try await IdempotencyRecord.query(on: db).filter(\.$createdAt < Date().addingTimeInterval(-Self.retention)).delete()
                try await claim.create(on: db)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw DubanError.conflict("相同 Idempotency-Key 的请求正在处理 / a request with this key is in progress",
                                      code: "idempotency_in_progress", field: Self.header)
        }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            try? await claim.delete(on: request.db)
            throw error
        }
        if response.status.code >= 500 {
            try? await claim.delete(on: request.db)
            return response
        }
        claim.status = Int(response.status.code)
        claim.contentType = response.headers.first(name: .contentType)
        claim.location = response.headers.first(name: .location)
        claim.body = response.body.data
        try await request.db.write(gate: request.application.writeGate) { db in try await claim.save(on: db) }
        return response
    }

    private func replay(_ record: IdempotencyRecord, requestHash: String) throws -> Response {
        guard record.requestHash == requestHash else {
            throw DubanError.invalid(Self.header, "该 Idempotency-Key 已用于另一请求 / key already used for a different request",
                                     code: "idempotency_key_reused")
        }
        guard record.status != 0 else {
            throw DubanError.conflict("相同 Idempotency-Key 的请求正在处理 / a request with this key is in progress",
                                      code: "idempotency_in_progress", field: Self.header)
        }
        let response = Response(status: HTTPResponseStatus(statusCode: record.status))
        if let type = record.contentType { response.headers.replaceOrAdd(name: .contentType, value: type) }
        if let location = record.location { response.headers.replaceOrAdd(name: .location, value: location) }
        response.headers.replaceOrAdd(name: "Idempotent-Replay", value: "true")
        if let body = record.body { response.body = .init(data: body) }
        return response
    }
}
