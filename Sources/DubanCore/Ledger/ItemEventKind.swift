/// The name of an ``ItemEvent`` without its data: the action code of the timeline and audit log,
/// and the column of the state table.
public enum ItemEventKind: String, Codable, CaseIterable, Sendable {
    /// 交办
    case assign
    /// 重新交办
    case reassign
    /// 签收
    case signFor = "sign_for"
    /// 退回
    case `return`
    /// 开始整改
    case startWork = "start_work"
    /// 申请延期
    case requestExtension = "request_extension"
    /// 同意延期
    case approveExtension = "approve_extension"
    /// 不同意延期
    case rejectExtension = "reject_extension"
    /// 报结
    case submit
    /// 验收通过
    case verifyPass = "verify_pass"
    /// 验收不通过
    case verifyFail = "verify_fail"
    /// 销号
    case close
    /// 回头看通过
    case lookBackPass = "look_back_pass"
    /// 回头看发现反弹
    case lookBackFail = "look_back_fail"
    /// 撤销
    case cancel
    /// 挂牌督办
    case list
    /// 升级督办
    case escalateListing = "escalate_listing"
    /// 提请停产停业
    case requestSuspension = "request_suspension"
    /// 停产停业决定
    case decideSuspension = "decide_suspension"
    /// 受理即办结 — the hotline answers or closes the call itself: from the knowledge base, or out of
    /// scope with the reason told to the caller (000 阳政办(2017)33号 附件1).
    case closeAtIntake = "close_at_intake"
}
