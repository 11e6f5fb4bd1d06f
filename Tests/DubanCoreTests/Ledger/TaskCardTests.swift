import DubanCore
import XCTest

/// 红黄牌 (001 阳政办(2018)12号; SPEC M3) with Duban's blue card, on the real China calendar.
final class TaskCardTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    private func card(_ facts: TaskCardFacts, at now: String) throws -> TaskCard {
        try TaskCard.card(for: facts, at: try Support.china(now), calculator: try Support.calculator())
    }

    func testOverdueIsRed() throws {
        let facts = TaskCardFacts(state: .inProgress, deadline: try Support.china("2026-09-30 18:00"), missedProgressReports: 2)
        XCTAssertEqual(try card(facts, at: "2026-09-30 18:01"), .red)
        XCTAssertEqual(try card(facts, at: "2026-09-30 18:00"), .yellow)
        let onTrack = TaskCardFacts(state: .inProgress, deadline: try Support.china("2026-09-30 18:00"))
        XCTAssertEqual(try card(onTrack, at: "2026-09-30 18:00"), .blue)
        XCTAssertEqual(try card(onTrack, at: "2026-09-30 18:01"), .red)
    }

    func testBehindIsYellow() throws {
        let deadline = try Support.china("2026-12-31 18:00")
        XCTAssertEqual(try card(TaskCardFacts(state: .inProgress, deadline: deadline, missedProgressReports: 1), at: "2026-09-14 10:00"), .yellow)
        XCTAssertEqual(try card(TaskCardFacts(state: .signedFor, deadline: deadline, behindMilestone: true), at: "2026-09-14 10:00"), .yellow)
        XCTAssertEqual(try card(TaskCardFacts(state: .inProgress, deadline: nil, missedProgressReports: 1), at: "2026-09-14 10:00"), .yellow)
    }

    /// From Wednesday 30 September 2026, the 5th working day is Tuesday 13 October (8, 9, Saturday 10
    /// made a working day, 12, 13; 1–7 October are the National Day holiday).
    func testNearDeadlineIsBlueCountedInWorkingDays() throws {
        let now = "2026-09-30 10:00"
        XCTAssertEqual(try card(TaskCardFacts(state: .inProgress, deadline: try Support.china("2026-10-13 18:00")), at: now), .blue)
        XCTAssertEqual(try card(TaskCardFacts(state: .inProgress, deadline: try Support.china("2026-10-14 09:00")), at: now), .clear)
        XCTAssertEqual(TaskCard.defaultNearWorkingDays, 5)
    }

    func testWindowCanBeChangedOrSwitchedOff() throws {
        let facts = TaskCardFacts(state: .inProgress, deadline: try Support.china("2026-10-13 18:00"))
        let now = try Support.china("2026-09-30 10:00")
        let calculator = try Support.calculator()
        XCTAssertEqual(try TaskCard.card(for: facts, at: now, calculator: calculator, nearWorkingDays: 4), .clear)
        XCTAssertEqual(try TaskCard.card(for: facts, at: now, calculator: calculator, nearWorkingDays: 0), .clear)
    }

    func testFinishedTasksCarryNoCard() throws {
        for state in [ItemState.submitted, .verified, .closed, .cancelled] {
            let facts = TaskCardFacts(state: state, deadline: try Support.china("2026-09-01 18:00"), missedProgressReports: 3)
            XCTAssertEqual(try card(facts, at: "2026-09-14 10:00"), .clear, state.rawValue)
        }
    }

    func testNoDeadlineAndOnTrackIsClear() throws {
        XCTAssertEqual(try card(TaskCardFacts(state: .assigned, deadline: nil), at: "2026-09-14 10:00"), .clear)
        XCTAssertEqual(TaskCard.allCases.map(\.chinese), ["无", "蓝牌", "黄牌", "红牌"])
        XCTAssertEqual(TaskCard.clear.rawValue, "none")
    }
}
