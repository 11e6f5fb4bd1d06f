import ArgumentParser
import DubanCore
import DubanServer
import Foundation
import NIOCore
import NIOPosix
import Vapor

@main
enum Entry {
    /// Runs Swift concurrency's tasks on SwiftNIO's event loops (the threads that do the I/O), so a request
    /// does not hop between two thread pools at every database call (measured by `duban bench`, issue #10).
    /// Before any other task starts; `DUBAN_NIO_EXECUTOR=0` keeps Swift's own executor.
    static func main() async {
        if ProcessInfo.processInfo.environment["DUBAN_NIO_EXECUTOR"] != "0" {
            _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await Duban.main()
    }
}

struct Duban: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: "督办 — safety supervision and accountability platform.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Audit.self, BackupCommand.self, RestoreCommand.self, CalendarCommand.self,
                      Assess.self, Bench.self, SiteAudit.self])
}

/// Sets up logging once for the process.
enum Bootstrap {
    static func environment(_ name: String) throws -> Environment {
        var env = Environment(name: name, arguments: ["duban"])
        try LoggingSystem.bootstrap(from: &env)
        return env
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP server (migrates first).")

    @ArgumentParser.Option(help: "Port to listen on (default $PORT or 8080).")
    var port: Int?

    @ArgumentParser.Option(help: "Address to bind.")
    var hostname = "127.0.0.1"

    @ArgumentParser.Flag(help: "Load the demo data into an empty database before serving.")
    var demo = false

    @ArgumentParser.Option(help: "Environment name (development, production).")
    var env = "production"

    func run() async throws {
        let app = try await DubanApp.make(try Bootstrap.environment(env))
        do {
            try await DubanApp.migrate(app)
            if demo {
                _ = try await DemoData.load(into: app) { print($0) }
            }
            let port = port ?? ProcessInfo.processInfo.environment["PORT"].flatMap(Int.init) ?? 8080
            print("duban: serving on http://\(hostname):\(port)")
            let interval = ProcessInfo.processInfo.environment["DUBAN_SCHEDULER_SECONDS"].flatMap(Double.init) ?? 30
            try await DubanApp.serve(app, hostname: hostname, port: port, schedulerInterval: interval)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run pending database migrations.")

    func run() async throws {
        try await withApp { _ in }
        print("migrations complete")
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo data (seeds' directory and rosters, one user per role).")

    func run() async throws {
        _ = try await withApp { app in try await DemoData.load(into: app) { print($0) } }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Audit log tools.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the audit hash chain; exit 1 and name the first broken entry if it fails.")

        func run() async throws {
            let outcome = try await withApp(migrating: false) { app in
                try await DubanApp.verifyAudit(app) { checked in
                    FileHandle.standardError.write(Data("\rchecked \(checked) entries".utf8))
                }
            }
            FileHandle.standardError.write(Data("\n".utf8))
            print(outcome.report)
            if !outcome.ok { throw ExitCode(1) }
        }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a backup of the database to a new file (SQLite: online, VACUUM INTO; PostgreSQL: pg_dump custom format).")

    @ArgumentParser.Argument(help: "The backup file (must not exist).")
    var file: String

    func run() async throws {
        try await withApp(migrating: false) { app in try await DubanBackup.backup(app, to: file) }
        print("backup written to \(file)")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup (stop the server first), then verify the audit chain.")

    @ArgumentParser.Argument(help: "A file written by `duban backup`.")
    var file: String

    func run() async throws {
        try await DubanBackup.restore(from: file, settings: DubanSettings.fromEnvironment())
        print("restored from \(file)")
        let outcome = try await withApp { app in try await DubanApp.verifyAudit(app) { _ in } }
        print(outcome.report)
        if !outcome.ok { throw ExitCode(1) }
    }
}

/// Runs `body` with the application (migrated first unless `migrating` is false: a backup or a
/// verification reads the database as it is) and shuts it down afterwards.
func withApp<T>(migrating: Bool = true, _ body: (Application) async throws -> T) async throws -> T {
    let app = try await DubanApp.make(try Bootstrap.environment("production"))
    do {
        if migrating { try await DubanApp.migrate(app) }
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working calendar: deadlines and days (with the admin's corrections).",
        subcommands: [Due.self, Day.self])

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Compute a deadline (SPEC Appendix A1).")

        @ArgumentParser.Option(help: "Start, ISO 8601 (without an offset: China time).")
        var from: String

        @ArgumentParser.Option(help: "Amount (at least 1).")
        var amount: Int

        @ArgumentParser.Option(help: "minutes, hours, working_hours, working_days, days or months.")
        var unit: String

        func run() async throws {
            print(try await withApp { app in try CalendarCommands.due(app: app, from: from, amount: amount, unit: unit) })
        }
    }

    struct Day: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Whether a date (yyyy-mm-dd) is a working day, and its holiday name.")

        @ArgumentParser.Argument(help: "The date, yyyy-mm-dd.")
        var date: String

        func run() async throws {
            print(try await withApp { app in try CalendarCommands.day(app: app, date: date) })
        }
    }
}

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (SPEC §4). `duban bench --items N` runs them all (the default subcommand, `run`).",
        subcommands: [Run.self, Sweep.self, Overdue.self, Score.self], defaultSubcommand: Run.self)

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The whole benchmark (issue #10): load N realistic items with hotline cases and follow-ups and N open deadlines, serve on loopback, and print one JSON document with item creation over HTTP, the overdue lists, the dashboard aggregates, one sweep, the hotline score and the peak RSS. Uses a throwaway SQLite file, or an empty DATABASE_URL database with --database postgres.")

        @ArgumentParser.Option(help: "Ledger items (and open deadlines) to load.")
        var items = 100_000

        @ArgumentParser.Option(help: "sqlite or postgres.")
        var database = "sqlite"

        @ArgumentParser.Option(help: "Concurrent HTTP clients creating items.")
        var clients = 8

        @ArgumentParser.Option(help: "Items created through the API.")
        var creations = 4000

        @ArgumentParser.Option(help: "Requests timed per overdue-list query (a tenth of them per dashboard).")
        var requests = 200

        @ArgumentParser.Option(help: "Open deadlines due at the sweep.")
        var due = 1000

        @ArgumentParser.Option(name: .customLong("score-cases"), help: "Hotline cases scored (100 units).")
        var scoreCases = 500_000

        @ArgumentParser.Option(help: "Write the JSON result to this file as well.")
        var out: String?

        func validate() throws {
            guard items >= 100, clients >= 1, clients <= 64, creations >= clients, requests >= 1, due >= 1, scoreCases >= 1 else {
                throw ValidationError("--items (≥ 100), --clients (1–64), --creations (≥ clients), --requests, --due and --score-cases must be positive")
            }
        }

        func run() async throws {
            var options = BenchSuite.Options(items: items)
            options.clients = clients
            options.creations = creations
            options.requests = requests
            options.due = due
            options.scoreCases = scoreCases
            let settled = options
            try await Bench.run(database: database, out: out) { app in
                try await BenchSuite.run(app: app, options: settled, progress: Bench.progress)
            }
        }
    }

    /// Runs `body` on a throwaway SQLite file, or on DATABASE_URL with `--database postgres`, and prints
    /// its JSON result (also to `out`).
    static func run<R: Encodable>(database: String, out: String?, _ body: @escaping (Application) async throws -> R) async throws {
        var settings = DubanSettings.fromEnvironment()
        settings.bcryptCost = 4
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("duban-bench-\(UUID().uuidString)").path
        switch database {
        case "sqlite":
            settings.databaseURL = nil
            settings.sqlitePath = scratch + "/bench.sqlite"
        case "postgres":
            guard settings.databaseURL != nil else { throw ValidationError("--database postgres needs DATABASE_URL") }
        default:
            throw ValidationError("--database must be sqlite or postgres")
        }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let app = try await DubanApp.make(try Bootstrap.environment("production"), settings: settings)
        let result: R
        do {
            try await DubanApp.migrate(app)
            result = try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(result)
        print(String(decoding: data, as: UTF8.self))
        if let out { try data.write(to: URL(fileURLWithPath: out)) }
    }

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time one scheduler sweep over N open deadlines of which M are due. Uses a throwaway SQLite file, or DATABASE_URL with --database postgres (its watched deadlines are replaced).")

        @ArgumentParser.Option(help: "Open deadlines to load.")
        var open = 1_000_000

        @ArgumentParser.Option(help: "How many of them are due.")
        var due = 1_000

        @ArgumentParser.Option(help: "sqlite or postgres.")
        var database = "sqlite"

        @ArgumentParser.Option(help: "Write the JSON result to this file as well.")
        var out: String?

        func run() async throws {
            let (open, due) = (open, due)
            try await Bench.run(database: database, out: out) { app in
                try await SweepBenchmark.run(app: app, open: open, due: due, progress: Bench.progress)
            }
        }
    }

    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the bi-monthly hotline score (附件7, SPEC A2) of N synthetic cases over U units, in process, on the shipped calendar.")

        @ArgumentParser.Option(help: "Cases to generate.")
        var cases = 500_000

        @ArgumentParser.Option(help: "Units the cases are spread over.")
        var units = 100

        @ArgumentParser.Option(help: "Timed runs (best and median are reported).")
        var runs = 5

        @ArgumentParser.Option(help: "Write the JSON result to this file as well.")
        var out: String?

        func run() async throws {
            let data = try ScoringBenchmarkCommand.run(cases: cases, units: units, runs: runs,
                                                       root: DubanSettings.fromEnvironment().rootDirectory, progress: Bench.progress)
            print(String(decoding: data, as: UTF8.self))
            if let out { try data.write(to: URL(fileURLWithPath: out)) }
        }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the overdue list over HTTP with N ledger items of which M are overdue. Uses a throwaway SQLite file, or an empty DATABASE_URL database with --database postgres.")

        @ArgumentParser.Option(help: "Open ledger items to load.")
        var items = 1_000_000

        @ArgumentParser.Option(help: "How many of them are overdue.")
        var overdue = 5_000

        @ArgumentParser.Option(help: "Requests timed per query.")
        var requests = 1_000

        @ArgumentParser.Option(help: "sqlite or postgres.")
        var database = "sqlite"

        @ArgumentParser.Option(help: "Write the JSON result to this file as well.")
        var out: String?

        func run() async throws {
            let (items, overdue, requests) = (items, overdue, requests)
            try await Bench.run(database: database, out: out) { app in
                try await OverdueListBenchmark.run(app: app, items: items, overdue: overdue, requests: requests, progress: Bench.progress)
            }
        }
    }
}

struct Assess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Assessment (SPEC M5).", subcommands: [Hotline.self])

    struct Hotline: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The 附件7 hotline score as SPEC A2 JSON: from --input (JSONL, docs/assess-hotline.md) or, without it, from the database.")

        @ArgumentParser.Option(help: "yyyy-mm/yyyy-mm, e.g. 2026-09/2026-10.")
        var period: String

        @ArgumentParser.Option(help: "Cases, one JSON object per line.")
        var input: String?

        @ArgumentParser.Option(name: .customLong("unit-input"), help: "Per-unit manual facts, one JSON object per line.")
        var unitInput: String?

        @ArgumentParser.Option(help: "With the database: also write its cases as JSONL to this file.")
        var export: String?

        @ArgumentParser.Option(name: .customLong("export-units"),
                               help: "With the database: also write the assessor's entries that were scored as JSONL to this file.")
        var exportUnits: String?

        func run() async throws {
            let units = try unitInput.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            let output: Data
            if let input {
                output = try HotlineAssessmentCommand.fromFiles(period: period, cases: try Data(contentsOf: URL(fileURLWithPath: input)),
                                                                units: units, root: DubanSettings.fromEnvironment().rootDirectory)
            } else {
                let (period, export, exportUnits) = (period, export, exportUnits)
                output = try await withApp { app in
                    try await HotlineAssessmentCommand.fromDatabase(app: app, period: period, units: units, export: { data in
                        if let export { try data.write(to: URL(fileURLWithPath: export)) }
                    }, exportUnits: { data in
                        if let exportUnits { try data.write(to: URL(fileURLWithPath: exportUnits)) }
                    })
                }
            }
            print(String(decoding: output, as: UTF8.self))
        }
    }
}

/// `duban site-audit <url>`: the national census check of a government website (000 阳政办(2017)46号 附件2).
struct SiteAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site-audit",
        abstract: "Check a government website against the national census scoring standard (全国政府网站普查评分标准).")

    @ArgumentParser.Argument(help: "The site's home page, http:// or https://.")
    var url: String

    @ArgumentParser.Option(help: "JSON configuration: columns (name, url, type: news|notice|policy|personnel|plan), guides, onlineSystems.")
    var config: String?

    @ArgumentParser.Option(help: "Largest number of same-host pages read (default 200).")
    var maxPages = 200

    @ArgumentParser.Option(help: "Write the report here: *.json or *.html (default: JSON on standard output).")
    var out: String?

    @ArgumentParser.Option(help: "Requests in flight at once (default 4).")
    var concurrency = 4

    @ArgumentParser.Option(help: "Smallest gap between request starts in milliseconds (default 250; robots.txt Crawl-delay can raise it).")
    var delayMs = 250

    @ArgumentParser.Option(help: "Stop starting requests after this many seconds (default 900).")
    var timeBudget = 900.0

    @ArgumentParser.Option(help: "A request this slow counts as failed, seconds (the standard's 15).")
    var timeout = 15.0

    @ArgumentParser.Option(help: "Monitoring date yyyy-mm-dd (default: today, China time).")
    var date: String?

    @ArgumentParser.Flag(help: "Do not check links to other hosts.")
    var noExternal = false

    @ArgumentParser.Flag(help: "No progress lines on standard error.")
    var quiet = false

    func validate() throws {
        guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
            throw ValidationError("url must start with http:// or https://")
        }
        guard maxPages >= 1, concurrency >= 1, concurrency <= 32, delayMs >= 0, timeBudget > 0, timeout > 0 else {
            throw ValidationError("--max-pages, --concurrency (1–32), --delay-ms, --time-budget and --timeout must be positive")
        }
        if let out, !(out.hasSuffix(".json") || out.hasSuffix(".html")) {
            throw ValidationError("--out must end in .json or .html")
        }
        if let date, LocalDate(date) == nil { throw ValidationError("--date must be yyyy-mm-dd") }
    }

    func run() async throws {
        let siteConfig: SiteAuditConfig
        do { siteConfig = try SiteAuditCommandRunner.loadConfig(config) } catch { throw ValidationError(String(describing: error)) }
        var options = CrawlOptions()
        options.maxPages = maxPages
        options.concurrency = concurrency
        options.minInterval = Double(delayMs) / 1000
        options.timeBudget = timeBudget
        options.slowSeconds = timeout
        options.checkExternal = !noExternal
        options.auditDate = date.flatMap { LocalDate($0) }
        let quiet = quiet
        let result = await SiteAuditCommandRunner.run(url: url, config: siteConfig, options: options) { line in
            if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        let report = result.report
        let summary = "\(report.passed ? "合格" : "不合格") 得分 \(report.score) 扣分 \(report.deducted) 单项否决 \(report.vetoes.count)"
            + " (pages \(result.stats.pagesRead), links \(result.stats.linksChecked))"
        if let out {
            let data = out.hasSuffix(".html") ? Data(SiteAuditReportHTML.render(result).utf8) : try SiteAuditReportHTML.json(result)
            try data.write(to: URL(fileURLWithPath: out))
            print(summary)
            print("report: \(out)")
        } else {
            FileHandle.standardError.write(Data((summary + "\n").utf8))
            print(String(decoding: try SiteAuditReportHTML.json(result), as: UTF8.self))
        }
    }
}
