@testable import DubanCore
import XCTest

/// The appeal window (附件5 第九条, 5 working days) and the rectification plan (第六条, 7 working days)
/// on the shipped calendar; every due instant is worked out by hand below.
final class AccountabilityDeadlineTests: XCTestCase {
    private typealias Support = AccountabilityTestSupport

    private func confirmed(at confirmation: String, interview: String = "2026-09-03") throws -> AccountabilityAction {
        try AccountabilityMachine.apply(
            .confirm(note: nil, interviewDate: try Support.day(interview), principalLeader: false),
            to: try Support.action(.interview), by: Support.supervisor, at: try Support.at(confirmation),
            calculator: try Support.calculator())
    }

    private func appeal(_ action: AccountabilityAction, at time: String) throws -> AccountabilityAction {
        try AccountabilityMachine.apply(.appeal(note: "异议"), to: action, by: Support.operatorOfUnit,
                                        at: try Support.at(time), calculator: try Support.calculator())
    }

    private func assertWindow(confirmedAt: String, closes: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let action = try confirmed(at: confirmedAt)
        let closesAt = try Support.at(closes)
        XCTAssertEqual(action.appealDue, closesAt, file: file, line: line)
        XCTAssertEqual(try appeal(action, at: closes).state, .appealed, file: file, line: line)
        let oneMinuteLate = try Support.at(closes).addingTimeInterval(60)
        XCTAssertThrowsError(try AccountabilityMachine.apply(
            .appeal(note: "异议"), to: action, by: Support.operatorOfUnit, at: oneMinuteLate,
            calculator: try Support.calculator()), file: file, line: line) { error in
            XCTAssertEqual(error as? AccountabilityError, .appealWindowClosed(due: closesAt), file: file, line: line)
        }
        XCTAssertFalse(AccountabilityMachine.facts(of: action, at: try Support.at(closes)).appealWindowClosed, file: file, line: line)
        XCTAssertTrue(AccountabilityMachine.facts(of: action, at: oneMinuteLate).appealWindowClosed, file: file, line: line)
    }

    func testAppealWindowAcrossAWeekend() throws {
        // Confirmed Thu 2026-09-03: Fri 04 (1), Sat–Sun skipped, Mon 07 (2), 08 (3), 09 (4), Thu 10 (5) → 18:00.
        try assertWindow(confirmedAt: "2026-09-03 10:00", closes: "2026-09-10 18:00")
    }

    func testAppealWindowAcrossAMakeUpSunday() throws {
        // Confirmed Wed 2026-09-16: Thu 17 (1), Fri 18 (2), Sat 19 no, Sun 20 调休 working (3), Mon 21 (4), Tue 22 (5).
        try assertWindow(confirmedAt: "2026-09-16 17:59", closes: "2026-09-22 18:00")
    }

    func testAppealWindowAcrossTheHolidays() throws {
        // Confirmed Thu 2026-09-24: 25–27 中秋 skipped, Mon 28 (1), 29 (2), 30 (3), 10-01…07 国庆 skipped,
        // Thu 10-08 (4), Fri 10-09 (5) → 2026-10-09 18:00.
        try assertWindow(confirmedAt: "2026-09-24 10:00", closes: "2026-10-09 18:00")
    }

    func testPlanDueAcrossTheNationalDayHoliday() throws {
        // Interview Tue 2026-09-29: Wed 30 (1), 10-01…07 skipped, Thu 08 (2), Fri 09 (3), Sat 10 调休 (4),
        // Sun 11 no, Mon 12 (5), Tue 13 (6), Wed 14 (7) → 2026-10-14 18:00.
        let action = try confirmed(at: "2026-09-28 10:00", interview: "2026-09-29")
        let due = try Support.at("2026-10-14 18:00")
        XCTAssertEqual(action.planDue, due)
        XCTAssertFalse(AccountabilityMachine.facts(of: action, at: due).planOverdue)
        XCTAssertTrue(AccountabilityMachine.facts(of: action, at: due.addingTimeInterval(60)).planOverdue)

        // Submitted exactly at the deadline: on time.
        let onTime = try AccountabilityMachine.apply(.submitPlan(document: "方案"), to: action, by: Support.operatorOfUnit,
                                                     at: due, calculator: try Support.calculator())
        let onTimeFacts = AccountabilityMachine.facts(of: onTime, at: due.addingTimeInterval(3600))
        XCTAssertFalse(onTimeFacts.planSubmittedLate)
        XCTAssertFalse(onTimeFacts.planOverdue)

        // Returned after the deadline: no plan on file, overdue; the deadline does not move.
        let returned = try AccountabilityMachine.apply(.returnPlan(note: "重写"), to: onTime, by: Support.supervisor,
                                                       at: due.addingTimeInterval(3600), calculator: try Support.calculator())
        XCTAssertEqual(returned.planDue, due)
        XCTAssertTrue(AccountabilityMachine.facts(of: returned, at: due.addingTimeInterval(3600)).planOverdue)

        // The new plan, submitted late, is accepted and reported late.
        let resubmitted = try AccountabilityMachine.apply(.submitPlan(document: "方案二"), to: returned, by: Support.operatorOfUnit,
                                                          at: due.addingTimeInterval(7200), calculator: try Support.calculator())
        let facts = AccountabilityMachine.facts(of: resubmitted, at: due.addingTimeInterval(7200))
        XCTAssertTrue(facts.planSubmittedLate)
        XCTAssertFalse(facts.planOverdue)
    }

    func testTheAppealDoesNotPauseThePlanDeadline() throws {
        // Interview Thu 2026-09-03: 7 working days → Fri 04 (1), Mon 07 … Fri 11 (2–6), Mon 14 (7) → 18:00.
        let appealed = try appeal(try confirmed(at: "2026-09-03 10:00"), at: "2026-09-04 10:00")
        let due = try Support.at("2026-09-14 18:00")
        XCTAssertEqual(appealed.planDue, due)
        XCTAssertTrue(AccountabilityMachine.facts(of: appealed, at: due.addingTimeInterval(1)).planOverdue)
    }
}
