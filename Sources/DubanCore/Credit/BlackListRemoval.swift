/// How a listing ended (SPEC A3).
public enum BlackListRemoval: String, Codable, CaseIterable, Sendable {
    /// 期满移出 — the listing period (3 years) ended.
    case expired
    /// 提前移出 — early removal on application, after 12 months, with no entry condition holding.
    case early

    /// "期满移出", "提前移出".
    public var chinese: String {
        switch self {
        case .expired: "期满移出"
        case .early: "提前移出"
        }
    }
}
