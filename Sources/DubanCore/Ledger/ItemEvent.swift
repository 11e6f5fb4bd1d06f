import Foundation

/// Something an actor does to a supervised item, with the data the rules need. Applied by
/// ``ItemMachine/apply(_:to:by:at:calculator:policy:)``; the time is always the `now` given there.
public enum ItemEvent: Hashable, Sendable {
    /// 交办 — send to `unitID`, due at `deadline` (nil only where the policy allows no deadline,
    /// e.g. a task "长期坚持").
    case assign(unitID: String, deadline: Date?)
    /// 重新交办 — send a returned item to another (or the same) unit.
    case reassign(unitID: String, deadline: Date?)
    /// 签收 — the assigned unit accepts the item.
    case signFor
    /// 退回 — the assigned unit sends it back with its reasons. A second return of the same item
    /// needs the signature of the unit's principal or responsible leader
    /// (000 阳政办(2017)33号 附件2: "二次退回案件…还需主要领导或分管领导签字,否则不予批准").
    case `return`(reason: String, leaderSigned: Bool)
    /// 开始整改
    case startWork
    /// 申请延期 — ask to move the deadline to `newDue`.
    case requestExtension(newDue: Date, reason: String)
    /// 同意延期 — a supervisor grants the pending request.
    case approveExtension
    /// 不同意延期 — a supervisor refuses the pending request.
    case rejectExtension(reason: String)
    /// 报结 — report the fix with a result text and the number of evidence files (photos).
    case submit(result: String, evidenceCount: Int)
    /// 验收通过
    case verifyPass
    /// 验收不通过 — back to the unit; `newDeadline` replaces the deadline when given.
    case verifyFail(reason: String, newDeadline: Date?)
    /// 销号
    case close
    /// 回头看 — the hazard is still gone.
    case lookBackPass
    /// 回头看 — the hazard is back: the item reopens with a new deadline.
    case lookBackFail(reason: String, deadline: Date)
    /// 撤销 — withdraw an item no unit has accepted.
    case cancel(reason: String)
    /// 挂牌督办 — list a major hazard at `level`, to be fixed by `targetDate`.
    case list(level: ListingLevel, targetDate: Date)
    /// 升级督办 — move a late listing one level up with a new target date.
    case escalateListing(targetDate: Date)
    /// 提请停产停业 — the fire service asks the government to suspend the business (002 篇3).
    case requestSuspension(reason: String)
    /// 停产停业决定 — the government's decision on the pending request.
    case decideSuspension(suspend: Bool)
    /// 受理即办结 — closed by the hotline at intake, with what the caller was told.
    case closeAtIntake(reason: String)

    /// The event's name, without its data.
    public var kind: ItemEventKind {
        switch self {
        case .assign: .assign
        case .reassign: .reassign
        case .signFor: .signFor
        case .return: .return
        case .startWork: .startWork
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .rejectExtension: .rejectExtension
        case .submit: .submit
        case .verifyPass: .verifyPass
        case .verifyFail: .verifyFail
        case .close: .close
        case .lookBackPass: .lookBackPass
        case .lookBackFail: .lookBackFail
        case .cancel: .cancel
        case .list: .list
        case .escalateListing: .escalateListing
        case .requestSuspension: .requestSuspension
        case .decideSuspension: .decideSuspension
        case .closeAtIntake: .closeAtIntake
        }
    }
}
