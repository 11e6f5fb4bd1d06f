import DubanCore
import XCTest

/// 延期: at most 2, requested at least 1 working day (8 working hours) before the deadline, decided by
/// a supervisor (000 阳政办(2017)33号 附件2 and 附件7; SPEC A2 item 8), on the real China calendar.
final class ItemExtensionTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    private func request(deadline: String, at now: String, extensions: Int = 0) throws
        -> Result<ItemTransition, ItemTransitionError> {
        var item = try Support.item(in: .inProgress)
        item.deadline = try Support.china(deadline)
        item.extensionsApproved = extensions
        return ItemMachine.apply(
            .requestExtension(newDue: try Support.china("2026-12-31 18:00"), reason: "需采购消防设备"),
            to: item, by: Support.streetOperator, at: try Support.china(now), calculator: try Support.calculator())
    }

    /// Deadline Monday 28 September 2026 18:00, after the Mid-Autumn holiday (25–27 September).
    func testLeadTimeSkipsTheHoliday() throws {
        let deadline = "2026-09-28 18:00"
        // Thursday 17:00: 1 hour that day, 7 on Monday — ends 17:00, in time.
        XCTAssertNoThrow(try Support.success(try request(deadline: deadline, at: "2026-09-24 17:00")))
        // Thursday 18:00 (close): 8 hours on Monday end at 18:00 — exactly in time.
        XCTAssertNoThrow(try Support.success(try request(deadline: deadline, at: "2026-09-24 18:00")))
        // On the holiday itself counting starts Monday 09:00 — still exactly in time.
        XCTAssertNoThrow(try Support.success(try request(deadline: deadline, at: "2026-09-26 10:00")))
        // Monday 09:00: 8 working hours end 18:00 — in time.
        XCTAssertNoThrow(try Support.success(try request(deadline: deadline, at: "2026-09-28 09:00")))
        // Monday 09:01: they end Tuesday 09:01 — too late.
        let late = Support.failure(try request(deadline: deadline, at: "2026-09-28 09:01"))
        XCTAssertEqual(late, .extensionTooLate(deadline: try Support.china(deadline), leadWorkingHours: 8))
        XCTAssertEqual(late?.code, "extension_too_late")
        XCTAssertEqual(late?.field, "requestedAt")
    }

    /// Eight calendar days ahead is not enough across the National Day holiday (1–7 October 2026).
    func testLeadTimeAcrossNationalDay() throws {
        let deadline = "2026-10-08 12:00"
        // Wednesday 30 September 13:00: 5 hours that day + 3 on 8 October end at 12:00 — in time.
        XCTAssertNoThrow(try Support.success(try request(deadline: deadline, at: "2026-09-30 13:00")))
        // 14:00: 4 + 3 hours by 12:00, the eighth ends 14:00 — too late.
        XCTAssertEqual(
            Support.failure(try request(deadline: deadline, at: "2026-09-30 14:00")),
            .extensionTooLate(deadline: try Support.china(deadline), leadWorkingHours: 8))
    }

    func testRequestRecordsThePendingExtension() throws {
        let transition = try Support.success(try request(deadline: "2026-11-30 18:00", at: "2026-09-14 10:00"))
        XCTAssertEqual(transition.facts.state, .inProgress)
        XCTAssertEqual(transition.facts.deadline, try Support.china("2026-11-30 18:00"))
        XCTAssertEqual(transition.facts.pendingExtension, ItemExtensionRequest(
            requestedAt: try Support.china("2026-09-14 10:00"), previousDue: try Support.china("2026-11-30 18:00"),
            newDue: try Support.china("2026-12-31 18:00"), reason: "需采购消防设备"))
        XCTAssertEqual(transition.effects, [.notifySupervisors(about: .requestExtension)])
    }

    /// "延期次数不得超过二次"
    func testAtMostTwoExtensions() throws {
        XCTAssertNoThrow(try Support.success(try request(deadline: "2026-11-30 18:00", at: "2026-09-14 10:00", extensions: 1)))
        let error = Support.failure(try request(deadline: "2026-11-30 18:00", at: "2026-09-14 10:00", extensions: 2))
        XCTAssertEqual(error, .extensionLimitReached(maximum: 2))
        XCTAssertEqual(error?.field, "extensionsApproved")
    }

    func testAdministratorMayAllowMore() throws {
        var item = try Support.item(in: .inProgress)
        item.extensionsApproved = 2
        var policy = ItemPolicy.standard(for: .hazard)
        policy.maxExtensions = 3
        let result = ItemMachine.apply(
            .requestExtension(newDue: try Support.china("2026-12-31 18:00"), reason: "需采购消防设备"), to: item,
            by: Support.streetOperator, at: try Support.now(), calculator: try Support.calculator(), policy: policy)
        XCTAssertNoThrow(try Support.success(result))
    }

    func testTwoApprovedExtensionsThenNoMore() throws {
        let calculator = try Support.calculator()
        var item = try Support.item(in: .inProgress)
        var now = try Support.now()
        for (round, newDue) in ["2026-12-15 18:00", "2026-12-31 18:00"].enumerated() {
            let due = try Support.china(newDue)
            item = try Support.success(ItemMachine.apply(
                .requestExtension(newDue: due, reason: "第\(round + 1)次延期"), to: item, by: Support.streetOperator,
                at: now, calculator: calculator)).facts
            let approved = try Support.success(ItemMachine.apply(
                .approveExtension, to: item, by: Support.supervisor, at: now, calculator: calculator))
            XCTAssertEqual(approved.effects, [
                .watchDeadline(.rectification, due: due, rule: nil), .notifyUnit(Support.street, about: .approveExtension),
            ])
            item = approved.facts
            XCTAssertEqual(item.deadline, due)
            XCTAssertEqual(item.extensionsApproved, round + 1)
            XCTAssertNil(item.pendingExtension)
            now = now.addingTimeInterval(86_400)
        }
        // The approved requests are kept with what they moved, for the 附件7 score (SPEC A2 item 8).
        XCTAssertEqual(item.approvedExtensions?.map(\.newDue), [try Support.china("2026-12-15 18:00"), try Support.china("2026-12-31 18:00")])
        XCTAssertEqual(item.approvedExtensions?.last?.previousDue, try Support.china("2026-12-15 18:00"))
        XCTAssertEqual(item.approvedExtensions?.map(\.reason), ["第1次延期", "第2次延期"])
        let third = ItemMachine.apply(
            .requestExtension(newDue: try Support.china("2027-01-31 18:00"), reason: "第3次延期"), to: item,
            by: Support.streetOperator, at: now, calculator: calculator)
        XCTAssertEqual(Support.failure(third), .extensionLimitReached(maximum: 2))
    }

    func testApprovalRechecksTheLimit() throws {
        var item = try Support.prepared(try Support.item(in: .inProgress), for: .approveExtension)
        item.extensionsApproved = 2
        let result = ItemMachine.apply(
            .approveExtension, to: item, by: Support.supervisor, at: try Support.now(), calculator: try Support.calculator())
        XCTAssertEqual(Support.failure(result), .extensionLimitReached(maximum: 2))
    }

    func testOnlyOneRequestAtATime() throws {
        let item = try Support.prepared(try Support.item(in: .inProgress), for: .approveExtension)
        let result = ItemMachine.apply(
            try Support.event(.requestExtension), to: item, by: Support.streetOperator, at: try Support.now(),
            calculator: try Support.calculator())
        XCTAssertEqual(Support.failure(result), .extensionPending)
    }

    func testNewDeadlineMustBeLater() throws {
        let item = try Support.item(in: .signedFor)
        let result = ItemMachine.apply(
            .requestExtension(newDue: try Support.deadline(), reason: "需采购消防设备"), to: item, by: Support.streetOperator,
            at: try Support.now(), calculator: try Support.calculator())
        XCTAssertEqual(Support.failure(result), .extensionNotLater)
        XCTAssertEqual(ItemTransitionError.extensionNotLater.field, "newDue")
    }

    func testRequestNeedsAReason() throws {
        let result = ItemMachine.apply(
            .requestExtension(newDue: try Support.china("2026-12-31 18:00"), reason: " "),
            to: try Support.item(in: .inProgress), by: Support.streetOperator, at: try Support.now(),
            calculator: try Support.calculator())
        XCTAssertEqual(Support.failure(result), .required(field: "reason"))
    }

    func testNothingToExtendWithoutADeadline() throws {
        var item = try Support.item(in: .inProgress)
        item.kind = .task
        item.deadline = nil
        let result = ItemMachine.apply(
            try Support.event(.requestExtension), to: item, by: Support.streetOperator, at: try Support.now(),
            calculator: try Support.calculator())
        XCTAssertEqual(Support.failure(result), .noDeadline)
    }

    func testOnlySupervisorsDecide() throws {
        let item = try Support.prepared(try Support.item(in: .inProgress), for: .approveExtension)
        for actor in [Support.dispatcher, Support.streetOperator, Support.inspector, Support.leader] {
            let result = ItemMachine.apply(
                .approveExtension, to: item, by: actor, at: try Support.now(), calculator: try Support.calculator())
            XCTAssertEqual(Support.failure(result), .forbiddenRole(actor.role, .approveExtension))
        }
    }

    func testRejectionKeepsTheDeadline() throws {
        let item = try Support.prepared(try Support.item(in: .signedFor), for: .rejectExtension)
        let transition = try Support.success(ItemMachine.apply(
            .rejectExtension(reason: "理由不充分"), to: item, by: Support.supervisor, at: try Support.now(),
            calculator: try Support.calculator()))
        XCTAssertNil(transition.facts.pendingExtension)
        XCTAssertEqual(transition.facts.deadline, try Support.deadline())
        XCTAssertEqual(transition.facts.extensionsApproved, 0)
        XCTAssertEqual(transition.entry.note, "理由不充分")
        XCTAssertEqual(transition.effects, [.notifyUnit(Support.street, about: .rejectExtension)])
    }

    func testNoDecisionWithoutARequest() throws {
        for event in [ItemEvent.approveExtension, .rejectExtension(reason: "理由不充分")] {
            let result = ItemMachine.apply(
                event, to: try Support.item(in: .inProgress), by: Support.supervisor, at: try Support.now(),
                calculator: try Support.calculator())
            XCTAssertEqual(Support.failure(result), .noPendingExtension)
        }
    }
}
