import DubanCore
import Fluent
import Vapor

/// 附件 — a photo or document on an item, kept in the database with its SHA-256 so backups carry it.
final class LedgerAttachment: Model, @unchecked Sendable {
    static let schema = "ledger_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "name") var name: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// What people write on an item: a message of its thread (往来意见 — for a referral, how the receiving
/// department's feedback reaches the sender, 002 篇1: "反馈至消防部门"), or a progress report on a task
/// (进展报告, 001 阳政办(2018)10号: "定期梳理总结目标责任完成(进展)情况").
final class LedgerNote: Model, @unchecked Sendable {
    static let schema = "ledger_notes"

    enum Kind: String {
        case message, progress
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @Field(key: "author") var author: String
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "text") var text: String

    init() {}

    init(item: UUID, kind: Kind, at: Date, author: String, unit: UUID, text: String) {
        id = UUID()
        itemID = item
        self.kind = kind.rawValue
        self.at = at.wholeMilliseconds
        self.author = author
        unitID = unit
        self.text = text
    }

    static func list(_ kind: Kind, of item: UUID, on db: any Database) async throws -> [LedgerNote] {
        try await query(on: db).filter(\.$itemID == item).filter(\.$kind == kind.rawValue).sort(\.$at).all()
    }
}

/// A unit sharing a task besides the assigned (lead) unit: 责任单位 (001 阳政办(2018)10号: "各责任单位要接受
/// 牵头单位的调度"). It sees the task and reports progress on it.
final class LedgerItemUnit: Model, @unchecked Sendable {
    static let schema = "ledger_item_units"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID

    init() {}
}

/// 督办通知（蓝/黄/红牌）— a card issued to a task's unit. It is acted on when the unit reports progress
/// or moves the task; one not acted on in time is escalated to the supervisors.
final class LedgerCardNotice: Model, @unchecked Sendable {
    static let schema = "ledger_card_notices"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "card") var card: String
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "acted_at") var actedAt: Date?
    @OptionalField(key: "escalated_at") var escalatedAt: Date?
    /// When the notice escalates if still not acted on; nil once acted on or escalated.
    @OptionalField(key: "escalate_at") var escalateAt: Date?

    init() {}
}

/// Attachments, threads, task units, progress and cards; the task columns on items; and the referral
/// contact of each unit.
struct CreateLedgerWork: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerAttachment.schema)
            .id()
            .field("item_id", .uuid, .required, .references(LedgerItem.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.createIndex("idx_ledger_attachments_item", on: LedgerAttachment.schema, columns: ["item_id", "created_at"])
        try await database.schema(LedgerNote.schema)
            .id()
            .field("item_id", .uuid, .required, .references(LedgerItem.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("at", .datetime, .required)
            .field("author", .string, .required)
            .field("unit_id", .uuid, .required)
            .field("text", .string, .required)
            .create()
        try await database.createIndex("idx_ledger_notes_item", on: LedgerNote.schema, columns: ["item_id", "kind", "at"])
        try await database.schema(LedgerItemUnit.schema)
            .id()
            .field("item_id", .uuid, .required, .references(LedgerItem.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .unique(on: "item_id", "unit_id")
            .create()
        try await database.createIndex("idx_ledger_item_units_unit", on: LedgerItemUnit.schema, columns: ["unit_id", "item_id"])
        try await database.schema(LedgerCardNotice.schema)
            .id()
            .field("item_id", .uuid, .required, .references(LedgerItem.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid)
            .field("card", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("acted_at", .datetime)
            .field("escalated_at", .datetime)
            .field("escalate_at", .datetime)
            .create()
        try await database.createIndex("idx_ledger_cards_item", on: LedgerCardNotice.schema, columns: ["item_id", "issued_at"])
        try await database.createIndex("idx_ledger_cards_escalate", on: LedgerCardNotice.schema, columns: ["escalate_at"])
        // Task columns: the deadline as the source table writes it, the report cadence, the last
        // report, and the card last issued (the sweep issues a notice when it worsens).
        for (column, type) in [("deadline_text", DatabaseSchema.DataType.string), ("report_cadence", .string),
                               ("last_progress_at", .datetime), ("card", .string)] {
            try await database.schema(LedgerItem.schema).field(.string(column), type).update()
        }
        try await database.createIndex("idx_ledger_kind_state", on: LedgerItem.schema, columns: ["kind", "state"])
        try await database.schema(Unit.schema).field("referral_contact_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        for schema in [LedgerCardNotice.schema, LedgerItemUnit.schema, LedgerNote.schema, LedgerAttachment.schema] {
            try await database.schema(schema).delete()
        }
    }
}
