/// 维修资金使用表决 — the result of a building unit's vote on using the housing special maintenance
/// fund (房屋专项维修资金) for an elevator's repair, modification or renewal.
public struct MaintenanceFundVote: Hashable, Codable, Sendable {
    /// Owners in the building unit (单元/栋).
    public let owners: Int
    /// Owners who agreed.
    public let agreeing: Int
    /// The fewest agreeing owners that approve: ⌈2 × owners / 3⌉.
    public let required: Int
    /// Whether the use is approved: agreeing / owners ≥ 2/3.
    public let approved: Bool

    /// Decides the vote: approved with at least two thirds of the building unit's owners agreeing
    /// (004 成府发〔2015〕29号 四(四): "经电梯所在单元(栋)三分之二的业主同意,即可组织维修和资金使用备案申报").
    /// Exact integer comparison (agreeing ≥ ⌈2 × owners / 3⌉, i.e. 3 × agreeing ≥ 2 × owners), so
    /// 2 of 3 (exactly 2/3) is approved and 6 of 10 is not. Throws ``ElevatorError/noOwners`` for zero owners and
    /// ``ElevatorError/invalidCount(field:value:)`` for a negative count or more agreeing than owners.
    public static func decide(agreeing: Int, owners: Int) throws(ElevatorError) -> MaintenanceFundVote {
        guard owners >= 0 else { throw .invalidCount(field: "owners", value: owners) }
        guard owners > 0 else { throw .noOwners }
        guard (0...owners).contains(agreeing) else { throw .invalidCount(field: "agreeing", value: agreeing) }
        // ⌈2n/3⌉ in integers: agreeing ≥ ⌈2n/3⌉ ⇔ 3 × agreeing ≥ 2 × n, with no rounding anywhere.
        let (numerator, denominator) = (ElevatorLimits.fundApprovalNumerator, ElevatorLimits.fundApprovalDenominator)
        let (product, overflow) = owners.multipliedReportingOverflow(by: numerator)
        guard !overflow else { throw .invalidCount(field: "owners", value: owners) }
        let required = product / denominator + (product % denominator == 0 ? 0 : 1)
        return MaintenanceFundVote(owners: owners, agreeing: agreeing, required: required, approved: agreeing >= required)
    }
}
