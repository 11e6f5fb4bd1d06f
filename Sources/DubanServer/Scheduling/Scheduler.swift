import DubanCore
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// Sweeps watched deadlines that have come due and hands their events to the owning module.
///
/// Several server processes may sweep the same database: rows are claimed with a lease in one UPDATE
/// (on PostgreSQL with `FOR UPDATE SKIP LOCKED`, so concurrent sweeps take different rows), then the
/// claimed rows are fired in transactions of `fireBatch` rows that write the new states, the event
/// rows — unique per deadline and event — and the modules' notifications together. A process that
/// dies holding claims leaves them to expire; the next sweep after the lease takes them over, and the
/// unique event row guarantees nothing fires twice.
struct Scheduler: Sendable {
    /// Names this process in claims and event rows.
    var instance: String
    var lease: TimeInterval = 60
    var batchSize: Int = 500
    /// Rows fired per transaction: one commit per row would cost a disk sync per row.
    var fireBatch: Int = 100

    struct Report: Sendable, Equatable {
        var claimed = 0
        var fired = 0
        /// Rows whose event another process had already fired (after a lease expiry).
        var alreadyFired = 0
    }

    enum Outcome { case fired, alreadyFired, nothing }

    /// Claims up to `batchSize` rows due at `now` for this instance; returns their ids.
    func claim(now: Date, on db: any Database) async throws -> [UUID] {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
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

    /// Claims what is due and fires it. A batch that fails is fired again row by row, so one bad row
    /// cannot hold back the others.
    func sweep(now: Date, app: Application) async throws -> Report {
        let ids = try await app.db.write(gate: app.writeGate) { db in try await claim(now: now, on: db) }
        var report = Report(claimed: ids.count)
        let handlers = app.deadlineHandlers
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + fireBatch, ids.count)])
            start += batch.count
            var outcomes: [Outcome] = []
            do {
                outcomes = try await app.db.write(gate: app.writeGate) { db in
                    try await fire(batch, now: now, handlers: handlers, on: db)
                }
            } catch {
                app.logger.warning("scheduler: batch failed, firing one by one: \(String(describing: error))")
                for id in batch {
                    do {
                        outcomes += try await app.db.write(gate: app.writeGate) { db in
                            try await fire([id], now: now, handlers: handlers, on: db)
                        }
                    } catch {
                        app.logger.error("scheduler: deadline \(id) failed: \(String(describing: error))")
                    }
                }
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

    /// Fires claimed rows inside the caller's transaction: a handful of statements per batch.
    func fire(_ ids: [UUID], now: Date, handlers: DeadlineHandlers, on db: any Database) async throws -> [Outcome] {
        guard !ids.isEmpty else { return [] }
        let rows = try await WatchedDeadline.query(on: db).filter(\.$id ~~ ids).filter(\.$claimedBy == instance).all()
        let rowIDs = try rows.map { try $0.requireID() }
        let fired = try await DeadlineEvent.query(on: db).filter(\.$deadlineID ~~ rowIDs).all()
        let firedKeys = Set(fired.map { "\($0.deadlineID.uuidString)/\($0.event)" })

        var outcomes: [Outcome] = Array(repeating: .nothing, count: ids.count - rows.count)
        var byNewState: [String: [UUID]] = [:]
        var quiet: [UUID] = []
        var events: [DeadlineEvent] = []
        var notifications: [Notification] = []
        for row in rows {
            let id = try row.requireID()
            guard let firing = DeadlineWatch.fire(state: row.stateValue, dueAt: row.dueAt, warnAt: row.warnAt, now: now) else {
                quiet.append(id)
                outcomes.append(.nothing)
                continue
            }
            byNewState[firing.state.rawValue, default: []].append(id)
            if firedKeys.contains("\(id.uuidString)/\(firing.event.rawValue)") {
                outcomes.append(.alreadyFired)
                continue
            }
            let event = DeadlineEvent()
            event.id = UUID()
            event.deadlineID = id
            event.event = firing.event.rawValue
            event.firedAt = now
            event.instance = instance
            events.append(event)
            notifications += try await handlers.handle(firing.event, for: row, now: now, on: db)
            outcomes.append(.fired)
        }
        // New states: warned rows next look at their deadline, overdue rows at nothing.
        for (state, ids) in byNewState {
            if state == DeadlineWatch.State.warned.rawValue {
                guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
                try await sql.update(WatchedDeadline.schema)
                    .set("state", to: SQLBind(state)).set("claimed_by", to: SQLLiteral.null).set("claim_until", to: SQLLiteral.null)
                    .set(SQLIdentifier("next_fire_at"), to: SQLIdentifier("due_at"))
                    .where("id", .in, SQLBind.group(ids))
                    .run()
            } else {
                try await WatchedDeadline.query(on: db).filter(\.$id ~~ ids)
                    .set(\.$state, to: state).set(\.$claimedBy, to: nil).set(\.$claimUntil, to: nil)
                    .set(\.$nextFireAt, to: nil).update()
            }
        }
        if !quiet.isEmpty {
            // Claimed but nothing to fire (closed meanwhile): release, and stop looking if its time has passed.
            try await WatchedDeadline.query(on: db).filter(\.$id ~~ quiet)
                .set(\.$claimedBy, to: nil).set(\.$claimUntil, to: nil).update()
            try await WatchedDeadline.query(on: db).filter(\.$id ~~ quiet).filter(\.$nextFireAt <= now)
                .set(\.$nextFireAt, to: nil).update()
        }
        if !events.isEmpty { try await events.create(on: db) }
        if !notifications.isEmpty { try await notifications.create(on: db) }
        return outcomes
    }
}

/// What each module does when one of its deadlines warns or passes. Modules register a handler for
/// their entity type that returns the notifications to send (and may write its own records on `db`);
/// without one, the responsible unit gets an in-app notice.
final class DeadlineHandlers: Sendable {
    typealias Handler = @Sendable (DeadlineWatch.Event, WatchedDeadline, Date, any Database) async throws -> [Notification]
    private let handlers = NIOLockedValueBox<[String: Handler]>([:])

    func register(_ entityType: String, _ handler: @escaping Handler) {
        handlers.withLockedValue { $0[entityType] = handler }
    }

    func handle(_ event: DeadlineWatch.Event, for row: WatchedDeadline, now: Date, on db: any Database) async throws -> [Notification] {
        if let handler = handlers.withLockedValue({ $0[row.entityType] }) {
            return try await handler(event, row, now, db)
        }
        return [Self.unitNotice(event, for: row, now: now)]
    }

    /// The default: tell the responsible unit in its inbox.
    static func unitNotice(_ event: DeadlineWatch.Event, for row: WatchedDeadline, now: Date) -> Notification {
        let due = ChinaTimeFormat.string(row.dueAt)
        let subject = event == .dueSoon ? "即将到期：\(row.kind)" : "已超期：\(row.kind)"
        let body = "\(row.entityType) \(row.entityID) 的期限（\(row.rule)）\(event == .dueSoon ? "将于" : "已于")\(due)到期。"
        return Notification(channel: "inbox", unitID: row.unitID, subject: subject, body: body,
                            entityType: row.entityType, entityID: row.entityID, now: now)
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
