@testable import DubanServer
import Foundation
import SQLKit
import Vapor
import XCTest

/// `duban bench` end to end at N = 1,000 (issue #10: "a small smoke run is part of the suite, so it
/// cannot rot"): the umbrella loads, serves on loopback, measures every figure and the JSON has them all.
final class BenchSmokeTests: XCTestCase {
    struct Counts: Decodable { var items: Int; var cases: Int; var contacts: Int; var overdue: Int }

    func counts(_ app: Application, overdueAt now: Date) async throws -> Counts {
        let sql = try XCTUnwrap(app.db as? any SQLDatabase)
        let row = try await sql.raw("""
            SELECT (SELECT COUNT(*) FROM ledger_items) AS items, (SELECT COUNT(*) FROM hotline_cases) AS cases,
                   (SELECT COUNT(*) FROM hotline_contacts) AS contacts,
                   (SELECT COUNT(*) FROM ledger_items WHERE open_due_at < \(bind: now)) AS overdue
            """).first(decoding: Counts.self)
        return try XCTUnwrap(row)
    }

    func testUmbrellaRunReportsEveryFigure() async throws {
        try await TestApp.run(demo: true) { app in
            var options = BenchSuite.Options(items: 1000)
            options.creations = 96
            options.requests = 10
            options.due = 50
            options.scoreCases = 2000
            options.scoreUnits = 10
            options.scoreRuns = 1
            options.deepPage = 3
            let before = try await counts(app, overdueAt: Date())
            let result = try await BenchSuite.run(app: app, options: options) { _ in }
            let after = try await counts(app, overdueAt: Date())

            // The data set went into the database as the summary says; 96 items came through the API.
            XCTAssertEqual(result.load.items, 1000)
            XCTAssertEqual(after.items - before.items, 1000 + 96)
            XCTAssertEqual(after.cases - before.cases, result.load.hotlineCases)
            XCTAssertEqual(after.contacts - before.contacts, result.load.followUps)
            XCTAssertEqual(after.overdue - before.overdue, result.load.overdue)
            // One in five items is a hotline case (the hash's spread stays well inside 15–25 %).
            XCTAssert((150...250).contains(result.load.hotlineCases), "\(result.load.hotlineCases)")
            XCTAssertGreaterThan(result.load.followUps, result.load.hotlineCases / 2)
            XCTAssertGreaterThan(result.load.overdue, 0)

            // (a) 8 clients × 12 requests, all 201.
            XCTAssertEqual(result.creation.clients, 8)
            XCTAssertEqual(result.creation.requests, 96)
            XCTAssertEqual(result.creation.errors, 0)
            XCTAssertGreaterThan(result.creation.perSecond, 0)
            XCTAssertLessThanOrEqual(result.creation.p50Milliseconds, result.creation.p99Milliseconds)
            // (b) all units and one street, first page and page 3 by cursor.
            XCTAssertEqual(result.overdueList.map(\.requests), [10, 10, 10, 10])
            // The deep page is page 3, or the last page when fewer than 101 items are overdue (a next cursor only when more rows follow).
            let pages = (before.overdue + result.load.overdue + 49) / 50
            XCTAssertEqual(result.overdueList[1].query, "overdue, page \(min(3, max(1, pages))) by keyset cursor (all units, admin)")
            // (c) the dashboard as served (timed like the overdue list) and with its cache off, and the ledger metrics
            // (the slow figures with fewer requests), for the admin and one street; the cache setting is back at its
            // default afterwards, and the target is held against the dashboard as served.
            XCTAssertEqual(result.dashboard.served.map(\.requests), [10, 10])
            XCTAssertEqual(result.dashboard.served.map(\.query), ["dashboard, as served (admin)", "dashboard, as served (one street's operator)"])
            XCTAssertEqual(result.dashboard.uncached.map(\.requests), [3, 3])
            XCTAssertEqual(result.dashboard.itemsMetrics.map(\.requests), [3, 3])
            let dashboardTarget = try XCTUnwrap(result.targets.first { $0.figure.hasPrefix("dashboard") })
            XCTAssertEqual(dashboardTarget.measured, result.dashboard.served.map(\.p99Milliseconds).max())
            let cacheSeconds = try await AdjustableSetting.value(Dashboard.cacheSettingKey, on: app.db)
            XCTAssertEqual(cacheSeconds, Dashboard.defaultCacheSeconds)
            // (d) 1,000 open deadlines, 50 due: one sweep claims and fires exactly those.
            XCTAssertEqual(result.sweep.open, 1000)
            XCTAssertEqual(result.sweep.claimed, 50)
            XCTAssertEqual(result.sweep.fired, 50)
            // (e) the score ran over the cases; (f) a peak RSS was read.
            XCTAssertEqual(result.scoring.cases, 2000)
            XCTAssertGreaterThan(result.scoring.casesInPeriod, 0)
            XCTAssertGreaterThan(result.memory.serverPeakRSSBytes, 0)
            XCTAssertEqual(result.machine.cores, ProcessInfo.processInfo.activeProcessorCount)
            XCTAssertEqual(result.targets.count, 7)

            // The JSON document has every figure.
            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
            let document = try XCTUnwrap(json)
            for key in ["benchmark", "date", "machine", "database", "items", "load", "creation", "overdueList", "dashboard", "sweep",
                        "scoring", "memory", "targets"] {
                XCTAssertNotNil(document[key], key)
            }
            XCTAssertEqual(document["database"] as? String, TestApp.postgresURL == nil ? "sqlite" : "postgresql")
            let machine = try XCTUnwrap(document["machine"] as? [String: Any])
            XCTAssertNotNil(machine["memoryBytes"] as? Int)
            let creation = try XCTUnwrap(document["creation"] as? [String: Any])
            for key in ["perSecond", "p50Milliseconds", "p95Milliseconds", "p99Milliseconds"] { XCTAssertNotNil(creation[key] as? Double, key) }
            let overdue = try XCTUnwrap(document["overdueList"] as? [[String: Any]])
            for timing in overdue { XCTAssertNotNil(timing["p99Milliseconds"] as? Double) }
            let memory = try XCTUnwrap(document["memory"] as? [String: Any])
            XCTAssertNotNil(memory["serverPeakRSSMiB"] as? Double)
            let scoring = try XCTUnwrap(document["scoring"] as? [String: Any])
            XCTAssertNotNil(scoring["medianMilliseconds"] as? Double)
        }
    }
}
