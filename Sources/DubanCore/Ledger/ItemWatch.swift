/// The deadlines of an item that the server's scheduler watches (SPEC M2: warn, mark overdue,
/// escalate). One watch of each kind at most per item; a new ``ItemEffect/watchDeadline(_:due:rule:)``
/// replaces the old one.
public enum ItemWatch: String, Codable, CaseIterable, Sendable {
    /// 签收时限 — the assigned unit must sign for the item.
    case signFor = "sign_for"
    /// 整改时限 — the item's deadline.
    case rectification
    /// 验收时限 — a submitted major hazard must be checked.
    case acceptance
    /// 挂牌督办目标时限 — the listing's target date.
    case listingTarget = "listing_target"
    /// 停产停业决定时限 — the government's decision on a suspension request (002 篇3: 7日内).
    case suspensionDecision = "suspension_decision"
}
