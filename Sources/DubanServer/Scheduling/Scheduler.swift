import DubanCore
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Sweeps watched deadlines that have come due and hands their events to the owning module.
///
/// Several server processes may sweep the same database: rows are claimed with a lease in one UPDATE
/// (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so concurrent sweeps take different rows), then each
/// claimed row is fired in its own transaction together with its event row — unique per deadline and
/// event — and its notifications. A process that dies holding claims leaves them to expire; the next
/// sweep after the lease takes them over.
struct Scheduler: Sendable {
    /// Names this process in claims and event rows.
    var instance: String
    var lease: TimeInterval = 60
    var batchSize: Int = 500

    struct Report: Sendable, Equatable {
        var claimed = 0
        var fired = 0
        /// Rows whose event another process had already fired (after a lease expiry).
        var alreadyFired = 0
    }

    /// Claims up to `batchSize` rows due at `now` for this instance; returns their ids.
    func claim(now: Date, on db: any Database) async throws -> [UUID] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let postgres = sql.dialect.name == "postgresql"
        let query = """
            UPDATE watched_deadlines SET claimed_by = \(bind: instance), claim_until = \(bind: now.addingTimeInterval(lease))
            WHERE id IN (
                SELECT id FROM watched_deadlines
                WHERE next_fire_at <= \(bind: now) AND (claim_until IS NULL OR claim_until < \(bind: now))
                ORDER BY next_fire_at LIMIT \(literal: batchSize)\(unsafeRaw: postgres ? " FOR UPDATE SKIP LOCKED" : "")
            )
            RETURNING id
            """ as SQLQueryString
        let rows = try await sql.raw(query).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Claims what is due and fires it, `fireBatch` rows per transaction (one commit per row would
    /// make a sweep of a thousand due rows cost a thousand disk syncs). A batch that fails is retried
    /// row by row, so one bad row cannot hold back the others.
    func sweep(now: Date, app: Application, fireBatch: Int = 100) async throws -> Report {
        let ids = try await app.db.write(gate: app.writeGate) { db in try await claim(now: now, on: db) }
        var report = Report(claimed: ids.count)
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + fireBatch, ids.count)])
            start += batch.count
            let outcomes: [Outcome]
            do {
                outcomes = try await app.db.write(gate: app.writeGate) { db in
                    var outcomes: [Outcome] = []
                    for id in batch { outcomes.append(try await fire(id, now: now, handlers: app.deadlineHandlers, on: db)) }
                    return outcomes
                }
            } catch {
                app.logger.warning("scheduler: batch failed, firing one by one: \(String(describing: error))")
                var single: [Outcome] = []
                for id in batch {
                    do { single.append(try await fire(id, now: now, app: app)) } catch {
                        app.logger.error("scheduler: deadline \(id) failed: \(String(describing: error))")
                    }
                }
                outcomes = single
            }
            for outcome in outcomes {
                switch outcome {
                case .fired: report.fired += 1
                case .alreadyFired: report.alreadyFired += 1
                case .nothing: break
                }
            }
        }
        return report
    }

    enum Outcome { case fired, alreadyFired, nothing }

    /// Fires one claimed row in its own transaction.
    func fire(_ id: UUID, now: Date, app: Application) async throws -> Outcome {
        let handlers = app.deadlineHandlers
        return try await app.db.write(gate: app.writeGate) { db in try await fire(id, now: now, handlers: handlers, on: db) }
    }

    /// Fires one claimed row inside the caller's transaction: event, notifications and new state
    /// commit together.
    func fire(_ id: UUID, now: Date, handlers: DeadlineHandlers, on db: any Database) async throws -> Outcome {
        guard let row = try await WatchedDeadline.find(id, on: db), row.claimedBy == instance else { return .nothing }
        guard let firing = DeadlineWatch.fire(state: row.stateValue, dueAt: row.dueAt, warnAt: row.warnAt, now: now) else {
            row.claimedBy = nil
            row.claimUntil = nil
            if row.nextFireAt.map({ $0 <= now }) ?? false { row.nextFireAt = nil }
            try await row.save(on: db)
            return .nothing
        }
        let already = try await DeadlineEvent.query(on: db)
            .filter(\.$deadlineID == id).filter(\.$event == firing.event.rawValue).first()
        row.state = firing.state.rawValue
        row.nextFireAt = firing.nextFireAt
        row.claimedBy = nil
        row.claimUntil = nil
        try await row.save(on: db)
        if already != nil { return .alreadyFired }
        let event = DeadlineEvent()
        event.deadlineID = id
        event.event = firing.event.rawValue
        event.firedAt = now
        event.instance = instance
        try await event.create(on: db)
        try await handlers.handle(firing.event, for: row, now: now, on: db)
        return .fired
    }
}

/// What each module does when one of its deadlines warns or passes. Modules register a handler for
/// their entity type; without one, the responsible unit gets an in-app notice.
final class DeadlineHandlers: Sendable {
    typealias Handler = @Sendable (DeadlineWatch.Event, WatchedDeadline, Date, any Database) async throws -> Void
    private let handlers = NIOLockedValueBox<[String: Handler]>([:])

    func register(_ entityType: String, _ handler: @escaping Handler) {
        handlers.withLockedValue { $0[entityType] = handler }
    }

    func handle(_ event: DeadlineWatch.Event, for row: WatchedDeadline, now: Date, on db: any Database) async throws {
        if let handler = handlers.withLockedValue({ $0[row.entityType] }) {
            try await handler(event, row, now, db)
        } else {
            try await Self.notifyUnit(event, for: row, now: now, on: db)
        }
    }

    /// The default: tell the responsible unit in its inbox.
    static func notifyUnit(_ event: DeadlineWatch.Event, for row: WatchedDeadline, now: Date, on db: any Database) async throws {
        let due = ChinaTimeFormat.string(row.dueAt)
        let subject = event == .dueSoon ? "即将到期：\(row.kind)" : "已超期：\(row.kind)"
        let body = "\(row.entityType) \(row.entityID) 的期限（\(row.rule)）\(event == .dueSoon ? "将于" : "已于")\(due)到期。"
        try await Notification(channel: "inbox", unitID: row.unitID, subject: subject, body: body,
                               entityType: row.entityType, entityID: row.entityID, now: now).create(on: db)
    }
}

extension Application {
    private struct HandlersKey: StorageKey { typealias Value = DeadlineHandlers }
    private struct SendersKey: StorageKey { typealias Value = NotificationSenders }

    var deadlineHandlers: DeadlineHandlers {
        if let handlers = storage[HandlersKey.self] { return handlers }
        let handlers = DeadlineHandlers()
        storage[HandlersKey.self] = handlers
        return handlers
    }

    var notificationSenders: NotificationSenders {
        if let senders = storage[SendersKey.self] { return senders }
        let senders = NotificationSenders(logger: logger)
        storage[SendersKey.self] = senders
        return senders
    }
}
