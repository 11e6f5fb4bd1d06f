import DubanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `duban bench sweep`: loads `open` watched deadlines of which `due` are due, then times one sweep
/// (claim + fire + notifications) — the figure SPEC §4 asks for ("one deadline sweep over 1 M open
/// items ≤ 1 s").
public enum SweepBenchmark {
    public struct Result: Codable, Sendable {
        public var benchmark = "scheduler_sweep"
        public var database: String
        public var open: Int
        public var due: Int
        public var cores: Int
        public var memoryBytes: UInt64
        public var loadSeconds: Double
        public var sweepSeconds: Double
        public var claimed: Int
        public var fired: Int
    }

    public static func run(app: Application, open: Int, due: Int,
                           progress: @escaping @Sendable (String) -> Void) async throws -> Result {
        guard let sql = app.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let now = Date().wholeMilliseconds
        let loadSeconds = try await load(app: app, open: open, due: due, now: now, progress: progress)
        progress("sweeping…")
        let (sweepSeconds, report) = try await sweep(app: app, due: due, now: now)
        return Result(database: sql.dialect.name, open: open, due: due, cores: ProcessInfo.processInfo.activeProcessorCount,
                      memoryBytes: ProcessInfo.processInfo.physicalMemory, loadSeconds: loadSeconds,
                      sweepSeconds: sweepSeconds, claimed: report.claimed, fired: report.fired)
    }

    /// Replaces the watched deadlines with `open` pending ones of which `due` are due at `now`; returns the seconds it took.
    static func load(app: Application, open: Int, due: Int, now: Date, progress: @escaping @Sendable (String) -> Void) async throws -> Double {
        guard let sql = app.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        try await sql.raw("DELETE FROM deadline_events").run()
        try await sql.raw("DELETE FROM watched_deadlines").run()
        let loadStart = ContinuousClock.now
        let batch = 500
        var inserted = 0
        while inserted < open {
            let count = min(batch, open - inserted)
            let first = inserted
            try await app.db.write(gate: app.writeGate, bounded: false) { db in
                guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
                var insert = sql.insert(into: "watched_deadlines").columns(
                    "id", "entity_type", "entity_id", "kind", "unit_id", "due_at", "warn_at", "state", "next_fire_at",
                    "rule", "claimed_by", "claim_until", "created_at")
                for n in first..<(first + count) {
                    // The first `due` rows passed their deadline a minute ago; the rest fall due over the next year.
                    let dueAt = n < due ? now.addingTimeInterval(-60) : now.addingTimeInterval(3600 + Double(n % 525_600) * 60)
                    let warnAt: Date? = n < due ? nil : dueAt.addingTimeInterval(-86400)
                    let nextFire = warnAt.map { max($0, now.addingTimeInterval(1800)) } ?? dueAt
                    insert = insert.values([
                        SQLBind(UUID()), SQLBind("bench_item"), SQLBind("item-\(n)"), SQLBind("reply"), SQLBind(UUID?.none),
                        SQLBind(dueAt), SQLBind(warnAt), SQLBind(DeadlineWatch.State.pending.rawValue), SQLBind(nextFire),
                        SQLBind("1个工作日"), SQLBind(String?.none), SQLBind(Date?.none), SQLBind(now),
                    ])
                }
                try await insert.run()
            }
            inserted += count
            if inserted % 50_000 == 0 || inserted == open { progress("loaded \(inserted)/\(open) open deadlines") }
        }
        if sql.dialect.name == "postgresql" { try await sql.raw("ANALYZE watched_deadlines").run() }
        return (ContinuousClock.now - loadStart).seconds
    }

    /// One sweep at `now`: its seconds and report.
    static func sweep(app: Application, due: Int, now: Date) async throws -> (Double, Scheduler.Report) {
        let sweepStart = ContinuousClock.now
        let report = try await Scheduler(instance: "bench", batchSize: max(due, 1)).sweep(now: now, app: app)
        return ((ContinuousClock.now - sweepStart).seconds, report)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
