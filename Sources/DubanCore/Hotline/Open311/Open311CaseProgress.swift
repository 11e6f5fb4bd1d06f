/// Where a hotline work order stands, in the neutral terms the server reports to the Open311 layer
/// (the hotline life cycle of 000 阳政办(2017)33号 附件2, summarised in SPEC M4). The server maps its
/// own states onto these; ``Open311StatusMapping`` turns them into GeoReport statuses.
public enum Open311CaseProgress: String, CaseIterable, Codable, Hashable, Sendable {
    /// 已受理 — taken by the call taker or the web form, not yet dispatched.
    case received
    /// 已转办 — dispatched to the first-responsible unit (首办责任单位), not yet signed for.
    case dispatched
    /// 已签收 — the unit signed for the case and owns its deadline.
    case signedFor
    /// 办理中 — the unit is handling it (contacting the caller, investigating on site).
    case inProgress
    /// 已答复 — the unit reported its result; the follow-up call (回访) is pending.
    case replied
    /// 已办结 — closed after a satisfied follow-up, or by the evaluator's 满意.
    case closedResolved
    /// 非合理诉求办结 — the third-party evaluator judged the demand unreasonable; closed.
    case closedUnreasonable
    /// 重复投诉件 — closed as a repeat of another case, to which it is linked.
    case closedDuplicate
    /// 不属受理范围 — out of scope; the caller was told where else to go; closed.
    case closedOutOfScope
    /// 退回 — the unit returned the case to the dispatcher for another unit.
    case returnedForReassignment
    /// 限期重办 — reopened: a 合理诉求 sent back to the unit for re-handling.
    case reopened
}
