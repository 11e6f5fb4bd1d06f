/// A reviewer's decision on a ``CreditObjection``, with its written finding.
public enum CreditObjectionEvent: Hashable, Sendable {
    /// 异议成立 — the record is wrong: revoke it.
    case uphold(finding: String)
    /// 异议不成立 — the record is right: it stands.
    case reject(finding: String)

    /// The event's name.
    public var kind: CreditObjectionEventKind {
        switch self {
        case .uphold: .uphold
        case .reject: .reject
        }
    }
}
