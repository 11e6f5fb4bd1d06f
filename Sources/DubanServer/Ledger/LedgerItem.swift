import DubanCore
import Fluent
import SQLKit
import Vapor

/// 台账条目 — one supervised item (SPEC M3). The rules' facts live in `facts` (JSON of `ItemFacts`, the
/// core's own value); the columns beside it copy what lists and sweeps filter and sort on.
final class LedgerItem: Model, @unchecked Sendable {
    static let schema = "ledger_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "state") var state: String
    @Field(key: "grade") var grade: String
    @Field(key: "title") var title: String
    @OptionalField(key: "description") var details: String?
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "category") var category: String?
    @OptionalField(key: "fix_mode") var fixMode: String?
    @OptionalField(key: "source") var source: String?
    /// The supervised unit or building (the enterprise with the hazard).
    @OptionalField(key: "supervised_unit_id") var supervisedUnitID: UUID?
    @Field(key: "registering_unit_id") var registeringUnitID: UUID
    @OptionalField(key: "assigned_unit_id") var assignedUnitID: UUID?
    @OptionalField(key: "due_at") var dueAt: Date?
    /// The deadline while the assigned unit owes the work (交办, 签收, 整改中), else nil: the overdue list
    /// is a range scan on this column.
    @OptionalField(key: "open_due_at") var openDueAt: Date?
    @OptionalField(key: "listing_level") var listingLevel: String?
    /// All five implementations (五落实) filled: counted by the 003 仙游 rate of major hazards with them.
    @Field(key: "five_complete") var fiveComplete: Bool
    /// JSON array of findings: `[{"description","standard","clause","determination"}]`.
    @Field(key: "findings") var findings: String
    @Field(key: "facts") var facts: String
    /// The row of a register this item came from or belongs to (JSON column → value), e.g. the
    /// columns of 000 阳政办(2017)45号 附件; exported back exactly.
    @OptionalField(key: "register") var register: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// A task's deadline as its source table writes it ("5月底", "10月底前推广10所学校").
    @OptionalField(key: "deadline_text") var deadlineText: String?
    /// A task's progress-report cadence (`ProgressCadence`).
    @OptionalField(key: "report_cadence") var reportCadence: String?
    @OptionalField(key: "last_progress_at") var lastProgressAt: Date?
    /// The card (`TaskCard`) last issued on a task.
    @OptionalField(key: "card") var card: String?

    init() {}
}

extension LedgerItem {
    /// Every column, in the order `insert(on:)` binds them (`LedgerModelTests` keeps it equal to the model's fields).
    static let insertColumns = [
        "id", "kind", "state", "grade", "title", "description", "location", "category", "fix_mode", "source",
        "supervised_unit_id", "registering_unit_id", "assigned_unit_id", "due_at", "open_due_at", "listing_level",
        "five_complete", "findings", "facts", "register", "created_at", "updated_at", "deadline_text", "report_cadence",
        "last_progress_at", "card",
    ]

    /// Inserts the new item with one SQL statement: registering is the hottest write (SPEC §4: 2,000 a
    /// second), and Fluent's `create` reflects over the model's 26 fields several times per call.
    func insert(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return try await create(on: db) }
        func bind<T: Encodable & Sendable>(_ value: T?) -> any SQLExpression { value.map { SQLBind($0) } ?? SQLLiteral.null }
        let values: [any SQLExpression] = [
            bind(try requireID()), bind(kind), bind(state), bind(grade), bind(title), bind(details), bind(location), bind(category),
            bind(fixMode), bind(source), bind(supervisedUnitID), bind(registeringUnitID), bind(assignedUnitID), bind(dueAt),
            bind(openDueAt), bind(listingLevel), bind(fiveComplete), bind(findings), bind(facts), bind(register), bind(createdAt),
            bind(updatedAt), bind(deadlineText), bind(reportCadence), bind(lastProgressAt), bind(card),
        ]
        try await sql.insert(into: Self.schema).columns(Self.insertColumns).values(values).run()
        _$idExists = true
    }
}

/// 时间线 — one transition of an item, as the machine recorded it.
final class LedgerEvent: Model, @unchecked Sendable {
    static let schema = "ledger_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "event") var event: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "actor") var actor: String
    @Field(key: "actor_unit_id") var actorUnitID: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "late") var late: Bool

    init() {}
}

struct CreateLedger: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LedgerItem.schema)
            .id()
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("grade", .string, .required)
            .field("title", .string, .required)
            .field("description", .string)
            .field("location", .string)
            .field("category", .string)
            .field("fix_mode", .string)
            .field("source", .string)
            .field("supervised_unit_id", .uuid, .references(Unit.schema, .id))
            .field("registering_unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("assigned_unit_id", .uuid, .references(Unit.schema, .id))
            .field("due_at", .datetime)
            .field("open_due_at", .datetime)
            .field("listing_level", .string)
            .field("five_complete", .bool, .required)
            .field("findings", .string, .required)
            .field("facts", .string, .required)
            .field("register", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        // Overdue lists (all units, one unit), newest-first lists, listed items, a unit's items.
        try await database.createIndex("idx_ledger_open_due", on: LedgerItem.schema, columns: ["open_due_at", "id"])
        try await database.createIndex("idx_ledger_unit_open_due", on: LedgerItem.schema, columns: ["assigned_unit_id", "open_due_at", "id"])
        try await database.createIndex("idx_ledger_created", on: LedgerItem.schema, columns: ["created_at", "id"])
        try await database.createIndex("idx_ledger_unit_created", on: LedgerItem.schema, columns: ["assigned_unit_id", "created_at", "id"])
        try await database.createIndex("idx_ledger_listing", on: LedgerItem.schema, columns: ["listing_level", "state"])
        try await database.createIndex("idx_ledger_supervised", on: LedgerItem.schema, columns: ["supervised_unit_id"])
        try await database.schema(LedgerEvent.schema)
            .id()
            .field("item_id", .uuid, .required, .references(LedgerItem.schema, .id, onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("event", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("actor", .string, .required)
            .field("actor_unit_id", .string, .required)
            .field("note", .string)
            .field("late", .bool, .required)
            .create()
        try await database.createIndex("idx_ledger_events_item", on: LedgerEvent.schema, columns: ["item_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LedgerEvent.schema).delete()
        try await database.schema(LedgerItem.schema).delete()
    }
}

/// The scope's other two unit columns, each with `open_due_at`, as `idx_ledger_unit_open_due` has for the
/// assigned unit: a unit's overdue and due-today lists and counts read three index ranges instead of every
/// overdue item (`LedgerListQuery.filtered`, issue #10). Replaces `idx_ledger_supervised`, a prefix of the new one.
struct CreateScopeDueIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "idx_ledger_supervised").run()
        try await database.createIndex("idx_ledger_supervised_due", on: LedgerItem.schema, columns: ["supervised_unit_id", "open_due_at", "id"])
        try await database.createIndex("idx_ledger_registering_due", on: LedgerItem.schema, columns: ["registering_unit_id", "open_due_at", "id"])
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "idx_ledger_registering_due").run()
        try await sql.drop(index: "idx_ledger_supervised_due").run()
        try await database.createIndex("idx_ledger_supervised", on: LedgerItem.schema, columns: ["supervised_unit_id"])
    }
}
