import DubanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// `duban bench overdue`: loads `items` open ledger items (the demo directory's streets handle them, `overdue`
/// of them past their deadline), serves the app on loopback and times the overdue list through HTTP —
/// the figure SPEC §4 and issue #4 ask for ("overdue-list query p99 ≤ 10 ms" at 1 M items).
public enum OverdueListBenchmark {
    public struct Timing: Codable, Sendable {
        public var query: String
        public var requests: Int
        public var p50Milliseconds: Double
        public var p95Milliseconds: Double
        public var p99Milliseconds: Double
        public var maxMilliseconds: Double

        init(_ samples: [Double], query: String) {
            let sorted = samples.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))] }
            self.query = query
            requests = sorted.count
            p50Milliseconds = percentile(0.5)
            p95Milliseconds = percentile(0.95)
            p99Milliseconds = percentile(0.99)
            maxMilliseconds = sorted.last ?? 0
        }
    }

    public struct Result: Codable, Sendable {
        public var benchmark = "overdue_list"
        public var database: String
        public var items: Int
        public var overdue: Int
        public var cores: Int
        public var loadSeconds: Double
        public var timings: [Timing]
    }

    public static func run(app: Application, items: Int, overdue: Int, requests: Int,
                           progress: @escaping @Sendable (String) -> Void) async throws -> Result {
        guard let sql = app.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        progress("loading the demo directory and users…")
        _ = try await DemoData.load(into: app, tasks: false, elevators: false)
        let streets = try await Unit.query(on: app.db).filter(\.$kind == UnitKind.street.rawValue).all(\.$id)
        let office = try await UnitAlias.query(on: app.db).filter(\.$aliasKey == TextNormalization.nameKey("汉阳区人民政府督查室")).first()
        guard let office = office?.$unit.id, !streets.isEmpty else { throw DubanError.badRequest("demo directory missing") }
        let now = Date().wholeMilliseconds
        let loadStart = ContinuousClock.now
        var inserted = 0
        while inserted < items {
            let count = min(500, items - inserted)
            let first = inserted
            try await app.db.write(gate: app.writeGate, bounded: false) { db in
                guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
                var insert = sql.insert(into: LedgerItem.schema).columns(
                    "id", "kind", "state", "grade", "title", "registering_unit_id", "assigned_unit_id", "due_at", "open_due_at",
                    "five_complete", "findings", "facts", "created_at", "updated_at")
                for n in first..<(first + count) {
                    // The first `overdue` items passed their deadline over the last days; the rest fall due over the next year.
                    let due = n < overdue ? now.addingTimeInterval(-Double(n + 1) * 60) : now.addingTimeInterval(3600 + Double(n % 525_600) * 60)
                    let unit = streets[n % streets.count]
                    let facts = ItemFacts(kind: .hazard, registeringUnitID: office.uuidString, state: .inProgress,
                                          assignedUnitID: unit.uuidString, assignedAt: now.addingTimeInterval(-30 * 86400), deadline: due)
                    let created = now.addingTimeInterval(-Double(items - n))
                    insert = insert.values([
                        SQLBind(UUID()), SQLBind(ItemKind.hazard.rawValue), SQLBind(ItemState.inProgress.rawValue),
                        SQLBind(HazardGrade.general.rawValue), SQLBind("基准隐患 \(n)"), SQLBind(office), SQLBind(unit),
                        SQLBind(due), SQLBind(due), SQLBind(false), SQLBind("[]"),
                        SQLBind(String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)), SQLBind(created), SQLBind(created),
                    ])
                }
                try await insert.run()
            }
            inserted += count
            if inserted % 50_000 == 0 || inserted == items { progress("loaded \(inserted)/\(items) items") }
        }
        if sql.dialect.name == "postgresql" { try await sql.raw("ANALYZE ledger_items").run() }
        let loadSeconds = (ContinuousClock.now - loadStart).seconds

        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        // The SQL alone, in process: the overdue list's query through its index, 50 rows decoded.
        progress("timing the query alone…")
        var samples: [Double] = []
        let street = streets[0]
        for n in 0..<(requests * 2) {
            var query = LedgerListQuery(limit: 50)
            query.overdueAt = Date()
            if n % 2 == 1 { query.scope = [street] }
            let start = ContinuousClock.now
            _ = try await query.run(on: app.db)
            samples.append((ContinuousClock.now - start).seconds * 1000)
        }
        let queryOnly = Timing(samples, query: "overdue list SQL alone (admin and one street, in process)")
        try await app.server.start(address: nil)
        do {
            let result = [queryOnly] + (try await measure(app: app, requests: requests, progress: progress))
            await app.server.shutdown()
            return Result(database: sql.dialect.name, items: items, overdue: overdue, cores: ProcessInfo.processInfo.activeProcessorCount,
                          loadSeconds: loadSeconds, timings: result)
        } catch {
            await app.server.shutdown()
            throw error
        }
    }

    /// A bearer token for a demo user, through the API.
    static func token(app: Application, base: String, user: String) async throws -> String {
        let password = DemoData.users.first { $0.username == user }?.password ?? ""
        let res = try await app.client.post(URI(string: base + "/auth/token")) { req in
            try req.content.encode(["username": user, "password": password])
        }
        return try res.content.get(String.self, at: "token")
    }

    /// The base URL of the app's server on loopback.
    static func base(of app: Application) throws -> String {
        guard let port = app.http.server.shared.localAddress?.port else { throw DubanError.badRequest("server did not start") }
        return "http://127.0.0.1:\(port)/api/v1"
    }

    /// Times `requests` GETs one after another; `path` gives each request's path from the previous
    /// response's `nextCursor` (so a list can be followed page by page).
    static func time(app: Application, base: String, _ name: String, token: String, requests: Int,
                     progress: @escaping @Sendable (String) -> Void, _ path: (String?) -> String) async throws -> Timing {
        progress("timing \(name)…")
        var samples: [Double] = []
        var cursor: String?
        for _ in 0..<requests {
            let start = ContinuousClock.now
            let res = try await app.client.get(URI(string: base + path(cursor))) { req in
                req.headers.bearerAuthorization = .init(token: token)
            }
            samples.append((ContinuousClock.now - start).seconds * 1000)
            guard res.status == .ok else { throw DubanError.badRequest("\(name): HTTP \(res.status.code)") }
            cursor = try? res.content.get(String?.self, at: "nextCursor")
        }
        return Timing(samples, query: name)
    }

    static func measure(app: Application, requests: Int, progress: @escaping @Sendable (String) -> Void) async throws -> [Timing] {
        let base = try base(of: app)
        let admin = try await token(app: app, base: base, user: "admin")
        let street = try await token(app: app, base: base, user: "operator")
        func time(_ name: String, token: String, _ path: (String?) -> String) async throws -> Timing {
            try await OverdueListBenchmark.time(app: app, base: base, name, token: token, requests: requests, progress: progress, path)
        }
        let page = "/items?overdue=true&limit=50"
        var timings: [Timing] = []
        timings.append(try await time("overdue, first page (admin)", token: admin) { _ in page })
        timings.append(try await time("overdue, following pages (admin)", token: admin) { cursor in
            cursor.map { page + "&cursor=" + escaped($0) } ?? page
        })
        timings.append(try await time("overdue, first page (one street's operator)", token: street) { _ in page })
        timings.append(try await time("newest first, first page (admin)", token: admin) { _ in "/items?limit=50" })
        return timings
    }

    static func escaped(_ cursor: String) -> String { cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}
