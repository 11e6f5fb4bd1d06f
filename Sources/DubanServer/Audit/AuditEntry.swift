import Fluent
import Vapor

/// One entry of the append-only audit log (SPEC M0).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    /// The position in the chain: 1, 2, 3… without gaps.
    @ID(custom: "seq", generatedBy: .user) var id: Int64?
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @Field(key: "prev_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}

/// The single row that records the chain's head; appenders lock it, which orders concurrent writers
/// on PostgreSQL, and `audit verify` compares it with the last entry to detect entries cut from the end.
final class AuditHead: Model, @unchecked Sendable {
    static let schema = "audit_head"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "seq") var sequence: Int64
    @Field(key: "hash") var hash: String

    init() {}
}

struct CreateAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .field("seq", .int64, .identifier(auto: false))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.createIndex("idx_audit_entity", on: AuditEntry.schema, columns: ["entity_type", "entity_id", "seq"])
        try await database.schema(AuditHead.schema)
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        let head = AuditHead()
        head.id = 1
        head.sequence = 0
        head.hash = "0000000000000000000000000000000000000000000000000000000000000000"
        try await head.create(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditHead.schema).delete()
        try await database.schema(AuditEntry.schema).delete()
    }
}
