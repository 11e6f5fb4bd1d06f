import Fluent
import Vapor

/// Entry points used by the `duban` command.
public enum DubanApp {
    /// Builds and configures an application; the caller must `asyncShutdown()` it.
    public static func make(_ environment: Environment = .production, settings: DubanSettings = .fromEnvironment()) async throws -> Application {
        let app = try await Application.make(environment)
        do {
            try await configure(app, settings: settings)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// Runs pending migrations.
    public static func migrate(_ app: Application) async throws {
        try await app.autoMigrate()
        try await app.calendarStore.reload(on: app.db)
    }

    /// Serves HTTP until interrupted.
    public static func serve(_ app: Application, hostname: String, port: Int, schedulerInterval: TimeInterval) async throws {
        app.http.server.configuration.hostname = hostname
        app.http.server.configuration.port = port
        if schedulerInterval > 0 {
            let instance = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
            app.lifecycle.use(SchedulerService(interval: schedulerInterval, instance: instance))
        }
        try await app.execute()
    }

    /// Checks the audit chain; returns a report and whether it holds.
    public static func verifyAudit(_ app: Application, progress: @escaping @Sendable (Int) -> Void) async throws -> (ok: Bool, report: String) {
        let result = try await AuditLog.verify(on: app.db, progress: progress)
        if let broken = result.firstBreak {
            return (false, "审计链断裂 / audit chain BROKEN at entry \(broken.sequence): \(broken)")
        }
        return (true, "审计链完整 / audit chain intact: \(result.checked) entries verified")
    }
}
