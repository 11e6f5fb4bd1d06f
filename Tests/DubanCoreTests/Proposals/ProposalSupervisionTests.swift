@testable import DubanCore
import XCTest

/// 议提案 supervision (001 阳政办(2018)4号), expectations worked out by hand.
final class ProposalSupervisionTests: XCTestCase {
    private func at(_ text: String) throws -> Date { try CalendarTestSupport.china(text) }
    private func day(_ text: String) throws -> LocalDate { try CalendarTestSupport.day(text) }

    private func proposal(_ id: String, host: String = "区建设局", co: [String] = [], assigned: String = "2026-02-09",
                          due: String? = nil, replied: String? = nil, met: String? = nil,
                          satisfaction: ProposalSatisfaction? = nil) throws -> ProposalFacts {
        ProposalFacts(id: id, kind: .npcSuggestion, hostUnit: host, coUnits: co, assignedOn: try day(assigned),
                      dueOn: try due.map { try day($0) }, repliedAt: try replied.map { try at($0) },
                      metAt: try met.map { try at($0) }, satisfaction: satisfaction)
    }

    func testTheDefaultReplyDeadlineIsThreeMonthsToTheEndOfTheDay() throws {
        let config = ProposalConfig.standard
        // Assigned 2026-02-09 → 2026-05-09, due at its end: 2026-05-10 00:00.
        XCTAssertEqual(config.replyDue(of: try proposal("1")), try at("2026-05-10 00:00"))
        // Assigned 2026-11-30 → 2027-02-30 does not exist: clamped to 2027-02-28, due 2027-03-01 00:00.
        XCTAssertEqual(config.replyDue(of: try proposal("2", assigned: "2026-11-30")), try at("2027-03-01 00:00"))
        // An explicit due date (a six-month extension) wins.
        XCTAssertEqual(config.replyDue(of: try proposal("3", due: "2026-08-09")), try at("2026-08-10 00:00"))
    }

    func testOverdueBoundary() throws {
        let open = try proposal("1")
        // Due 2026-05-10 00:00: not overdue at that instant, overdue one second later.
        let atDue = try ProposalSupervision.summary(proposals: [open], at: try at("2026-05-10 00:00"))
        XCTAssertEqual(atDue.overdue, [])
        let after = try ProposalSupervision.summary(proposals: [open], at: try at("2026-05-10 00:00:01"))
        XCTAssertEqual(after.overdue, [OverdueProposal(id: "1", hostUnit: "区建设局", due: try at("2026-05-10 00:00"))])
    }

    func testRatesPerHostUnitAndOverall() throws {
        let proposals = [
            try proposal("1", co: ["区园林局"], replied: "2026-04-01 10:00", met: "2026-03-20 10:00", satisfaction: .satisfied),
            try proposal("2", replied: "2026-05-20 10:00", met: "2026-05-01 10:00", satisfaction: .basicallySatisfied),
            try proposal("3", co: ["区园林局"], replied: "2026-04-02 10:00", satisfaction: .dissatisfied),
            try proposal("4", host: "区教育局", replied: "2026-04-02 10:00", met: "2026-04-01 10:00", satisfaction: .satisfied),
            try proposal("5", host: "区教育局"),
        ]
        let report = try ProposalSupervision.summary(proposals: proposals, at: try at("2026-06-01 10:00"))
        XCTAssertEqual(report.units.map(\.unit), ["区园林局", "区建设局", "区教育局"].sorted())
        let jianshe = try XCTUnwrap(report.units.first { $0.unit == "区建设局" })
        // 办复 3/3 (one late: 2026-05-20 > 2026-05-10 00:00) → 100 % met.
        XCTAssertEqual(jianshe.replyRate, TargetCheck(ExactRate(3, of: 3), target: 100))
        XCTAssertEqual(jianshe.replyRate.met, true)
        XCTAssertEqual(jianshe.repliedLate, 1)
        // 见面 2/3 → 66.66 %, not met.
        XCTAssertEqual(jianshe.meetingRate.rate, ExactRate(2, of: 3))
        XCTAssertEqual(jianshe.meetingRate.met, false)
        // 满意 (满意 + 基本满意) 2 / rated 3, not met.
        XCTAssertEqual(jianshe.satisfactionRate.rate, ExactRate(2, of: 3))
        XCTAssertEqual(jianshe.satisfactionRate.met, false)
        let yuanlin = try XCTUnwrap(report.units.first { $0.unit == "区园林局" })
        XCTAssertEqual(yuanlin.coHandled, 2)
        XCTAssertEqual(yuanlin.assigned, 0)
        XCTAssertNil(yuanlin.replyRate.rate)
        XCTAssertNil(yuanlin.replyRate.met)
        // 区教育局: 1 of 2 replied; "5" unreplied since its deadline 2026-05-10 00:00.
        let jiaoyu = try XCTUnwrap(report.units.first { $0.unit == "区教育局" })
        XCTAssertEqual(jiaoyu.replyRate.rate, ExactRate(1, of: 2))
        XCTAssertEqual(report.overdue.map(\.id), ["5"])
        // Overall: replied 4/5, met 3/5, satisfied 3/4.
        XCTAssertEqual(report.overall.unit, "全区")
        XCTAssertEqual(report.overall.replyRate.rate, ExactRate(4, of: 5))
        XCTAssertEqual(report.overall.meetingRate.rate, ExactRate(3, of: 5))
        XCTAssertEqual(report.overall.satisfactionRate.rate, ExactRate(3, of: 4))
    }

    func testSatisfactionTargetIsMetAtExactly95Percent() throws {
        func report(satisfied: Int, dissatisfied: Int) throws -> ProposalSupervisionReport {
            let ratings = Array(repeating: ProposalSatisfaction.basicallySatisfied, count: satisfied)
                + Array(repeating: ProposalSatisfaction.dissatisfied, count: dissatisfied)
            return try ProposalSupervision.summary(proposals: try ratings.enumerated().map {
                try proposal("\($0.offset)", replied: "2026-03-01 10:00", met: "2026-03-01 10:00", satisfaction: $0.element)
            }, at: try at("2026-06-01 10:00"))
        }
        // 19/20 = 95 % exactly: 1 900 = 95 × 20, met.
        XCTAssertEqual(try report(satisfied: 19, dissatisfied: 1).overall.satisfactionRate.met, true)
        // 18/19 = 94.73…%: 1 800 < 95 × 19 = 1 805, not met.
        XCTAssertEqual(try report(satisfied: 18, dissatisfied: 1).overall.satisfactionRate.met, false)
    }

    func testInputsAreChecked() throws {
        let at = try at("2026-06-01 10:00")
        func field(_ proposals: [ProposalFacts], _ config: ProposalConfig = .standard) -> String? {
            do { _ = try ProposalSupervision.summary(proposals: proposals, at: at, config: config); return nil }
            catch { return (error as? SupervisionError)?.field }
        }
        XCTAssertEqual(field([try proposal("1"), try proposal("1")]), "proposals[1].id")
        XCTAssertEqual(field([try proposal("1", co: ["区建设局"])]), "proposals[0].coUnits")
        XCTAssertEqual(field([try proposal("1", host: " ")]), "proposals[0].hostUnit")
        XCTAssertEqual(field([try proposal("1", due: "2026-01-01")]), "proposals[0].dueOn")
        var config = ProposalConfig.standard
        config.replyMonths = 0
        XCTAssertEqual(field([], config), "config.replyMonths")
    }
}
