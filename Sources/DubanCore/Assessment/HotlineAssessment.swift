/// 考评结果 — the hotline assessment of one period (000 阳政办(2017)33号 附件7, SPEC A2): every unit's
/// items, base, bonus, penalty, total and rank, units in rank order.
///
/// ``json()`` writes exactly SPEC A2's output, as `duban assess hotline` prints it. `Codable` in the
/// same shape (for storage); the deduction details stay on each ``HotlineUnitScore`` and are not part
/// of it.
public struct HotlineAssessment: Hashable, Codable, Sendable {
    /// The period assessed.
    public let period: AssessmentPeriod
    /// The units in rank order; equal totals by unit name.
    public let units: [HotlineUnitScore]

    /// An assessment of `period` with `units` already in rank order.
    public init(period: AssessmentPeriod, units: [HotlineUnitScore]) {
        self.period = period
        self.units = units
    }

    /// The line of `unit`, if it was scored.
    public func score(of unit: String) -> HotlineUnitScore? {
        units.first { $0.unit == unit }
    }
}
