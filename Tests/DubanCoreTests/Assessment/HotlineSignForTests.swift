@testable import DubanCore
import Foundation
import XCTest

/// Item 7 (5 points): −0.1 per case signed more than 4 working hours after assignment, or unsigned
/// at period end and more than 4 working hours old (000 阳政办(2017)33号 附件7 (7), SPEC A2).
final class HotlineSignForTests: XCTestCase {
    private typealias Support = AssessmentTestSupport

    private func signFor(_ cases: [HotlineCaseInput]) throws -> HotlineUnitScore {
        try Support.only(try Support.score(cases))
    }

    func testSignedAtExactlyFourWorkingHoursAcrossAWeekendIsOnTime() throws {
        // Friday 2026-09-11 16:00: 16:00–18:00 is 2 h; Saturday and Sunday do not count;
        // Monday 2026-09-14 09:00–11:00 is the other 2 h → due Monday 11:00.
        let unit = try signFor([try Support.hotlineCase("A", assigned: "2026-09-11 16:00", signed: "2026-09-14 11:00")])
        XCTAssertEqual(unit.items[.signFor], ScorePoints(5))
        XCTAssertEqual(unit.deductions(for: .signFor), [])
    }

    func testSignedOneMinuteLateLosesATenth() throws {
        // Due Monday 11:00 as above; 11:01 is late: 5 − 0.1 = 4.9.
        let unit = try signFor([try Support.hotlineCase("A", assigned: "2026-09-11 16:00", signed: "2026-09-14 11:01")])
        XCTAssertEqual(unit.items[.signFor], try Support.points("4.9"))
        XCTAssertEqual(unit.deductions(for: .signFor), [
            HotlineDeduction(item: .signFor, caseID: "A", reason: .signedLate, points: ScorePoints(hundredths: 10)),
        ])
    }

    func testLunchBreakAndMidAutumnHolidayDoNotCount() throws {
        // Thursday 2026-09-24 16:00: 2 h that day; 25–27 September are 中秋节 (china.json);
        // Monday 2026-09-28 09:00–11:00 → due 2026-09-28 11:00.
        let onTime = try Support.hotlineCase("A", assigned: "2026-09-24 16:00", signed: "2026-09-28 11:00")
        let late = try Support.hotlineCase("B", assigned: "2026-09-24 16:00", signed: "2026-09-28 11:01")
        // 2026-09-15 10:00: 10:00–12:00 is 2 h, 13:00–15:00 is 2 h → due 15:00; 14:59 is on time
        // although 4 h 59 min of clock time have passed.
        let lunch = try Support.hotlineCase("C", assigned: "2026-09-15 10:00", signed: "2026-09-15 14:59")
        let unit = try signFor([onTime, late, lunch])
        XCTAssertEqual(unit.deductions(for: .signFor).map(\.caseID), ["B"])
        XCTAssertEqual(unit.items[.signFor], try Support.points("4.9"))
    }

    func testUnsignedAtPeriodEnd() throws {
        // Period end is 2026-11-01 00:00. Friday 2026-10-30 14:00 + 4 working hours = 18:00 the same
        // day, before the period end → late. 14:01 → 14:01–18:00 is 3 h 59 min, the last minute is
        // Monday 2026-11-02 09:01, after the period end → not (yet) late.
        let old = try Support.hotlineCase("OLD", assigned: "2026-10-30 14:00", unsigned: true)
        let young = try Support.hotlineCase("YOUNG", assigned: "2026-10-30 14:01", unsigned: true)
        let unit = try signFor([old, young])
        XCTAssertEqual(unit.deductions(for: .signFor), [
            HotlineDeduction(item: .signFor, caseID: "OLD", reason: .unsignedAtPeriodEnd, points: ScorePoints(hundredths: 10)),
        ])
        XCTAssertEqual(unit.items[.signFor], try Support.points("4.9"))
    }

    func testThirtyThreeLateCasesLeaveExactlyOnePointSeven() throws {
        // 5 − 33 × 0.1 = 1.7 (binary floating point would give 1.6999999999999993).
        let cases = try (1...33).map {
            try Support.hotlineCase("L\($0)", assigned: "2026-09-15 09:00", signed: "2026-09-16 09:00")
        }
        let unit = try signFor(cases)
        XCTAssertEqual(unit.items[.signFor], try Support.points("1.7"))
        XCTAssertEqual(unit.items[.signFor].description, "1.7")
    }

    func testFloorsAtZero() throws {
        // 51 late cases: 5 − 5.1 < 0 → 0 ("扣完为止").
        let cases = try (1...51).map {
            try Support.hotlineCase("L\($0)", assigned: "2026-09-15 09:00", signed: "2026-09-16 09:00")
        }
        XCTAssertEqual(try signFor(cases).items[.signFor], .zero)
    }
}
