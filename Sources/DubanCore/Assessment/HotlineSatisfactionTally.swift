/// The counts behind item 13's satisfaction rate (000 阳政办(2017)33号 附件7 (13):
/// "(群众非常满意数+满意数+基本满意数)/(回访数-不计考核数)").
public struct HotlineSatisfactionTally: Hashable, Codable, Sendable {
    /// Cases with a satisfaction value and not excluded from the rate (回访数 − 不计考核数).
    public var eligible: Int
    /// Of those, the cases rated 非常满意, 满意 or 基本满意.
    public var satisfied: Int

    /// A tally of `satisfied` out of `eligible`.
    public init(eligible: Int = 0, satisfied: Int = 0) {
        self.eligible = eligible
        self.satisfied = satisfied
    }

    /// The rate in percent rounded to 2 decimals, for display; nil when no case is eligible.
    /// The bands are decided exactly, not from this rounded figure.
    public var ratePercent: ScorePoints? {
        guard eligible > 0 else { return nil }
        // Percent in ten-thousandths of a point: satisfied / eligible × 100 × 10 000, half up.
        let scaled = (satisfied * 100 * ScorePoints.scale * 2 + eligible) / (eligible * 2)
        return ScorePoints(tenThousandths: scaled).roundedToHundredths()
    }

    /// Whether the rate is at least `percent` %, decided in integers: satisfied × 100 ≥ percent × eligible.
    func reaches(percent: Int) -> Bool {
        satisfied * 100 >= percent * eligible
    }
}
