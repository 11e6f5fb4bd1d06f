import DubanCore
import Foundation
import XCTest

/// Black-list entry conditions and red-list eligibility (SPEC A3; 004 成府发〔2015〕29号).
final class CreditListConditionTests: XCTestCase {
    private typealias Support = CreditTestSupport

    private func penalties(_ dates: [String], at now: String, rules: CreditRules = .defaults) throws -> CreditStanding {
        let records = try dates.map { try Support.record(.penaltyMinor, on: $0, id: "p-\($0)", rules: rules) }
        return try Support.standing(records, at: now, rules: rules)
    }

    func testTwoPenaltiesTwelveMonthsLessADayApartAreWithin12Months() throws {
        // 2025-03-10 + 12 months = 2026-03-10; 2026-03-09 is before it → within the window.
        // Score 100 − 5 − 5 = 90 → A, yet the repeated-penalty condition holds.
        let standing = try penalties(["2026-03-09", "2025-03-10"], at: "2026-04-01 10:00")
        XCTAssertEqual(standing.score, 90)
        XCTAssertEqual(standing.blackListReasons, [.repeatedPenalties])
        XCTAssertFalse(standing.isRedListEligible)
    }

    func testTwoPenaltiesExactlyTwelveMonthsApartAreNotWithin12Months() throws {
        // Half-open window [2025-03-10, 2026-03-10): the second decision on 2026-03-10 falls outside.
        XCTAssertEqual(try penalties(["2025-03-10", "2026-03-10"], at: "2026-04-01 10:00").blackListReasons, [])
        // 12 months and a day apart: outside as well.
        XCTAssertEqual(try penalties(["2025-03-10", "2026-03-11"], at: "2026-04-01 10:00").blackListReasons, [])
    }

    func testWindowFromALeapDayIsClamped() throws {
        // 2024-02-29 + 12 months = 2025-02-28 (clamped): 2025-02-27 within, 2025-02-28 not.
        XCTAssertEqual(try penalties(["2024-02-29", "2025-02-27"], at: "2025-03-05 10:00").blackListReasons,
                       [.repeatedPenalties])
        XCTAssertEqual(try penalties(["2024-02-29", "2025-02-28"], at: "2025-03-05 10:00").blackListReasons, [])
    }

    func testAnyPairAmongSeveralPenalties() throws {
        // 2024-01-10 and 2025-06-01 are far apart; 2025-06-01 and 2026-05-31 are within
        // (2025-06-01 + 12 months = 2026-06-01 > 2026-05-31).
        let standing = try penalties(["2024-01-10", "2026-05-31", "2025-06-01"], at: "2026-06-10 10:00")
        XCTAssertEqual(standing.blackListReasons, [.repeatedPenalties])
    }

    func testARevokedPenaltyDoesNotCount() throws {
        var second = try Support.record(.penaltyMinor, on: "2025-09-01", id: "p2")
        second.state = .revoked
        let records = [try Support.record(.penaltyMinor, on: "2025-03-10", id: "p1"), second]
        XCTAssertEqual(try Support.standing(records, at: "2026-01-05 10:00").blackListReasons, [])
    }

    func testAnExpiredPenaltyDoesNotCount() throws {
        // Validity cut to 6 months: the 2025-03-10 penalty ends on 2025-09-10, so on 2025-10-01 only
        // the 2025-09-15 one counts.
        var rules = CreditRules.defaults
        rules.kinds[.penaltyMinor].validityMonths = 6
        XCTAssertEqual(try penalties(["2025-03-10", "2025-09-15"], at: "2025-10-01 10:00", rules: rules).blackListReasons, [])
        XCTAssertEqual(try penalties(["2025-03-10", "2025-09-09"], at: "2025-09-09 10:00", rules: rules).blackListReasons,
                       [.repeatedPenalties])
    }

    func testPenaltyCountIsConfigurable() throws {
        var rules = CreditRules.defaults
        rules.blackList.penaltyCount = 3
        XCTAssertEqual(try penalties(["2025-03-10", "2025-04-10"], at: "2025-05-01 10:00", rules: rules).blackListReasons, [])
        XCTAssertEqual(try penalties(["2025-03-10", "2025-04-10", "2025-05-01"], at: "2025-05-01 10:00", rules: rules)
            .blackListReasons, [.repeatedPenalties])
    }

    func testAccidentResponsibility() throws {
        // 0 points: score stays 100 (A), but the accident condition holds and bars the red list.
        let accident = try Support.record(.accidentResponsibility, on: "2026-01-05", field: .specialEquipment)
        let standing = try Support.standing([accident], at: "2026-03-02 10:00")
        XCTAssertEqual(standing.score, 100)
        XCTAssertEqual(standing.grade, .a)
        XCTAssertEqual(standing.blackListReasons, [.accidentResponsibility])
        XCTAssertFalse(standing.isRedListEligible)

        var rules = CreditRules.defaults
        rules.blackList.entersOnAccident = false
        XCTAssertEqual(try Support.standing([accident], at: "2026-03-02 10:00", rules: rules).blackListReasons, [])
    }

    func testAllReasonsInOrder() throws {
        // Two very serious penalties a month apart and an accident: 100 − 20 − 20 = 60 → C; with a
        // major hazard −10 → 50 → D. All three conditions hold.
        let records = [
            try Support.record(.penaltyVerySerious, on: "2026-01-05", id: "p1"),
            try Support.record(.penaltyVerySerious, on: "2026-02-05", id: "p2"),
            try Support.record(.majorHazard, on: "2026-02-06"),
            try Support.record(.accidentResponsibility, on: "2026-02-07"),
        ]
        let standing = try Support.standing(records, at: "2026-03-02 10:00")
        XCTAssertEqual(standing.score, 50)
        XCTAssertEqual(standing.grade, .d)
        XCTAssertEqual(standing.blackListReasons, [.lowGrade, .repeatedPenalties, .accidentResponsibility])
    }

    func testRedListWithAPenaltyExactly24MonthsAgo() throws {
        // Evaluated 2026-06-15. Penalty 2024-06-15 still counts (36 months): 100 − 5 = 95 → A.
        // 2024-06-15 + 24 months = 2026-06-15, not after today → outside the 24 months → eligible.
        let standing = try penalties(["2024-06-15"], at: "2026-06-15 10:00")
        XCTAssertEqual(standing.score, 95)
        XCTAssertEqual(standing.grade, .a)
        XCTAssertTrue(standing.isRedListEligible)
    }

    func testRedListWithAPenalty23MonthsAgo() throws {
        // 2024-07-15 + 24 months = 2026-07-15, after 2026-06-15 → inside → not eligible.
        XCTAssertFalse(try penalties(["2024-07-15"], at: "2026-06-15 10:00").isRedListEligible)
        // One day short of 24 months: 2024-06-16 + 24 months = 2026-06-16 → inside.
        XCTAssertFalse(try penalties(["2024-06-16"], at: "2026-06-15 10:00").isRedListEligible)
    }

    func testRedListNeedsGradeA() throws {
        // 100 − 15 = 85 → B, no penalty → not eligible; 100 − 10 = 90 → A → eligible.
        XCTAssertFalse(try Support.standing([try Support.record(.listedSupervision, on: "2026-01-05")], at: "2026-03-02 10:00")
            .isRedListEligible)
        XCTAssertTrue(try Support.standing([try Support.record(.majorHazard, on: "2026-01-05")], at: "2026-03-02 10:00")
            .isRedListEligible)
    }

    func testRepairedPenaltyStillBarsTheRedListButRevokedDoesNot() throws {
        var penalty = try Support.record(.penaltyMinor, on: "2025-09-01")
        penalty.state = .repaired
        // Repaired: no longer scored (100, A) but decided within 24 months → not eligible.
        let repaired = try Support.standing([penalty], at: "2026-03-02 10:00")
        XCTAssertEqual(repaired.score, 100)
        XCTAssertFalse(repaired.isRedListEligible)
        penalty.state = .revoked
        XCTAssertTrue(try Support.standing([penalty], at: "2026-03-02 10:00").isRedListEligible)
    }
}
