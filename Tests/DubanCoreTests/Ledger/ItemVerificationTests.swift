import DubanCore
import XCTest

/// 报结, 验收, 销号, 回头看: evidence, separation of duties, reworks, acceptance time, look-backs.
final class ItemVerificationTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    private func apply(_ event: ItemEvent, to item: ItemFacts, by actor: ActorFacts, at now: Date? = nil) throws
        -> Result<ItemTransition, ItemTransitionError> {
        ItemMachine.apply(event, to: item, by: actor, at: try now ?? Support.now(), calculator: try Support.calculator())
    }

    // MARK: submit

    func testSubmitStartsTheAcceptanceWatchOfAMajorHazard() throws {
        let now = try Support.now()
        let transition = try Support.success(try apply(
            .submit(result: "已安装火灾自动报警系统", evidenceCount: 3), to: try Support.item(in: .inProgress),
            by: Support.streetOperator))
        XCTAssertEqual(transition.facts.state, .submitted)
        XCTAssertEqual(transition.facts.submittedAt, now)
        XCTAssertFalse(transition.entry.late)
        XCTAssertEqual(transition.entry.note, "已安装火灾自动报警系统")
        XCTAssertEqual(transition.effects, [
            .closeWatch(.rectification),
            .watchDeadline(.acceptance, due: now.addingTimeInterval(10 * 86_400),
                           rule: .after(amount: 10, unit: .days, start: now)),
            .notifyUnit(Support.office, about: .submit),
        ])
    }

    func testGeneralHazardHasNoAcceptanceWatch() throws {
        var item = try Support.item(in: .inProgress)
        item.grade = .general
        let transition = try Support.success(try apply(try Support.event(.submit), to: item, by: Support.streetOperator))
        XCTAssertEqual(transition.effects, [.closeWatch(.rectification), .notifyUnit(Support.office, about: .submit)])
    }

    func testHazardReportNeedsEvidence() throws {
        let result = try apply(
            .submit(result: "已整改", evidenceCount: 0), to: try Support.item(in: .inProgress), by: Support.streetOperator)
        let error = try XCTUnwrap(Support.failure(result))
        XCTAssertEqual(error, .evidenceRequired(minimum: 1))
        XCTAssertEqual(error.field, "evidenceCount")
    }

    func testReferralReportNeedsNoEvidence() throws {
        var item = try Support.item(in: .inProgress)
        item.kind = .referral
        let result = try apply(.submit(result: "已立案查处", evidenceCount: 0), to: item, by: Support.streetOperator)
        XCTAssertEqual(try Support.success(result).facts.state, .submitted)
    }

    func testNegativeEvidenceCountIsRefused() throws {
        var item = try Support.item(in: .inProgress)
        item.kind = .task
        let result = try apply(.submit(result: "已完成", evidenceCount: -1), to: item, by: Support.streetOperator)
        XCTAssertEqual(Support.failure(result), .evidenceRequired(minimum: 0))
    }

    func testReportNeedsAResult() throws {
        let result = try apply(
            .submit(result: "  ", evidenceCount: 2), to: try Support.item(in: .inProgress), by: Support.streetOperator)
        XCTAssertEqual(Support.failure(result), .required(field: "result"))
    }

    func testLateReportIsMarkedAndAPendingRequestLapses() throws {
        var item = try Support.prepared(try Support.item(in: .inProgress), for: .approveExtension)
        item.deadline = try Support.now().addingTimeInterval(-1)
        let transition = try Support.success(try apply(try Support.event(.submit), to: item, by: Support.streetOperator))
        XCTAssertTrue(transition.entry.late)
        XCTAssertNil(transition.facts.pendingExtension)
    }

    // MARK: verification: another unit, inspector or supervisor

    func testTheFixingUnitMayNotVerify() throws {
        let sameUnit = ActorFacts(role: .inspector, unitID: Support.street)
        for event in [ItemEvent.verifyPass, .verifyFail(reason: "未整改", newDeadline: nil)] {
            let result = try apply(event, to: try Support.item(in: .submitted), by: sameUnit)
            let error = try XCTUnwrap(Support.failure(result))
            XCTAssertEqual(error, .verifierIsAssignedUnit)
            XCTAssertEqual(error.code, "verifier_is_assigned_unit")
        }
    }

    func testInspectorOrSupervisorOfAnotherUnitVerifies() throws {
        for actor in [Support.inspector, Support.supervisor] {
            let transition = try Support.success(try apply(.verifyPass, to: try Support.item(in: .submitted), by: actor))
            XCTAssertEqual(transition.facts.state, .verified)
            XCTAssertEqual(transition.effects, [
                .closeWatch(.acceptance), .notifyUnit(Support.street, about: .verifyPass),
            ])
        }
    }

    func testPolicyMayAllowTheSameUnitToVerify() throws {
        var policy = ItemPolicy.standard(for: .hazard)
        policy.verificationByOtherUnit = false
        let result = ItemMachine.apply(
            .verifyPass, to: try Support.item(in: .submitted), by: ActorFacts(role: .inspector, unitID: Support.street),
            at: try Support.now(), calculator: try Support.calculator(), policy: policy)
        XCTAssertEqual(try Support.success(result).facts.state, .verified)
    }

    /// Checked more than 10 days after the report: allowed, marked late.
    func testLateAcceptanceIsMarked() throws {
        let item = try Support.item(in: .submitted)
        let submittedAt = try XCTUnwrap(item.submittedAt)
        let onTime = try Support.success(try apply(
            .verifyPass, to: item, by: Support.inspector, at: submittedAt.addingTimeInterval(10 * 86_400)))
        XCTAssertFalse(onTime.entry.late)
        let late = try Support.success(try apply(
            .verifyPass, to: item, by: Support.inspector, at: submittedAt.addingTimeInterval(10 * 86_400 + 1)))
        XCTAssertTrue(late.entry.late)
    }

    func testFailedVerificationReopensAndCountsARework() throws {
        let transition = try Support.success(try apply(
            .verifyFail(reason: "报警系统未联动", newDeadline: nil), to: try Support.item(in: .submitted),
            by: Support.inspector))
        XCTAssertEqual(transition.facts.state, .inProgress)
        XCTAssertEqual(transition.facts.reworks, 1)
        XCTAssertNil(transition.facts.submittedAt)
        XCTAssertEqual(transition.facts.deadline, try Support.deadline())
        XCTAssertEqual(transition.entry.note, "报警系统未联动")
        XCTAssertEqual(transition.effects, [
            .closeWatch(.acceptance), .watchDeadline(.rectification, due: try Support.deadline(), rule: nil),
            .notifyUnit(Support.street, about: .verifyFail),
        ])
    }

    func testFailedVerificationMaySetANewDeadline() throws {
        let newDeadline = try Support.china("2026-12-31 18:00")
        let transition = try Support.success(try apply(
            .verifyFail(reason: "报警系统未联动", newDeadline: newDeadline), to: try Support.item(in: .submitted),
            by: Support.supervisor))
        XCTAssertEqual(transition.facts.deadline, newDeadline)
        let past = try apply(
            .verifyFail(reason: "报警系统未联动", newDeadline: try Support.now()), to: try Support.item(in: .submitted),
            by: Support.supervisor)
        XCTAssertEqual(Support.failure(past), .notInFuture(field: "newDeadline"))
    }

    func testFailedVerificationNeedsAReason() throws {
        let result = try apply(
            .verifyFail(reason: "", newDeadline: nil), to: try Support.item(in: .submitted), by: Support.inspector)
        XCTAssertEqual(Support.failure(result), .required(field: "reason"))
    }

    // MARK: close

    func testClosingEndsTheListing() throws {
        var item = try Support.item(in: .verified)
        item.listingLevel = .city
        item.listingTarget = try Support.deadline()
        let transition = try Support.success(try apply(.close, to: item, by: Support.supervisor))
        XCTAssertEqual(transition.facts.state, .closed)
        XCTAssertEqual(transition.facts.closedAt, try Support.now())
        XCTAssertNil(transition.facts.listingLevel)
        XCTAssertNil(transition.facts.listingTarget)
        XCTAssertEqual(transition.effects, [
            .endListing, .closeWatch(.listingTarget), .notifyUnit(Support.street, about: .close),
        ])
    }

    /// 002 篇1: the department that handled a referred violation reports back to the sender.
    func testClosingAReferralReportsBackToTheSender() throws {
        var item = try Support.item(in: .verified)
        item.kind = .referral
        item.registeringUnitID = Support.fireBrigade
        let transition = try Support.success(try apply(.close, to: item, by: Support.dispatcher))
        XCTAssertEqual(transition.effects, [
            .notifyUnit(Support.street, about: .close), .notifyUnit(Support.fireBrigade, about: .close),
        ])
    }

    // MARK: look-back (回头看)

    func testLookBackPassKeepsItClosed() throws {
        let transition = try Support.success(try apply(.lookBackPass, to: try Support.item(in: .closed), by: Support.inspector))
        XCTAssertEqual(transition.facts.state, .closed)
        XCTAssertEqual(transition.facts.reworks, 0)
        XCTAssertEqual(transition.effects, [])
    }

    func testLookBackFailReopensTheClosedItem() throws {
        let deadline = try Support.china("2026-10-30 18:00")
        let transition = try Support.success(try apply(
            .lookBackFail(reason: "安全出口再次锁闭", deadline: deadline), to: try Support.item(in: .closed),
            by: Support.inspector))
        XCTAssertEqual(transition.facts.state, .inProgress)
        XCTAssertEqual(transition.facts.reworks, 1)
        XCTAssertEqual(transition.facts.deadline, deadline)
        XCTAssertNil(transition.facts.closedAt)
        XCTAssertNil(transition.facts.submittedAt)
        XCTAssertEqual(transition.effects, [
            .watchDeadline(.rectification, due: deadline, rule: nil), .notifyUnit(Support.street, about: .lookBackFail),
        ])
    }

    func testLookBackRules() throws {
        let closed = try Support.item(in: .closed)
        let byFixer = try apply(.lookBackPass, to: closed, by: ActorFacts(role: .supervisor, unitID: Support.street))
        XCTAssertEqual(Support.failure(byFixer), .verifierIsAssignedUnit)
        let past = try apply(.lookBackFail(reason: "隐患反弹", deadline: try Support.now()), to: closed, by: Support.inspector)
        XCTAssertEqual(Support.failure(past), .notInFuture(field: "deadline"))
        let noReason = try apply(.lookBackFail(reason: "", deadline: try Support.deadline()), to: closed, by: Support.inspector)
        XCTAssertEqual(Support.failure(noReason), .required(field: "reason"))
    }

    // MARK: a whole life

    func testWholeLifeWithReworks() throws {
        let calculator = try Support.calculator()
        var now = try Support.now()
        var item = ItemFacts(
            kind: .hazard, registeringUnitID: Support.office, grade: .major, fiveImplementations: Support.fiveComplete)
        let steps: [(ItemEvent, ActorFacts, ItemState)] = [
            (.assign(unitID: Support.street, deadline: try Support.deadline()), Support.dispatcher, .assigned),
            (.signFor, Support.streetOperator, .signedFor),
            (.startWork, Support.streetOperator, .inProgress),
            (.submit(result: "已整改", evidenceCount: 2), Support.streetOperator, .submitted),
            (.verifyFail(reason: "未整改到位", newDeadline: nil), Support.inspector, .inProgress),
            (.submit(result: "已整改到位", evidenceCount: 4), Support.streetOperator, .submitted),
            (.verifyPass, Support.inspector, .verified),
            (.close, Support.supervisor, .closed),
            (.lookBackFail(reason: "隐患反弹", deadline: try Support.china("2026-12-31 18:00")), Support.inspector, .inProgress),
            (.submit(result: "再次整改", evidenceCount: 1), Support.streetOperator, .submitted),
            (.verifyPass, Support.supervisor, .verified),
            (.close, Support.dispatcher, .closed),
            (.lookBackPass, Support.inspector, .closed),
        ]
        for (event, actor, expected) in steps {
            now = now.addingTimeInterval(3600)
            item = try Support.success(ItemMachine.apply(event, to: item, by: actor, at: now, calculator: calculator)).facts
            XCTAssertEqual(item.state, expected, "\(event.kind.rawValue)")
        }
        XCTAssertEqual(item.reworks, 2)
        XCTAssertEqual(item.returns, 0)
    }
}
