/// The name of a ``BlackListEvent`` without its data: the action code of the audit log and the
/// column of the state table.
public enum BlackListEventKind: String, Codable, CaseIterable, Sendable {
    /// 告知
    case notify
    /// 陈述申辩
    case submitStatement = "submit_statement"
    /// 列入
    case list
    /// 不予列入
    case dismiss
    /// 申请提前移出
    case applyForRemoval = "apply_for_removal"
    /// 同意提前移出
    case approveRemoval = "approve_removal"
    /// 不同意提前移出
    case refuseRemoval = "refuse_removal"
    /// 期满移出
    case expire
}
