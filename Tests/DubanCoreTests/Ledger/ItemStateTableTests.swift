import DubanCore
import XCTest

/// Every state × every event: allowed (and to which state) or refused with `invalid_state`.
/// The table is written out by hand from SPEC M3, not derived from the code.
final class ItemStateTableTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    /// Column order of the table.
    private let columns: [ItemState] = [
        .registered, .assigned, .signedFor, .returned, .inProgress, .submitted, .verified, .closed, .cancelled,
    ]

    private let codes: [String: ItemState] = [
        "REG": .registered, "ASG": .assigned, "SGN": .signedFor, "RET": .returned, "INP": .inProgress,
        "SUB": .submitted, "VER": .verified, "CLO": .closed, "CAN": .cancelled,
    ]

    /// Target state per event and current state; "-" is refused.
    private let table: [(ItemEventKind, String)] = [
        //                     REG  ASG  SGN  RET  INP  SUB  VER  CLO  CAN
        (.assign,            " ASG  -    -    -    -    -    -    -    -  "),
        (.reassign,          " -    -    -    ASG  -    -    -    -    -  "),
        (.signFor,           " -    SGN  -    -    -    -    -    -    -  "),
        (.return,            " -    RET  -    -    -    -    -    -    -  "),
        (.startWork,         " -    -    INP  -    -    -    -    -    -  "),
        (.requestExtension,  " -    -    SGN  -    INP  -    -    -    -  "),
        (.approveExtension,  " -    -    SGN  -    INP  -    -    -    -  "),
        (.rejectExtension,   " -    -    SGN  -    INP  -    -    -    -  "),
        (.submit,            " -    -    -    -    SUB  -    -    -    -  "),
        (.verifyPass,        " -    -    -    -    -    VER  -    -    -  "),
        (.verifyFail,        " -    -    -    -    -    INP  -    -    -  "),
        (.close,             " -    -    -    -    -    -    CLO  -    -  "),
        (.lookBackPass,      " -    -    -    -    -    -    -    CLO  -  "),
        (.lookBackFail,      " -    -    -    -    -    -    -    INP  -  "),
        (.cancel,            " CAN  CAN  -    CAN  -    -    -    -    -  "),
        (.list,              " REG  ASG  SGN  RET  INP  SUB  VER  -    -  "),
        (.escalateListing,   " REG  ASG  SGN  RET  INP  SUB  VER  -    -  "),
        (.requestSuspension, " REG  ASG  SGN  RET  INP  SUB  VER  -    -  "),
        (.decideSuspension,  " REG  ASG  SGN  RET  INP  SUB  VER  -    -  "),
        (.closeAtIntake,     " CLO  -    -    -    -    -    -    -    -  "),
    ]

    /// The table as (event, state) → target or nil.
    private func expectations() throws -> [(ItemEventKind, ItemState, ItemState?)] {
        var cells: [(ItemEventKind, ItemState, ItemState?)] = []
        for (event, row) in table {
            let entries = row.split(separator: " ").map(String.init)
            XCTAssertEqual(entries.count, columns.count, "row \(event.rawValue)")
            for (state, entry) in zip(columns, entries) {
                if entry == "-" {
                    cells.append((event, state, nil))
                } else {
                    cells.append((event, state, try XCTUnwrap(codes[entry], "unknown code \(entry)")))
                }
            }
        }
        return cells
    }

    func testTheTableCoversEveryStateAndEvent() {
        XCTAssertEqual(Set(columns), Set(ItemState.allCases))
        XCTAssertEqual(table.map(\.0), ItemEventKind.allCases)
    }

    func testTargetFunctionMatchesTheTable() throws {
        let cells = try expectations()
        XCTAssertEqual(cells.count, ItemState.allCases.count * ItemEventKind.allCases.count)
        for (event, state, expected) in cells {
            XCTAssertEqual(ItemMachine.target(of: event, from: state), expected, "\(event.rawValue) from \(state.rawValue)")
        }
    }

    func testApplyingEveryEventInEveryState() throws {
        let calculator = try Support.calculator()
        let now = try Support.now()
        var allowed = 0
        for (event, state, expected) in try expectations() {
            let item = try Support.prepared(try Support.item(in: state), for: event)
            let result = ItemMachine.apply(
                try Support.event(event), to: item, by: Support.actor(for: event), at: now, calculator: calculator)
            let label = "\(event.rawValue) from \(state.rawValue)"
            if let expected {
                allowed += 1
                let transition = try Support.success(result)
                XCTAssertEqual(transition.facts.state, expected, label)
                XCTAssertEqual(transition.entry.from, state, label)
                XCTAssertEqual(transition.entry.to, expected, label)
                XCTAssertEqual(transition.entry.event, event, label)
                XCTAssertEqual(transition.entry.at, now, label)
                XCTAssertEqual(transition.entry.actor, Support.actor(for: event), label)
            } else {
                XCTAssertEqual(Support.failure(result), .invalidState(state, event), label)
            }
        }
        XCTAssertEqual(allowed, 49)
    }

    /// The state is checked before anything else: a refused cell stays `invalid_state` even for an
    /// actor who may never act.
    func testStateIsCheckedBeforeTheActor() throws {
        let calculator = try Support.calculator()
        let evaluator = ActorFacts(role: .evaluator, unitID: "volunteers")
        for (event, state, expected) in try expectations() where expected == nil {
            let result = ItemMachine.apply(
                try Support.event(event), to: try Support.item(in: state), by: evaluator,
                at: try Support.now(), calculator: calculator)
            XCTAssertEqual(Support.failure(result), .invalidState(state, event))
        }
    }

    func testOpenStates() {
        let open = ItemState.allCases.filter(\.isOpen)
        XCTAssertEqual(open, [.registered, .assigned, .signedFor, .returned, .inProgress, .submitted, .verified])
    }

    func testErrorCodeAndField() {
        let error = ItemTransitionError.invalidState(.closed, .submit)
        XCTAssertEqual(error.code, "invalid_state")
        XCTAssertEqual(error.field, "state")
        XCTAssertEqual(error.message, "submit is not allowed when the item is closed")
    }
}
