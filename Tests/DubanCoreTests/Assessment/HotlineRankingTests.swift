@testable import DubanCore
import Foundation
import XCTest

/// Bonus, penalty, total, ranking, the units scored and the period a case belongs to (SPEC A2).
final class HotlineRankingTests: XCTestCase {
    private typealias Support = AssessmentTestSupport

    func testBonusIsCappedAtFiveAndPenaltyAddsUp() throws {
        // Bonus min(5, 7) = 5; penalty 5 × 1 referral + 10 × 1 interview = 15; total 100 + 5 − 15 = 90.
        let facts = try HotlineUnitInput(unit: "洲头街", bonusCases: 7, disciplineReferrals: 1, interviews: 1)
        let unit = try Support.only(try Support.score([], units: [facts]))
        XCTAssertEqual(unit.base, ScorePoints(100))
        XCTAssertEqual(unit.bonus, ScorePoints(5))
        XCTAssertEqual(unit.penalty, ScorePoints(15))
        XCTAssertEqual(unit.total, ScorePoints(90))
        // Below the cap each bonus case is worth 1: 2 cases → 2, total 102.
        let two = try Support.only(try Support.score([], units: [try HotlineUnitInput(unit: "洲头街", bonusCases: 2)]))
        XCTAssertEqual(two.bonus, ScorePoints(2))
        XCTAssertEqual(two.total, ScorePoints(102))
    }

    func testPenaltyCanTakeTheTotalBelowZeroUnlessCapped() throws {
        // 3 interviews: 100 − 30 = 70; 12 interviews: 100 − 120 = −20 (SPEC A2 sets no cap).
        let heavy = try HotlineUnitInput(unit: "洲头街", interviews: 12)
        XCTAssertEqual(try Support.only(try Support.score([], units: [heavy])).total, ScorePoints(-20))
        // With a cap of 10 (the seed's "(10分)" read as a cap): 100 − 10 = 90.
        var policy = HotlineScoringPolicy.standard
        policy.penaltyCap = ScorePoints(10)
        let capped = try Support.only(try Support.score([], units: [heavy], policy: policy))
        XCTAssertEqual(capped.penalty, ScorePoints(10))
        XCTAssertEqual(capped.total, ScorePoints(90))
    }

    func testTiesShareARankAndTheNextRankSkips() throws {
        // 鹦鹉街 100 + 1 bonus = 101; 建桥街 and 晴川街 100 − 1 = 99 each; 五里墩街 100 − 1.5 = 98.5.
        // Ranks 1, 2, 2, 4; the tie is listed by unit name (code points: 建 U+5EFA before 晴 U+6674).
        let units = [
            try HotlineUnitInput(unit: "晴川街", organisationDeductions: ScorePoints(1)),
            try HotlineUnitInput(unit: "五里墩街", organisationDeductions: ScorePoints(hundredths: 150)),
            try HotlineUnitInput(unit: "建桥街", organisationDeductions: ScorePoints(1)),
            try HotlineUnitInput(unit: "鹦鹉街", bonusCases: 1),
        ]
        let assessment = try Support.score([], units: units)
        XCTAssertEqual(assessment.units.map(\.unit), ["鹦鹉街", "建桥街", "晴川街", "五里墩街"])
        XCTAssertEqual(assessment.units.map(\.rank), [1, 2, 2, 4])
        XCTAssertEqual(assessment.units.map(\.total),
                       [ScorePoints(101), ScorePoints(99), ScorePoints(99), try Support.points("98.5")])
    }

    func testUnitsFromCasesAndFromUnitLinesAreScored() throws {
        // 建桥街 has a case; 晴川街 only a unit line: both appear, 晴川街 with 0 cases and full marks.
        let item = try Support.hotlineCase("A", unit: "建桥街", assigned: "2026-09-15 09:00")
        let assessment = try Support.score([item], units: [try HotlineUnitInput(unit: "晴川街")])
        XCTAssertEqual(assessment.units.map(\.unit), ["建桥街", "晴川街"])
        XCTAssertEqual(assessment.score(of: "晴川街")?.cases, 0)
        XCTAssertEqual(assessment.score(of: "晴川街")?.total, ScorePoints(100))
        XCTAssertEqual(assessment.score(of: "建桥街")?.cases, 1)
    }

    func testOnlyCasesAssignedInThePeriodCount() throws {
        // Assigned 2026-08-31 23:59 (previous period) and open long past its deadline: ignored.
        // 2026-08-31T16:00:00Z is 2026-09-01 00:00 in China: in the period. 2026-11-01 00:00: next period.
        let previous = try Support.hotlineCase("PREV", assigned: "2026-08-31 23:59", due: "2026-09-02 18:00", open: true)
        let first = HotlineCaseInput(id: "FIRST", unit: "建桥街",
                                     assignedAt: try CalendarTestSupport.iso("2026-08-31T16:00:00Z"),
                                     signedAt: try Support.at("2026-09-01 09:00"), dueAt: try Support.at("2026-09-02 18:00"))
        let next = try Support.hotlineCase("NEXT", unit: "晴川街", assigned: "2026-11-01 00:00", unsigned: true,
                                           due: "2026-11-01 00:01", open: true)
        let assessment = try Support.score([previous, first, next])
        // Only FIRST counts: open after its deadline 2026-09-02 18:00 → item 8 = 9; 晴川街 is not scored.
        let unit = try Support.only(assessment)
        XCTAssertEqual(unit.unit, "建桥街")
        XCTAssertEqual(unit.cases, 1)
        XCTAssertEqual(unit.deductions.map(\.caseID), ["FIRST"])
        XCTAssertEqual(unit.items[.completion], ScorePoints(9))
    }

    func testJSONHasSpecShapeAndTwoDecimalNumbers() throws {
        // 建桥街: one case signed 1 minute late (item 7 = 4.9) → base 99.9, total 99.9, rank 2.
        // 晴川街: no case, 2 bonus cases → 100 + 2 = 102, rank 1.
        let late = try Support.hotlineCase("A", unit: "建桥街", assigned: "2026-09-11 16:00", signed: "2026-09-14 11:01")
        let assessment = try Support.score([late], units: [try HotlineUnitInput(unit: "晴川街", bonusCases: 2)])
        let expected = #"{"period":"2026-09/2026-10","units":["#
            + #"{"unit":"晴川街","items":{"1-6":10,"7":5,"8":10,"9":10,"10":10,"11":10,"12":5,"13":30,"14":10},"#
            + #""base":100,"bonus":2,"penalty":0,"total":102,"rank":1,"cases":0},"#
            + #"{"unit":"建桥街","items":{"1-6":10,"7":4.9,"8":10,"9":10,"10":10,"11":10,"12":5,"13":30,"14":10},"#
            + #""base":99.9,"bonus":0,"penalty":0,"total":99.9,"rank":2,"cases":1}]}"#
        XCTAssertEqual(String(decoding: assessment.json(), as: UTF8.self), expected)
    }

    func testJSONEscapesNamesAndParses() throws {
        let odd = try HotlineUnitInput(unit: "A\"B\\C\n")
        let json = try Support.score([], units: [odd]).json()
        XCTAssertTrue(String(decoding: json, as: UTF8.self).contains(#""unit":"A\"B\\C\n""#))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let units = try XCTUnwrap(object["units"] as? [[String: Any]])
        XCTAssertEqual(units.first?["unit"] as? String, "A\"B\\C\n")
    }

    func testCodableRoundTripKeepsTheSpecShapeOnly() throws {
        let late = try Support.hotlineCase("A", assigned: "2026-09-11 16:00", signed: "2026-09-14 11:01")
        let assessment = try Support.score([late])
        let decoded = try JSONDecoder().decode(HotlineAssessment.self, from: try JSONEncoder().encode(assessment))
        XCTAssertEqual(decoded.json(), assessment.json())
        // The deductions are not part of the encoded form.
        XCTAssertEqual(decoded.units.first?.deductions, [])
        XCTAssertEqual(assessment.units.first?.deductions.count, 1)
        // The A2 JSON reads back through Codable too.
        XCTAssertEqual(try JSONDecoder().decode(HotlineAssessment.self, from: assessment.json()).json(), assessment.json())
    }

    func testDuplicateUnitLinesAreRefused() throws {
        XCTAssertThrowsError(try Support.score([], units: [try HotlineUnitInput(unit: "A"), try HotlineUnitInput(unit: "A")])) {
            XCTAssertEqual(($0 as? AssessmentError)?.code, "duplicate_unit")
        }
    }

    func testUnusablePolicyIsRefused() throws {
        var policy = HotlineScoringPolicy.standard
        policy.signForWorkingHours = 0
        XCTAssertThrowsError(try Support.score([], policy: policy)) {
            XCTAssertEqual(($0 as? AssessmentError)?.field, "policy.signForWorkingHours")
        }
    }

    func testDeadlinePastYear9999IsAnErrorNamingTheCase() throws {
        // Assigned 9999-12-31 17:00, signed 6 hours later: the 4-working-hour deadline would fall in year 10000.
        let period = try AssessmentPeriod("9999-12/9999-12")
        let assigned = try CalendarTestSupport.iso("9999-12-31T17:00:00+08:00")
        let item = HotlineCaseInput(id: "X", unit: "U", assignedAt: assigned, signedAt: assigned.addingTimeInterval(6 * 3600),
                                    dueAt: assigned, closedAt: assigned)
        XCTAssertThrowsError(try HotlineScoring.score(cases: [item], units: [], period: period,
                                                      calculator: try Support.calculator())) { error in
            guard case .calendar(let caseID, let field, let calendarError)? = error as? AssessmentError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(caseID, "X")
            XCTAssertEqual(field, "assignedAt")
            XCTAssertEqual(calendarError.code, "out_of_range")
        }
    }
}

/// The examples of docs/assess-hotline.md, end to end: files → period → score → JSON.
final class HotlineDocumentedExampleTests: XCTestCase {
    func testDocumentedExample() throws {
        let casesFile = #"""
        {"id":"2026-0911-001","unit":"建桥街","assignedAt":"2026-09-11T16:00:00+08:00","signedAt":"2026-09-14T11:01:00+08:00","dueAt":"2026-09-21T18:00:00+08:00","closedAt":"2026-09-18T10:00:00+08:00","returns":[],"extensions":[],"satisfaction":"满意","excludedFromRate":false,"evaluatorDissatisfied":false,"flags":{"thinReply":1}}
        {"id":"2026-1030-007","unit":"晴川街","assignedAt":"2026-10-30T14:00:00+08:00","signedAt":null,"dueAt":"2026-11-06T18:00:00+08:00"}
        """#
        let unitsFile = #"""
        {"unit":"建桥街","organisationDeductions":1.5,"cityDeductions":0,"bonusCases":2,"disciplineReferrals":0,"interviews":0}
        {"unit":"鹦鹉街"}
        """#
        let assessment = try HotlineScoring.score(
            cases: try HotlineAssessmentInput.parseCases(jsonl: Data(casesFile.utf8)),
            units: try HotlineAssessmentInput.parseUnits(jsonl: Data(unitsFile.utf8)),
            period: try AssessmentPeriod("2026-09/2026-10"), calculator: try CalendarTestSupport.chinaCalculator())
        // 建桥街: 1–6 = 10 − 1.5 = 8.5; 7 = 5 − 0.1 (Friday 16:00 → due Monday 11:00, signed 11:01) = 4.9;
        // 9 = 10 − 0.5 (thin reply) = 9.5; 13: 1/1 satisfied = 30.
        // base 8.5 + 4.9 + 10 + 9.5 + 10 + 10 + 5 + 30 + 10 = 97.9; + 2 bonus = 99.9.
        // 晴川街: assigned Friday 2026-10-30 14:00, due 18:00, unsigned at period end → 7 = 4.9; total 99.9.
        // 鹦鹉街: no case → 100. Ranks 1, 2, 2; the tie by name (建 U+5EFA before 晴 U+6674).
        let expected = #"{"period":"2026-09/2026-10","units":["#
            + #"{"unit":"鹦鹉街","items":{"1-6":10,"7":5,"8":10,"9":10,"10":10,"11":10,"12":5,"13":30,"14":10},"#
            + #""base":100,"bonus":0,"penalty":0,"total":100,"rank":1,"cases":0},"#
            + #"{"unit":"建桥街","items":{"1-6":8.5,"7":4.9,"8":10,"9":9.5,"10":10,"11":10,"12":5,"13":30,"14":10},"#
            + #""base":97.9,"bonus":2,"penalty":0,"total":99.9,"rank":2,"cases":1},"#
            + #"{"unit":"晴川街","items":{"1-6":10,"7":4.9,"8":10,"9":10,"10":10,"11":10,"12":5,"13":30,"14":10},"#
            + #""base":99.9,"bonus":0,"penalty":0,"total":99.9,"rank":2,"cases":1}]}"#
        XCTAssertEqual(String(decoding: assessment.json(), as: UTF8.self), expected)
    }
}
