/// 信用等级 — a credit grade by score band (002 篇1: "设定不同分值的等级"; SPEC A3 default bands
/// A ≥ 90, B ≥ 75, C ≥ 60, D below; see ``CreditGradeBands``).
public enum CreditGrade: String, Codable, CaseIterable, Sendable {
    /// A — good credit.
    case a = "A"
    /// B — fairly good.
    case b = "B"
    /// C — fair.
    case c = "C"
    /// D — poor; enters the black list by default (SPEC A3).
    case d = "D"

    /// "A级", "B级", …
    public var chinese: String { "\(rawValue)级" }
}
