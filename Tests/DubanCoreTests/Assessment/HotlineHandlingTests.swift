@testable import DubanCore
import Foundation
import XCTest

/// Items 1–6, 9, 10, 11, 12 and 14 (000 阳政办(2017)33号 附件7, SPEC A2).
final class HotlineHandlingTests: XCTestCase {
    private typealias Support = AssessmentTestSupport

    func testReplyQualityFlags() throws {
        // Item 9: 2 false replies −2, 1 thin −0.5, 1 off-topic −0.5, 1 missing follow-up −0.5 → 10 − 3.5 = 6.5.
        let flagged = try Support.hotlineCase("A", assigned: "2026-09-15 09:00", flags: try HotlineCaseFlags(
            falseReply: 2, thinReply: 1, offTopic: 1, missingFollowUpInfo: 1))
        let unit = try Support.only(try Support.score([flagged]))
        XCTAssertEqual(unit.items[.replyQuality], try Support.points("6.5"))
        XCTAssertEqual(unit.deductions(for: .replyQuality), [
            HotlineDeduction(item: .replyQuality, caseID: "A", reason: .falseReply, points: ScorePoints(2)),
            HotlineDeduction(item: .replyQuality, caseID: "A", reason: .thinReply, points: ScorePoints(hundredths: 50)),
            HotlineDeduction(item: .replyQuality, caseID: "A", reason: .offTopic, points: ScorePoints(hundredths: 50)),
            HotlineDeduction(item: .replyQuality, caseID: "A", reason: .missingFollowUpInfo, points: ScorePoints(hundredths: 50)),
        ])
    }

    func testReturnAtExactlyOneWorkingDayIsOnTime() throws {
        // SPEC A1: 1 working day from any time on Thursday 2026-09-24 is Monday 2026-09-28 18:00
        // (25–27 September 中秋节). A return at 18:00 is on time; at 18:01 it is late: −0.5.
        let onTime = try Support.hotlineCase("A", assigned: "2026-09-24 10:00", returns: ["2026-09-28 18:00"])
        let late = try Support.hotlineCase("B", assigned: "2026-09-24 10:00", returns: ["2026-09-28 18:01"])
        let unit = try Support.only(try Support.score([onTime, late]))
        XCTAssertEqual(unit.deductions(for: .noShirking), [
            HotlineDeduction(item: .noShirking, caseID: "B", reason: .returnedLate, points: ScorePoints(hundredths: 50)),
        ])
        XCTAssertEqual(unit.items[.noShirking], try Support.points("9.5"))
    }

    func testReturnDeadlineOnAWeekendWorkingDay() throws {
        // SPEC A1: 1 working day from Friday 2026-10-09 is Saturday 2026-10-10 18:00 (国庆节调休).
        let onTime = try Support.hotlineCase("A", assigned: "2026-10-09 17:00", returns: ["2026-10-10 18:00"])
        let late = try Support.hotlineCase("B", assigned: "2026-10-09 17:00", returns: ["2026-10-10 18:00:01"])
        let unit = try Support.only(try Support.score([onTime, late]))
        XCTAssertEqual(unit.deductions(for: .noShirking).map(\.caseID), ["B"])
    }

    func testEachLateReturnAndShirkingCounts() throws {
        // Item 10: two late returns −1, shirked −1, shirked after written supervision −1 → 10 − 3 = 7.
        let item = try Support.hotlineCase("A", assigned: "2026-09-15 09:00",
                                           returns: ["2026-09-17 09:00", "2026-09-18 09:00"],
                                           flags: try HotlineCaseFlags(shirked: 1, shirkedAfterWrittenSupervision: 1))
        let unit = try Support.only(try Support.score([item]))
        XCTAssertEqual(unit.deductions(for: .noShirking).map(\.reason),
                       [.returnedLate, .returnedLate, .shirked, .shirkedAfterWrittenSupervision])
        XCTAssertEqual(unit.items[.noShirking], ScorePoints(7))
    }

    func testSecondSupervisionAndEvaluator() throws {
        // Item 12: 2 shirked second-supervision cases → 5 − 2 = 3.
        // Item 14: 3 cases judged dissatisfied by an evaluator → 10 − 3 = 7.
        let shirker = try Support.hotlineCase("S", assigned: "2026-09-15 09:00",
                                              flags: try HotlineCaseFlags(secondSupervisionShirked: 2))
        let judged = try (1...3).map {
            try Support.hotlineCase("E\($0)", assigned: "2026-09-15 09:00", evaluatorDissatisfied: true)
        }
        let unit = try Support.only(try Support.score([shirker] + judged))
        XCTAssertEqual(unit.items[.secondSupervision], ScorePoints(3))
        XCTAssertEqual(unit.items[.evaluator], ScorePoints(7))
        XCTAssertEqual(unit.deductions(for: .evaluator).map(\.caseID), ["E1", "E2", "E3"])
    }

    func testEvaluatorItemFloorsAtZero() throws {
        // 12 cases: 10 − 12 → 0 ("扣完为止").
        let judged = try (1...12).map {
            try Support.hotlineCase("E\($0)", assigned: "2026-09-15 09:00", evaluatorDissatisfied: true)
        }
        XCTAssertEqual(try Support.only(try Support.score(judged)).items[.evaluator], .zero)
    }

    func testUnitFactsOnItemsOneToSixAndEleven() throws {
        // Items 1–6: 10 − 1.5 = 8.5. Item 11: the city deducted 1.5 → 2 × 1.5 = 3 → 10 − 3 = 7.
        let facts = try HotlineUnitInput(unit: "建桥街", organisationDeductions: ScorePoints(hundredths: 150),
                                         cityDeductions: ScorePoints(hundredths: 150))
        let unit = try Support.only(try Support.score([], units: [facts]))
        XCTAssertEqual(unit.items[.organisation], try Support.points("8.5"))
        XCTAssertEqual(unit.items[.cityAssessment], ScorePoints(7))
        XCTAssertEqual(unit.deductions, [
            HotlineDeduction(item: .organisation, caseID: nil, reason: .organisationFindings, points: ScorePoints(hundredths: 150)),
            HotlineDeduction(item: .cityAssessment, caseID: nil, reason: .cityDeductions, points: ScorePoints(3)),
        ])
        // Base 100 − 1.5 − 3 = 95.5.
        XCTAssertEqual(unit.base, try Support.points("95.5"))
    }

    func testCityDeductionsFloorAtZero() throws {
        // 2 × 6 = 12 > 10 → 0.
        let facts = try HotlineUnitInput(unit: "建桥街", cityDeductions: ScorePoints(6))
        XCTAssertEqual(try Support.only(try Support.score([], units: [facts])).items[.cityAssessment], .zero)
    }

    func testItemIsRoundedToTwoDecimalsHalfAwayFromZero() throws {
        // 10 − 0.005 = 9.995 → 10 (half away from zero); 10 − 0.0051 = 9.9949 → 9.99.
        let up = try HotlineUnitInput(unit: "甲", organisationDeductions: ScorePoints(tenThousandths: 50))
        let down = try HotlineUnitInput(unit: "乙", organisationDeductions: ScorePoints(tenThousandths: 51))
        let assessment = try Support.score([], units: [up, down])
        XCTAssertEqual(assessment.score(of: "甲")?.items[.organisation], ScorePoints(10))
        XCTAssertEqual(assessment.score(of: "乙")?.items[.organisation], try Support.points("9.99"))
    }
}
