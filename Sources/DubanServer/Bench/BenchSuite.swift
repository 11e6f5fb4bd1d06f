import DubanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The server's dashboard (`BenchSuite.Dashboard` is its figures).
private typealias HomeDashboard = Dashboard

/// `duban bench` (issue #10, SPEC §4): loads the realistic data set (`BenchData`), serves the app on
/// loopback and measures every figure SPEC §4 sets a target for, as one JSON document. The parts reuse
/// the single benchmarks: `SweepBenchmark`'s deadline loader and sweep, `OverdueListBenchmark`'s HTTP
/// timing, `ScoringBenchmark`'s 附件7 score.
public enum BenchSuite {
    public struct Options: Sendable {
        public var items: Int
        public var clients = 8
        /// Items created through the API, spread over the clients.
        public var creations = 4000
        /// Requests timed per read query (overdue lists, dashboards).
        public var requests = 200
        /// Open deadlines due at the sweep (of `items` open deadlines).
        public var due = 1000
        public var scoreCases = 500_000
        public var scoreUnits = 100
        public var scoreRuns = 3
        /// How deep the deep keyset page is (pages of 50 followed by cursor).
        public var deepPage = 20

        public init(items: Int) { self.items = items }
    }

    public struct Machine: Codable, Sendable {
        var cores: Int
        var memoryBytes: UInt64
        var memoryGiB: Double
        /// 1, 5 and 15 minute load averages when the run started (other work on the machine).
        var loadAverage: [Double]
        var os: String
    }

    public struct Creation: Codable, Sendable {
        var clients: Int
        var requests: Int
        var errors: Int
        var seconds: Double
        var perSecond: Double
        var p50Milliseconds: Double
        var p95Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
        /// Transactions the writer ran for them (group commit: several requests' writes share one).
        var transactions: Int
        var writesPerTransaction: Double
    }

    public struct Dashboard: Codable, Sendable {
        /// `GET /api/v1/dashboard` (issue #9) as an office gets it — for the admin (whole district) and one street's
        /// operator, default settings, after one view has filled the cache: headline counts live, district
        /// aggregates from the cache, refreshed in the background when stale. The target's figure.
        var served: [OverdueListBenchmark.Timing]
        /// The same with the aggregate cache off (`dashboard.cacheSeconds` = 0): every figure computed per request —
        /// what one refresh costs (a view waits for it only on the first view, or after two lifetimes without one).
        var uncached: [OverdueListBenchmark.Timing]
        /// `GET /api/v1/items/metrics`: the ledger's full statistics (every item in scope by state, grade, kind and
        /// category). Reported, not held to the dashboard target: it counts the whole ledger by design.
        var itemsMetrics: [OverdueListBenchmark.Timing]
    }

    public struct Sweep: Codable, Sendable {
        var open: Int
        var due: Int
        var loadSeconds: Double
        var seconds: Double
        var claimed: Int
        var fired: Int
    }

    public struct Memory: Codable, Sendable {
        /// VmHWM while serving (peak reset after loading, so the loader's buffers do not count).
        var serverPeakRSSBytes: UInt64
        var serverPeakRSSMiB: Double
        /// VmHWM of the loading phase, and of the in-process scoring run (reset before it).
        var loadPeakRSSBytes: UInt64
        var scoringPeakRSSBytes: UInt64
        /// Whether /proc/self/clear_refs could reset the peak between phases (else every figure is the process's peak).
        var peakResetBetweenPhases: Bool
    }

    public struct Target: Codable, Sendable {
        var figure: String
        var target: String
        var measured: Double
        var unit: String
        var met: Bool
    }

    public struct Result: Encodable, Sendable {
        var benchmark = "duban_bench"
        var date: String
        var machine: Machine
        var database: String
        var items: Int
        var load: BenchData.Summary
        var creation: Creation
        var overdueList: [OverdueListBenchmark.Timing]
        var dashboard: Dashboard
        var sweep: Sweep
        var scoring: ScoringBenchmark.Result
        var memory: Memory
        var targets: [Target]
        var seconds: Double
    }

    public static func run(app: Application, options: Options, progress: @escaping @Sendable (String) -> Void) async throws -> Result {
        guard let sql = app.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let started = ContinuousClock.now
        let machine = Machine(cores: ProcessInfo.processInfo.activeProcessorCount, memoryBytes: ProcessInfo.processInfo.physicalMemory,
                              memoryGiB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824 * 10).rounded() / 10,
                              loadAverage: loadAverage(), os: ProcessInfo.processInfo.operatingSystemVersionString)
        let now = Date().wholeMilliseconds
        let units = try await BenchData.units(app: app, progress: progress)
        progress("loading \(options.items) items…")
        let load = try await BenchData.load(app: app, units: units, count: options.items, now: now, progress: progress)
        progress("loading \(options.items) open deadlines, \(options.due) due…")
        let due = min(options.due, options.items)
        let deadlineSeconds = try await SweepBenchmark.load(app: app, open: options.items, due: due, now: now, progress: progress)
        let loadPeak = Memory.peak()
        let reset = Memory.resetPeak()

        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: nil)
        let overdue: [OverdueListBenchmark.Timing]
        let dashboard: Dashboard
        let creation: Creation
        let sweep: Sweep
        do {
            let base = try OverdueListBenchmark.base(of: app)
            let admin = try await OverdueListBenchmark.token(app: app, base: base, user: "admin")
            let street = try await OverdueListBenchmark.token(app: app, base: base, user: "operator")
            overdue = try await overdueList(app: app, base: base, admin: admin, street: street, options: options, progress: progress)
            dashboard = try await dashboards(app: app, base: base, admin: admin, street: street, options: options, progress: progress)
            creation = try await create(app: app, base: base, token: admin, options: options, progress: progress)
            progress("sweeping \(options.items) open deadlines, \(due) due…")
            let (seconds, report) = try await SweepBenchmark.sweep(app: app, due: due, now: now.addingTimeInterval(1))
            sweep = Sweep(open: options.items, due: due, loadSeconds: deadlineSeconds, seconds: seconds, claimed: report.claimed,
                          fired: report.fired)
            await app.server.shutdown()
        } catch {
            await app.server.shutdown()
            throw error
        }
        let serverPeak = Memory.peak()
        _ = Memory.resetPeak()
        let scoring = try ScoringBenchmark.run(cases: options.scoreCases, units: options.scoreUnits, runs: options.scoreRuns,
                                               calculator: app.calendarStore.calculator, progress: progress)
        let memory = Memory(serverPeakRSSBytes: serverPeak, serverPeakRSSMiB: (Double(serverPeak) / 1_048_576 * 10).rounded() / 10,
                            loadPeakRSSBytes: loadPeak, scoringPeakRSSBytes: Memory.peak(), peakResetBetweenPhases: reset)
        let result = Result(
            date: ISO8601DateFormatter().string(from: Date()), machine: machine, database: sql.dialect.name, items: options.items,
            load: load, creation: creation, overdueList: overdue, dashboard: dashboard, sweep: sweep, scoring: scoring, memory: memory,
            targets: targets(creation: creation, overdue: overdue, dashboard: dashboard, sweep: sweep, scoring: scoring, memory: memory),
            seconds: (ContinuousClock.now - started).seconds)
        return result
    }

    /// (b) The overdue list for all units (admin) and one street (its operator), first page and a deep keyset page.
    static func overdueList(app: Application, base: String, admin: String, street: String, options: Options,
                            progress: @escaping @Sendable (String) -> Void) async throws -> [OverdueListBenchmark.Timing] {
        let page = "/items?overdue=true&limit=50"
        var timings: [OverdueListBenchmark.Timing] = []
        for (who, token) in [("all units, admin", admin), ("one street, its operator", street)] {
            timings.append(try await OverdueListBenchmark.time(app: app, base: base, "overdue, first page (\(who))", token: token,
                                                               requests: options.requests, progress: progress) { _ in page })
            // The cursor of page `deepPage` (or of the last page there is), then that page timed again and again.
            var cursor: String?
            var depth = 1
            for _ in 1..<max(2, options.deepPage) {
                let res = try await app.client.get(URI(string: base + page + (cursor.map { "&cursor=" + OverdueListBenchmark.escaped($0) } ?? ""))) {
                    $0.headers.bearerAuthorization = .init(token: token)
                }
                guard res.status == .ok else { throw DubanError.badRequest("overdue list: HTTP \(res.status.code)") }
                guard let next = try? res.content.get(String?.self, at: "nextCursor") else { break }
                cursor = next
                depth += 1
            }
            let deep = page + (cursor.map { "&cursor=" + OverdueListBenchmark.escaped($0) } ?? "")
            timings.append(try await OverdueListBenchmark.time(app: app, base: base, "overdue, page \(depth) by keyset cursor (\(who))",
                                                               token: token, requests: options.requests, progress: progress) { _ in deep })
        }
        return timings
    }

    /// (c) The dashboard as served (default cache, warmed by one view), and with its cache off (set through the
    /// settings API as an admin would), and the ledger metrics. The slow figures are timed with fewer requests.
    static func dashboards(app: Application, base: String, admin: String, street: String, options: Options,
                           progress: @escaping @Sendable (String) -> Void) async throws -> Dashboard {
        func cache(seconds: Int) async throws {
            let res = try await app.client.put(URI(string: base + "/settings/" + HomeDashboard.cacheSettingKey)) {
                $0.headers.bearerAuthorization = .init(token: admin)
                try $0.content.encode(["value": seconds])
            }
            guard res.status == .ok else { throw DubanError.badRequest("PUT settings/\(HomeDashboard.cacheSettingKey): HTTP \(res.status.code)") }
        }
        func time(_ path: String, _ label: String, requests: Int, warm: Bool = false) async throws -> [OverdueListBenchmark.Timing] {
            var timings: [OverdueListBenchmark.Timing] = []
            for (who, token) in [("admin", admin), ("one street's operator", street)] {
                if warm {
                    let res = try await app.client.get(URI(string: base + path)) { $0.headers.bearerAuthorization = .init(token: token) }
                    guard res.status == .ok else { throw DubanError.badRequest("\(path): HTTP \(res.status.code)") }
                }
                timings.append(try await OverdueListBenchmark.time(app: app, base: base, "\(label) (\(who))", token: token,
                                                                   requests: requests, progress: progress) { _ in path })
            }
            return timings
        }
        let slow = max(3, options.requests / 40)
        try await cache(seconds: 0)
        let uncached = try await time("/dashboard", "dashboard, no cache", requests: slow)
        try await cache(seconds: HomeDashboard.defaultCacheSeconds)
        let served = try await time("/dashboard", "dashboard, as served", requests: options.requests, warm: true)
        return Dashboard(served: served, uncached: uncached, itemsMetrics: try await time("/items/metrics", "items/metrics", requests: slow))
    }

    /// (a) `creations` items through `POST /api/v1/items`, from `clients` clients at once.
    static func create(app: Application, base: String, token: String, options: Options,
                       progress: @escaping @Sendable (String) -> Void) async throws -> Creation {
        progress("creating \(options.creations) items through the API with \(options.clients) clients…")
        let clients = max(1, options.clients)
        let perClient = (options.creations + clients - 1) / clients
        let total = min(options.creations, perClient * clients)
        let uri = URI(string: base + "/items")
        let (batchesBefore, writesBefore) = (await app.writeGate?.batches ?? 0, await app.writeGate?.writes ?? 0)
        let started = ContinuousClock.now
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for client in 0..<clients {
                let count = max(0, min(perClient, total - client * perClient))
                group.addTask {
                    var samples: [Double] = []
                    var errors = 0
                    for k in 0..<count {
                        let n = client * perClient + k
                        let body = creationBody(n)
                        let start = ContinuousClock.now
                        let res = try await app.client.post(uri) { req in
                            req.headers.bearerAuthorization = .init(token: token)
                            try req.content.encode(body)
                        }
                        samples.append((ContinuousClock.now - start).seconds * 1000)
                        if res.status != .created { errors += 1 }
                    }
                    return (samples, errors)
                }
            }
            var all: ([Double], Int) = ([], 0)
            for try await (samples, errors) in group {
                all.0 += samples
                all.1 += errors
            }
            return all
        }
        let seconds = (ContinuousClock.now - started).seconds
        let transactions = (await app.writeGate?.batches ?? 0) - batchesBefore
        let writes = (await app.writeGate?.writes ?? 0) - writesBefore
        let timing = OverdueListBenchmark.Timing(results.0.isEmpty ? [0] : results.0, query: "POST /items")
        return Creation(clients: clients, requests: results.0.count, errors: results.1, seconds: seconds,
                        perSecond: seconds > 0 ? Double(results.0.count) / seconds : 0, p50Milliseconds: timing.p50Milliseconds,
                        p95Milliseconds: timing.p95Milliseconds, p99Milliseconds: timing.p99Milliseconds,
                        maxMilliseconds: timing.maxMilliseconds, transactions: transactions,
                        writesPerTransaction: transactions > 0 ? Double(writes) / Double(transactions) : 0)
    }

    /// An inspector's hazard as the registration form sends it: title, a two-sentence description, place, category.
    static func creationBody(_ n: Int) -> [String: String] {
        let road = BenchData.pick(BenchData.roads, n, 30), place = BenchData.pick(BenchData.places, n, 31)
        let hazard = BenchData.pick(BenchData.hazards, n, 32)
        return ["kind": "hazard", "grade": "general", "title": "\(road)\(n % 300 + 1)号\(place)\(hazard.prefix(12))",
                "description": "检查发现\(road)\(n % 300 + 1)号\(place)\(hazard)。已当场责令整改，要求在规定期限内完成整改并报送整改情况。",
                "location": "武汉市汉阳区\(road)\(n % 300 + 1)号", "category": "消防安全"]
    }

    /// SPEC §4's targets against the figures.
    static func targets(creation: Creation, overdue: [OverdueListBenchmark.Timing], dashboard: Dashboard, sweep: Sweep,
                        scoring: ScoringBenchmark.Result, memory: Memory) -> [Target] {
        let overdueP99 = overdue.map(\.p99Milliseconds).max() ?? 0
        let dashboardP99 = dashboard.served.map(\.p99Milliseconds).max() ?? 0
        return [
            Target(figure: "item creation throughput", target: "≥ 2000", measured: creation.perSecond, unit: "items/s",
                   met: creation.perSecond >= 2000 && creation.errors == 0),
            Target(figure: "item creation p99", target: "≤ 50", measured: creation.p99Milliseconds, unit: "ms", met: creation.p99Milliseconds <= 50),
            Target(figure: "overdue list p99 (worst query)", target: "≤ 10", measured: overdueP99, unit: "ms", met: overdueP99 <= 10),
            Target(figure: "dashboard p99 (worst viewer, as served)", target: "≤ 100", measured: dashboardP99, unit: "ms", met: dashboardP99 <= 100),
            Target(figure: "one deadline sweep", target: "≤ 1", measured: sweep.seconds, unit: "s", met: sweep.seconds <= 1),
            Target(figure: "hotline score, 100 units, 500,000 cases (median)", target: "≤ 1000", measured: scoring.medianMilliseconds,
                   unit: "ms", met: scoring.medianMilliseconds <= 1000),
            Target(figure: "server peak RSS", target: "≤ 300", measured: memory.serverPeakRSSMiB, unit: "MiB",
                   met: memory.serverPeakRSSMiB <= 300),
        ]
    }

    static func loadAverage() -> [Double] {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return [] }
        return text.split(separator: " ").prefix(3).compactMap { Double($0) }
    }
}

extension BenchSuite.Memory {
    /// VmHWM of /proc/self/status in bytes (0 where there is no /proc).
    static func peak() -> UInt64 {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kB = line.split(separator: " ").dropFirst().first.flatMap({ UInt64($0) }) else { return 0 }
        return kB * 1024
    }

    /// Resets VmHWM to the current RSS (`echo 5 > /proc/self/clear_refs`, Linux ≥ 4.0).
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }
}
