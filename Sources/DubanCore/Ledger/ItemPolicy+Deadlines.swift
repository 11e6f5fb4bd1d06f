import Foundation

extension ItemPolicy {
    /// The deadline to propose when a hazard is registered on `day` (China date), as the end of that
    /// China day (24:00); the assigner may choose another. Nil when there is nothing to propose:
    /// - ``FixMode/immediate``: the same day (003 A: "責令當場整改");
    /// - ``FixMode/timeLimited``: 31 December of that year — 000 阳政办(2017)45号: hazards that are
    ///   small in scale "一律要年内确保彻底整改销案"; Duban uses it as the default for every
    ///   time-limited hazard;
    /// - ``FixMode/longTerm``: nil — a cross-year plan whose date the assigner sets
    ///   (000 阳政办(2017)45号: "长计划、短安排…跨年度整改方案").
    ///
    /// Other kinds get nil: their deadline comes from the assigner or the task's own text
    /// (``TaskDeadlineParser``).
    public func proposedDeadline(fixMode: FixMode, registeredOn day: LocalDate) -> Date? {
        guard kind == .hazard else { return nil }
        switch fixMode {
        case .immediate:
            return day.chinaDate(hour: 24)
        case .timeLimited:
            return LocalDate(year: day.year, month: 12, day: 31)?.chinaDate(hour: 24)
        case .longTerm:
            return nil
        }
    }
}
