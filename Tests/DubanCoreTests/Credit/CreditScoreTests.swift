import DubanCore
import Foundation
import XCTest

/// SPEC A3 score and grade at the band limits, worked out by hand from the default points.
/// All records are hazard records dated 2026-01-05, evaluated on 2026-03-02 (all still in effect).
final class CreditScoreTests: XCTestCase {
    private typealias Support = CreditTestSupport

    private func standing(_ kinds: [CreditRecordKind]) throws -> CreditStanding {
        let records = try kinds.enumerated().map { index, kind in
            try Support.record(kind, on: "2026-01-05", id: "r\(index)")
        }
        return try Support.standing(records, at: "2026-03-02 10:00")
    }

    func testNoRecordsIsTheBaseScore() throws {
        let standing = try standing([])
        XCTAssertEqual(standing.score, 100)
        XCTAssertEqual(standing.grade, .a)
        XCTAssertEqual(standing.day, try Support.day("2026-03-02"))
    }

    func testExactly90IsA() throws {
        // 100 − 10 (major hazard) = 90 → A (the limit belongs to A).
        let standing = try standing([.majorHazard])
        XCTAssertEqual(standing.score, 90)
        XCTAssertEqual(standing.deductions, -10)
        XCTAssertEqual(standing.grade, .a)
        XCTAssertEqual(standing.measures, [.commendation])
    }

    func test89IsB() throws {
        // 100 − 5 (overdue) − 2 − 2 − 2 (three general hazards) = 89 → B.
        let standing = try standing([.hazardOverdue, .generalHazard, .generalHazard, .generalHazard])
        XCTAssertEqual(standing.score, 89)
        XCTAssertEqual(standing.grade, .b)
        XCTAssertEqual(standing.measures, [.reminder])
    }

    func testExactly75IsB() throws {
        // 100 − 15 (listed) − 10 (major) = 75 → B.
        let standing = try standing([.listedSupervision, .majorHazard])
        XCTAssertEqual(standing.score, 75)
        XCTAssertEqual(standing.grade, .b)
    }

    func test74IsC() throws {
        // 100 − 15 − 5 − 2 − 2 − 2 = 74 → C.
        let standing = try standing([.listedSupervision, .hazardOverdue, .generalHazard, .generalHazard, .generalHazard])
        XCTAssertEqual(standing.score, 74)
        XCTAssertEqual(standing.grade, .c)
        XCTAssertEqual(standing.measures, [.warning])
        XCTAssertEqual(standing.blackListReasons, [])
    }

    func testExactly60IsC() throws {
        // 100 − 15 − 15 − 10 = 60 → C.
        let standing = try standing([.listedSupervision, .listedSupervision, .majorHazard])
        XCTAssertEqual(standing.score, 60)
        XCTAssertEqual(standing.grade, .c)
        XCTAssertEqual(standing.blackListReasons, [])
    }

    func test59IsDAndMeetsTheBlackListCondition() throws {
        // 100 − 15 − 15 − 5 − 2 − 2 − 2 = 59 → D: exposure, notice, and the low-grade entry condition.
        let standing = try standing([
            .listedSupervision, .listedSupervision, .hazardOverdue, .generalHazard, .generalHazard, .generalHazard,
        ])
        XCTAssertEqual(standing.score, 59)
        XCTAssertEqual(standing.grade, .d)
        XCTAssertEqual(standing.measures, [.exposure, .noticeToSupervisingDepartment])
        XCTAssertEqual(standing.blackListReasons, [.lowGrade])
        XCTAssertFalse(standing.isRedListEligible)
    }

    func testThreeCommendationsAddTenNotFifteen() throws {
        // 3 × 5 = 15, capped at 10 → 110.
        let standing = try standing([.commendation, .commendation, .commendation])
        XCTAssertEqual(standing.commendationPoints, 10)
        XCTAssertEqual(standing.score, 110)
    }

    func testCommendationsUnderTheCapAndWithDeductions() throws {
        // 100 + 5 + 5 (two commendations, exactly the cap) − 10 (major hazard) = 100.
        let standing = try standing([.commendation, .majorHazard, .commendation])
        XCTAssertEqual(standing.commendationPoints, 10)
        XCTAssertEqual(standing.deductions, -10)
        XCTAssertEqual(standing.score, 100)
        XCTAssertEqual(standing.countingRecordIDs, ["r0", "r1", "r2"])
    }

    func testOverriddenPointsCountInsteadOfTheRules() throws {
        // An administrator sets a general hazard to −11: 100 − 11 = 89 → B; the rule's −2 is kept.
        let record = try Support.record(.generalHazard, on: "2026-01-05").overriding(points: -11, reason: "情节严重")
        XCTAssertEqual(record.rulePoints, -2)
        XCTAssertEqual(record.points, -11)
        let standing = try Support.standing([record], at: "2026-03-02 10:00")
        XCTAssertEqual(standing.score, 89)
        XCTAssertEqual(standing.grade, .b)
    }

    func testChangedBandsAndPointsAreUsed() throws {
        // Bands 95/80/60 and a major hazard at −6: 100 − 6 = 94 → B under these bands.
        var rules = CreditRules.defaults
        rules.gradeBands = CreditGradeBands(a: 95, b: 80, c: 60)
        rules.kinds[.majorHazard].points = -6
        let record = try Support.record(.majorHazard, on: "2026-01-05", rules: rules)
        let standing = try Support.standing([record], at: "2026-03-02 10:00", rules: rules)
        XCTAssertEqual(standing.score, 94)
        XCTAssertEqual(standing.grade, .b)
    }

    func testRecordsKeepTheTermsTheyWereMadeUnder() throws {
        // Made at −10, then the rule changes to −3: the record still deducts 10 (90, not 97).
        let record = try Support.record(.majorHazard, on: "2026-01-05")
        var rules = CreditRules.defaults
        rules.kinds[.majorHazard].points = -3
        XCTAssertEqual(try Support.standing([record], at: "2026-03-02 10:00", rules: rules).score, 90)
    }
}
