/// A unit's running totals while the engine reads the cases.
struct HotlineUnitTally {
    /// The unit.
    let unit: String
    /// The assessor's facts, if a unit line was given.
    var facts: HotlineUnitInput?
    /// Cases assigned in the period.
    var cases = 0
    /// Points deducted so far, by ``HotlineItem/index``, before the floor at zero.
    var deducted = [ScorePoints](repeating: .zero, count: HotlineItem.allCases.count)
    /// The facts behind ``deducted``, by item index.
    var deductions = [[HotlineDeduction]](repeating: [], count: HotlineItem.allCases.count)
    /// Item 13's counts.
    var satisfaction = HotlineSatisfactionTally()

    init(unit: String) {
        self.unit = unit
    }

    /// Records `points` off `item` for `reason`.
    mutating func deduct(_ points: ScorePoints, from item: HotlineItem, caseID: String?, reason: HotlineDeductionReason) {
        deducted[item.index] += points
        deductions[item.index].append(HotlineDeduction(item: item, caseID: caseID, reason: reason, points: points))
    }

    /// Records `count` × `points` off `item` when `count` > 0.
    mutating func deduct(_ count: Int, times points: ScorePoints, from item: HotlineItem, caseID: String,
                         reason: HotlineDeductionReason) {
        guard count > 0 else { return }
        deduct(points.times(count), from: item, caseID: caseID, reason: reason)
    }
}
