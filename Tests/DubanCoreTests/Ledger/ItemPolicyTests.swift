import DubanCore
import XCTest

/// The shipped policy values and the proposed hazard deadlines.
final class ItemPolicyTests: XCTestCase {
    private typealias Support = LedgerTestSupport

    func testValuesFromTheSeedsHoldForEveryKind() {
        for kind in ItemKind.allCases {
            let policy = ItemPolicy.standard(for: kind)
            XCTAssertEqual(policy.kind, kind)
            XCTAssertEqual(policy.maxExtensions, 2, "000 阳政办(2017)33号 附件2")
            XCTAssertEqual(policy.extensionLeadWorkingHours, 8, "000 阳政办(2017)33号 附件7, SPEC A2 item 8")
            XCTAssertEqual(policy.returnWorkingDays, 1, "000 阳政办(2017)33号 附件2")
            XCTAssertEqual(policy.suspensionDecisionDays, 7, "002 篇3")
            XCTAssertEqual(policy.signForWorkingHours, 4)
            XCTAssertTrue(policy.verificationByOtherUnit)
        }
    }

    func testValuesThatDifferByKind() {
        let hazard = ItemPolicy.standard(for: .hazard)
        XCTAssertTrue(hazard.hasMajorGrade)
        XCTAssertTrue(hazard.fiveImplementationsRequiredForMajor)
        XCTAssertEqual(hazard.majorAcceptanceDays, 10)
        XCTAssertEqual(hazard.minimumEvidence, 1)
        XCTAssertTrue(hazard.deadlineRequired)
        XCTAssertFalse(hazard.reportsBackToSender)

        let referral = ItemPolicy.standard(for: .referral)
        XCTAssertFalse(referral.hasMajorGrade)
        XCTAssertTrue(referral.reportsBackToSender)
        XCTAssertEqual(referral.minimumEvidence, 0)
        XCTAssertNil(referral.majorAcceptanceDays)

        let task = ItemPolicy.standard(for: .task)
        XCTAssertFalse(task.deadlineRequired)
        XCTAssertFalse(task.fiveImplementationsRequiredForMajor)
        XCTAssertEqual(task.minimumEvidence, 0)

        let problem = ItemPolicy.standard(for: .problem)
        XCTAssertTrue(problem.deadlineRequired)
        XCTAssertEqual(problem.minimumEvidence, 1)
        XCTAssertFalse(problem.hasMajorGrade)
    }

    func testMajorOnlyWhereTheKindHasGrades() throws {
        var item = try Support.item(in: .registered)
        XCTAssertTrue(ItemPolicy.standard(for: .hazard).isMajor(item))
        item.kind = .problem
        XCTAssertFalse(ItemPolicy.standard(for: .problem).isMajor(item))
        item.kind = .hazard
        item.grade = .general
        XCTAssertFalse(ItemPolicy.standard(for: .hazard).isMajor(item))
    }

    func testProposedHazardDeadlines() throws {
        let policy = ItemPolicy.standard(for: .hazard)
        let day = try Support.day("2017-08-10")
        // 003 A: "責令當場整改" — the same day, until midnight.
        XCTAssertEqual(policy.proposedDeadline(fixMode: .immediate, registeredOn: day), try Support.china("2017-08-11 00:00"))
        // 000 阳政办(2017)45号: "年内确保彻底整改销案" — the register's 2017年12月31日.
        XCTAssertEqual(policy.proposedDeadline(fixMode: .timeLimited, registeredOn: day), try Support.china("2018-01-01 00:00"))
        XCTAssertNil(policy.proposedDeadline(fixMode: .longTerm, registeredOn: day))
        XCTAssertNil(ItemPolicy.standard(for: .task).proposedDeadline(fixMode: .timeLimited, registeredOn: day))
    }

    func testNamesForPeople() {
        XCTAssertEqual(ItemKind.allCases.map(\.chinese), ["隐患", "抄送件", "目标任务", "问题", "热线工单"])
        XCTAssertEqual(HazardGrade.allCases.map(\.chinese), ["一般", "重大"])
        XCTAssertEqual(FixMode.allCases.map(\.chinese), ["立即整改", "限期整改", "长期整改"])
        XCTAssertEqual(FixMode.allCases.map(\.rawValue), ["immediate", "time_limited", "long_term"])
        XCTAssertEqual(HazardSource.allCases.map(\.rawValue), [
            "self_inspection", "inspection", "complaint", "referral", "higher_level_feedback",
        ])
        XCTAssertEqual(ItemState.allCases.map(\.chinese), ["登记", "交办", "签收", "退回", "整改中", "报结", "验收", "销号", "撤销"])
    }

    /// Time limits an administrator switched off (0) produce no watch.
    func testZeroLimitsMeanNoWatch() throws {
        var policy = ItemPolicy.standard(for: .hazard)
        policy.signForWorkingHours = 0
        policy.suspensionDecisionDays = 0
        policy.extensionLeadWorkingHours = 0
        let calculator = try Support.calculator()
        let now = try Support.now()
        let assigned = try Support.success(ItemMachine.apply(
            try Support.event(.assign), to: try Support.item(in: .registered), by: Support.dispatcher, at: now,
            calculator: calculator, policy: policy))
        XCTAssertEqual(assigned.effects, [
            .watchDeadline(.rectification, due: try Support.deadline(), rule: nil), .notifyUnit(Support.street, about: .assign),
        ])
        let suspension = try Support.success(ItemMachine.apply(
            try Support.event(.requestSuspension), to: try Support.item(in: .inProgress), by: Support.inspector, at: now,
            calculator: calculator, policy: policy))
        XCTAssertEqual(suspension.effects, [.notifySupervisors(about: .requestSuspension)])
        var item = try Support.item(in: .inProgress)
        item.deadline = now.addingTimeInterval(60)
        let request = ItemMachine.apply(
            try Support.event(.requestExtension), to: item, by: Support.streetOperator, at: now,
            calculator: calculator, policy: policy)
        XCTAssertNoThrow(try Support.success(request))
    }
}
