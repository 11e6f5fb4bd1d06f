@testable import DubanCore
import XCTest

/// AccountabilityRules against 000 阳政办(2017)33号 附件5, expectations worked out by hand.
final class AccountabilityRulesTests: XCTestCase {
    private typealias Support = AccountabilityTestSupport

    private func propose(_ units: [AccountabilityUnitMonth], history: [ConfirmedInterview] = [],
                         ranking: BimonthlyRanking? = nil, month: String = "2026-09") throws -> [AccountabilityProposal] {
        try AccountabilityRules.propose(month: try Support.month(month), units: units, history: history, ranking: ranking)
    }

    private func triggers(_ proposals: [AccountabilityProposal]) -> [AccountabilityTrigger] {
        proposals.map(\.trigger)
    }

    func testBelow98ProposesBothTheLetterAndTheInterview() throws {
        // 193/200: 19 300 < 100 × 200 = 20 000 (letter) and 19 300 < 98 × 200 = 19 600 (interview).
        let proposals = try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 200, closedOnTime: 193)])
        XCTAssertEqual(triggers(proposals), [.monthlyOnTimeBelow100, .monthlyOnTimeBelow98OrOverdue])
        XCTAssertEqual(proposals[0].level, .letter)
        XCTAssertEqual(proposals[1].level, .interview)
        XCTAssertEqual(proposals[0].figures, ["按期办结率 96.50%（193/200）"])
        XCTAssertEqual(proposals[1].figures, ["按期办结率 96.50%（193/200）", "超期案件 0 件"])
        XCTAssertEqual(proposals[0].dedupKey, "建桥街|4.5|2026-09/2026-09")
        XCTAssertEqual(proposals[1].dedupKey, "建桥街|5.5|2026-09/2026-09")
    }

    func testExactly98PercentIsNotBelow98() throws {
        // 196/200 = 98 % exactly: only the letter (below 100 %).
        let proposals = try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 200, closedOnTime: 196)])
        XCTAssertEqual(triggers(proposals), [.monthlyOnTimeBelow100])
        XCTAssertEqual(proposals[0].figures, ["按期办结率 98.00%（196/200）"])
        // 195/200 = 97.5 %: 19 500 < 19 600, the interview too.
        XCTAssertEqual(triggers(try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 200, closedOnTime: 195)])),
                       [.monthlyOnTimeBelow100, .monthlyOnTimeBelow98OrOverdue])
    }

    func testOneCaseShortOf100PercentIsALetter() throws {
        // 4899/4900 = 99.979…%: below 100 %, not below 98 %.
        XCTAssertEqual(triggers(try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 4900, closedOnTime: 4899)])),
                       [.monthlyOnTimeBelow100])
        XCTAssertEqual(try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 200, closedOnTime: 200)]), [])
    }

    func testAMonthWithNoCaseDueProposesNothingOnRates() throws {
        XCTAssertEqual(try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 0, closedOnTime: 0)]), [])
    }

    func testMoreThanFiveOverdueCasesIsAnInterview() throws {
        // 199/200 = 99.5 %: a letter only; 5 overdue is not "超过5件".
        let five = (1...5).map { "C\($0)" }
        XCTAssertEqual(triggers(try propose([AccountabilityUnitMonth(
            unit: "建桥街", casesDue: 200, closedOnTime: 199, overdueCaseIDs: five)])), [.monthlyOnTimeBelow100])
        // 6 overdue: the interview too, with the cases as evidence.
        let six = (1...6).map { "C\($0)" }
        let proposals = try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 200, closedOnTime: 199, overdueCaseIDs: six)])
        XCTAssertEqual(triggers(proposals), [.monthlyOnTimeBelow100, .monthlyOnTimeBelow98OrOverdue])
        XCTAssertEqual(proposals[1].caseIDs, ["C1", "C2", "C3", "C4", "C5", "C6"])
        XCTAssertEqual(proposals[1].figures, ["按期办结率 99.50%（199/200）", "超期案件 6 件"])
        // Overdue cases alone, in a month where nothing was due (cases due earlier, still open).
        XCTAssertEqual(triggers(try propose([AccountabilityUnitMonth(
            unit: "建桥街", casesDue: 0, closedOnTime: 0, overdueCaseIDs: six)])), [.monthlyOnTimeBelow98OrOverdue])
    }

    func testCaseListClausesAreLetters() throws {
        let proposals = try propose([AccountabilityUnitMonth(
            unit: "建桥街", casesDue: 10, closedOnTime: 10, lateSignForCaseIDs: ["B", "A", "B"],
            lateTransferCaseIDs: ["T"], noFollowUpCaseIDs: ["F"], evaluatorDissatisfiedCaseIDs: ["E1", "E2"])])
        XCTAssertEqual(triggers(proposals), [.lateSignFor, .lateTransfer, .noFollowUp, .evaluatorDissatisfied])
        XCTAssertTrue(proposals.allSatisfy { $0.level == .letter })
        XCTAssertEqual(proposals[0].caseIDs, ["A", "B"])
        XCTAssertEqual(proposals[0].figures, ["未及时签收 2 件"])
        XCTAssertEqual(proposals[3].figures, ["第三方评价员不满意 2 件"])
    }

    func testRepeatComplaintsNeedFourOrMore() throws {
        // "3次(不含3次)以上": 3 is not enough, 4 is.
        let three = RepeatComplaintGroup(matter: "噪音", caseIDs: ["R1", "R2", "R3"])
        let four = RepeatComplaintGroup(matter: "占道", caseIDs: ["S1", "S2", "S3", "S4"])
        XCTAssertEqual(try propose([AccountabilityUnitMonth(unit: "建桥街", casesDue: 0, closedOnTime: 0, repeatComplaints: [three])]), [])
        let proposals = try propose([AccountabilityUnitMonth(
            unit: "建桥街", casesDue: 0, closedOnTime: 0, repeatComplaints: [three, four])])
        XCTAssertEqual(triggers(proposals), [.repeatComplaints])
        XCTAssertEqual(proposals[0].caseIDs, ["S1", "S2", "S3", "S4"])
        XCTAssertEqual(proposals[0].figures, ["同一事项“占道”投诉 4 次"])
    }

    func testLastPlaceInTheBimonthlyRankingTiesAllCount() throws {
        let period = try AssessmentPeriod("2026-09/2026-10")
        let ranking = BimonthlyRanking(period: period, ranks: ["甲": 1, "乙": 2, "丙": 3, "丁": 3])
        let proposals = try propose([], ranking: ranking, month: "2026-10")
        XCTAssertEqual(proposals.map(\.unit), ["丁", "丙"].sorted())
        XCTAssertTrue(proposals.allSatisfy { $0.trigger == .lastInBimonthlyRanking && $0.period == period })
        XCTAssertEqual(proposals[0].figures, ["双月考核排名第 3 名（共 4 个单位）"])
        XCTAssertEqual(proposals[0].dedupKey, "\(proposals[0].unit)|5.10|2026-09/2026-10")
    }

    func testNoLastPlaceWithOneUnitOrAllTied() throws {
        let period = try AssessmentPeriod("2026-09/2026-10")
        XCTAssertEqual(try propose([], ranking: BimonthlyRanking(period: period, ranks: ["甲": 1])), [])
        XCTAssertEqual(try propose([], ranking: BimonthlyRanking(period: period, ranks: ["甲": 1, "乙": 1])), [])
        XCTAssertEqual(Support.code { _ = try self.propose([], ranking: BimonthlyRanking(
            period: try AssessmentPeriod("2026-09/2026-09"), ranks: ["甲": 1, "乙": 2])) }, "invalid_value")
    }

    func testPrincipalLeaderInterviewedThreeTimesInSixMonths() throws {
        // Evaluated month 2026-10: the window is 2026-05-01 … 2026-10-31.
        func interview(_ date: String, principal: Bool = true) throws -> ConfirmedInterview {
            ConfirmedInterview(unit: "建桥街", date: try Support.day(date), principalLeader: principal)
        }
        let three = [try interview("2026-05-01"), try interview("2026-07-15"), try interview("2026-10-09")]
        let proposals = try propose([], history: three, month: "2026-10")
        XCTAssertEqual(triggers(proposals), [.principalInterviewedRepeatedly])
        XCTAssertEqual(proposals[0].level, .accountability)
        XCTAssertEqual(proposals[0].figures,
                       ["主要领导被约谈 3 次（2026-05-01、2026-07-15、2026-10-09），统计期 2026-05-01 至 2026-10-31"])
        // The first one day earlier, 2026-04-30, is outside the window: 2 left, not "超过2次".
        XCTAssertEqual(try propose([], history: [try interview("2026-04-30"), three[1], three[2]], month: "2026-10"), [])
        // Interviews of the leader in charge do not count.
        XCTAssertEqual(try propose([], history: [three[0], three[1], try interview("2026-10-09", principal: false)],
                                   month: "2026-10"), [])
        // Three in the window but none in the evaluated month: already proposed in an earlier month.
        XCTAssertEqual(try propose([], history: [three[0], three[1], try interview("2026-09-30")], month: "2026-10"), [])
    }

    func testProposalsAreOrderedByUnitThenClause() throws {
        let proposals = try propose([
            AccountabilityUnitMonth(unit: "乙", casesDue: 10, closedOnTime: 9, lateSignForCaseIDs: ["X"]),
            AccountabilityUnitMonth(unit: "甲", casesDue: 10, closedOnTime: 10, noFollowUpCaseIDs: ["Y"]),
        ])
        // 9/10 = 90 %: letter and interview for 乙; "乙" < "甲" in code-point order.
        XCTAssertEqual(proposals.map(\.unit), ["乙", "乙", "乙", "甲"])
        XCTAssertEqual(triggers(proposals), [.lateSignFor, .monthlyOnTimeBelow100, .monthlyOnTimeBelow98OrOverdue, .noFollowUp])
    }

    func testInvalidInputsNameTheirField() throws {
        func field(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let error as AccountabilityError { return error.field } catch { return "?" }
        }
        XCTAssertEqual(field { _ = try AccountabilityRules.propose(month: try AssessmentPeriod("2026-09/2026-10"), units: []) }, "month")
        XCTAssertEqual(field { _ = try self.propose([AccountabilityUnitMonth(unit: "甲", casesDue: 1, closedOnTime: 2)]) },
                       "units[0].closedOnTime")
        XCTAssertEqual(field { _ = try self.propose([AccountabilityUnitMonth(unit: "甲", casesDue: 1, closedOnTime: 1),
                                                     AccountabilityUnitMonth(unit: "甲", casesDue: 1, closedOnTime: 1)]) },
                       "units[1].unit")
        XCTAssertEqual(field { _ = try self.propose([AccountabilityUnitMonth(unit: " ", casesDue: 0, closedOnTime: 0)]) },
                       "units[0].unit")
        var config = AccountabilityConfig.standard
        config.interviewOnTimeBelowPercent = 0
        XCTAssertEqual(field { _ = try AccountabilityRules.propose(month: try Support.month("2026-09"), units: [], config: config) },
                       "interviewOnTimeBelowPercent")
    }
}
