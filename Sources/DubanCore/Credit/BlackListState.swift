/// Where a black-list (严重失信主体名单) case is: 拟列入 → 已告知 (陈述申辩) → 已列入 → 已移出, or
/// 不予列入 (SPEC A3). The allowed moves are ``BlackListCase/target(of:from:)``.
public enum BlackListState: String, Codable, CaseIterable, Sendable {
    /// 拟列入 — an entry condition holds; the subject has not been told yet.
    case proposed
    /// 已告知 — the subject was notified and may state its case within the statement window.
    case notified
    /// 已列入 — listed by a written, published decision.
    case listed
    /// 申请提前移出 — listed, and the subject applied for early removal.
    case removalRequested = "removal_requested"
    /// 已移出 — removed at the end of the listing period or early.
    case removed
    /// 不予列入 — closed without listing.
    case dismissed

    /// Whether the subject is on the list in this state.
    public var isListed: Bool {
        self == .listed || self == .removalRequested
    }

    /// "拟列入", "已告知", "已列入", "申请提前移出", "已移出", "不予列入".
    public var chinese: String {
        switch self {
        case .proposed: "拟列入"
        case .notified: "已告知"
        case .listed: "已列入"
        case .removalRequested: "申请提前移出"
        case .removed: "已移出"
        case .dismissed: "不予列入"
        }
    }
}
