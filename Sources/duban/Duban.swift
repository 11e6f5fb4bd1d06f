import ArgumentParser
import DubanServer
import Foundation
import Vapor

@main
struct Duban: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duban",
        abstract: "督办 — safety supervision and accountability platform.",
        subcommands: [Serve.self, Migrate.self, Demo.self, Audit.self])
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
        let app = try await DubanApp.make(try Bootstrap.environment("production"))
        do { try await DubanApp.migrate(app) } catch { try? await app.asyncShutdown(); throw error }
        print("migrations complete")
        try await app.asyncShutdown()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo data (seeds' directory and rosters, one user per role).")

    func run() async throws {
        let app = try await DubanApp.make(try Bootstrap.environment("production"))
        do {
            try await DubanApp.migrate(app)
            _ = try await DemoData.load(into: app) { print($0) }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Audit log tools.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify the audit hash chain; exit 1 and name the first broken entry if it fails.")

        func run() async throws {
            let app = try await DubanApp.make(try Bootstrap.environment("production"))
            let outcome: (ok: Bool, report: String)
            do {
                outcome = try await DubanApp.verifyAudit(app) { checked in
                    FileHandle.standardError.write(Data("\rchecked \(checked) entries".utf8))
                }
                FileHandle.standardError.write(Data("\n".utf8))
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
            print(outcome.report)
            if !outcome.ok { throw ExitCode(1) }
        }
    }
}
