/// 责任追究建议 — a rung of the ladder proposed by the rules, waiting for a supervisor to confirm or
/// dismiss it (SPEC M5: "Escalations are proposed by rules and confirmed by a supervisor").
public struct AccountabilityProposal: Hashable, Codable, Sendable {
    /// The unit concerned.
    public var unit: String
    /// The clause of 附件5 that applies.
    public var trigger: AccountabilityTrigger
    /// The rung: always `trigger.level`.
    public var level: AccountabilityLevel
    /// The month (or, for 第五条(十), the two months) the facts belong to.
    public var period: AssessmentPeriod
    /// The cases behind the proposal (sorted, distinct).
    public var caseIDs: [String]
    /// The figures, e.g. "按期办结率 96.50%（193/200）", "超期案件 6 件".
    public var figures: [String]

    /// A proposal; `level` follows from `trigger`.
    public init(unit: String, trigger: AccountabilityTrigger, period: AssessmentPeriod, caseIDs: [String] = [],
                figures: [String] = []) {
        self.unit = unit
        self.trigger = trigger
        self.level = trigger.level
        self.period = period
        self.caseIDs = caseIDs
        self.figures = figures
    }

    /// `unit|trigger|period`, e.g. `建桥街|4.5|2026-09/2026-09`: the same facts re-evaluated give the
    /// same key, so the server stores a proposal once.
    public var dedupKey: String {
        "\(unit)|\(trigger.rawValue)|\(period)"
    }
}
