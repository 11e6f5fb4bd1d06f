@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Scheduled reports (issue #9): generated once per period on the seeds' cadences, delivered through the
/// outbox, listed in a history, printable as a notice.
final class ReportTests: XCTestCase {
    func testSchedulerIssuesEachReportOncePerPeriodThroughTheOutbox() async throws {
        try await TestApp.run { app in
            let now = Date()
            let weekly = try XCTUnwrap(ReportSchedule.latestDue(.weeklyBulletin, now: now))
            let jianqiao = try await app.unitID("建桥街")
            // Three items registered inside the bulletin's week (the demo's own are registered now, after it).
            for _ in 0..<3 {
                try await DashboardTests.insert(app, unit: jianqiao, due: now.addingTimeInterval(86400), created: weekly.start.addingTimeInterval(86400))
            }
            let made = try await ScheduledReports.tick(app: app, now: now)
            XCTAssertEqual(made, ReportKind.allCases.count, "every kind's latest period")
            let again = try await ScheduledReports.tick(app: app, now: now)
            XCTAssertEqual(again, 0, "once per period")

            let recipients = try await User.query(on: app.db).filter(\.$role ~~ ScheduledReports.recipientRoles.map(\.rawValue))
                .filter(\.$active == true).count()
            XCTAssertGreaterThan(recipients, 0)
            let queued = try await Notification.query(on: app.db).filter(\.$entityType == ScheduledReports.entity).count()
            XCTAssertEqual(queued, recipients * ReportKind.allCases.count, "one notification per recipient and report")
            let leaderID = try await User.query(on: app.db).filter(\.$username == "leader").first()?.id
            let leaderInbox = try await Notification.query(on: app.db).filter(\.$entityType == ScheduledReports.entity)
                .filter(\.$recipientUserID == leaderID).count()
            XCTAssertEqual(leaderInbox, ReportKind.allCases.count)

            let leader = try await app.token("leader")
            let list = try await app.send(.GET, "/api/v1/reports", token: leader)
            XCTAssertEqual(list.status, .ok, list.body.string)
            let page = try list.content.decode(ListPage<ReportDTO>.self)
            XCTAssertEqual(Set(page.items.map(\.kind)), Set(ReportKind.allCases.map(\.rawValue)))
            let bulletin = try XCTUnwrap(page.items.first { $0.kind == ReportKind.weeklyBulletin.rawValue })
            XCTAssertEqual(bulletin.periodKey, weekly.key)
            XCTAssertEqual(bulletin.number, "汉阳督〔\(weekly.issuedOn.year)〕周报\(weekly.sequence)号")
            XCTAssertEqual(bulletin.recipients, recipients)
            XCTAssertTrue(bulletin.citation.contains("阳政办(2018)12号"))
            let full = try await app.send(.GET, "/api/v1/reports/\(bulletin.id)", token: leader).content.decode(ReportDTO.self)
            let text = (full.sections ?? []).flatMap(\.paragraphs).joined()
            XCTAssertTrue(text.contains("新登记督办事项 3 件，销号 0 件"), text)
            let monthly = try XCTUnwrap(page.items.first { $0.kind == ReportKind.monthlyLedger.rawValue })
            XCTAssertTrue(monthly.citation.contains("000 阳政办(2017)35号"))
            let only = try await app.send(.GET, "/api/v1/reports?kind=bimonthly_hotline", token: leader).content.decode(ListPage<ReportDTO>.self)
            XCTAssertEqual(only.items.map(\.kind), ["bimonthly_hotline"])

            // Access and bad input.
            let enterprise = try await app.send(.GET, "/api/v1/reports", token: try await app.token("enterprise"))
            XCTAssertEqual(enterprise.status, .forbidden)
            let badKind = try await app.send(.GET, "/api/v1/reports?kind=daily", token: leader)
            XCTAssertEqual(badKind.status, .unprocessableEntity)
            XCTAssertEqual(try badKind.content.decode(ErrorEnvelope.self).error.field, "kind")
            let missing = try await app.send(.GET, "/api/v1/reports/\(UUID())", token: leader)
            XCTAssertEqual(missing.status, .notFound)

            // The history page and the printable notice.
            var browser = WebTests.Browser(app: app)
            try await browser.login("leader")
            let history = try await browser.get("/reports")
            XCTAssertEqual(history.status, .ok)
            XCTAssertTrue(history.body.string.contains(bulletin.number))
            let notice = try await browser.get("/reports/\(bulletin.id)")
            XCTAssertEqual(notice.status, .ok)
            let html = notice.body.string
            XCTAssertTrue(html.contains("class=\"notice-number\">\(bulletin.number)<"), "文号")
            XCTAssertTrue(html.contains("class=\"notice-title\">\(bulletin.title)<"), "title")
            XCTAssertTrue(html.contains(bulletin.issuedOn), "date")
        }
    }

    func testHelpPagesPerRoleCiteTheirRules() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            try await browser.login("operator")
            let index = try await browser.get("/help")
            XCTAssertEqual(index.status, .ok)
            for role in Role.allCases {
                XCTAssertTrue(index.body.string.contains("href=\"/help/\(role.rawValue)\""), role.rawValue)
                let page = try await browser.get("/help/\(role.rawValue)")
                XCTAssertEqual(page.status, .ok, role.rawValue)
                XCTAssertTrue(page.body.string.contains("id=\"help-rules\""), role.rawValue)
            }
            let operatorPage = try await browser.get("/help/unit_operator").body.string
            XCTAssertTrue(operatorPage.contains("4 个工作小时内签收"))
            XCTAssertTrue(operatorPage.contains("000 阳政办(2017)33号 附件7 第(7)项"))
            let unknown = try await browser.get("/help/mayor")
            XCTAssertEqual(unknown.status, .notFound)
        }
    }
}
