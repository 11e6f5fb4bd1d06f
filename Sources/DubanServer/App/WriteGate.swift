import Fluent
import SQLKit
import Vapor

/// Serialises writing transactions inside one process when the database is SQLite.
///
/// SQLite allows one writer at a time; two transactions that both read and then write can otherwise fail
/// with SQLITE_BUSY_SNAPSHOT, which no busy handler retries. PostgreSQL needs no gate: its row locks
/// (see `AuditLog`) order concurrent writers.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension Application {
    private struct WriteGateKey: StorageKey { typealias Value = WriteGate }

    /// nil on PostgreSQL.
    var writeGate: WriteGate? {
        get { storage[WriteGateKey.self] }
        set { storage[WriteGateKey.self] = newValue }
    }
}

extension Database {
    /// Runs `work` in one transaction. On SQLite the transaction begins IMMEDIATE (it takes the write
    /// lock at once, so a read-then-write cannot fail with SQLITE_BUSY_SNAPSHOT when another process
    /// writes the same file), and one such transaction runs at a time per process.
    func write<T: Sendable>(gate: WriteGate?, _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await transaction(work) }
        await gate.acquire()
        do {
            let result = try await withConnection { connection in
                guard let sql = connection as? any SQLDatabase else { return try await connection.transaction(work) }
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await work(connection)
                    try await sql.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}

extension Request {
    /// One writing transaction: the change and its audit entries commit together or not at all.
    func write<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.write(gate: application.writeGate, work)
    }
}
