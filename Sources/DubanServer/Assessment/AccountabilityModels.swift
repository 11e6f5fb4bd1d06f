import DubanCore
import Fluent
import Vapor

/// 责任追究 — one proposed or decided step of the 附件5 ladder against a unit (函告, 约谈 or 问责), with
/// its evidence, the supervisor's decision, the rectification plan of a 约谈 and the unit's appeal.
final class AccountabilityRecord: Model, @unchecked Sendable {
    static let schema = "accountability_actions"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    /// letter, interview or accountability.
    @Field(key: "level") var level: String
    /// The clause (trigger code) that proposed it.
    @Field(key: "trigger") var trigger: String
    /// The month or bi-monthly period it is about (`yyyy-mm` or `yyyy-mm/yyyy-mm`).
    @Field(key: "period") var period: String
    /// Unit + trigger + period: a rule proposes one action per clause and period.
    @Field(key: "dedup_key") var dedupKey: String
    /// The figures behind it, in Chinese.
    @Field(key: "summary") var summary: String
    /// Case ids (tracking codes) or other evidence, comma-separated.
    @Field(key: "evidence") var evidence: String
    /// The core machine's state, as its raw value.
    /// The core machine's state (``AccountabilityState``), as its raw value.
    @Field(key: "state") var state: String
    @Field(key: "proposed_at") var proposedAt: Date
    /// `system` for a rule's proposal, else the supervisor who proposed it.
    @Field(key: "proposed_by") var proposedBy: String
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "plan_due_at") var planDueAt: Date?
    @OptionalField(key: "appeal_due_at") var appealDueAt: Date?
    /// The whole ``AccountabilityAction`` (its steps, dates and notes) as JSON; the columns above
    /// copy what lists filter and sort on.
    @Field(key: "action") var action: String

    init() {}
}

struct CreateAccountability: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccountabilityRecord.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("level", .string, .required)
            .field("trigger", .string, .required)
            .field("period", .string, .required)
            .field("dedup_key", .string, .required)
            .field("summary", .string, .required)
            .field("evidence", .string, .required)
            .field("state", .string, .required)
            .field("proposed_at", .datetime, .required)
            .field("proposed_by", .string, .required)
            .field("decided_at", .datetime)
            .field("plan_due_at", .datetime)
            .field("appeal_due_at", .datetime)
            .field("action", .string, .required)
            .unique(on: "dedup_key")
            .create()
        try await database.createIndex("idx_accountability_unit", on: AccountabilityRecord.schema, columns: ["unit_id", "proposed_at"])
        try await database.createIndex("idx_accountability_state", on: AccountabilityRecord.schema, columns: ["state", "proposed_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccountabilityRecord.schema).delete()
    }
}
