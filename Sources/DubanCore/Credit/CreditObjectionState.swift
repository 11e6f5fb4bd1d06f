/// Where an objection (异议) is: filed → upheld or rejected (004 成府发〔2018〕12号: 告知、异议和投诉制度).
public enum CreditObjectionState: String, Codable, CaseIterable, Sendable {
    /// 已受理 — filed, under review; the record is marked objected.
    case filed
    /// 异议成立 — upheld: the record is revoked.
    case upheld
    /// 异议不成立 — rejected: the record stands as before.
    case rejected

    /// "已受理", "异议成立", "异议不成立".
    public var chinese: String {
        switch self {
        case .filed: "已受理"
        case .upheld: "异议成立"
        case .rejected: "异议不成立"
        }
    }
}
