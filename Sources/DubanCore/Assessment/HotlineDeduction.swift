/// One fact that cost a unit points on one item, so that a page can link each deduction to its case.
public struct HotlineDeduction: Hashable, Codable, Sendable {
    /// The item the points came off.
    public let item: HotlineItem
    /// The case at fault; nil for the assessor's unit-level facts (items 1–6 and 11).
    public let caseID: String?
    /// Why.
    public let reason: HotlineDeductionReason
    /// The points this fact deducts, before the item's floor at zero. Zero for
    /// ``HotlineDeductionReason/dissatisfied``: those cases lower the rate, and the rate's band is
    /// deducted once for the item.
    public let points: ScorePoints

    /// A deduction of `points` from `item` for `reason`.
    public init(item: HotlineItem, caseID: String?, reason: HotlineDeductionReason, points: ScorePoints) {
        self.item = item
        self.caseID = caseID
        self.reason = reason
        self.points = points
    }
}
