import DubanCore
import Fluent
import Vapor

/// A deadline the scheduler watches, for any module's entity (SPEC M2). One indexed table: a sweep
/// reads only rows whose `next_fire_at` has come (index range scan), never the open ones in general.
final class WatchedDeadline: Model, @unchecked Sendable {
    static let schema = "watched_deadlines"

    @ID(key: .id) var id: UUID?
    /// The owning module's entity: "hotline_case", "ledger_item"…
    @Field(key: "entity_type") var entityType: String
    @Field(key: "entity_id") var entityID: String
    /// Which deadline of the entity: "sign_for", "reply", "rectification"…
    @Field(key: "kind") var kind: String
    /// The unit that must act; warnings and overdue notices go to it.
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "warn_at") var warnAt: Date?
    @Field(key: "state") var state: String
    /// When the row next needs the scheduler; nil once nothing more can fire.
    @OptionalField(key: "next_fire_at") var nextFireAt: Date?
    /// The rule that produced the deadline, as shown to people ("4个工作小时").
    @Field(key: "rule") var rule: String
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "claim_until") var claimUntil: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var stateValue: DeadlineWatch.State { DeadlineWatch.State(rawValue: state) ?? .closed }
}

/// One fired event; unique per (deadline, event), which is what makes every event fire exactly once
/// even when two processes handle the same row after a lease expired.
final class DeadlineEvent: Model, @unchecked Sendable {
    static let schema = "deadline_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "deadline_id") var deadlineID: UUID
    @Field(key: "event") var event: String
    @Field(key: "fired_at") var firedAt: Date
    @Field(key: "instance") var instance: String

    init() {}
}

struct CreateScheduling: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WatchedDeadline.schema)
            .id()
            .field("entity_type", .string, .required)
            .field("entity_id", .string, .required)
            .field("kind", .string, .required)
            .field("unit_id", .uuid)
            .field("due_at", .datetime, .required)
            .field("warn_at", .datetime)
            .field("state", .string, .required)
            .field("next_fire_at", .datetime)
            .field("rule", .string, .required)
            .field("claimed_by", .string)
            .field("claim_until", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        // The sweep's range scan.
        try await database.createIndex("idx_watched_deadlines_next_fire", on: WatchedDeadline.schema, columns: ["next_fire_at"])
        try await database.createIndex("idx_watched_deadlines_entity", on: WatchedDeadline.schema,
                                       columns: ["entity_type", "entity_id", "kind"])
        try await database.schema(DeadlineEvent.schema)
            .id()
            .field("deadline_id", .uuid, .required, .references(WatchedDeadline.schema, .id, onDelete: .cascade))
            .field("event", .string, .required)
            .field("fired_at", .datetime, .required)
            .field("instance", .string, .required)
            .unique(on: "deadline_id", "event")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DeadlineEvent.schema).delete()
        try await database.schema(WatchedDeadline.schema).delete()
    }
}

/// How modules put a deadline under watch and take it off.
enum DeadlineWatches {
    /// Default warning lead: 24 hours before the deadline. The seeds give no lead time; an admin
    /// changes it with the `scheduler.warn_lead_minutes` setting.
    static let defaultLeadSeconds: TimeInterval = 24 * 3600
    static let leadSettingKey = "scheduler.warn_lead_minutes"

    static func leadSeconds(on db: any Database) async throws -> TimeInterval {
        guard let setting = try await Setting.find(leadSettingKey, on: db), let minutes = Double(setting.value), minutes >= 0 else {
            return defaultLeadSeconds
        }
        return minutes * 60
    }

    @discardableResult
    static func watch(entityType: String, entityID: String, kind: String, unitID: UUID?, deadline: Deadline,
                      now: Date, on db: any Database) async throws -> WatchedDeadline {
        try await watch(entityType: entityType, entityID: entityID, kind: kind, unitID: unitID, due: deadline.due,
                        rule: deadline.rule.chinese, now: now, on: db)
    }

    /// Watches `due` for the entity's `kind`, replacing an earlier watch of the same kind (an approved
    /// extension moves the deadline; it does not add a second one).
    @discardableResult
    static func watch(entityType: String, entityID: String, kind: String, unitID: UUID?, due: Date, rule: String,
                      now: Date, on db: any Database) async throws -> WatchedDeadline {
        try await close(entityType: entityType, entityID: entityID, kind: kind, on: db)
        let lead = try await leadSeconds(on: db)
        let row = WatchedDeadline()
        row.entityType = entityType
        row.entityID = entityID
        row.kind = kind
        row.unitID = unitID
        row.dueAt = due
        let warnAt = DeadlineWatch.warnAt(dueAt: due, leadSeconds: lead)
        row.warnAt = warnAt.flatMap { $0 > now ? $0 : nil }
        row.state = DeadlineWatch.State.pending.rawValue
        row.nextFireAt = DeadlineWatch.firstFire(dueAt: due, warnAt: row.warnAt)
        row.rule = rule
        row.createdAt = now
        try await row.create(on: db)
        return row
    }

    /// The work was done: nothing more fires for this deadline.
    static func close(entityType: String, entityID: String, kind: String, on db: any Database) async throws {
        try await WatchedDeadline.query(on: db)
            .filter(\.$entityType == entityType).filter(\.$entityID == entityID).filter(\.$kind == kind)
            .filter(\.$state ~~ [DeadlineWatch.State.pending.rawValue, DeadlineWatch.State.warned.rawValue])
            .set(\.$state, to: DeadlineWatch.State.closed.rawValue)
            .set(\.$nextFireAt, to: nil)
            .update()
    }
}
