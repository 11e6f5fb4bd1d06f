@testable import DubanServer
import DubanCore
import Foundation
import Vapor
import XCTest

/// The crawler against the loopback fixture site: every deduction and veto of 000 阳政办(2017)46号 附件2
/// that the tool checks, computed by hand from the fixture's pages (see `FixtureSite`).
final class SiteCrawlerTests: XCTestCase {
    private let today = LocalDate(year: 2026, month: 11, day: 20)!

    private func audit(url: String, config: SiteAuditConfig,
                       tweak: (inout CrawlOptions) -> Void = { _ in }) async -> SiteAuditResult {
        var options = FixtureSite.options(auditDate: today)
        tweak(&options)
        let crawler = SiteCrawler(eventLoopGroup: HTTPClient.defaultEventLoopGroup, options: options)
        let result = await crawler.audit(homeURL: url, config: config)
        await crawler.shutdown()
        return result
    }

    private func finding(_ report: CensusReport, _ code: String) -> CensusFinding? {
        (report.deductions + report.vetoes).first { $0.code == code }
    }

    func testEveryDeductionOnTheFixtureSite() async throws {
        let site = try await FixtureSite.start(today: today)
        let result = await audit(url: site.base + "/", config: site.config)
        try await site.stop()
        let report = result.report
        let b = site.base

        XCTAssertEqual(report.vetoes, [], "\(report.vetoes)")
        XCTAssertEqual(result.facts.homeStatus, 200)
        // 首页栏目: 2026-11-19, 2026/11/13 and 2026年11月6日 fall within 11-06…11-20; 11-05 does not → 3 < 10 → −5.
        let home = try XCTUnwrap(finding(report, "deduct.home_updates"))
        XCTAssertEqual(home.tenths, 50)
        XCTAssertEqual(home.evidence.first?.date, LocalDate(year: 2026, month: 11, day: 19))
        XCTAssertEqual(home.evidence.first?.detail, "2026-11-06至2026-11-20首页更新3条")
        // Columns: 部门动态 (2026-10-31) −3; 政策文件 (undated) −4; 人事任免 (2025-11-19) −5; 要闻 and 通知公告 fresh.
        let news = try XCTUnwrap(finding(report, "deduct.columns.news"))
        XCTAssertEqual(news.tenths, 30)
        XCTAssertEqual(news.evidence.map(\.url), ["\(b)/dongtai/"])
        XCTAssertEqual(news.evidence.first?.date, LocalDate(year: 2026, month: 10, day: 31))
        XCTAssertEqual(finding(report, "deduct.columns.policy")?.tenths, 40)
        XCTAssertEqual(finding(report, "deduct.columns.policy")?.evidence.first?.detail, "政策文件（政策文件）未注明发布时间，视为不更新")
        let personnel = try XCTUnwrap(finding(report, "deduct.columns.personnel"))
        XCTAssertEqual(personnel.tenths, 50)
        XCTAssertEqual(personnel.evidence.first?.date, LocalDate(year: 2025, month: 11, day: 19))
        XCTAssertNil(finding(report, "deduct.columns.notice"))
        // Home-page links: /missing-home.html (404), /img/broken.png (404), the refused external link → −3.
        let homeLinks = try XCTUnwrap(finding(report, "deduct.home_links"))
        XCTAssertEqual(homeLinks.tenths, 30)
        XCTAssertEqual(Set(homeLinks.evidence.map(\.url)),
                       ["\(b)/missing-home.html", "\(b)/img/broken.png", "http://127.0.0.1:1/refused"])
        XCTAssertEqual(homeLinks.evidence.first { $0.url.hasSuffix("missing-home.html") }?.status, 404)
        XCTAssertNil(homeLinks.evidence.first { $0.url.hasSuffix("refused") }?.status)
        // Other pages: /news/missing.html (404) and /slow.html (1.5 s ≥ the 0.5 s limit) → −0.2.
        let otherLinks = try XCTUnwrap(finding(report, "deduct.other_links"))
        XCTAssertEqual(otherLinks.tenths, 2)
        XCTAssertEqual(Set(otherLinks.evidence.map(\.url)), ["\(b)/news/missing.html", "\(b)/slow.html"])
        XCTAssertTrue(otherLinks.evidence.first { $0.url.hasSuffix("slow.html") }?.detail.contains("超时") ?? false)
        // Guide 2 lacks 办理时间, 联系电话, 办理流程 → −6; its form /files/missing.xls (404) → −1.
        let guide = try XCTUnwrap(finding(report, "deduct.guide_elements"))
        XCTAssertEqual(guide.tenths, 60)
        XCTAssertEqual(guide.evidence.map(\.detail), ["缺少要素：办理时间", "缺少要素：联系电话", "缺少要素：办理流程"])
        XCTAssertEqual(Set(guide.evidence.map(\.url)), ["\(b)/guide/2.html"])
        let attachments = try XCTUnwrap(finding(report, "deduct.attachments"))
        XCTAssertEqual(attachments.tenths, 10)
        XCTAssertEqual(attachments.evidence.map(\.url), ["\(b)/files/missing.xls"])
        // Online systems: /cx/ answers 503 → −3.
        let systems = try XCTUnwrap(finding(report, "deduct.online_systems"))
        XCTAssertEqual(systems.tenths, 30)
        XCTAssertEqual(systems.evidence.map(\.url), ["\(b)/cx/"])
        XCTAssertEqual(systems.evidence.first?.status, 503)
        // 5 + 3 + 4 + 5 + 3 + 0.2 + 6 + 1 + 3 = 30.2 → 69.8, below the 40-point fail mark.
        XCTAssertEqual(report.deductions.count, 9)
        XCTAssertEqual(report.deductedTenths, 302)
        XCTAssertEqual(report.scoreTenths, 698)
        XCTAssertTrue(report.passed)

        // Polite: robots.txt read first and /private/ never requested; every request carries the user agent.
        let requests = site.requests.all
        XCTAssertEqual(requests.first?.path, "/robots.txt")
        XCTAssertFalse(requests.contains { $0.path.hasPrefix("/private/") })
        XCTAssertEqual(result.stats.disallowedByRobots, 1)
        XCTAssertTrue(requests.allSatisfy { $0.agent.hasPrefix("DubanSiteAudit/") })
        // Each URL is fetched once.
        let paths = requests.map(\.path)
        XCTAssertEqual(paths.count, Set(paths).count, "\(paths)")
        XCTAssertFalse(result.stats.truncated)
    }

    func testStaleSiteVetoes() async throws {
        let site = try await FixtureSite.start(today: today)
        let result = await audit(url: site.base + "/old/index.html", config: site.staleConfig)
        try await site.stop()
        let report = result.report
        // Home page: only 2026-10-31, outside 11-06…11-20 → 网站不更新 veto. Columns: 3 news (10-21) + 1 notice
        // (2026-04-20, before 05-20) + 1 undated policy = 5 stale dynamic columns → 栏目不更新 veto.
        XCTAssertEqual(report.vetoes.map(\.code), ["veto.home_not_updated", "veto.dynamic_columns"])
        XCTAssertEqual(report.vetoes[0].evidence.first?.date, LocalDate(year: 2026, month: 10, day: 31))
        XCTAssertEqual(report.vetoes[1].evidence.count, 5)
        // Deductions: 3 × 3 + 4 + 4 = 17 → 83.0, but the vetoes fail the site.
        XCTAssertEqual(report.deductedTenths, 170)
        XCTAssertEqual(report.scoreTenths, 830)
        XCTAssertFalse(report.passed)
        XCTAssertNil(finding(report, "deduct.home_updates"))
        XCTAssertNil(finding(report, "deduct.home_links"))
    }

    func testPageLimitAndTimeBudget() async throws {
        let site = try await FixtureSite.start(today: today)
        // One page beyond the configured ones: the four /news/a.html?p= pages are checked but not read.
        let limited = await audit(url: site.base + "/", config: site.config) { $0.maxPages = 1 }
        XCTAssertEqual(limited.stats.pagesRead, 8)  // home, 5 columns, 2 guides (configured pages are always read)
        XCTAssertTrue(limited.stats.truncated)
        XCTAssertEqual(limited.report.deductedTenths, 302)
        // A zero budget starts nothing after robots.txt: the home page is unreachable → veto.
        let starved = await audit(url: site.base + "/", config: SiteAuditConfig()) { $0.timeBudget = 0 }
        try await site.stop()
        XCTAssertTrue(starved.stats.truncated)
        XCTAssertEqual(starved.report.vetoes.map(\.code), ["veto.home_not_updated"])
    }

    func testUnreachableSite() async throws {
        let result = await audit(url: "http://127.0.0.1:1/", config: SiteAuditConfig())
        XCTAssertNil(result.facts.homeStatus)
        XCTAssertEqual(result.report.vetoes.map(\.code), ["veto.home_not_updated"])
        XCTAssertEqual(result.report.vetoes[0].evidence[0].detail, "首页无法访问")
        XCTAssertEqual(result.stats.robots, "unreachable: disallow all")
        XCTAssertFalse(result.report.passed)
    }

    func testReportRendering() async throws {
        let site = try await FixtureSite.start(today: today)
        let result = await audit(url: site.base + "/", config: site.config)
        try await site.stop()
        let html = SiteAuditReportHTML.render(result)
        XCTAssertTrue(html.contains("<html lang=\"zh-CN\">"))
        XCTAssertTrue(html.contains("<strong>合格</strong>"))
        XCTAssertTrue(html.contains("<strong>69.8</strong> / 100"))
        XCTAssertTrue(html.contains("网站可用性 › 链接可用性（首页）：扣3分"))
        XCTAssertTrue(html.contains("服务实用情况 › 办事指南：扣6分"))
        XCTAssertTrue(html.contains("网站可用性 › 链接可用性（其他页面）：扣0.2分"))
        let json = try SiteAuditReportHTML.json(result)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let back = try decoder.decode(SiteAuditResult.self, from: json)
        XCTAssertEqual(back.report, result.report)
    }

    func testConfigFileErrorsNameTheField() throws {
        let path = NSTemporaryDirectory() + "siteaudit-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"columns":[{"name":"要闻","url":"/news/","type":"weekly"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SiteAuditCommandRunner.loadConfig(path)) { error in
            XCTAssertTrue(String(describing: error).contains(".columns[0].type"), String(describing: error))
        }
        try Data(#"{"guides":["/g.html"]}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try SiteAuditCommandRunner.loadConfig(path), SiteAuditConfig(guides: ["/g.html"]))
        XCTAssertThrowsError(try SiteAuditCommandRunner.loadConfig(path + ".none"))
    }
}
