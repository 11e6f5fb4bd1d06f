@testable import DubanServer
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor
import XCTest

/// The process's writer (`WriteGate`, issue #10's group commit): writes that queue while one commits share
/// the next transaction, each in its own savepoint; a failed write takes back only its own changes; a
/// caller hears of success only after the commit; a hung batch is given up and the queue goes on.
final class WriteGateTests: XCTestCase {
    struct Row: Decodable { var n: Int }

    static func prepare(_ app: Application) async throws -> any SQLDatabase {
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        try await sql.raw("DROP TABLE IF EXISTS gate_test").run()
        try await sql.raw("CREATE TABLE gate_test (n INTEGER PRIMARY KEY)").run()
        return sql
    }

    static func rows(_ sql: any SQLDatabase) async throws -> [Int] {
        try await sql.raw("SELECT n FROM gate_test ORDER BY n").all(decoding: Row.self).map(\.n)
    }

    static func insert(_ n: Int, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("INSERT INTO gate_test (n) VALUES (\(bind: n))").run()
    }

    /// A write that holds the gate until `release` is called, so that the writes submitted meanwhile queue.
    struct Holder {
        let release: @Sendable () -> Void
        let task: Task<Void, any Error>

        init(_ app: Application, gate: WriteGate, audited: Bool = false) {
            let (stream, continuation) = AsyncStream<Void>.makeStream()
            release = { continuation.yield(); continuation.finish() }
            task = Task {
                try await app.db.write(gate: gate) { db in
                    if audited {
                        try await AuditLog.record(on: db, actor: "test", action: .create, entityType: "gate_test", entityID: "0",
                                                  before: String?.none, after: ["n": 0])
                    } else {
                        try await WriteGateTests.insert(0, on: db)
                    }
                    for await _ in stream { break }
                }
            }
        }
    }

    static func waitForWrites(_ gate: WriteGate, _ count: Int) async throws {
        for _ in 0..<500 where await gate.writes < count { try await Task.sleep(for: .milliseconds(10)) }
        let writes = await gate.writes
        XCTAssertEqual(writes, count)
    }

    func testWritesThatQueueShareOneTransaction() async throws {
        try await TestApp.run(demo: false) { app in
            let sql = try await Self.prepare(app)
            let gate = try XCTUnwrap(app.writeGate)
            let (batches, writes) = (await gate.batches, await gate.writes)
            let holder = Holder(app, gate: gate)
            try await Self.waitForWrites(gate, writes + 1)
            let answered = NIOLockedValueBox(0)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 1...40 {
                    group.addTask {
                        try await app.db.write(gate: gate) { db in try await Self.insert(n, on: db) }
                        answered.withLockedValue { $0 += 1 }
                    }
                }
                try await Self.waitForWrites(gate, writes + 41)
                // No caller is answered before the transaction that holds its write has committed.
                try await Task.sleep(for: .milliseconds(100))
                XCTAssertEqual(answered.withLockedValue { $0 }, 0)
                holder.release()
                try await holder.task.value
                try await group.waitForAll()
            }
            XCTAssertEqual(answered.withLockedValue { $0 }, 40)
            let all = try await Self.rows(sql)
            XCTAssertEqual(all, Array(0...40))
            // The holder's transaction, then one for the 40 that queued behind it.
            let used = await gate.batches - batches
            XCTAssertEqual(used, 2)
        }
    }

    func testAFailedWriteTakesBackOnlyItsOwnChanges() async throws {
        try await TestApp.run(demo: false) { app in
            let sql = try await Self.prepare(app)
            let gate = try XCTUnwrap(app.writeGate)
            try await app.db.write(gate: gate) { db in try await Self.insert(100, on: db) }
            let writes = await gate.writes
            let holder = Holder(app, gate: gate)
            try await Self.waitForWrites(gate, writes + 1)
            async let first: Void = app.db.write(gate: gate) { db in try await Self.insert(1, on: db) }
            // Writes a row, then refuses: the row must go with it.
            async let refused: Void = app.db.write(gate: gate) { db in
                try await Self.insert(2, on: db)
                throw DubanError.conflict("refused", code: "refused")
            }
            // Fails in the database (PostgreSQL aborts the transaction until the savepoint is rolled back).
            async let duplicate: Void = app.db.write(gate: gate) { db in
                try await Self.insert(3, on: db)
                try await Self.insert(100, on: db)
            }
            async let last: Void = app.db.write(gate: gate) { db in try await Self.insert(4, on: db) }
            try await Self.waitForWrites(gate, writes + 5)
            holder.release()
            try await holder.task.value
            try await first
            try await last
            do {
                try await refused
                XCTFail("the refused write succeeded")
            } catch let error as DubanError {
                XCTAssertEqual(error.code, "refused")
            }
            do {
                try await duplicate
                XCTFail("the duplicate row was accepted")
            } catch let error as any DatabaseError {
                XCTAssert(error.isConstraintFailure, String(describing: error))
            }
            let all = try await Self.rows(sql)
            XCTAssertEqual(all, [0, 1, 4, 100])
        }
    }

    /// Entries written by the writes of one transaction chain on from each other, the head row is written
    /// once with the last of them, and a refused write's entry leaves no gap.
    func testTheAuditChainStaysWholeAcrossABatch() async throws {
        try await TestApp.run(demo: true) { app in
            let gate = try XCTUnwrap(app.writeGate)
            let before = try await AuditLog.verify(on: app.db)
            XCTAssertNil(before.firstBreak)
            let writes = await gate.writes
            let holder = Holder(app, gate: gate, audited: true)
            try await Self.waitForWrites(gate, writes + 1)
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 1...12 {
                    group.addTask {
                        do {
                            try await app.db.write(gate: gate) { db in
                                try await AuditLog.record(on: db, actor: "test", action: .create, entityType: "gate_test",
                                                          entityID: String(n), before: String?.none, after: ["n": n])
                                if n % 4 == 0 { throw DubanError.conflict("refused", code: "refused") }
                            }
                            return true
                        } catch let error as DubanError where error.code == "refused" {
                            return false
                        }
                    }
                }
                try await Self.waitForWrites(gate, writes + 13)
                holder.release()
                try await holder.task.value
                var accepted = 0
                for try await ok in group where ok { accepted += 1 }
                XCTAssertEqual(accepted, 9)
            }
            let after = try await AuditLog.verify(on: app.db)
            XCTAssertNil(after.firstBreak, String(describing: after.firstBreak))
            XCTAssertEqual(after.checked, before.checked + 1 + 9)
            let found = try await AuditHead.find(1, on: app.db)
            let head = try XCTUnwrap(found)
            XCTAssertEqual(head.sequence, after.lastSequence)
            XCTAssertEqual(head.hash, after.lastHash)
        }
    }

    func testAWriteInsideAWriteIsRefusedNotDeadlocked() async throws {
        try await TestApp.run(demo: false) { app in
            let sql = try await Self.prepare(app)
            let gate = try XCTUnwrap(app.writeGate)
            let code = try await app.db.write(gate: gate) { db -> String in
                try await Self.insert(1, on: db)
                do {
                    try await app.db.write(gate: gate) { inner in try await Self.insert(2, on: inner) }
                    return "accepted"
                } catch let error as DubanError {
                    return error.code
                }
            }
            XCTAssertEqual(code, "nested_write")
            let all = try await Self.rows(sql)
            XCTAssertEqual(all, [1])
        }
    }

    func testAHungWriteIsGivenUpAndTheQueueGoesOn() async throws {
        try await TestApp.run(demo: false) { app in
            let sql = try await Self.prepare(app)
            let gate = WriteGate(timeout: .milliseconds(300))
            let started = ContinuousClock.now
            do {
                try await app.db.write(gate: gate) { db in
                    try await Self.insert(1, on: db)
                    try await Task.sleep(for: .seconds(2))
                }
                XCTFail("the hung write was answered as a success")
            } catch let error as DubanError {
                XCTAssertEqual(error.code, "write_timeout")
                XCTAssertEqual(error.status, .serviceUnavailable)
            }
            let waited = ContinuousClock.now - started
            XCTAssertLessThan(waited, .milliseconds(1500), "answered after \(waited)")
            // The next write goes through (once the hung one has let go of SQLite's write lock).
            try await Task.sleep(for: .seconds(2))
            try await app.db.write(gate: gate) { db in try await Self.insert(2, on: db) }
            let all = try await Self.rows(sql)
            XCTAssert(all.contains(2), "\(all)")
            // A load submitted unbounded is never given up.
            try await app.db.write(gate: gate, bounded: false) { db in
                try await Task.sleep(for: .milliseconds(600))
                try await Self.insert(3, on: db)
            }
            let after = try await Self.rows(sql)
            XCTAssert(after.contains(3), "\(after)")
        }
    }
}

/// The hot paths that write or read through SQL instead of Fluent's models keep to the models' columns.
final class LedgerModelTests: XCTestCase {
    func testTheItemInsertBindsEveryColumnOfTheModel() {
        XCTAssertEqual(Set(LedgerItem.keys.map(\.description)), Set(LedgerItem.insertColumns))
        XCTAssertEqual(LedgerItem.insertColumns.count, Set(LedgerItem.insertColumns).count)
    }

    func testAnInsertedItemReadsBackThroughTheModel() async throws {
        try await TestApp.run { app in
            let token = try await app.token("inspector")
            let res = try await app.send(.POST, "/api/v1/items", token: token, json: [
                "kind": "hazard", "grade": "major", "title": "消防通道堵塞", "description": "检查发现楼道堆放杂物。", "location": "建桥街1号",
                "category": "消防安全", "fixMode": "immediate",
            ])
            XCTAssertEqual(res.status, .created, res.body.string)
            let id = try res.content.get(UUID.self, at: "id")
            let found = try await LedgerItem.find(id, on: app.db)
            let item = try XCTUnwrap(found)
            XCTAssertEqual(item.title, "消防通道堵塞")
            XCTAssertEqual(item.details, "检查发现楼道堆放杂物。")
            XCTAssertEqual(item.grade, "major")
            XCTAssertEqual(item.state, "registered")
            XCTAssertNil(item.assignedUnitID)
            XCTAssertNil(item.register)
            XCTAssertFalse(item.fiveComplete)
            // The model can change the row it did not insert itself.
            item.title = "消防通道堵塞（复查）"
            try await item.update(on: app.db)
            let reread = try await LedgerItem.find(id, on: app.db)
            let again = try XCTUnwrap(reread)
            XCTAssertEqual(again.title, "消防通道堵塞（复查）")
        }
    }
}
