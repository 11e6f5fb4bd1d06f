import DubanCore
import XCTest

/// 交办, 签收, 退回, 撤销: five implementations, deadlines, the sign-for and return time limits.
final class ItemAssignmentTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    private func apply(_ event: ItemEvent, to item: ItemFacts, by actor: ActorFacts, at now: Date) throws
        -> Result<ItemTransition, ItemTransitionError> {
        ItemMachine.apply(event, to: item, by: actor, at: now, calculator: try Support.calculator())
    }

    // MARK: five implementations (003 仙游: "重大隐患100%落實")

    func testMajorHazardWithoutAllFiveImplementationsStaysInRegistration() throws {
        var item = try Support.item(in: .registered)
        item.fiveImplementations.funds = nil
        item.fiveImplementations.emergencyPlan = "   "
        let result = try apply(try Support.event(.assign), to: item, by: Support.dispatcher, at: try Support.now())
        let error = try XCTUnwrap(Support.failure(result))
        XCTAssertEqual(error, .fiveImplementationsMissing(["funds", "emergencyPlan"]))
        XCTAssertEqual(error.code, "five_implementations_missing")
        XCTAssertEqual(error.field, "fiveImplementations")
    }

    func testMajorHazardWithAllFiveImplementationsIsAssigned() throws {
        let transition = try Support.success(try apply(
            try Support.event(.assign), to: try Support.item(in: .registered), by: Support.dispatcher,
            at: try Support.now()))
        XCTAssertEqual(transition.facts.state, .assigned)
        XCTAssertEqual(transition.facts.assignedUnitID, Support.street)
    }

    func testGeneralHazardNeedsNoFiveImplementations() throws {
        var item = try Support.item(in: .registered)
        item.grade = .general
        item.fiveImplementations = FiveImplementations()
        let result = try apply(try Support.event(.assign), to: item, by: Support.dispatcher, at: try Support.now())
        XCTAssertEqual(try Support.success(result).facts.state, .assigned)
    }

    /// The grade only matters where the policy has major items: a referral marked major is not held back.
    func testKindsWithoutMajorGradeAreNotHeldBack() throws {
        var item = try Support.item(in: .registered)
        item.kind = .referral
        item.fiveImplementations = FiveImplementations()
        let result = try apply(try Support.event(.assign), to: item, by: Support.dispatcher, at: try Support.now())
        XCTAssertEqual(try Support.success(result).facts.state, .assigned)
    }

    func testReassignmentChecksTheFiveImplementationsToo() throws {
        var item = try Support.item(in: .returned)
        item.fiveImplementations.responsibility = ""
        let result = try apply(try Support.event(.reassign), to: item, by: Support.dispatcher, at: try Support.now())
        XCTAssertEqual(Support.failure(result), .fiveImplementationsMissing(["responsibility"]))
    }

    // MARK: deadline and unit

    func testAssignmentSetsDeadlineAndWatches() throws {
        // Thursday 16:00 before the Mid-Autumn holiday (25–27 September 2026): 4 working hours end
        // Monday 11:00 (SPEC A1).
        let now = try Support.china("2026-09-24 16:00")
        let deadline = try Support.deadline()
        let transition = try Support.success(try apply(
            .assign(unitID: Support.street, deadline: deadline), to: try Support.item(in: .registered),
            by: Support.supervisor, at: now))
        XCTAssertEqual(transition.facts.deadline, deadline)
        XCTAssertEqual(transition.facts.assignedAt, now)
        XCTAssertEqual(transition.effects, [
            .watchDeadline(.signFor, due: try Support.china("2026-09-28 11:00"),
                           rule: .after(amount: 4, unit: .workingHours, start: now)),
            .watchDeadline(.rectification, due: deadline, rule: nil),
            .notifyUnit(Support.street, about: .assign),
        ])
    }

    func testHazardNeedsADeadline() throws {
        let result = try apply(
            .assign(unitID: Support.street, deadline: nil), to: try Support.item(in: .registered),
            by: Support.dispatcher, at: try Support.now())
        XCTAssertEqual(Support.failure(result), .required(field: "deadline"))
    }

    /// 001 阳政办(2018)10号: a task may run without a date ("长期坚持").
    func testTaskMayHaveNoDeadline() throws {
        let item = ItemFacts(kind: .task, registeringUnitID: Support.office)
        let now = try Support.now()
        let transition = try Support.success(try apply(
            .assign(unitID: Support.street, deadline: nil), to: item, by: Support.supervisor, at: now))
        XCTAssertNil(transition.facts.deadline)
        XCTAssertFalse(transition.effects.contains { if case .watchDeadline(.rectification, _, _) = $0 { true } else { false } })
    }

    func testDeadlineMustBeInTheFuture() throws {
        let now = try Support.now()
        for deadline in [now, now.addingTimeInterval(-1)] {
            let result = try apply(
                .assign(unitID: Support.street, deadline: deadline), to: try Support.item(in: .registered),
                by: Support.dispatcher, at: now)
            XCTAssertEqual(Support.failure(result), .notInFuture(field: "deadline"))
        }
    }

    func testUnitIsRequired() throws {
        let result = try apply(
            .assign(unitID: " ", deadline: try Support.deadline()), to: try Support.item(in: .registered),
            by: Support.dispatcher, at: try Support.now())
        XCTAssertEqual(Support.failure(result), .required(field: "unitID"))
    }

    // MARK: sign-for (000 阳政办(2017)33号 附件7: 4 working hours)

    func testSignForOnTimeAndLate() throws {
        var item = try Support.item(in: .assigned)
        item.assignedAt = try Support.china("2026-09-24 16:00")
        let onTime = try Support.success(try apply(
            .signFor, to: item, by: Support.streetOperator, at: try Support.china("2026-09-28 11:00")))
        XCTAssertFalse(onTime.entry.late)
        XCTAssertEqual(onTime.effects, [.closeWatch(.signFor)])
        let late = try Support.success(try apply(
            .signFor, to: item, by: Support.streetOperator, at: try Support.china("2026-09-28 11:01")))
        XCTAssertTrue(late.entry.late)
        XCTAssertEqual(late.facts.state, .signedFor)
    }

    // MARK: return (000 阳政办(2017)33号 附件2)

    func testReturnGoesBackToTheDispatcher() throws {
        let item = try Support.item(in: .assigned)
        let transition = try Support.success(try apply(
            .return(reason: " 不属于本单位职责 ", leaderSigned: false), to: item, by: Support.streetOperator,
            at: try Support.now()))
        XCTAssertEqual(transition.facts.state, .returned)
        XCTAssertEqual(transition.facts.returns, 1)
        XCTAssertNil(transition.facts.assignedUnitID)
        XCTAssertNil(transition.facts.deadline)
        XCTAssertEqual(transition.entry.note, "不属于本单位职责")
        XCTAssertEqual(transition.effects, [
            .closeWatch(.signFor), .closeWatch(.rectification), .notifyUnit(Support.office, about: .return),
        ])
    }

    func testReturnNeedsAReason() throws {
        let result = try apply(
            .return(reason: "", leaderSigned: true), to: try Support.item(in: .assigned), by: Support.streetOperator,
            at: try Support.now())
        XCTAssertEqual(Support.failure(result), .required(field: "reason"))
    }

    /// "二次退回案件…还需主要领导或分管领导签字,否则不予批准"
    func testSecondReturnNeedsTheLeadersSignature() throws {
        var item = try Support.item(in: .assigned)
        item.returns = 1
        let unsigned = try apply(
            .return(reason: "仍不属于本单位职责", leaderSigned: false), to: item, by: Support.streetOperator,
            at: try Support.now())
        let error = try XCTUnwrap(Support.failure(unsigned))
        XCTAssertEqual(error, .leaderSignatureRequired)
        XCTAssertEqual(error.field, "leaderSigned")
        let signed = try Support.success(try apply(
            .return(reason: "仍不属于本单位职责", leaderSigned: true), to: item, by: Support.streetOperator,
            at: try Support.now()))
        XCTAssertEqual(signed.facts.returns, 2)
    }

    /// "应在一个工作日内": assigned Thursday 24 September 2026, the window closes Monday 28 September
    /// 18:00 (the Mid-Autumn holiday is not counted).
    func testLateReturnIsAllowedButMarkedLate() throws {
        var item = try Support.item(in: .assigned)
        item.assignedAt = try Support.china("2026-09-24 10:00")
        let onTime = try Support.success(try apply(
            .return(reason: "不属于本单位职责", leaderSigned: false), to: item, by: Support.streetOperator,
            at: try Support.china("2026-09-28 18:00")))
        XCTAssertFalse(onTime.entry.late)
        let late = try Support.success(try apply(
            .return(reason: "不属于本单位职责", leaderSigned: false), to: item, by: Support.streetOperator,
            at: try Support.china("2026-09-29 09:00")))
        XCTAssertTrue(late.entry.late)
    }

    func testReassignmentAfterAReturn() throws {
        let transition = try Support.success(try apply(
            .reassign(unitID: "yingwu-street", deadline: try Support.deadline()), to: try Support.item(in: .returned),
            by: Support.dispatcher, at: try Support.now()))
        XCTAssertEqual(transition.facts.state, .assigned)
        XCTAssertEqual(transition.facts.assignedUnitID, "yingwu-street")
        XCTAssertEqual(transition.facts.returns, 1)
        XCTAssertEqual(transition.effects.last, .notifyUnit("yingwu-street", about: .reassign))
    }

    // MARK: cancel

    func testCancellingAnAssignedListedItemClosesEverything() throws {
        var item = try Support.item(in: .assigned)
        item.listingLevel = .district
        item.listingTarget = try Support.deadline()
        item.suspensionRequestedAt = try Support.now().addingTimeInterval(-3600)
        let transition = try Support.success(try apply(
            .cancel(reason: "重复登记"), to: item, by: Support.supervisor, at: try Support.now()))
        XCTAssertEqual(transition.facts.state, .cancelled)
        XCTAssertNil(transition.facts.listingLevel)
        XCTAssertNil(transition.facts.suspensionRequestedAt)
        XCTAssertEqual(transition.effects, [
            .closeWatch(.signFor), .closeWatch(.rectification), .endListing, .closeWatch(.listingTarget),
            .closeWatch(.suspensionDecision), .notifyUnit(Support.street, about: .cancel),
        ])
    }

    func testCancelNeedsAReason() throws {
        let result = try apply(
            .cancel(reason: "\n"), to: try Support.item(in: .registered), by: Support.dispatcher, at: try Support.now())
        XCTAssertEqual(Support.failure(result), .required(field: "reason"))
    }

    func testStartWork() throws {
        let transition = try Support.success(try apply(
            .startWork, to: try Support.item(in: .signedFor), by: Support.streetOperator, at: try Support.now()))
        XCTAssertEqual(transition.facts.state, .inProgress)
        XCTAssertEqual(transition.effects, [])
    }
}
