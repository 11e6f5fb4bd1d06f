@testable import DubanServer
import DubanCore
import Fluent
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// The scheduler against a real database: what fires, exactly once, across instances and crashes.
final class SchedulerTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    /// Puts `count` deadlines under watch, due at `due`, warning 24 h before (the default lead).
    func watch(_ count: Int, due: Date, kind: String = "reply", unit: UUID? = nil, app: Application) async throws {
        let rule = DeadlineRule.after(amount: 1, unit: .days, start: due.addingTimeInterval(-86400))
        try await app.db.write(gate: app.writeGate) { db in
            for n in 0..<count {
                try await DeadlineWatches.watch(entityType: "test_item", entityID: "\(kind)-\(n)", kind: kind, unitID: unit,
                                                deadline: Deadline(due: due, rule: rule),
                                                now: due.addingTimeInterval(-30 * 86400), on: db)
            }
        }
    }

    func testSweepWarnsThenMarksOverdueOnce() async throws {
        try await TestApp.run { app in
            let unit = try await app.unitID("建桥街")
            try await watch(20, due: now.addingTimeInterval(-60), kind: "late", unit: unit, app: app)
            try await watch(10, due: now.addingTimeInterval(3600), kind: "soon", unit: unit, app: app)
            try await watch(15, due: now.addingTimeInterval(5 * 86400), kind: "later", unit: unit, app: app)
            let scheduler = Scheduler(instance: "test")
            let first = try await scheduler.sweep(now: now, app: app)
            XCTAssertEqual(first, Scheduler.Report(claimed: 30, fired: 30, alreadyFired: 0))
            let again = try await scheduler.sweep(now: now, app: app)
            XCTAssertEqual(again.claimed, 0)
            let overdue = try await DeadlineEvent.query(on: app.db).filter(\.$event == "overdue").count()
            let warned = try await DeadlineEvent.query(on: app.db).filter(\.$event == "due_soon").count()
            XCTAssertEqual([overdue, warned], [20, 10])
            let inbox = try await Notification.query(on: app.db).filter(\.$recipientUnitID == unit).count()
            XCTAssertEqual(inbox, 30)
            let later = try await scheduler.sweep(now: now.addingTimeInterval(2 * 3600), app: app)
            XCTAssertEqual(later.fired, 10)  // the warned ones are now overdue
            let closedKind = "later"
            try await DeadlineWatches.close(entityType: "test_item", entityID: "\(closedKind)-0", kind: closedKind, on: app.db)
            let week = try await scheduler.sweep(now: now.addingTimeInterval(7 * 86400), app: app)
            XCTAssertEqual(week.fired, 14, "15 watched, 1 closed before it fired; the warning is skipped once overdue")
            let events = try await DeadlineEvent.query(on: app.db).count()
            XCTAssertEqual(events, 20 + 10 + 10 + 14)

            // Delivery takes what is due at its own time: the first sweep's 30 now, all 54 a week later.
            let early = try await Outbox.deliver(on: app.db, gate: app.writeGate, senders: app.notificationSenders, now: now)
            XCTAssertEqual(early.sent, 30)
            let late = try await Outbox.deliver(on: app.db, gate: app.writeGate, senders: app.notificationSenders,
                                                now: now.addingTimeInterval(8 * 86400))
            XCTAssertEqual(late.sent, 24)
            let pending = try await Notification.query(on: app.db).filter(\.$state == "pending").count()
            XCTAssertEqual(pending, 0)
        }
    }

    func testTwoInstancesFireEveryEventExactlyOnce() async throws {
        let sqlite = NSTemporaryDirectory() + "duban-sched-\(UUID().uuidString).sqlite"
        let settings = DubanSettings(databaseURL: TestApp.postgresURL, sqlitePath: sqlite, rootDirectory: TestApp.root, bcryptCost: 4)
        let first = try await Application.make(.testing)
        let second = try await Application.make(.testing)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlite + suffix) } }
        do {
            try await configure(first, settings: settings)
            try await configure(second, settings: settings)
            if TestApp.postgresURL != nil { try await first.autoRevert() }
            try await DubanApp.migrate(first)
            try await watch(300, due: now.addingTimeInterval(-1), app: first)
            let a = Scheduler(instance: "a", lease: 60, batchSize: 20)
            let b = Scheduler(instance: "b", lease: 60, batchSize: 20)
            let now = now
            async let runA: Int = {
                var fired = 0
                while true {
                    let report = try await a.sweep(now: now, app: first)
                    fired += report.fired
                    if report.claimed == 0 { return fired }
                }
            }()
            async let runB: Int = {
                var fired = 0
                while true {
                    let report = try await b.sweep(now: now, app: second)
                    fired += report.fired
                    if report.claimed == 0 { return fired }
                }
            }()
            let (firedA, firedB) = try await (runA, runB)
            XCTAssertEqual(firedA + firedB, 300)
            let events = try await DeadlineEvent.query(on: first.db).all()
            XCTAssertEqual(events.count, 300)
            XCTAssertEqual(Set(events.map(\.deadlineID)).count, 300)
            let notices = try await Notification.query(on: first.db).count()
            XCTAssertEqual(notices, 300)
        } catch {
            try? await first.asyncShutdown()
            try? await second.asyncShutdown()
            throw error
        }
        try await first.asyncShutdown()
        try await second.asyncShutdown()
    }

    func testClaimsOfACrashedInstanceExpireAndAreTakenOver() async throws {
        try await TestApp.run(demo: false) { app in
            try await watch(40, due: now.addingTimeInterval(-1), app: app)
            // Instance "crashed" claims everything and dies before firing anything.
            let crashed = Scheduler(instance: "crashed", lease: 60)
            let now = now
            let claimed = try await app.db.write(gate: app.writeGate) { db in try await crashed.claim(now: now, on: db) }
            XCTAssertEqual(claimed.count, 40)
            let survivor = Scheduler(instance: "survivor", lease: 60)
            let during = try await survivor.sweep(now: now.addingTimeInterval(30), app: app)
            XCTAssertEqual(during.claimed, 0, "claims are respected while the lease runs")
            let after = try await survivor.sweep(now: now.addingTimeInterval(61), app: app)
            XCTAssertEqual(after.fired, 40)
            let events = try await DeadlineEvent.query(on: app.db).all()
            XCTAssertEqual(events.count, 40)
            XCTAssertTrue(events.allSatisfy { $0.instance == "survivor" })
            // The crashed process, back to life, finds its claims gone and fires nothing twice.
            for id in claimed {
                let outcome = try await app.db.write(gate: app.writeGate) { db in try await crashed.fire([id], now: now.addingTimeInterval(62), handlers: app.deadlineHandlers, on: db) }.first
                XCTAssertEqual(outcome, .nothing)
            }
            let total = try await DeadlineEvent.query(on: app.db).count()
            XCTAssertEqual(total, 40)
        }
    }

    func testSweepReadsOnlyDueRowsThroughTheIndex() async throws {
        try await TestApp.run(demo: false) { app in
            guard let sql = app.db as? any SQLDatabase else { return XCTFail("not SQL") }
            let plan: String
            if sql.dialect.name == "sqlite" {
                let rows = try await sql.raw("EXPLAIN QUERY PLAN SELECT id FROM watched_deadlines WHERE next_fire_at <= \(bind: now) ORDER BY next_fire_at LIMIT 500").all()
                plan = try rows.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: " | ")
                XCTAssertTrue(plan.contains("idx_watched_deadlines_next_fire"), plan)
            } else {
                try await sql.raw("SET enable_seqscan = off").run()
                let rows = try await sql.raw("EXPLAIN SELECT id FROM watched_deadlines WHERE next_fire_at <= \(bind: now) ORDER BY next_fire_at LIMIT 500").all()
                plan = try rows.map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: " | ")
                XCTAssertTrue(plan.contains("idx_watched_deadlines_next_fire"), plan)
            }
        }
    }
}


/// The outbox: retries with back-off, gives up after the maximum, and shows delivery state.
final class OutboxTests: XCTestCase {
    struct FailingGateway: SMSGateway {
        func sendSMS(to phone: String, text: String) async throws { throw Abort(.badGateway, reason: "gateway down") }
    }

    func testFailedDeliveriesBackOffThenFail() async throws {
        try await TestApp.run { app in
            app.notificationSenders.use(SMSSender(gateway: FailingGateway()))
            let start = Date(timeIntervalSince1970: 1_795_000_000)
            try await Notification(channel: "sms", unitID: nil, address: "13800000000", subject: "警示", body: "信用等级为D",
                                   entityType: nil, entityID: nil, now: start).create(on: app.db)
            try await Notification(channel: "sms", unitID: nil, subject: "无号码", body: "x",
                                   entityType: nil, entityID: nil, now: start).create(on: app.db)
            var clock = start
            var attempts = 0
            while attempts < Outbox.maxAttempts {
                let report = try await Outbox.deliver(on: app.db, gate: app.writeGate, senders: app.notificationSenders, now: clock)
                attempts += 1
                XCTAssertEqual(report.sent, 0)
                XCTAssertEqual(report.retried + report.failed, 2, "attempt \(attempts)")
                // Not retried before its back-off has passed.
                let early = try await Outbox.deliver(on: app.db, gate: app.writeGate, senders: app.notificationSenders,
                                                     now: clock.addingTimeInterval(Outbox.backoff(afterAttempts: attempts) - 1))
                XCTAssertEqual(early, Outbox.Report())
                clock = clock.addingTimeInterval(Outbox.backoff(afterAttempts: attempts))
            }
            let rows = try await Notification.query(on: app.db).all()
            XCTAssertTrue(rows.allSatisfy { $0.state == "failed" && $0.attempts == Outbox.maxAttempts })
            XCTAssertTrue(rows.contains { $0.lastError?.contains("no address") ?? false })
            XCTAssertEqual(Outbox.backoff(afterAttempts: 1), 60)
            XCTAssertEqual(Outbox.backoff(afterAttempts: 3), 240)
            XCTAssertEqual(Outbox.backoff(afterAttempts: 30), 6 * 3600)

            let admin = try await app.token("admin")
            let outbox = try await app.send(.GET, "/api/v1/notifications/outbox?state=failed", token: admin)
            XCTAssertEqual(outbox.status, .ok)
            XCTAssertEqual(try outbox.content.decode(ListPage<NotificationDTO>.self).items.count, 2)
            let operatorToken = try await app.token("operator")
            let denied = try await app.send(.GET, "/api/v1/notifications/outbox", token: operatorToken)
            XCTAssertEqual(denied.status, .forbidden)
        }
    }

    func testInboxShowsOnlyTheUnitsNotices() async throws {
        try await TestApp.run { app in
            let jianqiao = try await app.unitID("建桥街")
            let yongfeng = try await app.unitID("永丰街")
            let now = Date()
            for n in 0..<5 {
                try await Notification(channel: "inbox", unitID: jianqiao, subject: "建桥\(n)", body: "b", entityType: nil,
                                       entityID: nil, now: now.addingTimeInterval(Double(n))).create(on: app.db)
            }
            try await Notification(channel: "inbox", unitID: yongfeng, subject: "永丰", body: "b", entityType: nil,
                                   entityID: nil, now: now).create(on: app.db)
            let token = try await app.token("operator")
            var seen: [String] = []
            var cursor: String?
            repeat {
                let res = try await app.send(.GET, "/api/v1/notifications?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
                let page = try res.content.decode(ListPage<NotificationDTO>.self)
                seen += page.items.map(\.subject)
                cursor = page.nextCursor
            } while cursor != nil
            XCTAssertEqual(seen, ["建桥4", "建桥3", "建桥2", "建桥1", "建桥0"])
            let other = try await Notification.query(on: app.db).filter(\.$recipientUnitID == yongfeng).first()
            let id = try XCTUnwrap(other?.id)
            let res = try await app.send(.POST, "/api/v1/notifications/\(id)/read", token: token)
            XCTAssertEqual(res.status, .notFound)
        }
    }
}
