import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// `duban backup` and `duban restore` (issue #11).
///
/// SQLite: `VACUUM INTO` writes a consistent copy while the server keeps serving (an online backup: it
/// reads one snapshot, readers and the WAL writer go on); restore checks the file is an intact SQLite
/// database and puts it in place of the configured file — with the server stopped. PostgreSQL:
/// `pg_dump --format=custom` and `pg_restore --clean --single-transaction`, found on PATH, in
/// `DUBAN_PG_BIN` or in `/usr/lib/postgresql/*/bin`.
public enum DubanBackup {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes a backup of the application's database to `file`, which must not exist yet.
    public static func backup(_ app: Application, to file: String) async throws {
        guard !FileManager.default.fileExists(atPath: file) else { throw Failure(description: "\(file) already exists") }
        if let url = app.duban.databaseURL {
            try run(tool: "pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(file)", "--dbname=\(url)"])
            return
        }
        guard let sql = app.db as? any SQLDatabase else { throw Failure(description: "not an SQL database") }
        try await sql.raw("VACUUM INTO \(bind: file)").run()
    }

    /// Replaces the database of `settings` with the backup in `file`. The server must not be running.
    public static func restore(from file: String, settings: DubanSettings) async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw Failure(description: "\(file) does not exist") }
        if let url = settings.databaseURL {
            try run(tool: "pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                                         "--exit-on-error", "--dbname=\(url)", file])
            return
        }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        let header = try handle.read(upToCount: 16) ?? Data()
        try handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw Failure(description: "\(file) is not an SQLite database") }
        try await checkIntegrity(file)
        let target = settings.sqlitePath
        let folder = (target as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        // Copy beside the target, then rename over it: the target is either the old or the new database.
        let staging = target + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: file, toPath: staging)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        guard rename(staging, target) == 0 else { throw Failure(description: "cannot move the restored file to \(target)") }
    }

    /// `PRAGMA integrity_check` on a file; throws unless it answers "ok".
    public static func checkIntegrity(_ file: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: file))
        do {
            let rows = try await connection.query("PRAGMA integrity_check")
            try await connection.close()
            let answer = rows.first?.column("integrity_check")?.string ?? "no answer"
            guard answer == "ok" else { throw Failure(description: "\(file) fails the integrity check: \(answer)") }
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs a PostgreSQL client tool; throws with its error output when it fails.
    static func run(tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try locate(tool))
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) failed (\(process.terminationStatus)): " + String(decoding: output, as: UTF8.self))
        }
    }

    static func locate(_ tool: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        var folders = (environment["DUBAN_PG_BIN"].map { [$0] } ?? []) + (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            // The newest client first: it reads older servers.
            folders += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + tool) {
            return folder + "/" + tool
        }
        throw Failure(description: "\(tool) not found (install postgresql-client or set DUBAN_PG_BIN)")
    }
}
