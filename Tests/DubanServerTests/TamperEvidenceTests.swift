@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// Tamper evidence (issue #11): any edit of any audit column, any removed entry, and entries cut from
/// the end are found by `duban audit verify` (`DubanApp.verifyAudit`), which names the first broken
/// entry. What it cannot find is said in the README: entries cut from the end together with a
/// matching rewrite of the head row.
final class TamperEvidenceTests: XCTestCase {
    private func verify(_ app: Application) async throws -> (ok: Bool, report: String) {
        try await DubanApp.verifyAudit(app) { _ in }
    }

    func testEditingAnyColumnOfAnyEntryIsDetectedAndNamed() async throws {
        try await TestApp.run { app in
            let total = try await AuditEntry.query(on: app.db).count()
            XCTAssertGreaterThan(total, 20)
            var intact = try await verify(app)
            XCTAssertTrue(intact.ok, intact.report)
            // First, a middle and the last entry; every column of each.
            for seq in [Int64(1), Int64(total / 2), Int64(total)] {
                let edits: [(String, (AuditEntry) -> Void)] = [
                    ("at", { $0.at = $0.at.addingTimeInterval(1) }),
                    ("actor", { $0.actor = "nobody(admin)" }),
                    ("action", { $0.action = $0.action == "delete" ? "create" : "delete" }),
                    ("entity_type", { $0.entityType += "x" }),
                    ("entity_id", { $0.entityID += "0" }),
                    ("before", { $0.before = #"{"forged":true}"# }),
                    ("after", { $0.after = ($0.after ?? "") + " " }),
                    ("prev_hash", { $0.previousHash = String(repeating: "1", count: 64) }),
                    ("hash", { $0.hash = String(repeating: "2", count: 64) }),
                ]
                for (column, edit) in edits {
                    let entry = try await XCTUnwrapAsync(try await AuditEntry.find(seq, on: app.db))
                    let original = (entry.at, entry.actor, entry.action, entry.entityType, entry.entityID, entry.before, entry.after,
                                    entry.previousHash, entry.hash)
                    edit(entry)
                    try await entry.update(on: app.db)
                    let outcome = try await verify(app)
                    XCTAssertFalse(outcome.ok, "edit of \(column) in entry \(seq) went unnoticed")
                    XCTAssertTrue(outcome.report.contains("at entry \(seq):"), "\(column) in \(seq): \(outcome.report)")
                    (entry.at, entry.actor, entry.action, entry.entityType, entry.entityID, entry.before, entry.after,
                     entry.previousHash, entry.hash) = original
                    try await entry.update(on: app.db)
                }
            }
            intact = try await verify(app)
            XCTAssertTrue(intact.ok, "restored: \(intact.report)")
        }
    }

    func testDeletingEntriesIsDetectedAndNamed() async throws {
        try await TestApp.run { app in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            let total = Int64(try await AuditEntry.query(on: app.db).count())
            func removed(_ seq: Int64, expect: String) async throws {
                let entry = try await XCTUnwrapAsync(try await AuditEntry.find(seq, on: app.db))
                try await sql.delete(from: "audit_entries").where("seq", .equal, seq).run()
                let outcome = try await verify(app)
                XCTAssertFalse(outcome.ok, "deleting entry \(seq) went unnoticed")
                XCTAssertTrue(outcome.report.contains(expect), "\(seq): \(outcome.report)")
                // Put it back as it was.
                let copy = AuditEntry()
                copy.id = entry.id; copy.at = entry.at; copy.actor = entry.actor; copy.action = entry.action
                copy.entityType = entry.entityType; copy.entityID = entry.entityID; copy.before = entry.before
                copy.after = entry.after; copy.previousHash = entry.previousHash; copy.hash = entry.hash
                try await copy.create(on: app.db)
                let back = try await verify(app)
                XCTAssertTrue(back.ok, back.report)
            }
            try await removed(1, expect: "at entry 2: entry 2: follows entry 0")
            try await removed(total / 2, expect: "at entry \(total / 2 + 1):")
            // The last entry: the head row still records it.
            try await removed(total, expect: "chain ends at entry \(total - 1) but the head records entry \(total)")
            // Renumbering after a removal breaks the link instead.
            try await sql.delete(from: "audit_entries").where("seq", .equal, 7).run()
            try await sql.update("audit_entries").set("seq", to: 7).where("seq", .equal, 8).run()
            let renumbered = try await verify(app)
            XCTAssertFalse(renumbered.ok)
            XCTAssertTrue(renumbered.report.contains("at entry 7:"), renumbered.report)
        }
    }

    /// The limit, stated in the README: whoever removes the last entries and rewrites the head row to
    /// match leaves a chain that verifies; only a copy of the head kept elsewhere (a backup, a
    /// printed `audit verify` line) shows it.
    func testCuttingTheEndAndRewritingTheHeadIsTheDocumentedLimit() async throws {
        try await TestApp.run { app in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            let total = Int64(try await AuditEntry.query(on: app.db).count())
            let before = try await verify(app)
            XCTAssertTrue(before.report.contains("\(total) entries verified"), before.report)
            let previous = try await XCTUnwrapAsync(try await AuditEntry.find(total - 1, on: app.db))
            try await sql.delete(from: "audit_entries").where("seq", .equal, total).run()
            // Editing only the head row is caught.
            try await sql.update("audit_head").set("seq", to: total - 1).where("id", .equal, 1).run()
            let halfDone = try await verify(app)
            XCTAssertFalse(halfDone.ok, halfDone.report)
            try await sql.update("audit_head").set("hash", to: previous.hash).where("id", .equal, 1).run()
            let after = try await verify(app)
            XCTAssertTrue(after.ok, "cut and head rewritten together: not detectable from the database alone")
            XCTAssertTrue(after.report.contains("\(total - 1) entries verified"), "but the count printed before shows it: \(after.report)")
        }
    }
}

/// `XCTUnwrap` for an awaited value.
func XCTUnwrapAsync<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    try XCTUnwrap(value, file: file, line: line)
}
