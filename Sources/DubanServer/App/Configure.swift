import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import NIOSSL
import SQLKit
import Vapor

/// Configures the application: database, migrations, sessions, middleware, views and routes.
public func configure(_ app: Application, settings: DubanSettings) async throws {
    app.duban = settings
    DubanMetrics.start()

    var directory = DirectoryConfiguration(workingDirectory: settings.rootDirectory)
    directory.resourcesDirectory = settings.rootDirectory + "Resources/"
    directory.viewsDirectory = settings.rootDirectory + "Resources/Views/"
    directory.publicDirectory = settings.rootDirectory + "Resources/Public/"
    app.directory = directory

    if let url = settings.databaseURL {
        var config = try SQLPostgresConfiguration(url: url)
        config.searchPath = nil
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 4,
                                    connectionPoolTimeout: .seconds(5)), as: .psql)
    } else {
        let folder = (settings.sqlitePath as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        app.databases.use(.sqlite(.file(settings.sqlitePath)), as: .sqlite)
        // The writer's own connection to the same file: SQLite's pool holds one connection per event loop, and
        // a write transaction on it would make that loop's reads wait for the commit.
        app.databases.use(.sqlite(.file(settings.sqlitePath)), as: .sqliteWriter, isDefault: false)
        // WAL: readers do not block the writer and a crash cannot corrupt the file (the mode is persistent).
        if let sql = app.db as? any SQLDatabase {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
    }
    // The writer's database handle, on the event loop the writer runs on (WriteGate).
    let writerID: DatabaseID = settings.databaseURL == nil ? .sqliteWriter : .psql
    app.writeGate = WriteGate(timeout: .milliseconds(Int64(settings.requestTimeout * 1000)), loop: app.eventLoopGroup.next()) {
        @Sendable [unowned app] loop in app.databases.database(writerID, logger: app.logger, on: loop)!
    }
    DubanMigrations.register(on: app)
    app.calendarStore = CalendarStore(shipped: try CalendarStore.loadShipped(resourcesDirectory: directory.resourcesDirectory))

    app.sessions.use(.fluent)
    // A browser session lasts one working day (DUBAN_SESSION_HOURS, 8 hours, a Duban default) from the
    // sign-in: the cookie expires then, and the server refuses the session after it (ActorMiddleware).
    let sessionSeconds = Int(settings.sessionLifetime)
    app.sessions.configuration = SessionsConfiguration(cookieName: "duban_session") { id in
        HTTPCookies.Value(string: id.string, expires: Date().addingTimeInterval(Double(sessionSeconds)), maxAge: sessionSeconds, path: "/",
                          isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.routes.defaultMaxBodySize = ByteCount(stringLiteral: settings.maxBodySize)
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(MetricsMiddleware())
    app.middleware.use(DubanErrorMiddleware())
    app.middleware.use(RequestTargetLimitMiddleware())
    app.middleware.use(RequestDeadlineMiddleware(seconds: settings.requestTimeout,
                                                 exemptAboveBytes: app.routes.defaultMaxBodySize.value))
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(ActorMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(IdempotencyMiddleware())

    app.views.use(.leaf)
    app.leaf.cache.isEnabled = app.environment.isRelease

    LedgerDeadlines.register(on: app)
    CreditDeadlines.register(on: app)
    ElevatorDeadlines.register(on: app)
    try routes(app)
}

extension DatabaseID {
    /// SQLite only: the connection `WriteGate` writes through.
    static let sqliteWriter = DatabaseID(string: "sqlite_writer")
}

/// The migrations, in order. Schema changes happen only here.
enum DubanMigrations {
    static func register(on app: Application) {
        app.migrations.add(CreateUnits())
        app.migrations.add(CreateAccounts())
        app.migrations.add(CreatePeopleAndBodies())
        app.migrations.add(CreateAudit())
        app.migrations.add(CreateIdempotency())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateCalendarTables())
        app.migrations.add(CreateScheduling())
        app.migrations.add(CreateNotifications())
        app.migrations.add(CreateLedger())
        app.migrations.add(CreateLedgerWork())
        app.migrations.add(CreateHotline())
        app.migrations.add(CreateCredit())
        app.migrations.add(CreateAssessment())
        app.migrations.add(CreateAccountability())
        app.migrations.add(CreateProposals())
        app.migrations.add(CreateSchemes())
        app.migrations.add(CreateElevators())
        app.migrations.add(CreateSiteAudit())
        app.migrations.add(CreateDashboardIndexes())
        app.migrations.add(CreateScheduledReports())
        app.migrations.add(CreateScopeDueIndexes())
    }
}
