@testable import DubanCore
import XCTest

/// The catalogue of 000 阳政办(2017)33号 附件5 第四条 (8), 第五条 (11), 第七条 (8).
final class AccountabilityTriggerTests: XCTestCase {
    func testEveryClauseIsThereOnce() {
        let all = AccountabilityTrigger.allCases
        XCTAssertEqual(all.filter { $0.level == .letter }.count, 8)
        XCTAssertEqual(all.filter { $0.level == .interview }.count, 11)
        XCTAssertEqual(all.filter { $0.level == .accountability }.count, 8)
        XCTAssertEqual(Set(all.map(\.rawValue)).count, 27)
        XCTAssertEqual(Set(all.map(\.clause)).count, 27)
        XCTAssertEqual(Set(all.map(\.clauseText)).count, 27)
    }

    func testCodesAndCitations() {
        XCTAssertEqual(AccountabilityTrigger.monthlyOnTimeBelow100.rawValue, "4.5")
        XCTAssertEqual(AccountabilityTrigger.monthlyOnTimeBelow100.citation, "000 阳政办(2017)33号 附件5 第四条(五)")
        XCTAssertEqual(AccountabilityTrigger.lastInBimonthlyRanking.clause, "第五条(十)")
        XCTAssertEqual(AccountabilityTrigger.otherInterview.clause, "第五条(十一)")
        XCTAssertEqual(AccountabilityTrigger.otherInterview.rawValue, "5.11")
        XCTAssertEqual(AccountabilityTrigger.principalInterviewedRepeatedly.rawValue, "7.7")
        XCTAssertEqual(AccountabilityTrigger.principalInterviewedRepeatedly.clauseText, "单位主要领导半年内被约谈超过2次以上的")
        XCTAssertEqual(AccountabilityTrigger(rawValue: "4.2"), .lateSignFor)
    }

    func testComputableClausesAreExactlyTheNineOfTheBrief() {
        let computable = Set(AccountabilityTrigger.allCases.filter(\.computable))
        XCTAssertEqual(computable, [
            .lateSignFor, .lateTransfer, .noFollowUp, .monthlyOnTimeBelow100, .repeatComplaints, .evaluatorDissatisfied,
            .monthlyOnTimeBelow98OrOverdue, .lastInBimonthlyRanking, .principalInterviewedRepeatedly,
        ])
    }

    func testExactRate() throws {
        let rate = try XCTUnwrap(ExactRate(193, of: 200))
        XCTAssertEqual(rate.description, "96.50%（193/200）")
        // 196/200 = 98 % exactly: 19 600 = 98 × 200, not below.
        XCTAssertFalse(try XCTUnwrap(ExactRate(196, of: 200)).isBelow(percent: 98))
        // 2/3 = 66.666…: truncated to 66.66 %.
        XCTAssertEqual(try XCTUnwrap(ExactRate(2, of: 3)).percentText, "66.66%")
        XCTAssertEqual(try XCTUnwrap(ExactRate(1, of: 1)).percentText, "100.00%")
        XCTAssertNil(ExactRate(0, of: 0))
        XCTAssertNil(ExactRate(3, of: 2))
    }
}
