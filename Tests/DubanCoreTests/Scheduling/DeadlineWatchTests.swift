import DubanCore
import XCTest

/// The watch state machine, every state × every moment (before warning, warning window, after due).
final class DeadlineWatchTests: XCTestCase {
    let due = Date(timeIntervalSince1970: 1_800_000_000)
    var warn: Date { due.addingTimeInterval(-3600) }

    func testTransitionTable() {
        let before = warn.addingTimeInterval(-1), window = warn.addingTimeInterval(1), after = due.addingTimeInterval(1)
        typealias F = DeadlineWatch.Firing
        let expected: [(DeadlineWatch.State, Date, F?)] = [
            (.pending, before, nil),
            (.pending, warn, F(event: .dueSoon, state: .warned, nextFireAt: due)),
            (.pending, window, F(event: .dueSoon, state: .warned, nextFireAt: due)),
            (.pending, due, F(event: .overdue, state: .overdue, nextFireAt: nil)),
            (.pending, after, F(event: .overdue, state: .overdue, nextFireAt: nil)),
            (.warned, before, nil),
            (.warned, window, nil),
            (.warned, due, F(event: .overdue, state: .overdue, nextFireAt: nil)),
            (.warned, after, F(event: .overdue, state: .overdue, nextFireAt: nil)),
            (.overdue, before, nil), (.overdue, window, nil), (.overdue, after, nil),
            (.closed, before, nil), (.closed, window, nil), (.closed, after, nil),
        ]
        XCTAssertEqual(Set(expected.map(\.0)), Set(DeadlineWatch.State.allCases))
        for (state, now, firing) in expected {
            XCTAssertEqual(DeadlineWatch.fire(state: state, dueAt: due, warnAt: warn, now: now), firing, "\(state) at \(now)")
        }
    }

    func testWithoutWarningOnlyOverdueFires() {
        XCTAssertNil(DeadlineWatch.fire(state: .pending, dueAt: due, warnAt: nil, now: due.addingTimeInterval(-1)))
        XCTAssertEqual(DeadlineWatch.fire(state: .pending, dueAt: due, warnAt: nil, now: due)?.event, .overdue)
    }

    func testFirstFireAndLead() {
        XCTAssertEqual(DeadlineWatch.firstFire(dueAt: due, warnAt: warn), warn)
        XCTAssertEqual(DeadlineWatch.firstFire(dueAt: due, warnAt: nil), due)
        XCTAssertEqual(DeadlineWatch.firstFire(dueAt: due, warnAt: due.addingTimeInterval(10)), due)
        XCTAssertEqual(DeadlineWatch.warnAt(dueAt: due, leadSeconds: 3600), warn)
        XCTAssertNil(DeadlineWatch.warnAt(dueAt: due, leadSeconds: 0))
    }
}
