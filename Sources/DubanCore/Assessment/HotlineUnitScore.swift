/// One unit's line of the hotline assessment (SPEC A2 output), plus the deductions behind it.
///
/// `Codable` in SPEC A2's shape only; ``deductions`` and ``satisfactionTally`` are not part of it
/// (encode them separately, both are `Codable`) and decode as empty.
public struct HotlineUnitScore: Hashable, Sendable {
    /// The unit.
    public let unit: String
    /// The score of each item, floored at 0 and rounded to 2 decimals.
    public let items: HotlineItemScores
    /// The sum of the items (max 100).
    public let base: ScorePoints
    /// Bonus points outside the 100 (item 15, max 5).
    public let bonus: ScorePoints
    /// Penalty points outside the 100 (item 16).
    public let penalty: ScorePoints
    /// base + bonus − penalty ("加减分项不计入百分制,得分计入考核总分").
    public let total: ScorePoints
    /// 1 for the highest total; equal totals share a rank (1, 2, 2, 4).
    public let rank: Int
    /// The unit's cases assigned in the period.
    public let cases: Int
    /// Every fact that cost points, by item, in input order within an item. Not in SPEC A2's JSON.
    public let deductions: [HotlineDeduction]
    /// The counts behind item 13. Not in SPEC A2's JSON.
    public let satisfactionTally: HotlineSatisfactionTally

    /// A unit's line; the engine builds these, tests and the server's storage may too.
    public init(unit: String, items: HotlineItemScores, base: ScorePoints, bonus: ScorePoints, penalty: ScorePoints,
                total: ScorePoints, rank: Int, cases: Int, deductions: [HotlineDeduction] = [],
                satisfactionTally: HotlineSatisfactionTally = HotlineSatisfactionTally()) {
        self.unit = unit
        self.items = items
        self.base = base
        self.bonus = bonus
        self.penalty = penalty
        self.total = total
        self.rank = rank
        self.cases = cases
        self.deductions = deductions
        self.satisfactionTally = satisfactionTally
    }

    /// The deductions on `item`.
    public func deductions(for item: HotlineItem) -> [HotlineDeduction] {
        deductions.filter { $0.item == item }
    }
}

extension HotlineUnitScore: Codable {
    private enum CodingKeys: String, CodingKey {
        case unit, items, base, bonus, penalty, total, rank, cases
    }

    /// Reads one entry of SPEC A2's `units`; deductions and tally come back empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(unit: try container.decode(String.self, forKey: .unit),
                  items: try container.decode(HotlineItemScores.self, forKey: .items),
                  base: try container.decode(ScorePoints.self, forKey: .base),
                  bonus: try container.decode(ScorePoints.self, forKey: .bonus),
                  penalty: try container.decode(ScorePoints.self, forKey: .penalty),
                  total: try container.decode(ScorePoints.self, forKey: .total),
                  rank: try container.decode(Int.self, forKey: .rank),
                  cases: try container.decode(Int.self, forKey: .cases))
    }

    /// Writes one entry of SPEC A2's `units`, keys in SPEC order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(items, forKey: .items)
        try container.encode(base, forKey: .base)
        try container.encode(bonus, forKey: .bonus)
        try container.encode(penalty, forKey: .penalty)
        try container.encode(total, forKey: .total)
        try container.encode(rank, forKey: .rank)
        try container.encode(cases, forKey: .cases)
    }
}
