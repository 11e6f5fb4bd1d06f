import DubanCore
import Foundation
import XCTest

/// Column freshness, service-guide elements, availability and the census score, computed by hand from
/// 000 阳政办(2017)46号 附件2 (全国政府网站普查评分标准).
final class CensusScoringTests: XCTestCase {
    private func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { LocalDate(year: y, month: m, day: day)! }
    private let today = LocalDate(year: 2026, month: 11, day: 20)!

    private func column(_ name: String, _ type: ColumnType, status: Int? = 200, _ dates: [LocalDate]) -> ColumnObservation {
        ColumnObservation(spec: ColumnSpec(name: name, url: "http://gov.example/\(name)", type: type), status: status, dates: dates)
    }

    // MARK: column windows ("监测时间点前××内", both ends included)

    func testWindowsByType() {
        XCTAssertEqual(ColumnType.news.windowStart(auditDate: today), d(2026, 11, 6))
        XCTAssertEqual(ColumnType.notice.windowStart(auditDate: today), d(2026, 5, 20))
        XCTAssertEqual(ColumnType.policy.windowStart(auditDate: today), d(2026, 5, 20))
        XCTAssertEqual(ColumnType.personnel.windowStart(auditDate: today), d(2025, 11, 20))
        XCTAssertEqual(ColumnType.plan.windowStart(auditDate: today), d(2025, 11, 20))
        // The standard's own example: 3月1日, 前2个月内 = 1月1日至3月1日; months clamp (8-31 − 6 months = 2-28).
        XCTAssertEqual(d(2027, 3, 1).adding(months: -2), d(2027, 1, 1))
        XCTAssertEqual(ColumnType.notice.windowStart(auditDate: d(2026, 8, 31)), d(2026, 2, 28))
    }

    func testFreshnessAtTheEdges() {
        XCTAssertTrue(column("a", .news, [d(2026, 11, 6)]).isFresh(auditDate: today))
        XCTAssertFalse(column("a", .news, [d(2026, 11, 5)]).isFresh(auditDate: today))
        XCTAssertTrue(column("a", .notice, [d(2026, 5, 20)]).isFresh(auditDate: today))
        XCTAssertFalse(column("a", .notice, [d(2026, 5, 19)]).isFresh(auditDate: today))
        XCTAssertTrue(column("a", .personnel, [d(2025, 11, 20)]).isFresh(auditDate: today))
        XCTAssertFalse(column("a", .plan, [d(2025, 11, 19)]).isFresh(auditDate: today))
        // A date after the audit date is not a publication; undated and unreachable are not updated.
        XCTAssertFalse(column("a", .news, [d(2026, 12, 1)]).isFresh(auditDate: today))
        XCTAssertFalse(column("a", .news, []).isFresh(auditDate: today))
        XCTAssertFalse(column("a", .news, status: 404, [d(2026, 11, 19)]).isFresh(auditDate: today))
        XCTAssertFalse(column("a", .news, status: nil, []).isBlank)
        XCTAssertTrue(column("a", .news, []).isBlank)
    }

    // MARK: service guides

    func testGuideElementsAndSynonyms() {
        let full = "事项名称：开办企业 法律依据：《公司法》 受理条件：… 所需材料：… 办理窗口和地址：… 受理时间：… 咨询与监督投诉电话：84466029 办事流程：…"
        XCTAssertEqual(GuideElement.missing(in: full), [])
        let partial = "事项名称 ：开办企业\n设定 依据：《公司法》\n申请条件：…"
        XCTAssertEqual(GuideElement.missing(in: partial), [.materials, .place, .hours, .phone, .procedure])
        XCTAssertEqual(GuideElement.missing(in: ""), GuideElement.allCases)
    }

    func testAttachmentsByExtension() {
        XCTAssertTrue(Attachments.isAttachment("http://gov.example/f/申请表.DOCX"))
        XCTAssertTrue(Attachments.isAttachment("http://gov.example/f/a.pdf?v=2"))
        XCTAssertFalse(Attachments.isAttachment("http://gov.example/f/a.html"))
        XCTAssertFalse(Attachments.isAttachment("http://gov.example/v1.2/list"))
    }

    // MARK: availability

    /// `perDay` probes on each of the 7 days ending 2026-11-19 (China time), every hour from 00:10,
    /// the first `failures[day]` of which fail (status 503) and `slow[day]` take 15 s (the edge: fails).
    private func probes(perDay: Int, failing: [Int: Int] = [:], slow: [Int: Int] = [:]) -> [AvailabilityProbe] {
        var result: [AvailabilityProbe] = []
        for dayIndex in 0..<7 {
            let day = d(2026, 11, 13).adding(days: dayIndex)!
            for n in 0..<perDay {
                let at = day.chinaDate(hour: n % 24, minute: 10 + n / 24)
                let fails = n < failing[dayIndex, default: 0]
                let isSlow = !fails && n < failing[dayIndex, default: 0] + slow[dayIndex, default: 0]
                result.append(AvailabilityProbe(at: at, seconds: isSlow ? 15 : 0.4, status: fails ? 503 : 200))
            }
        }
        return result
    }

    func testAvailabilityVetoAtFivePercent() {
        // 7 × 20 = 140 probes; 7 failures = 5.0 % → veto (超过（含）5%).
        let summary = AvailabilitySummary.evaluate(probes(perDay: 20, failing: [0: 4], slow: [3: 3]), lastDay: d(2026, 11, 19))
        XCTAssertEqual(summary.probes, 140)
        XCTAssertEqual(summary.failures, 7)
        XCTAssertTrue(summary.sufficient)
        XCTAssertTrue(summary.veto)
        XCTAssertEqual(summary.deductionTenths, 0)
    }

    func testAvailabilityDeductionPerFullPercent() {
        // 140 probes, 6 failures = 4.28 % → 4 full percents × 5 = 20 points.
        let summary = AvailabilitySummary.evaluate(probes(perDay: 20, failing: [1: 6]), lastDay: d(2026, 11, 19))
        XCTAssertEqual(summary.failurePercent, 4)
        XCTAssertFalse(summary.veto)
        XCTAssertEqual(summary.deductionTenths, 200)
        // 1 failure = 0.71 % → 0 points.
        XCTAssertEqual(AvailabilitySummary.evaluate(probes(perDay: 20, failing: [1: 1]), lastDay: d(2026, 11, 19)).deductionTenths, 0)
        // 14.99 s is not slow, 15 s is.
        XCTAssertFalse(AvailabilityProbe(at: Date(), seconds: 14.99, status: 200).failed(slowSeconds: 15))
        XCTAssertTrue(AvailabilityProbe(at: Date(), seconds: 15, status: 200).failed(slowSeconds: 15))
        XCTAssertTrue(AvailabilityProbe(at: Date(), seconds: 1, status: nil).failed(slowSeconds: 15))
        XCTAssertFalse(AvailabilityProbe(at: Date(), seconds: 1, status: 302).failed(slowSeconds: 15))
    }

    func testTooFewProbesIsNotAssessed() {
        // 19 a day: the standard's "每天间隔性访问20次以上" is not met; even 100 % failures give no veto.
        let summary = AvailabilitySummary.evaluate(probes(perDay: 19, failing: [0: 19, 1: 19, 2: 19, 3: 19, 4: 19, 5: 19, 6: 19]),
                                                   lastDay: d(2026, 11, 19))
        XCTAssertFalse(summary.sufficient)
        XCTAssertEqual(summary.shortDays.count, 7)
        XCTAssertFalse(summary.veto)
        XCTAssertEqual(summary.deductionTenths, 0)
        // Probes outside the week are ignored: ending a day later, 11-13 drops out and 11-20 has none.
        let later = AvailabilitySummary.evaluate(probes(perDay: 20), lastDay: d(2026, 11, 20))
        XCTAssertEqual(later.probes, 120)
        XCTAssertEqual(later.shortDays, [d(2026, 11, 20)])
    }

    // MARK: the score

    func testCleanSiteScoresFullMarks() {
        let facts = CensusFacts(auditDate: today, homeURL: "http://gov.example/", homeStatus: 200,
                                homeDates: (9...20).map { d(2026, 11, $0) },
                                columns: [column("要闻", .news, [d(2026, 11, 19)]), column("通知", .notice, [d(2026, 10, 1)])])
        let report = CensusScoring.score(facts)
        XCTAssertEqual(report.vetoes, [])
        XCTAssertEqual(report.deductions, [])
        XCTAssertEqual(report.scoreTenths, 1000)
        XCTAssertTrue(report.passed)
        XCTAssertTrue(report.notAssessed.first?.contains("无可用性监测数据") ?? false)
    }

    func testEveryDeductionByHand() {
        let broken = [
            BrokenLink(url: "http://gov.example/missing1.html", foundOn: "http://gov.example/", onHomePage: true, status: 404, error: nil),
            BrokenLink(url: "http://gov.example/missing2.png", foundOn: "http://gov.example/", onHomePage: true, status: 500, error: nil),
            // Also linked from an inner page: counted once, on the home page.
            BrokenLink(url: "http://gov.example/missing1.html", foundOn: "http://gov.example/a.html", onHomePage: false, status: 404, error: nil),
            BrokenLink(url: "http://gov.example/x.html", foundOn: "http://gov.example/a.html", onHomePage: false, status: 404, error: nil),
            BrokenLink(url: "http://gov.example/x.html", foundOn: "http://gov.example/b.html", onHomePage: false, status: 404, error: nil),
            BrokenLink(url: "http://gov.example/slow.html", foundOn: "http://gov.example/b.html", onHomePage: false, status: nil, error: "超时"),
        ]
        let facts = CensusFacts(
            auditDate: today, homeURL: "http://gov.example/", homeStatus: 200,
            homeDates: [d(2026, 11, 19), d(2026, 11, 6), d(2026, 11, 5), d(2026, 12, 1)],
            brokenLinks: broken,
            columns: [
                column("要闻", .news, [d(2026, 11, 19)]),
                column("部门动态", .news, [d(2026, 10, 30)]),
                column("通知公告", .notice, [d(2026, 5, 19)]),
                column("政策文件", .policy, []),
                column("人事任免", .personnel, [d(2025, 1, 1)]),
                column("规划计划", .plan, status: 404, []),
            ],
            guides: [
                GuideObservation(url: "http://gov.example/g1.html", status: 200, missing: [.hours, .phone],
                                 brokenAttachments: [BrokenLink(url: "http://gov.example/f/表.doc", foundOn: "http://gov.example/g1.html",
                                                                onHomePage: false, status: 404, error: nil)]),
                GuideObservation(url: "http://gov.example/g2.html", status: 200, missing: [], brokenAttachments: []),
            ],
            onlineSystems: [OnlineSystemObservation(url: "http://gov.example/sb", status: 502, error: nil),
                            OnlineSystemObservation(url: "http://gov.example/cx", status: 200, error: nil)])
        let report = CensusScoring.score(facts)
        XCTAssertEqual(report.vetoes, [])
        let byCode = Dictionary(uniqueKeysWithValues: report.deductions.map { ($0.code, $0.tenths) })
        // Home page: 2 entries (11-19, 11-06) within 11-06…11-20 (11-05 is outside, 12-01 in the future) < 10 → −5.
        XCTAssertEqual(byCode["deduct.home_updates"], 50)
        // 部门动态 −3; 通知公告 −4, 政策文件 (undated) −4; 人事任免 −5, 规划计划 (404) −5.
        XCTAssertEqual(byCode["deduct.columns.news"], 30)
        XCTAssertEqual(byCode["deduct.columns.notice"], 40)
        XCTAssertEqual(byCode["deduct.columns.policy"], 40)
        XCTAssertEqual(byCode["deduct.columns.personnel"], 50)
        XCTAssertEqual(byCode["deduct.columns.plan"], 50)
        // Home: missing1, missing2 → −2; elsewhere: x.html, slow.html → −0.2.
        XCTAssertEqual(byCode["deduct.home_links"], 20)
        XCTAssertEqual(byCode["deduct.other_links"], 2)
        XCTAssertEqual(byCode["deduct.guide_elements"], 40)
        XCTAssertEqual(byCode["deduct.attachments"], 10)
        XCTAssertEqual(byCode["deduct.online_systems"], 30)
        // 5 + 3 + 4 + 4 + 5 + 5 + 2 + 0.2 + 4 + 1 + 3 = 36.2 → 63.8, passes (< 40 deducted).
        XCTAssertEqual(report.deductedTenths, 362)
        XCTAssertEqual(report.scoreTenths, 638)
        XCTAssertEqual(report.score, 63.8)
        XCTAssertTrue(report.passed)
        XCTAssertFalse(CensusScoring.score(facts, failAtDeducted: 36).passed)
        let home = report.deductions.first { $0.code == "deduct.home_updates" }!
        XCTAssertEqual(home.evidence.first?.date, d(2026, 11, 19))
        let policy = report.deductions.first { $0.code == "deduct.columns.policy" }!
        XCTAssertEqual(policy.evidence.first?.detail, "政策文件（政策文件）未注明发布时间，视为不更新")
    }

    func testVetoes() {
        let stale = [d(2020, 1, 1)]
        // 5 stale news/notice/policy columns → veto; 10 stale of any type → veto; 5 blank → veto.
        var columns = (1...3).map { column("n\($0)", .news, stale) } + (1...2).map { column("p\($0)", .policy, []) }
        columns += (1...3).map { column("b\($0)", .plan, []) } + (1...2).map { column("r\($0)", .personnel, stale) }
        let facts = CensusFacts(auditDate: today, homeURL: "http://gov.example/", homeStatus: 200, homeDates: [d(2026, 11, 5)],
                                columns: columns,
                                availability: AvailabilitySummary.evaluate(probes(perDay: 20, failing: [6: 7]), lastDay: d(2026, 11, 19)))
        let report = CensusScoring.score(facts)
        XCTAssertEqual(report.vetoes.map(\.code),
                       ["veto.unreachable", "veto.home_not_updated", "veto.dynamic_columns", "veto.stale_columns", "veto.blank_columns"])
        XCTAssertEqual(report.vetoes[2].evidence.count, 5)
        XCTAssertEqual(report.vetoes[3].evidence.count, 10)
        XCTAssertEqual(report.vetoes[4].evidence.count, 5)
        XCTAssertFalse(report.passed)
        // Deductions still listed: 3 news × 3 + 2 policy × 4 + 3 plan × 5 + 2 personnel × 5 = 42.
        XCTAssertEqual(report.deductedTenths, 420)
        XCTAssertEqual(report.scoreTenths, 580)

        // One short of each veto: 4 dynamic stale, 8 stale in all, 4 blank; 4.x % unavailable.
        let fewer = Array(columns.dropFirst())
        let facts2 = CensusFacts(auditDate: today, homeURL: "http://gov.example/", homeStatus: 200, homeDates: [d(2026, 11, 6)],
                                 columns: fewer.filter { $0.spec.name != "b1" },
                                 availability: AvailabilitySummary.evaluate(probes(perDay: 20, failing: [6: 6]), lastDay: d(2026, 11, 19)))
        let report2 = CensusScoring.score(facts2)
        XCTAssertEqual(report2.vetoes, [])
        XCTAssertEqual(report2.deductions.first { $0.code == "deduct.home_availability" }?.tenths, 200)
        // Unreachable home page: veto for no update.
        let down = CensusScoring.score(CensusFacts(auditDate: today, homeURL: "http://gov.example/", homeStatus: nil,
                                                   homeError: "连接被拒绝", homeDates: []))
        XCTAssertEqual(down.vetoes.map(\.code), ["veto.home_not_updated"])
        XCTAssertEqual(down.vetoes[0].evidence[0].detail, "首页无法访问")
    }

    func testScoreFloorsAtZero() {
        let broken = (1...120).map {
            BrokenLink(url: "http://gov.example/m\($0)", foundOn: "http://gov.example/", onHomePage: true, status: 404, error: nil)
        }
        let report = CensusScoring.score(CensusFacts(auditDate: today, homeURL: "http://gov.example/", homeStatus: 200,
                                                     homeDates: (1...10).map { _ in d(2026, 11, 20) }, brokenLinks: broken))
        XCTAssertEqual(report.deductedTenths, 1200)
        XCTAssertEqual(report.scoreTenths, 0)
        XCTAssertFalse(report.passed)
    }
}
