import DubanCore
import Foundation
import XCTest

/// Every black-list state × every event: allowed (and to which state) or refused with
/// `invalid_state`. The table is written out by hand from SPEC A3, not derived from the code.
final class BlackListStateTableTests: XCTestCase {
    private typealias Support = CreditTestSupport

    private let columns: [BlackListState] = [.proposed, .notified, .listed, .removalRequested, .removed, .dismissed]
    private let codes: [String: BlackListState] = [
        "PRO": .proposed, "NOT": .notified, "LIS": .listed, "REQ": .removalRequested, "REM": .removed, "DIS": .dismissed,
    ]

    /// Target state per event and current state; "-" is refused.
    private let table: [(BlackListEventKind, String)] = [
        //                    PRO  NOT  LIS  REQ  REM  DIS
        (.notify,          " NOT  -    -    -    -    -  "),
        (.submitStatement, " -    NOT  -    -    -    -  "),
        (.list,            " -    LIS  -    -    -    -  "),
        (.dismiss,         " DIS  DIS  -    -    -    -  "),
        (.applyForRemoval, " -    -    REQ  -    -    -  "),
        (.approveRemoval,  " -    -    -    REM  -    -  "),
        (.refuseRemoval,   " -    -    -    LIS  -    -  "),
        (.expire,          " -    -    REM  REM  -    -  "),
    ]

    private func expectations() throws -> [(BlackListEventKind, BlackListState, BlackListState?)] {
        var cells: [(BlackListEventKind, BlackListState, BlackListState?)] = []
        for (event, row) in table {
            let entries = row.split(separator: " ").map(String.init)
            XCTAssertEqual(entries.count, columns.count, "row \(event.rawValue)")
            for (state, entry) in zip(columns, entries) {
                cells.append((event, state, entry == "-" ? nil : try XCTUnwrap(codes[entry], "unknown code \(entry)")))
            }
        }
        return cells
    }

    /// A case in `state`, built by hand: notified 2026-09-24 10:00 (window to 2026-10-09 18:00),
    /// listed 2026-10-12 (early removal from 2027-10-12, ends 2029-10-12).
    private func blackList(in state: BlackListState) throws -> BlackListCase {
        let notifiedAt = try Support.china("2026-09-24 10:00")
        var value = BlackListCase(id: "bl", subjectID: "s", state: state, reasons: [.repeatedPenalties],
                                  proposedAt: try Support.china("2026-09-24 09:00"))
        if state != .proposed {
            value.notifiedAt = notifiedAt
            value.statementDue = Deadline(due: try Support.china("2026-10-09 18:00"),
                                          rule: .after(amount: 5, unit: .workingDays, start: notifiedAt))
        }
        if [.listed, .removalRequested, .removed].contains(state) {
            value.decisionDocument = "文号"
            value.listedAt = try Support.china("2026-10-12 10:00")
            value.listedOn = try Support.day("2026-10-12")
            value.earlyRemovalFrom = try Support.day("2027-10-12")
            value.listingEndsOn = try Support.day("2029-10-12")
        }
        if state == .removalRequested { value.removalAppliedAt = try Support.china("2027-10-13 10:00") }
        if state == .removed {
            value.removedAt = try Support.china("2027-10-20 10:00")
            value.removal = .early
        }
        if state == .dismissed {
            value.dismissedAt = try Support.china("2026-09-25 10:00")
            value.dismissalReason = "理由成立"
        }
        return value
    }

    /// An event of `kind` and a time at which its own rules are met wherever the table allows it.
    private func event(_ kind: BlackListEventKind) throws -> (BlackListEvent, Date) {
        switch kind {
        case .notify: (.notify, try Support.china("2026-09-24 10:00"))
        case .submitStatement: (.submitStatement(text: "陈述"), try Support.china("2026-09-28 10:00"))
        case .list: (.list(decisionDocument: "文号", conditions: [.repeatedPenalties]), try Support.china("2026-10-12 10:00"))
        case .dismiss: (.dismiss(reason: "理由成立"), try Support.china("2026-09-30 10:00"))
        case .applyForRemoval: (.applyForRemoval(conditions: []), try Support.china("2027-10-13 10:00"))
        case .approveRemoval: (.approveRemoval(conditions: []), try Support.china("2027-10-20 10:00"))
        case .refuseRemoval: (.refuseRemoval(reason: "不符合条件"), try Support.china("2027-10-20 10:00"))
        case .expire: (.expire, try Support.china("2029-10-12 10:00"))
        }
    }

    func testTheTableCoversEveryStateAndEvent() {
        XCTAssertEqual(Set(columns), Set(BlackListState.allCases))
        XCTAssertEqual(columns.count, BlackListState.allCases.count)
        XCTAssertEqual(table.map(\.0), BlackListEventKind.allCases)
    }

    func testTargetFunctionMatchesTheTable() throws {
        let cells = try expectations()
        XCTAssertEqual(cells.count, BlackListState.allCases.count * BlackListEventKind.allCases.count)
        for (event, state, expected) in cells {
            XCTAssertEqual(BlackListCase.target(of: event, from: state), expected, "\(event.rawValue) from \(state.rawValue)")
        }
    }

    func testApplyingEveryEventInEveryState() throws {
        let calculator = try Support.calculator()
        var allowed = 0
        for (kind, state, expected) in try expectations() {
            let (event, now) = try event(kind)
            XCTAssertEqual(event.kind, kind)
            let label = "\(kind.rawValue) from \(state.rawValue)"
            let current = try blackList(in: state)
            do throws(CreditError) {
                let next = try current.applying(event, at: now, calculator: calculator, rules: .defaults)
                XCTAssertEqual(next.state, expected, label)
                allowed += 1
            } catch {
                XCTAssertNil(expected, "\(label) refused: \(error)")
                XCTAssertEqual(error, .invalidState(procedure: "black_list_case", state: state.rawValue, event: kind.rawValue), label)
                XCTAssertEqual(error.code, "invalid_state")
                XCTAssertEqual(error.field, "state")
            }
        }
        XCTAssertEqual(allowed, 10)  // the non-"-" cells of the table
    }
}
