/// The name of a ``CreditObjectionEvent`` without its data: the audit action and table column.
public enum CreditObjectionEventKind: String, Codable, CaseIterable, Sendable {
    /// 异议成立
    case uphold
    /// 异议不成立
    case reject
}
