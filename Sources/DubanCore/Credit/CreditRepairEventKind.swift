/// The name of a ``CreditRepairEvent`` without its data: the audit action and table column.
public enum CreditRepairEventKind: String, Codable, CaseIterable, Sendable {
    /// 准予修复
    case approve
    /// 不予修复
    case refuse
}
