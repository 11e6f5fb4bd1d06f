/// The states of one accountability action (``AccountabilityMachine``).
public enum AccountabilityState: String, Codable, CaseIterable, Sendable {
    /// 待确认 — proposed by the rules or by hand, waiting for a supervisor.
    case proposed
    /// 已确认 — in force; for a 约谈, the rectification plan is due (附件5 第六条).
    case confirmed
    /// 已驳回 — dismissed by a supervisor with a note (final).
    case dismissed
    /// 整改方案已提交 — the unit submitted its written rectification plan (约谈 only).
    case planSubmitted = "plan_submitted"
    /// 整改方案已通过 — the supervisor accepted the plan (final for the plan; the action stands).
    case planAccepted = "plan_accepted"
    /// 复议中 — the unit appealed (附件5 第九条).
    case appealed
    /// 已撤销 — the appeal was granted and the action withdrawn (final).
    case withdrawn

    /// "待确认", "已确认", …
    public var chinese: String {
        switch self {
        case .proposed: "待确认"
        case .confirmed: "已确认"
        case .dismissed: "已驳回"
        case .planSubmitted: "整改方案已提交"
        case .planAccepted: "整改方案已通过"
        case .appealed: "复议中"
        case .withdrawn: "已撤销"
        }
    }
}

/// The kinds of event an action accepts, each performed by one role.
public enum AccountabilityEventKind: String, Codable, CaseIterable, Sendable {
    /// 确认 — supervisor; proposed → confirmed.
    case confirm
    /// 驳回 — supervisor, with a note; proposed → dismissed.
    case dismiss
    /// 提交整改方案 — unit operator; confirmed → plan submitted (约谈 only).
    case submitPlan = "submit_plan"
    /// 通过整改方案 — supervisor; plan submitted → plan accepted.
    case acceptPlan = "accept_plan"
    /// 退回整改方案 — supervisor, with a note; plan submitted → confirmed (a new plan is due).
    case returnPlan = "return_plan"
    /// 申请复议 — unit operator, with a note, within the window; confirmed → appealed.
    case appeal
    /// 维持 — supervisor, with a note; appealed → confirmed (the action stands).
    case upholdAppeal = "uphold_appeal"
    /// 撤销 — supervisor, with a note; appealed → withdrawn.
    case grantAppeal = "grant_appeal"

    /// The only role that may perform the event: a unit operator of the action's unit for the
    /// unit's own acts, a supervisor (督查 / 区治庸办) for the others.
    public var role: Role {
        switch self {
        case .submitPlan, .appeal: .unitOperator
        case .confirm, .dismiss, .acceptPlan, .returnPlan, .upholdAppeal, .grantAppeal: .supervisor
        }
    }

    /// "确认", "驳回", …
    public var chinese: String {
        switch self {
        case .confirm: "确认"
        case .dismiss: "驳回"
        case .submitPlan: "提交整改方案"
        case .acceptPlan: "通过整改方案"
        case .returnPlan: "退回整改方案"
        case .appeal: "申请复议"
        case .upholdAppeal: "维持原决定"
        case .grantAppeal: "撤销"
        }
    }
}
