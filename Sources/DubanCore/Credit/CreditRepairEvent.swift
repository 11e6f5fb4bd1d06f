/// A reviewer's decision on a ``CreditRepair``, with its written finding.
public enum CreditRepairEvent: Hashable, Sendable {
    /// 准予修复 — approve: end the record's publication and scoring.
    case approve(finding: String)
    /// 不予修复 — refuse, with the reason.
    case refuse(reason: String)

    /// The event's name.
    public var kind: CreditRepairEventKind {
        switch self {
        case .approve: .approve
        case .refuse: .refuse
        }
    }
}
