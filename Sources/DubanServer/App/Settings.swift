import DubanCore
import Foundation
import Vapor

/// Everything the server reads from its environment, read once at start-up.
public struct DubanSettings: Sendable {
    /// PostgreSQL connection URL (`DATABASE_URL`); when nil the embedded SQLite file is used.
    public var databaseURL: String?
    /// The SQLite file (`DUBAN_SQLITE_PATH`, default `data/duban.sqlite` under the root).
    public var sqlitePath: String
    /// The directory holding `Resources/` (`DUBAN_ROOT`, default the working directory).
    public var rootDirectory: String
    /// bcrypt cost for new password hashes (`DUBAN_BCRYPT_COST`, default 12; tests use 4).
    public var bcryptCost: Int
    /// Whether session cookies carry the Secure flag (`DUBAN_SECURE_COOKIES`, default true; browsers
    /// accept Secure cookies on http://localhost, so local use still works).
    public var secureCookies: Bool
    /// Lifetime of an API bearer token (`DUBAN_TOKEN_HOURS`, default 12 hours — one working day plus margin).
    public var tokenLifetime: TimeInterval
    /// Lifetime of a browser session from its sign-in (`DUBAN_SESSION_HOURS`, default 8 hours — one working day).
    public var sessionLifetime: TimeInterval
    /// Largest accepted request body (`DUBAN_MAX_BODY`, default 1mb).
    public var maxBodySize: String
    /// Largest attachment (`DUBAN_MAX_ATTACHMENT_MB`, default 10 MB: `AttachmentCheck.defaultMaxBytes`).
    public var maxAttachmentBytes: Int
    /// Longest a request may wait for its answer (`DUBAN_REQUEST_TIMEOUT`, seconds, default 15 — a Duban
    /// default): past it the client gets 503 instead of a hung connection, e.g. while the database is
    /// unreachable. Uploads larger than `maxBodySize` are exempt (a slow link may need longer).
    public var requestTimeout: TimeInterval = 15

    public init(databaseURL: String? = nil, sqlitePath: String, rootDirectory: String, bcryptCost: Int = 12,
                secureCookies: Bool = true, tokenLifetime: TimeInterval = 12 * 3600, maxBodySize: String = "1mb",
                maxAttachmentBytes: Int = AttachmentCheck.defaultMaxBytes, sessionLifetime: TimeInterval = 8 * 3600) {
        self.sessionLifetime = sessionLifetime
        self.databaseURL = databaseURL
        self.sqlitePath = sqlitePath
        self.rootDirectory = rootDirectory
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.tokenLifetime = tokenLifetime
        self.maxBodySize = maxBodySize
        self.maxAttachmentBytes = maxAttachmentBytes
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DubanSettings {
        let root = environment["DUBAN_ROOT"].map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? defaultRoot()
        let url = environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var settings = DubanSettings(
            databaseURL: url,
            sqlitePath: environment["DUBAN_SQLITE_PATH"] ?? root + "data/duban.sqlite",
            rootDirectory: root,
            bcryptCost: environment["DUBAN_BCRYPT_COST"].flatMap(Int.init).map { min(max($0, 4), 31) } ?? 12,
            secureCookies: environment["DUBAN_SECURE_COOKIES"].map { $0 != "false" && $0 != "0" } ?? true,
            tokenLifetime: (environment["DUBAN_TOKEN_HOURS"].flatMap(Double.init) ?? 12) * 3600,
            maxBodySize: environment["DUBAN_MAX_BODY"] ?? "1mb",
            maxAttachmentBytes: environment["DUBAN_MAX_ATTACHMENT_MB"].flatMap(Int.init).map { min(max($0, 1), 100) * 1024 * 1024 }
                ?? AttachmentCheck.defaultMaxBytes,
            sessionLifetime: (environment["DUBAN_SESSION_HOURS"].flatMap(Double.init).map { min(max($0, 0.1), 24 * 30) } ?? 8) * 3600
        )
        settings.requestTimeout = environment["DUBAN_REQUEST_TIMEOUT"].flatMap(Double.init).map { min(max($0, 1), 600) } ?? 15
        return settings
    }

    /// The working directory when it holds `Resources/`, else the package root this file was built from.
    static func defaultRoot() -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if FileManager.default.fileExists(atPath: cwd + "/Resources/Views") { return cwd + "/" }
        let source = URL(fileURLWithPath: #filePath)
        let packageRoot = source.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.path + "/"
    }

    public var usesPostgres: Bool { databaseURL != nil }
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = DubanSettings }

    public var duban: DubanSettings {
        get {
            guard let settings = storage[SettingsKey.self] else {
                preconditionFailure("configure(_:settings:) must run before the settings are read")
            }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
