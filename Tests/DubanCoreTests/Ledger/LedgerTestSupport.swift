import DubanCore
import Foundation
import XCTest

/// Fixtures shared by the ledger tests: the real China calendar, units, actors, and one item in
/// every state.
enum LedgerTestSupport {
    /// The shipped data file, Resources/calendar/china.json at the repository root, found relative to
    /// this source file (Tests/DubanCoreTests/Ledger/).
    static let chinaCalendarFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Resources/calendar/china.json").standardizedFileURL

    /// A calculator on the real China calendar and the default working hours.
    static func calculator() throws -> DeadlineCalculator {
        DeadlineCalculator(calendar: try HolidayCalendar(jsonData: Data(contentsOf: chinaCalendarFile)))
    }

    /// China wall-clock time written as `2026-09-24 10:00`, parsed by Foundation independently of
    /// the code under test.
    static func china(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let iso = text.replacingOccurrences(of: " ", with: "T") + ":00+08:00"
        return try XCTUnwrap(formatter.date(from: iso), "not a time: \(text)", file: file, line: line)
    }

    /// A date literal `yyyy-mm-dd`.
    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LocalDate {
        try XCTUnwrap(LocalDate(text), "not a date: \(text)", file: file, line: line)
    }

    /// 区政府督查室 — registers and dispatches the items.
    static let office = "district-office"
    /// 建桥街 — the unit the items are assigned to.
    static let street = "jianqiao-street"
    /// 区消防大队 — the fire brigade, which inspects.
    static let fireBrigade = "fire-brigade"

    static let dispatcher = ActorFacts(role: .dispatcher, unitID: office)
    static let supervisor = ActorFacts(role: .supervisor, unitID: office)
    static let streetOperator = ActorFacts(role: .unitOperator, unitID: street)
    static let inspector = ActorFacts(role: .inspector, unitID: fireBrigade)
    static let leader = ActorFacts(role: .leader, unitID: "district-government")

    /// 五落实, all present.
    static let fiveComplete = FiveImplementations(
        responsibility: "戴新华 院长", measures: "增设火灾自动报警系统", funds: "自筹80万元",
        timeLimit: "2026年11月30日", emergencyPlan: "整改期间专人值守,停用门诊楼")

    /// The time of most events: Monday 2026-09-14 10:00.
    static func now() throws -> Date { try china("2026-09-14 10:00") }
    /// The deadline of most items: Monday 2026-11-30 18:00.
    static func deadline() throws -> Date { try china("2026-11-30 18:00") }

    /// A major hazard with its five implementations, in `state`, with the facts that state implies.
    static func item(in state: ItemState) throws -> ItemFacts {
        let now = try now()
        var item = ItemFacts(
            kind: .hazard, registeringUnitID: office, state: state, grade: .major, fiveImplementations: fiveComplete)
        switch state {
        case .registered, .cancelled:
            break
        case .returned:
            item.returns = 1
        case .assigned, .signedFor, .inProgress, .submitted, .verified, .closed:
            item.assignedUnitID = street
            item.assignedAt = now.addingTimeInterval(-3600)
            item.deadline = try deadline()
        }
        if state == .submitted || state == .verified || state == .closed {
            item.submittedAt = now.addingTimeInterval(-86_400)
        }
        if state == .closed {
            item.closedAt = now.addingTimeInterval(-3600)
        }
        return item
    }

    /// A well-formed event of `kind`, as the proper actor would send it.
    static func event(_ kind: ItemEventKind) throws -> ItemEvent {
        let deadline = try deadline()
        switch kind {
        case .assign: return .assign(unitID: street, deadline: deadline)
        case .reassign: return .reassign(unitID: street, deadline: deadline)
        case .signFor: return .signFor
        case .return: return .return(reason: "不属于本单位职责", leaderSigned: true)
        case .startWork: return .startWork
        case .requestExtension:
            return .requestExtension(newDue: deadline.addingTimeInterval(30 * 86_400), reason: "需采购消防设备")
        case .approveExtension: return .approveExtension
        case .rejectExtension: return .rejectExtension(reason: "理由不充分")
        case .submit: return .submit(result: "已安装火灾自动报警系统", evidenceCount: 3)
        case .verifyPass: return .verifyPass
        case .verifyFail: return .verifyFail(reason: "报警系统未联动", newDeadline: nil)
        case .close: return .close
        case .lookBackPass: return .lookBackPass
        case .lookBackFail: return .lookBackFail(reason: "安全出口再次锁闭", deadline: deadline)
        case .cancel: return .cancel(reason: "重复登记")
        case .list: return .list(level: .district, targetDate: deadline)
        case .escalateListing: return .escalateListing(targetDate: deadline)
        case .requestSuspension: return .requestSuspension(reason: "整改期间人员密集")
        case .decideSuspension: return .decideSuspension(suspend: true)
        case .closeAtIntake: return .closeAtIntake(reason: "已按知识库答复来电人")
        }
    }

    /// The actor who properly sends `kind`.
    static func actor(for kind: ItemEventKind) -> ActorFacts {
        switch kind {
        case .assign, .reassign, .close, .cancel, .closeAtIntake: dispatcher
        case .signFor, .return, .startWork, .requestExtension, .submit: streetOperator
        case .approveExtension, .rejectExtension, .list, .escalateListing: supervisor
        case .verifyPass, .verifyFail, .lookBackPass, .lookBackFail, .requestSuspension: inspector
        case .decideSuspension: leader
        }
    }

    /// `item` with what `kind` needs before it can apply: a pending extension request, a late listing,
    /// a pending suspension request.
    static func prepared(_ item: ItemFacts, for kind: ItemEventKind) throws -> ItemFacts {
        var item = item
        let now = try now()
        switch kind {
        case .approveExtension, .rejectExtension:
            item.pendingExtension = ItemExtensionRequest(
                requestedAt: now.addingTimeInterval(-3600), previousDue: try deadline(),
                newDue: try deadline().addingTimeInterval(30 * 86_400), reason: "需采购消防设备")
        case .escalateListing:
            item.listingLevel = .district
            item.listingTarget = now.addingTimeInterval(-86_400)
        case .decideSuspension:
            item.suspensionRequestedAt = now.addingTimeInterval(-86_400)
        case .closeAtIntake:
            item.kind = .hotline  // only the hotline closes at intake
        default:
            break
        }
        return item
    }

    /// The transition, or a failure naming the error.
    static func success(
        _ result: Result<ItemTransition, ItemTransitionError>, file: StaticString = #filePath, line: UInt = #line
    ) throws -> ItemTransition {
        switch result {
        case .success(let transition):
            return transition
        case .failure(let error):
            XCTFail("expected success, got \(error)", file: file, line: line)
            throw error
        }
    }

    /// The error, or nil (and a failure) when the event was accepted.
    static func failure(
        _ result: Result<ItemTransition, ItemTransitionError>, file: StaticString = #filePath, line: UInt = #line
    ) -> ItemTransitionError? {
        switch result {
        case .success(let transition):
            XCTFail("expected an error, got a move to \(transition.facts.state)", file: file, line: line)
            return nil
        case .failure(let error):
            return error
        }
    }
}
