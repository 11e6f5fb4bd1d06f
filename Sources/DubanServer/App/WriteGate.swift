import Fluent
import Metrics
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The process's one writer, with group commit (issue #10).
///
/// Every writing transaction of the process goes through here. Writes that arrive while a transaction is
/// committing wait in a queue; the next transaction takes all of them (up to `maxBatch`), runs each in
/// its own savepoint — a write that fails is rolled back to its savepoint and only its caller sees the
/// error — and commits them together, so a batch pays one disk sync instead of one per write. A caller is
/// answered only after the COMMIT that holds its write: nothing is acknowledged before it is durable, and
/// if the COMMIT fails every write of the batch fails with it.
///
/// Why one writer: SQLite allows one writer at a time, and two transactions that both read and then write
/// can fail with SQLITE_BUSY_SNAPSHOT, which no busy handler retries (so SQLite transactions begin
/// IMMEDIATE). On PostgreSQL every write appends to the audit chain, whose head row (`AuditLog`, `FOR
/// UPDATE`) orders writers anyway and is held through each commit's sync; batching them shares the sync.
///
/// A batch that has not finished after `timeout` (a PostgreSQL connection cut mid-query can leave the
/// driver waiting with no error) is given up: its callers get 503 `write_timeout` — none of them had
/// been acknowledged — and the queue goes on with a fresh connection. Long loads (demo data, benchmark
/// loaders) are submitted `bounded: false` and are never given up.
actor WriteGate {
    typealias Outcome = Result<any Sendable, any Error>

    struct Job: Sendable {
        let work: @Sendable (any Database) async throws -> any Sendable
        let bounded: Bool
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    /// Writes in one transaction at most: bounds how long the last of a batch waits for the first.
    static let maxBatch = 64

    /// The batch whose job is running (a write submitted from inside another write would wait for itself).
    @TaskLocal static var batch: Batch?

    /// What the jobs of one transaction share: the audit chain's pending entries and head (`AuditLog`),
    /// written with a few statements just before COMMIT instead of three statements per entry.
    final class Batch: Sendable {
        let audit = NIOLockedValueBox(AuditLog.Pending())
    }

    let timeout: Duration
    private var queue: [Job] = []
    private var draining = false
    /// Transactions run and writes submitted (also `duban_write_batches_total`, `duban_writes_total` in /metrics).
    private(set) var batches = 0
    private(set) var writes = 0
    private static let writesCounter = Counter(label: "duban_writes_total")
    private static let batchesCounter = Counter(label: "duban_write_batches_total")

    /// The database the writes go to, on `loop`; nil: the one the first write of a batch came with.
    private let database: (@Sendable (any EventLoop) -> any Database)?
    /// The event loop the writer runs on and its connection answers on: each of a batch's statements resumes
    /// the writer on the loop that sent it, instead of hopping to whichever loop the global executor picks.
    private let loop: any EventLoop

    nonisolated var unownedExecutor: UnownedSerialExecutor { loop.executor.asUnownedSerialExecutor() }

    init(timeout: Duration, loop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next(),
         database: (@Sendable (any EventLoop) -> any Database)? = nil) {
        self.timeout = timeout
        self.loop = loop
        self.database = database
    }

    func submit(on db: any Database, bounded: Bool, _ work: @escaping @Sendable (any Database) async throws -> any Sendable) async throws -> any Sendable {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Job(work: work, bounded: bounded, continuation: continuation))
            writes += 1
            Self.writesCounter.increment()
            if !draining {
                draining = true
                Task { await self.drain(fallback: db) }
            }
        }
    }

    private func drain(fallback: any Database) async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.maxBatch))
            queue.removeFirst(batch.count)
            batches += 1
            Self.batchesCounter.increment()
            // A database handle per batch: after a batch given up, the next one is not queued behind its connection.
            await commit(batch, on: database.map { $0(loop) } ?? fallback, timeout: batch.allSatisfy(\.bounded) ? timeout : nil)
        }
        draining = false
    }

    /// Runs the batch and answers its callers, or gives it up after `timeout`; returns when either happened.
    private func commit(_ batch: [Job], on db: any Database, timeout: Duration?) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let waiting = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(done)
            @Sendable func settle(_ outcome: (Int) -> Outcome) {
                guard let done = waiting.withLockedValue({ value in defer { value = nil }; return value }) else { return }
                for (index, job) in batch.enumerated() { job.continuation.resume(with: outcome(index)) }
                done.resume()
            }
            let watchdog = timeout.map { timeout in
                Task {
                    do { try await Task.sleep(for: timeout) } catch { return }
                    var failure = DubanError(.serviceUnavailable, code: "write_timeout",
                                             message: "数据库写入超时，请稍后重试 / the write did not complete in time, retry later")
                    failure.retryAfter = 5
                    settle { _ in .failure(failure) }
                }
            }
            Task {
                let outcomes = await self.run(batch, on: db)
                watchdog?.cancel()
                settle { outcomes[$0] }
            }
        }
    }

    /// One transaction: each job in a savepoint (when there are several), COMMIT if any succeeded.
    private func run(_ batch: [Job], on db: any Database) async -> [Outcome] {
        do {
            return try await db.withConnection { connection in
                guard let sql = connection as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
                let savepoints = batch.count > 1
                // SQLite keeps a savepoint that is not released until COMMIT, at no cost; PostgreSQL nests a
                // subtransaction per unreleased savepoint, so there each is released.
                let release = sql.dialect.name != "sqlite"
                let shared = Batch()
                var outcomes: [Outcome] = []
                do {
                    try await sql.raw(sql.dialect.name == "sqlite" ? "BEGIN IMMEDIATE" : "BEGIN").run()
                    for job in batch {
                        let saved = shared.audit.withLockedValue { $0 }
                        if savepoints { try await sql.raw("SAVEPOINT duban_write").run() }
                        do {
                            let value = try await Self.$batch.withValue(shared) { try await job.work(connection) }
                            if savepoints && release { try await sql.raw("RELEASE SAVEPOINT duban_write").run() }
                            outcomes.append(.success(value))
                        } catch {
                            if savepoints {
                                try await sql.raw("ROLLBACK TO SAVEPOINT duban_write").run()
                                if release { try await sql.raw("RELEASE SAVEPOINT duban_write").run() }
                            }
                            // Its audit entries go with it (on PostgreSQL, so does a head lock taken after the savepoint).
                            shared.audit.withLockedValue { $0 = saved }
                            outcomes.append(.failure(error))
                        }
                    }
                    try await AuditLog.flush(shared.audit.withLockedValue { $0 }, on: sql)
                    let any = outcomes.contains { if case .success = $0 { true } else { false } }
                    try await sql.raw(any ? "COMMIT" : "ROLLBACK").run()
                    return outcomes
                } catch {
                    // Nothing of the batch was committed: every write not already refused fails with it.
                    try? await sql.raw("ROLLBACK").run()
                    return batch.indices.map { index in
                        if index < outcomes.count, case .failure = outcomes[index] { outcomes[index] } else { .failure(error) }
                    }
                }
            }
        } catch {
            return batch.map { _ in .failure(error) }
        }
    }
}

extension Application {
    private struct WriteGateKey: StorageKey { typealias Value = WriteGate }

    var writeGate: WriteGate? {
        get { storage[WriteGateKey.self] }
        set { storage[WriteGateKey.self] = newValue }
    }
}

extension Database {
    /// Runs `work` in one transaction — through the process's writer (`WriteGate`, group commit) when
    /// there is one. `bounded: false` for long loads that must not be given up after the gate's timeout.
    func write<T: Sendable>(gate: WriteGate?, bounded: Bool = true,
                            _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard let gate else { return try await transaction(work) }
        guard WriteGate.batch == nil else {
            throw DubanError(.internalServerError, code: "nested_write", message: "nested write transaction")
        }
        // The cast cannot fail: the job returns what `work` returned.
        return try await gate.submit(on: self, bounded: bounded) { try await work($0) } as! T
    }
}

extension Request {
    /// One writing transaction: the change and its audit entries commit together or not at all.
    func write<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.write(gate: application.writeGate, work)
    }
}
