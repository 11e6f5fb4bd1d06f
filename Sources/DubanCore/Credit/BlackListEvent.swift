/// An act on a ``BlackListCase``, with its data. `conditions` are the entry conditions holding at
/// the time of the act, from ``CreditScore/evaluate(records:at:rules:)``.
public enum BlackListEvent: Hashable, Sendable {
    /// 告知 — notify the subject of the intended listing; opens the statement window.
    case notify
    /// 陈述申辩 — the subject states its case, within the window.
    case submitStatement(text: String)
    /// 列入 — the written decision (its document number) to list; published at once.
    case list(decisionDocument: String, conditions: [BlackListReason])
    /// 不予列入 — close without listing (the statement was accepted, or no condition holds).
    case dismiss(reason: String)
    /// 申请提前移出 — the subject applies for early removal.
    case applyForRemoval(conditions: [BlackListReason])
    /// 同意提前移出 — the reviewer approves the application.
    case approveRemoval(conditions: [BlackListReason])
    /// 不同意提前移出 — the reviewer refuses the application; the listing continues.
    case refuseRemoval(reason: String)
    /// 期满移出 — the listing period has ended.
    case expire

    /// The event's name.
    public var kind: BlackListEventKind {
        switch self {
        case .notify: .notify
        case .submitStatement: .submitStatement
        case .list: .list
        case .dismiss: .dismiss
        case .applyForRemoval: .applyForRemoval
        case .approveRemoval: .approveRemoval
        case .refuseRemoval: .refuseRemoval
        case .expire: .expire
        }
    }
}
