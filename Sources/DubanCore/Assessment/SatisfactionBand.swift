/// One band of the satisfaction-rate deduction (item 13): a rate of at least `minimumPercent`
/// (and below the next band up) deducts `deduction` points.
public struct SatisfactionBand: Hashable, Codable, Sendable {
    /// The inclusive lower bound of the rate, in whole percent (SPEC A2: "lower bound inclusive").
    public var minimumPercent: Int
    /// The points deducted for a rate in this band.
    public var deduction: ScorePoints

    /// A band from `minimumPercent` % deducting `deduction`.
    public init(minimumPercent: Int, deduction: ScorePoints) {
        self.minimumPercent = minimumPercent
        self.deduction = deduction
    }

    /// 000 阳政办(2017)33号 附件7 (13): "满意率达90%-95%(不含95)扣2分,85%-90%(不含90)扣5分,80%-85%(不含85)扣8分,
    /// 75%-80%(不含80)扣10分,70%-75%(不含75)扣15分,60%-70%(不含70)扣20分,低于60%扣25分"; 95 % or more deducts nothing.
    public static let standard: [SatisfactionBand] = [
        SatisfactionBand(minimumPercent: 95, deduction: .zero),
        SatisfactionBand(minimumPercent: 90, deduction: ScorePoints(2)),
        SatisfactionBand(minimumPercent: 85, deduction: ScorePoints(5)),
        SatisfactionBand(minimumPercent: 80, deduction: ScorePoints(8)),
        SatisfactionBand(minimumPercent: 75, deduction: ScorePoints(10)),
        SatisfactionBand(minimumPercent: 70, deduction: ScorePoints(15)),
        SatisfactionBand(minimumPercent: 60, deduction: ScorePoints(20)),
        SatisfactionBand(minimumPercent: 0, deduction: ScorePoints(25)),
    ]
}
