import DubanCore
import Fluent
import Vapor

struct AuditEntryDTO: Content {
    var seq: Int64
    var at: Date
    var actor: String
    var action: String
    var entityType: String
    var entityId: String
    var before: String?
    var after: String?
    var hash: String

    init(_ entry: AuditEntry) {
        seq = entry.id ?? 0
        at = entry.at
        actor = entry.actor
        action = entry.action
        entityType = entry.entityType
        entityId = entry.entityID
        before = entry.before
        after = entry.after
        hash = entry.hash
    }

    static let schema = Schema.object([
        ("seq", Schema.integer()), ("at", Schema.dateTime), ("actor", Schema.string()), ("action", Schema.string()),
        ("entityType", Schema.string()), ("entityId", Schema.string()),
        ("before", Schema.string(description: "变更前（JSON）/ state before, canonical JSON")),
        ("after", Schema.string(description: "变更后（JSON）/ state after, canonical JSON")), ("hash", Schema.string()),
    ], required: ["seq", "at", "actor", "action", "entityType", "entityId", "hash"])
}

struct AuditPage: Content {
    var items: [AuditEntryDTO]
    var nextCursor: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(items, forKey: .items)
        try c.encode(nextCursor, forKey: .nextCursor)
    }

    static let schema = Schema.object([
        ("items", Schema.array(Schema.ref("AuditEntry"))), ("nextCursor", Schema.nullable(Schema.string())),
    ], required: ["items", "nextCursor"])
}

struct AuditVerification: Content {
    var ok: Bool
    var checked: Int
    var firstBrokenSeq: Int64?
    var problem: String?

    static let schema = Schema.object([
        ("ok", Schema.boolean), ("checked", Schema.integer()), ("firstBrokenSeq", Schema.integer()),
        ("problem", Schema.string()),
    ], required: ["ok", "checked"])
}

/// `/api/v1/audit`: read the audit log (admin, supervisor) and verify its chain (admin).
enum AuditRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Audit"
        api.add(.GET, "audit", summary: "审计日志（新→旧）/ audit log, newest first", tag: tag,
                query: [.init(name: "entityType", schema: Schema.string(maxLength: 50), description: "对象类型 / entity type"),
                        .init(name: "entityId", schema: Schema.string(maxLength: 100), description: "对象标识 / entity id"),
                        .limit, .init(name: "cursor", schema: Schema.string(maxLength: 30, pattern: "^[0-9]+$"),
                                      description: "上一页的 nextCursor / nextCursor of the previous page")],
                responses: [(200, "日志 / entries", Schema.ref("AuditPage"))], use: list)
        api.add(.GET, "audit/verify", summary: "校验审计链 / verify the audit chain", tag: tag,
                responses: [(200, "校验结果 / result", Schema.ref("AuditVerification"))], use: verify)
    }

    @Sendable static func list(_ req: Request) async throws -> AuditPage {
        try req.requireRole(.admin, .supervisor)
        let page = try PageRequest(limitOnly: req)
        let query = AuditEntry.query(on: req.db)
        if let type = try req.queryText("entityType", max: 50) { query.filter(\.$entityType == type) }
        if let id = try req.queryText("entityId", max: 100) { query.filter(\.$entityID == id) }
        if let raw = req.query[String.self, at: "cursor"] {
            guard let before = Int64(raw), before > 0 else { throw DubanError.invalid("cursor", "分页游标无效 / invalid cursor") }
            query.filter(\.$id < before)
        }
        let entries = try await query.sort(\.$id, .descending).limit(page.limit + 1).all()
        let shown = entries.prefix(page.limit)
        let next = entries.count > page.limit ? shown.last?.id.map(String.init) : nil
        return AuditPage(items: shown.map(AuditEntryDTO.init), nextCursor: next)
    }

    @Sendable static func verify(_ req: Request) async throws -> AuditVerification {
        try req.requireRole(.admin)
        let result = try await AuditLog.verify(on: req.db)
        return AuditVerification(ok: result.firstBreak == nil, checked: result.checked,
                                 firstBrokenSeq: result.firstBreak?.sequence, problem: result.firstBreak?.description)
    }
}

extension PageRequest {
    /// Reads only `limit`; for lists whose cursor is not a `Cursor`.
    init(limitOnly req: Request) throws {
        if let raw = req.query[String.self, at: "limit"] {
            guard let value = Int(raw), (1...Self.maxLimit).contains(value) else {
                throw DubanError.invalid("limit", "limit 应为 1–\(Self.maxLimit) 的整数 / limit must be 1–\(Self.maxLimit)")
            }
            limit = value
            cursor = nil
        } else {
            limit = Self.defaultLimit
            cursor = nil
        }
    }
}
