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

        init(_ app: Application, gate: WriteGate) {
            let (stream, continuation) = AsyncStream<Void>.makeStream()
            release = { continuation.yield(); continuation.finish() }
            task = Task {
                try await app.db.write(gate: gate) { db in
                    try await WriteGateTests.insert(0, on: db)
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
