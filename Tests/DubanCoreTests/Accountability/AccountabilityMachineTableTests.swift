@testable import DubanCore
import XCTest

/// Every state × every event × every role: allowed (and to which state) or the exact error.
/// The table is written out by hand from 附件5 第四条–第九条 and the decisions documented on
/// AccountabilityMachine, not derived from the code.
final class AccountabilityMachineTableTests: XCTestCase {
    private typealias Support = AccountabilityTestSupport

    private let columns: [AccountabilityState] = [
        .proposed, .confirmed, .dismissed, .planSubmitted, .planAccepted, .appealed, .withdrawn,
    ]

    private let codes: [String: AccountabilityState] = [
        "PRO": .proposed, "CON": .confirmed, "DIS": .dismissed, "PLS": .planSubmitted, "PLA": .planAccepted,
        "APL": .appealed, "WDR": .withdrawn,
    ]

    /// Target per event and state for the event's own role; "-" is `invalid_state`.
    private let table: [(AccountabilityEventKind, Role, String)] = [
        //                                   PRO  CON  DIS  PLS  PLA  APL  WDR
        (.confirm, .supervisor,           " CON  -    -    -    -    -    -  "),
        (.dismiss, .supervisor,           " DIS  -    -    -    -    -    -  "),
        (.submitPlan, .unitOperator,      " -    PLS  -    -    -    -    -  "),
        (.acceptPlan, .supervisor,        " -    -    -    PLA  -    -    -  "),
        (.returnPlan, .supervisor,        " -    -    -    CON  -    -    -  "),
        (.appeal, .unitOperator,          " -    APL  -    -    -    -    -  "),
        (.upholdAppeal, .supervisor,      " -    -    -    -    -    CON  -  "),
        (.grantAppeal, .supervisor,       " -    -    -    -    -    WDR  -  "),
    ]

    /// How to reach each state from a fresh interview proposal.
    private let paths: [AccountabilityState: [AccountabilityEventKind]] = [
        .proposed: [], .confirmed: [.confirm], .dismissed: [.dismiss], .planSubmitted: [.confirm, .submitPlan],
        .planAccepted: [.confirm, .submitPlan, .acceptPlan], .appealed: [.confirm, .appeal],
        .withdrawn: [.confirm, .appeal, .grantAppeal],
    ]

    func testTheTableCoversEveryStateAndEvent() {
        XCTAssertEqual(Set(columns), Set(AccountabilityState.allCases))
        XCTAssertEqual(table.map(\.0), AccountabilityEventKind.allCases)
        XCTAssertEqual(table.map(\.1), AccountabilityEventKind.allCases.map(\.role))
    }

    func testEveryStateEventAndRole() throws {
        var cells = 0
        var allowed = 0
        for (kind, owner, row) in table {
            let entries = row.split(separator: " ").map(String.init)
            XCTAssertEqual(entries.count, columns.count, "row \(kind.rawValue)")
            for (state, entry) in zip(columns, entries) {
                let expected = entry == "-" ? nil : try XCTUnwrap(codes[entry])
                XCTAssertEqual(AccountabilityMachine.target(of: kind, from: state), expected, "\(kind) from \(state)")
                let action = try Support.run(try XCTUnwrap(paths[state]))
                XCTAssertEqual(action.state, state)
                for role in Role.allCases {
                    cells += 1
                    let actor = AccountabilityActor(role: role, unit: Support.unit, userID: "x")
                    // One hour after the path's steps (2026-09-03 10:00–10:02): inside the appeal window.
                    let at = try Support.at("2026-09-03 11:00")
                    do {
                        let result = try AccountabilityMachine.apply(
                            try Support.event(kind), to: action, by: actor, at: at, calculator: try Support.calculator())
                        XCTAssertEqual(role, owner, "\(kind) by \(role) from \(state) should be refused")
                        XCTAssertEqual(result.state, expected, "\(kind) by \(role) from \(state)")
                        XCTAssertEqual(result.steps.count, action.steps.count + 1)
                        XCTAssertEqual(result.steps.last?.event, kind)
                        allowed += 1
                    } catch let error as AccountabilityError {
                        if role != owner {
                            XCTAssertEqual(error, .forbidden(role: role, event: kind), "\(kind) by \(role) from \(state)")
                        } else {
                            XCTAssertNil(expected, "\(kind) by \(role) from \(state): \(error)")
                            XCTAssertEqual(error, .invalidState(state: state, event: kind))
                        }
                    }
                }
            }
        }
        // 8 events × 7 states × 8 roles; 8 cells of the table are allowed, for their one role.
        XCTAssertEqual(cells, 8 * 7 * 8)
        XCTAssertEqual(allowed, 8)
    }

    func testPlanEventsOnALetterOrAccountabilityAreRefused() throws {
        for level in [AccountabilityLevel.letter, .accountability] {
            let confirmed = try Support.run([.confirm], level: level)
            XCTAssertEqual(confirmed.planDue, nil)
            XCTAssertEqual(Support.code {
                _ = try AccountabilityMachine.apply(.submitPlan(document: "方案"), to: confirmed, by: Support.operatorOfUnit,
                                                    at: try Support.at("2026-09-03 11:00"), calculator: try Support.calculator())
            }, "not_an_interview")
            // A letter can still be appealed and withdrawn.
            let withdrawn = try Support.run([.confirm, .appeal, .grantAppeal], level: level)
            XCTAssertEqual(withdrawn.state, .withdrawn)
        }
    }

    func testAnotherUnitsOperatorIsRefused() throws {
        let confirmed = try Support.run([.confirm])
        let stranger = AccountabilityActor(role: .unitOperator, unit: "五里墩街", userID: "u2")
        XCTAssertEqual(Support.code {
            _ = try AccountabilityMachine.apply(.appeal(note: "异议"), to: confirmed, by: stranger,
                                                at: try Support.at("2026-09-03 11:00"), calculator: try Support.calculator())
        }, "forbidden_unit")
    }

    func testRequiredFieldsAndTimeOrder() throws {
        let calculator = try Support.calculator()
        let fresh = try Support.action(.interview)
        let at = try Support.at("2026-09-03 11:00")
        func error(_ event: AccountabilityEvent, _ action: AccountabilityAction, _ time: Date? = nil) -> AccountabilityError? {
            do {
                _ = try AccountabilityMachine.apply(event, to: action, by: Support.actor(for: event.kind), at: time ?? at,
                                                    calculator: calculator)
                return nil
            } catch { return error as? AccountabilityError }
        }
        XCTAssertEqual(error(.dismiss(note: "  "), fresh), .missingField("note"))
        XCTAssertEqual(error(.confirm(note: nil, interviewDate: nil, principalLeader: false), fresh), .missingField("interviewDate"))
        let letter = try Support.action(.letter)
        XCTAssertEqual(error(.confirm(note: nil, interviewDate: try Support.day("2026-09-03"), principalLeader: false), letter)?.field,
                       "interviewDate")
        let confirmed = try Support.run([.confirm])
        XCTAssertEqual(error(.submitPlan(document: ""), confirmed), .missingField("document"))
        XCTAssertEqual(error(.submitPlan(document: "方案"), confirmed, try Support.at("2026-09-03 09:59"))?.code, "invalid_time")
    }

    func testStepsAndHistoryAreRecorded() throws {
        let accepted = try Support.run([.confirm, .submitPlan, .acceptPlan])
        XCTAssertEqual(accepted.steps.map(\.event), [.confirm, .submitPlan, .acceptPlan])
        XCTAssertEqual(accepted.steps.map(\.state), [.confirmed, .planSubmitted, .planAccepted])
        XCTAssertEqual(accepted.steps[1].text, "整改方案.pdf")
        XCTAssertEqual(accepted.steps[1].actor, Support.operatorOfUnit)
        XCTAssertEqual(accepted.confirmedInterview,
                       ConfirmedInterview(unit: Support.unit, date: try Support.day("2026-09-03"), principalLeader: true, actionID: "A1"))
        // Withdrawn on appeal, dismissed, or still proposed: no interview counts.
        XCTAssertNil(try Support.run([.confirm, .appeal, .grantAppeal]).confirmedInterview)
        XCTAssertNil(try Support.run([.dismiss]).confirmedInterview)
        XCTAssertNil(try Support.run([]).confirmedInterview)
        // Upheld: the action stands.
        XCTAssertEqual(try Support.run([.confirm, .appeal, .upholdAppeal]).confirmedInterview?.date, try Support.day("2026-09-03"))
        // A returned plan: back to confirmed, counted.
        let returned = try Support.run([.confirm, .submitPlan, .returnPlan])
        XCTAssertEqual(returned.state, .confirmed)
        XCTAssertEqual(returned.planReturns, 1)
        XCTAssertNil(returned.planSubmittedAt)
    }
}
