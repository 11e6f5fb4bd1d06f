@testable import DubanServer
import Fluent
import Foundation
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// `duban backup` / `duban restore` (issue #11): a populated database (demo data and writes through
/// the API) round-trips table for table, and the restored audit chain verifies.
final class BackupTests: XCTestCase {
    /// Every table's row count and contents (SQLite: each row quoted and joined; PostgreSQL: the md5 of
    /// the sorted row texts).
    static func fingerprint(_ db: any Database) async throws -> [String: String] {
        let sql = try XCTUnwrap(db as? any SQLDatabase)
        var result: [String: String] = [:]
        if sql.dialect.name == "postgresql" {
            let tables = try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()").all()
            for row in tables {
                let table = try row.decode(column: "name", as: String.self)
                let summary = try await sql.raw("""
                    SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') AS h FROM \(ident: table) x
                    """).first()
                result[table] = try summary?.decode(column: "h", as: String.self)
            }
        } else {
            let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all()
            for row in tables {
                let table = try row.decode(column: "name", as: String.self)
                let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table))").all()
                    .map { try $0.decode(column: "name", as: String.self) }
                let expression = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                let summary = try await sql.raw("""
                    SELECT count(*) || ':' || coalesce(group_concat(r, char(10)), '') AS h
                    FROM (SELECT \(unsafeRaw: expression) AS r FROM \(ident: table) ORDER BY r)
                    """).first()
                result[table] = try summary?.decode(column: "h", as: String.self)
            }
        }
        return result
    }

    func testBackupAndRestoreRoundTripEveryTable() async throws {
        let folder = NSTemporaryDirectory() + "duban-backup-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "backup.dump"
        var before: [String: String] = [:]
        try await TestApp.run { app in
            // Writes besides the demo data: an item with a transition, a hotline case, a user.
            let inspector = try await app.token("inspector")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "备份测试：灭火器过期", category: "消防", grade: "general", source: "inspection",
                supervisedUnitId: try await app.unitID("建桥街").uuidString,
                findings: [FindingDTO(description: "灭火器过期", standard: "GB50140-2005", clause: "6.1")]))
            XCTAssertEqual(created.status, .created, created.body.string)
            let item = try created.content.decode(ItemDTO.self).id
            let assigned = try await app.send(.POST, "/api/v1/items/\(item)/events", token: try await app.token("dispatcher"), json: ItemEventInput(
                event: "assign", unitId: try await app.unitID("建桥街").uuidString,
                deadline: ChinaTimeFormat.string(Date().addingTimeInterval(5 * 86400))))
            XCTAssertEqual(assigned.status, .ok, assigned.body.string)
            let hotline = try await app.send(.POST, "/api/v1/hotline/cases", token: try await app.token("dispatcher"), json: HotlineIntakeInput(
                type: "complaint", callerName: "备份", callerPhone: "13700009999", whatHappened: "噪音扰民", categoryCode: "environment",
                unitId: try await app.unitID("建桥街").uuidString))
            XCTAssertEqual(hotline.status, .created, hotline.body.string)
            before = try await Self.fingerprint(app.db)
            XCTAssertGreaterThan(before.count, 30)
            XCTAssertNotEqual(before["audit_entries"]?.hasPrefix("0:"), true)

            try await DubanBackup.backup(app, to: file)
            XCTAssertTrue(FileManager.default.fileExists(atPath: file))
            do {
                try await DubanBackup.backup(app, to: file)
                XCTFail("a backup never overwrites a file")
            } catch {}
            // A write after the backup is not in it.
            let street = try await app.unitID("建桥街")
            let admin = try await app.token("admin")
            let later = try await app.send(.PATCH, "/api/v1/units/\(street)", token: admin, json: ["phone": "027-99990000"])
            XCTAssertEqual(later.status, .ok, later.body.string)
            let changed = try await Self.fingerprint(app.db)
            XCTAssertNotEqual(changed, before)
        }

        // Restore into a fresh SQLite file, or over the (changed) PostgreSQL test database.
        let settings = DubanSettings(databaseURL: TestApp.postgresURL, sqlitePath: folder + "restored/duban.sqlite",
                                     rootDirectory: TestApp.root, bcryptCost: 4)
        try await DubanBackup.restore(from: file, settings: settings)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, settings: settings)
            try await DubanApp.migrate(app)
            let after = try await Self.fingerprint(app.db)
            XCTAssertEqual(Set(after.keys), Set(before.keys))
            for table in before.keys.sorted() {
                XCTAssertEqual(after[table], before[table], "table \(table) differs after the round trip")
            }
            let verified = try await DubanApp.verifyAudit(app) { _ in }
            XCTAssertTrue(verified.ok, verified.report)
            // The restored server works: sign in and read the item.
            let token = try await app.token("inspector")
            let items = try await app.send(.GET, "/api/v1/items?limit=200", token: token)
            XCTAssertTrue(items.body.string.contains("备份测试：灭火器过期"))
            let street = try await app.unitID("建桥街")
            let unit = try await app.send(.GET, "/api/v1/units/\(street)", token: token)
            XCTAssertEqual(unit.status, .ok)
            XCTAssertFalse(unit.body.string.contains("027-99990000"), "the write after the backup is not restored")
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// A file that is not a backup is refused and the database is left alone.
    func testRestoreRefusesAFileThatIsNotABackup() async throws {
        guard TestApp.postgresURL == nil else { return }
        let folder = NSTemporaryDirectory() + "duban-backup-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: folder + "junk"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: folder + "duban.sqlite"))
        let settings = DubanSettings(sqlitePath: folder + "duban.sqlite", rootDirectory: TestApp.root)
        do {
            try await DubanBackup.restore(from: folder + "junk", settings: settings)
            XCTFail("junk restored")
        } catch {
            XCTAssertTrue(String(describing: error).contains("not an SQLite database"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: folder + "duban.sqlite", encoding: .utf8), "keep")
    }
}
