@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Vapor
import XCTest
import XCTVapor

/// The server side of the census check (SPEC M9): sites, stored audits and their history, the weekly
/// schedule, availability probes and the one-week veto, against the loopback fixture site.
final class SiteAuditAPITests: XCTestCase {
    struct Page<T: Decodable>: Decodable { var items: [T]; var nextCursor: String? }
    struct Site: Decodable { var id: String; var url: String; var nextAuditAt: Date; var nextProbeAt: Date }
    struct Audit: Decodable {
        var id: String; var state: String; var trigger: String; var score: Double?; var deducted: Double?
        var vetoes: Int?; var passed: Bool?; var auditDate: String
    }
    struct Detail: Decodable { var audit: Audit; var result: SiteAuditResult? }
    struct Availability: Decodable { var summary: AvailabilitySummary }
    struct Probe: Decodable { var status: Int?; var failed: Bool }

    private func decode<T: Decodable>(_ type: T.Type, _ response: XCTHTTPResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(response.body.readableBytesView))
    }

    private func register(_ app: Application, token: String, name: String, url: String, config: SiteAuditConfig?) async throws -> Site {
        struct Input: Encodable { var name: String; var url: String; var config: SiteAuditConfig? }
        let res = try await app.send(.POST, "/api/v1/site-audit/sites", token: token, json: Input(name: name, url: url, config: config))
        XCTAssertEqual(res.status, .created, res.body.string)
        return try decode(Site.self, res)
    }

    /// `count` probes on each of the 7 days before `today`, the first `failing` of all of them failing (503).
    private func storeProbes(_ app: Application, site: String, today: LocalDate, perDay: Int, failing: Int) async throws {
        var made = 0
        for back in 1...7 {
            let day = today.adding(days: -back)!
            for n in 0..<perDay {
                let row = SiteProbeRow()
                row.siteID = UUID(uuidString: site)!
                row.at = day.chinaDate(hour: n % 24, minute: 5)
                row.seconds = 0.2
                row.status = made < failing ? 503 : 200
                made += 1
                try await row.create(on: app.db)
            }
        }
    }

    func testAuditsStoredChartedAndScheduled() async throws {
        let today = LocalDate(chinaTimeOf: Date())!
        let fixture = try await FixtureSite.start(today: today)
        do {
            try await TestApp.run { app in
                app.siteAuditOptions = FixtureSite.options(auditDate: nil)
                let admin = try await app.token("admin")
                let site = try await register(app, token: admin, name: "汉阳区人民政府门户网站", url: fixture.base + "/", config: fixture.config)
                XCTAssertEqual(site.url, fixture.base + "/")

                // A manual audit: 202, running, then finished with the hand-computed score (SiteCrawlerTests).
                let started = try await app.send(.POST, "/api/v1/site-audit/sites/\(site.id)/audits", token: admin)
                XCTAssertEqual(started.status, .accepted, started.body.string)
                let first = try decode(Audit.self, started)
                XCTAssertEqual(first.state, "running")
                XCTAssertEqual(first.auditDate, today.description)
                await SiteAuditService.waitForRunning(app: app)
                let detail = try decode(Detail.self, try await app.send(.GET, "/api/v1/site-audit/audits/\(first.id)", token: admin))
                XCTAssertEqual(detail.audit.state, "finished")
                XCTAssertEqual(detail.audit.score, 69.8)
                XCTAssertEqual(detail.audit.deducted, 30.2)
                XCTAssertEqual(detail.audit.vetoes, 0)
                XCTAssertEqual(detail.audit.passed, true)
                let report = try XCTUnwrap(detail.result?.report)
                XCTAssertEqual(report.deductions.map(\.code).sorted(), [
                    "deduct.attachments", "deduct.columns.news", "deduct.columns.personnel", "deduct.columns.policy",
                    "deduct.guide_elements", "deduct.home_links", "deduct.home_updates", "deduct.online_systems", "deduct.other_links",
                ])
                // No probes yet: availability is listed as not assessed.
                XCTAssertTrue(report.notAssessed.first?.contains("首页可用性") ?? false)

                // A monitored week: 7 × 20 probes, 7 failing = 5 % → the 站点无法访问 veto.
                try await storeProbes(app, site: site.id, today: today, perDay: 20, failing: 7)
                let week = try decode(Availability.self, try await app.send(.GET, "/api/v1/site-audit/sites/\(site.id)/availability", token: admin))
                XCTAssertEqual(week.summary.probes, 140)
                XCTAssertEqual(week.summary.failures, 7)
                XCTAssertTrue(week.summary.sufficient)
                XCTAssertTrue(week.summary.veto)
                let second = try decode(Audit.self, try await app.send(.POST, "/api/v1/site-audit/sites/\(site.id)/audits", token: admin))
                await SiteAuditService.waitForRunning(app: app)
                let vetoed = try decode(Detail.self, try await app.send(.GET, "/api/v1/site-audit/audits/\(second.id)", token: admin))
                XCTAssertEqual(vetoed.result?.report.vetoes.map(\.code), ["veto.unreachable"])
                XCTAssertEqual(vetoed.result?.report.vetoes.first?.evidence.first?.detail,
                               "\(today.adding(days: -7)!)至\(today.adding(days: -1)!)监测140次，打不开7次（5%）")
                XCTAssertEqual(vetoed.audit.passed, false)
                XCTAssertEqual(vetoed.audit.score, 69.8)

                // History, newest first, two per page with a cursor.
                let page1 = try decode(Page<Audit>.self, try await app.send(.GET, "/api/v1/site-audit/sites/\(site.id)/audits?limit=1", token: admin))
                XCTAssertEqual(page1.items.map(\.id), [second.id])
                let cursor = try XCTUnwrap(page1.nextCursor)
                let page2 = try decode(Page<Audit>.self,
                                       try await app.send(.GET, "/api/v1/site-audit/sites/\(site.id)/audits?limit=1&cursor=\(cursor)", token: admin))
                XCTAssertEqual(page2.items.map(\.id), [first.id])
                XCTAssertNil(page2.nextCursor)

                // The history page charts the scores.
                let page = try await app.send(.GET, "/site-audit/sites/\(site.id)", token: admin)
                XCTAssertEqual(page.status, .ok)
                XCTAssertTrue(page.body.string.contains("<polyline"))
                XCTAssertTrue(page.body.string.contains("69.8"))
                XCTAssertTrue(page.body.string.contains("单项否决"))

                // The scheduler: the new site's first audit and probe are due now; afterwards a week and an hour on.
                let now = Date()
                await SiteAuditService.tick(app: app, now: now)
                await SiteAuditService.waitForRunning(app: app)
                let audits = try decode(Page<Audit>.self, try await app.send(.GET, "/api/v1/site-audit/sites/\(site.id)/audits", token: admin))
                XCTAssertEqual(audits.items.count, 3)
                XCTAssertEqual(audits.items.first?.trigger, "scheduled")
                XCTAssertEqual(audits.items.first?.state, "finished")
                let got = try await app.send(.GET, "/api/v1/site-audit/sites/\(site.id)", token: admin)
                XCTAssertEqual(got.status, .ok)
                let found = try await AuditedSite.find(UUID(uuidString: site.id)!, on: app.db)
                let after = try XCTUnwrap(found)
                XCTAssertEqual(after.nextAuditAt.timeIntervalSince(now), 7 * 86400, accuracy: 0.01)
                XCTAssertEqual(after.nextProbeAt.timeIntervalSince(now), 3600, accuracy: 0.01)
                let probes = try await SiteProbeRow.query(on: app.db).filter(\.$siteID == UUID(uuidString: site.id)!)
                    .filter(\.$at >= now.addingTimeInterval(-1)).all()
                XCTAssertEqual(probes.count, 1)
                XCTAssertEqual(probes.first?.status, 200)
                // Nothing is due on a second tick.
                await SiteAuditService.tick(app: app, now: now.addingTimeInterval(60))
                await SiteAuditService.waitForRunning(app: app)
                let again = try decode(Page<Audit>.self, try await app.send(.GET, "/api/v1/site-audit/sites/\(site.id)/audits", token: admin))
                XCTAssertEqual(again.items.count, 3)
            }
        } catch {
            try await fixture.stop()
            throw error
        }
        try await fixture.stop()
    }

    func testProbesAndAvailabilityRules() async throws {
        let today = LocalDate(chinaTimeOf: Date())!
        let fixture = try await FixtureSite.start(today: today)
        do {
            try await TestApp.run { app in
                app.siteAuditOptions = FixtureSite.options(auditDate: nil)
                let admin = try await app.token("admin")
                let good = try await register(app, token: admin, name: "门户", url: fixture.base + "/", config: nil)
                let slow = try await register(app, token: admin, name: "慢站", url: fixture.base + "/slow.html", config: nil)
                let ok = try decode(Probe.self, try await app.send(.POST, "/api/v1/site-audit/sites/\(good.id)/probes", token: admin))
                XCTAssertEqual(ok.status, 200)
                XCTAssertFalse(ok.failed)
                // The slow page takes 1.5 s; with the limit at 0.5 s it does not open.
                let failed = try decode(Probe.self, try await app.send(.POST, "/api/v1/site-audit/sites/\(slow.id)/probes", token: admin))
                XCTAssertNil(failed.status)
                XCTAssertTrue(failed.failed)

                // 7 × 20 probes with 6 failures = 4 % → no veto, 4 × 5 = 20 points.
                try await storeProbes(app, site: good.id, today: today, perDay: 20, failing: 6)
                let week = try decode(Availability.self, try await app.send(.GET, "/api/v1/site-audit/sites/\(good.id)/availability", token: admin))
                XCTAssertEqual(week.summary.probes, 140)
                XCTAssertFalse(week.summary.veto)
                XCTAssertEqual(week.summary.deductionTenths, 200)
                // 19 a day is short of "每天间隔性访问20次以上": not assessed, whatever the failures.
                try await storeProbes(app, site: slow.id, today: today, perDay: 19, failing: 133)
                let short = try decode(Availability.self, try await app.send(.GET, "/api/v1/site-audit/sites/\(slow.id)/availability", token: admin))
                XCTAssertFalse(short.summary.sufficient)
                XCTAssertEqual(short.summary.shortDays.count, 7)
                XCTAssertFalse(short.summary.veto)
                // An explicit week: the one ending 8 days ago has no probes of the stored week but its last day.
                let earlier = try decode(Availability.self, try await app.send(
                    .GET, "/api/v1/site-audit/sites/\(good.id)/availability?lastDay=\(today.adding(days: -7)!)", token: admin))
                XCTAssertEqual(earlier.summary.probes, 20)
            }
        } catch {
            try await fixture.stop()
            throw error
        }
        try await fixture.stop()
    }

    func testValidationAndAccess() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let operatorToken = try await app.token("operator")
            func post(_ body: String, token: String) async throws -> XCTHTTPResponse {
                try await app.send(.POST, "/api/v1/site-audit/sites", token: token, body: ByteBuffer(string: body))
            }
            var res = try await post(#"{"name":"门户","url":"ftp://gov.example/"}"#, token: admin)
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "url")
            res = try await post(#"{"name":"","url":"http://gov.example/"}"#, token: admin)
            XCTAssertEqual(res.errorBody?.field, "name")
            res = try await post(#"{"name":"门户","url":"http://gov.example/","config":{"columns":[{"name":"要闻","url":"mailto:a@b","type":"news"}]}}"#,
                                 token: admin)
            XCTAssertEqual(res.errorBody?.field, "config.columns[0].url")
            res = try await post(#"{"name":"门户","url":"http://gov.example/","config":{"columns":[{"name":"要闻","url":"/x","type":"daily"}]}}"#,
                                 token: admin)
            XCTAssertEqual(res.status.code / 100, 4)
            res = try await post(#"{"name":"门户","url":"http://gov.example/"}"#, token: operatorToken)
            XCTAssertEqual(res.status, .forbidden)
            res = try await post(#"{"name":"门户","url":"http://gov.example/"}"#, token: admin)
            XCTAssertEqual(res.status, .created)
            res = try await post(#"{"name":"门户2","url":"http://gov.example/"}"#, token: admin)
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.field, "url")
            let missing = try await app.send(.POST, "/api/v1/site-audit/sites/\(UUID())/audits", token: admin)
            XCTAssertEqual(missing.status, .notFound)
            let leader = try await app.token("leader")
            let list = try await app.send(.GET, "/api/v1/site-audit/sites", token: leader)
            XCTAssertEqual(list.status, .ok)
            let badDay = try await app.send(.GET, "/api/v1/site-audit/sites/\(UUID())/availability?lastDay=2026-13-01", token: admin)
            XCTAssertEqual(badDay.status.code / 100, 4)
            // The settings exist with their defaults.
            let settings = try await app.send(.GET, "/api/v1/settings", token: admin)
            struct SettingRow: Decodable { var key: String; var value: Int }
            let values = Dictionary(uniqueKeysWithValues: try decode([SettingRow].self, settings).map { ($0.key, $0.value) })
            XCTAssertEqual(values["siteaudit.interval_days"], 7)
            XCTAssertEqual(values["siteaudit.probe_minutes"], 60)
            XCTAssertEqual(values["siteaudit.fail_at_deducted"], 40)
        }
    }
}
