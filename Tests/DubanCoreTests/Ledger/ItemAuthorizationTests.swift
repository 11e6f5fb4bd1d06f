import DubanCore
import XCTest

/// Who may do what (SPEC §1): every event × every role, and the unit rules.
final class ItemAuthorizationTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    /// The roles allowed per event, written out by hand.
    private let allowedRoles: [ItemEventKind: Set<Role>] = [
        .assign: [.supervisor, .dispatcher, .admin],
        .reassign: [.supervisor, .dispatcher, .admin],
        .close: [.supervisor, .dispatcher, .admin],
        .cancel: [.supervisor, .dispatcher, .admin],
        .signFor: [.unitOperator, .enterprise],
        .return: [.unitOperator, .enterprise],
        .startWork: [.unitOperator, .enterprise],
        .requestExtension: [.unitOperator, .enterprise],
        .submit: [.unitOperator, .enterprise],
        .approveExtension: [.supervisor],
        .rejectExtension: [.supervisor],
        .list: [.supervisor],
        .escalateListing: [.supervisor],
        .verifyPass: [.inspector, .supervisor],
        .verifyFail: [.inspector, .supervisor],
        .lookBackPass: [.inspector, .supervisor],
        .lookBackFail: [.inspector, .supervisor],
        .requestSuspension: [.inspector],
        .decideSuspension: [.supervisor, .leader],
        .closeAtIntake: [.dispatcher, .supervisor, .admin],
    ]

    /// A state in which each event is allowed.
    private let stateFor: [ItemEventKind: ItemState] = [
        .assign: .registered, .reassign: .returned, .close: .verified, .cancel: .registered,
        .signFor: .assigned, .return: .assigned, .startWork: .signedFor, .requestExtension: .inProgress,
        .submit: .inProgress, .approveExtension: .inProgress, .rejectExtension: .inProgress,
        .list: .inProgress, .escalateListing: .inProgress, .verifyPass: .submitted, .verifyFail: .submitted,
        .lookBackPass: .closed, .lookBackFail: .closed, .requestSuspension: .inProgress,
        .decideSuspension: .inProgress,
        .closeAtIntake: .registered,
    ]

    func testEveryRoleForEveryEvent() throws {
        let calculator = try Support.calculator()
        XCTAssertEqual(Set(allowedRoles.keys), Set(ItemEventKind.allCases))
        for event in ItemEventKind.allCases {
            let allowed = try XCTUnwrap(allowedRoles[event])
            XCTAssertEqual(ItemMachine.roles(for: event), allowed, event.rawValue)
            let state = try XCTUnwrap(stateFor[event])
            let item = try Support.prepared(try Support.item(in: state), for: event)
            for role in Role.allCases {
                // The unit's own acts come from the assigned unit; everything else from elsewhere.
                let unit = [.signFor, .return, .startWork, .requestExtension, .submit].contains(event)
                    ? Support.street : Support.fireBrigade
                let result = ItemMachine.apply(
                    try Support.event(event), to: item, by: ActorFacts(role: role, unitID: unit),
                    at: try Support.now(), calculator: calculator)
                let label = "\(role.rawValue) \(event.rawValue)"
                if allowed.contains(role) {
                    XCTAssertEqual(try Support.success(result).facts.state, ItemMachine.target(of: event, from: state), label)
                } else {
                    XCTAssertEqual(Support.failure(result), .forbiddenRole(role, event), label)
                }
            }
        }
    }

    func testOnlyTheAssignedUnitActsOnItsItem() throws {
        let calculator = try Support.calculator()
        let otherStreet = ActorFacts(role: .unitOperator, unitID: "yingwu-street")
        let cases: [(ItemEventKind, ItemState)] = [
            (.signFor, .assigned), (.return, .assigned), (.startWork, .signedFor),
            (.requestExtension, .inProgress), (.submit, .inProgress),
        ]
        for (event, state) in cases {
            let result = ItemMachine.apply(
                try Support.event(event), to: try Support.item(in: state), by: otherStreet,
                at: try Support.now(), calculator: calculator)
            XCTAssertEqual(Support.failure(result), .notAssignedUnit, event.rawValue)
            XCTAssertEqual(ItemTransitionError.notAssignedUnit.field, "unitID")
        }
    }

    /// 002 篇1: the department that found a violation refers it itself — its inspector or operator
    /// sends, re-sends, closes and withdraws the referral; another unit's staff may not, and a hazard's
    /// registering inspector may not dispatch it.
    func testTheSenderDispatchesItsOwnReferral() throws {
        let calculator = try Support.calculator()
        let cases: [(ItemEventKind, ItemState)] = [(.assign, .registered), (.reassign, .returned), (.close, .verified), (.cancel, .registered)]
        for (event, state) in cases {
            for role in [Role.inspector, .unitOperator] {
                var referral = try Support.prepared(try Support.item(in: state), for: event)
                referral.kind = .referral
                let sender = ActorFacts(role: role, unitID: referral.registeringUnitID)
                let sent = ItemMachine.apply(try Support.event(event), to: referral, by: sender, at: try Support.now(), calculator: calculator)
                XCTAssertEqual(try Support.success(sent).facts.state, ItemMachine.target(of: event, from: state), "\(role) \(event)")
                let stranger = ActorFacts(role: role, unitID: "yingwu-street")
                let refused = ItemMachine.apply(try Support.event(event), to: referral, by: stranger, at: try Support.now(), calculator: calculator)
                XCTAssertEqual(Support.failure(refused), .forbiddenRole(role, event))
                var hazard = referral
                hazard.kind = .hazard
                let notReferral = ItemMachine.apply(try Support.event(event), to: hazard, by: sender, at: try Support.now(), calculator: calculator)
                XCTAssertEqual(Support.failure(notReferral), .forbiddenRole(role, event))
            }
        }
    }

    /// 000 阳政办(2017)33号 附件1: a hotline case is checked by the follow-up call (the dispatcher role),
    /// a supervisor, or a third-party evaluator; a hazard by inspectors and supervisors only. Only the
    /// hotline closes at intake.
    func testHotlineVerifiersAndIntakeClosing() throws {
        let calculator = try Support.calculator()
        var hotline = try Support.item(in: .submitted)
        hotline.kind = .hotline
        let hazard = try Support.item(in: .submitted)
        for role in Role.allCases {
            let actor = ActorFacts(role: role, unitID: Support.fireBrigade)
            let onHotline = ItemMachine.apply(.verifyPass, to: hotline, by: actor, at: try Support.now(), calculator: calculator)
            let onHazard = ItemMachine.apply(.verifyPass, to: hazard, by: actor, at: try Support.now(), calculator: calculator)
            let hotlineVerifiers: Set<Role> = [.dispatcher, .supervisor, .evaluator]
            let hazardVerifiers: Set<Role> = [.inspector, .supervisor]
            if hotlineVerifiers.contains(role) {
                XCTAssertEqual(try Support.success(onHotline).facts.state, .verified, role.rawValue)
            } else {
                XCTAssertEqual(Support.failure(onHotline), .forbiddenRole(role, .verifyPass), role.rawValue)
            }
            if hazardVerifiers.contains(role) {
                XCTAssertEqual(try Support.success(onHazard).facts.state, .verified, role.rawValue)
            } else {
                XCTAssertEqual(Support.failure(onHazard), .forbiddenRole(role, .verifyPass), role.rawValue)
            }
        }
        let registered = try Support.item(in: .registered)
        let refused = ItemMachine.apply(.closeAtIntake(reason: "答复"), to: registered, by: Support.dispatcher,
                                        at: try Support.now(), calculator: calculator)
        XCTAssertEqual(Support.failure(refused), .notForThisKind(.hazard, .closeAtIntake))
        XCTAssertEqual(ItemTransitionError.notForThisKind(.hazard, .closeAtIntake).code, "not_for_this_kind")
        var call = registered
        call.kind = .hotline
        let closed = try Support.success(ItemMachine.apply(.closeAtIntake(reason: "已告知来电人向区信访局反映"), to: call,
                                                            by: Support.dispatcher, at: try Support.now(), calculator: calculator))
        XCTAssertEqual(closed.facts.state, .closed)
        XCTAssertEqual(closed.entry.note, "已告知来电人向区信访局反映")
        let empty = ItemMachine.apply(.closeAtIntake(reason: " "), to: call, by: Support.dispatcher, at: try Support.now(), calculator: calculator)
        XCTAssertEqual(Support.failure(empty), .required(field: "reason"))
    }

    /// 自查自报自改: an enterprise fixes its own hazard.
    func testEnterpriseActsOnItsOwnHazard() throws {
        var item = try Support.item(in: .assigned)
        item.assignedUnitID = "wuyi-hospital"
        let enterprise = ActorFacts(role: .enterprise, unitID: "wuyi-hospital")
        let transition = try Support.success(ItemMachine.apply(
            .signFor, to: item, by: enterprise, at: try Support.now(), calculator: try Support.calculator()))
        XCTAssertEqual(transition.facts.state, .signedFor)
    }

    func testRoleErrorNamesTheRole() {
        let error = ItemTransitionError.forbiddenRole(.leader, .assign)
        XCTAssertEqual(error.code, "forbidden_role")
        XCTAssertEqual(error.field, "role")
        XCTAssertEqual(error.message, "the role leader may not assign")
    }
}
