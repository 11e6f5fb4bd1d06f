@testable import DubanCore
import Foundation
import XCTest

/// Item 8 (10 points): −1 per overdue case, −0.5 per extension asked for less than 1 working day
/// (8 working hours) before the deadline it extends, −2 per case with 3 or more extensions
/// (000 阳政办(2017)33号 附件7 (8), SPEC A2).
final class HotlineCompletionTests: XCTestCase {
    private typealias Support = AssessmentTestSupport

    private func completion(_ cases: [HotlineCaseInput]) throws -> HotlineUnitScore {
        try Support.only(try Support.score(cases))
    }

    func testClosedAtTheDeadlineIsOnTimeAndAMinuteLaterIsOverdue() throws {
        let onTime = try Support.hotlineCase("A", assigned: "2026-09-15 09:00", due: "2026-09-22 18:00",
                                             closed: "2026-09-22 18:00")
        let late = try Support.hotlineCase("B", assigned: "2026-09-15 09:00", due: "2026-09-22 18:00",
                                           closed: "2026-09-22 18:01")
        let unit = try completion([onTime, late])
        // 10 − 1 = 9.
        XCTAssertEqual(unit.items[.completion], ScorePoints(9))
        XCTAssertEqual(unit.deductions(for: .completion), [
            HotlineDeduction(item: .completion, caseID: "B", reason: .closedLate, points: ScorePoints(1)),
        ])
    }

    func testOpenCaseIsOverdueOnlyWhenItsDeadlineIsBeforePeriodEnd() throws {
        // Period end 2026-11-01 00:00: due 23:59 on 31 October is past; due exactly at the end is not.
        let past = try Support.hotlineCase("PAST", assigned: "2026-10-20 09:00", due: "2026-10-31 23:59", open: true)
        let atEnd = try Support.hotlineCase("END", assigned: "2026-10-20 09:00", due: "2026-11-01 00:00", open: true)
        let unit = try completion([past, atEnd])
        XCTAssertEqual(unit.deductions(for: .completion).map(\.reason), [.openOverdue])
        XCTAssertEqual(unit.deductions(for: .completion).map(\.caseID), ["PAST"])
        XCTAssertEqual(unit.items[.completion], ScorePoints(9))
    }

    func testExtensionExactlyEightWorkingHoursAheadIsOnTime() throws {
        // Deadline Monday 2026-09-14 11:00. 8 working hours from Friday 2026-09-11 11:00: 11–12 (1 h),
        // 13–18 (5 h), Monday 09–11 (2 h) → Monday 11:00, not after the deadline → on time.
        // From Friday 11:01 the 8 hours end Monday 11:01 → late, −0.5.
        let onTime = try Support.hotlineCase("A", assigned: "2026-09-10 09:00", due: "2026-09-21 11:00",
                                             closed: "2026-09-18 10:00",
                                             extensions: [("2026-09-11 11:00", "2026-09-14 11:00", "2026-09-21 11:00")])
        let late = try Support.hotlineCase("B", assigned: "2026-09-10 09:00", due: "2026-09-21 11:00",
                                           closed: "2026-09-18 10:00",
                                           extensions: [("2026-09-11 11:01", "2026-09-14 11:00", "2026-09-21 11:00")])
        let unit = try completion([onTime, late])
        XCTAssertEqual(unit.deductions(for: .completion), [
            HotlineDeduction(item: .completion, caseID: "B", reason: .extensionRequestedLate, points: ScorePoints(hundredths: 50)),
        ])
        // 10 − 0.5 = 9.5.
        XCTAssertEqual(unit.items[.completion], try Support.points("9.5"))
    }

    func testExtensionAskedOnTheDayOfTheDeadlineIsLate() throws {
        // Asked Tuesday 2026-09-15 09:00 for a deadline at 18:00 that day: 8 working hours end at
        // 18:00 exactly → on time. Asked 09:30 → they end Wednesday 09:30 → late.
        let onTime = try Support.hotlineCase("A", assigned: "2026-09-08 09:00", due: "2026-09-22 18:00",
                                             extensions: [("2026-09-15 09:00", "2026-09-15 18:00", "2026-09-22 18:00")])
        let late = try Support.hotlineCase("B", assigned: "2026-09-08 09:00", due: "2026-09-22 18:00",
                                           extensions: [("2026-09-15 09:30", "2026-09-15 18:00", "2026-09-22 18:00")])
        let unit = try completion([onTime, late])
        XCTAssertEqual(unit.deductions(for: .completion).map(\.caseID), ["B"])
    }

    func testThreeExtensionsCostTwoPoints() throws {
        // Three extensions, each asked a week ahead: none late, but 3 or more ("含3次") → −2 → 8.
        let three = try Support.hotlineCase("A", assigned: "2026-09-01 09:00", due: "2026-10-27 18:00",
                                            closed: "2026-10-20 10:00", extensions: [
                                                ("2026-09-01 10:00", "2026-09-08 18:00", "2026-09-15 18:00"),
                                                ("2026-09-08 10:00", "2026-09-15 18:00", "2026-09-22 18:00"),
                                                ("2026-09-15 10:00", "2026-09-22 18:00", "2026-10-27 18:00"),
                                            ])
        // Two extensions cost nothing.
        let two = try Support.hotlineCase("B", assigned: "2026-09-01 09:00", due: "2026-09-22 18:00",
                                          closed: "2026-09-20 10:00", extensions: [
                                              ("2026-09-01 10:00", "2026-09-08 18:00", "2026-09-15 18:00"),
                                              ("2026-09-08 10:00", "2026-09-15 18:00", "2026-09-22 18:00"),
                                          ])
        let unit = try completion([three, two])
        XCTAssertEqual(unit.deductions(for: .completion), [
            HotlineDeduction(item: .completion, caseID: "A", reason: .tooManyExtensions, points: ScorePoints(2)),
        ])
        XCTAssertEqual(unit.items[.completion], ScorePoints(8))
    }

    func testElevenOverdueCasesFloorAtZero() throws {
        // 10 − 11 × 1 = −1 → 0, not −1.
        let cases = try (1...11).map {
            try Support.hotlineCase("O\($0)", assigned: "2026-09-15 09:00", due: "2026-09-16 18:00", closed: "2026-09-17 09:00")
        }
        let unit = try completion(cases)
        XCTAssertEqual(unit.items[.completion], .zero)
        XCTAssertEqual(unit.deductions(for: .completion).count, 11)
        // The base is 100 − 10 = 90: the floor keeps the other items whole.
        XCTAssertEqual(unit.base, ScorePoints(90))
    }
}
