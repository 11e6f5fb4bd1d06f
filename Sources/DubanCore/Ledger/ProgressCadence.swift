import Foundation

/// 进展报告周期 — how often a task's units report progress: weekly for a campaign that is "每周通报,
/// 每月考核" (001 阳政办(2018)11号), monthly for the work-report tasks the government reviews each month
/// (001 阳政办(2018)12号: "月调度"; 10号: "定期梳理总结…进展情况").
public enum ProgressCadence: String, CaseIterable, Codable, Sendable {
    case none
    case weekly
    case monthly

    public var chinese: String {
        switch self {
        case .none: "不要求"
        case .weekly: "每周"
        case .monthly: "每月"
        }
    }

    /// When the next report is due after `last` (the last report, or the assignment when none was
    /// made): 7 days later, or the same time a month later (SPEC A1 `days` / `months`); nil for `none`.
    public func nextDue(after last: Date, calculator: DeadlineCalculator) throws -> Date? {
        try due(after: last, periods: 1, calculator: calculator)
    }

    /// The end of the `periods`-th period after `last`, counted from `last` itself so month ends do
    /// not drift (31 January + 2 months is 31 March, not 28 March).
    func due(after last: Date, periods: Int, calculator: DeadlineCalculator) throws -> Date? {
        switch self {
        case .none: return nil
        case .weekly: return try calculator.due(from: last, amount: 7 * periods, unit: .days).due
        case .monthly: return try calculator.due(from: last, amount: periods, unit: .months).due
        }
    }

    /// Reports due since `last` and not made by `now`: one for each whole period that has passed. A
    /// report made exactly at the end of a period is on time. Capped at 120 so a task left for years
    /// cannot run the loop long.
    public func missedReports(since last: Date, at now: Date, calculator: DeadlineCalculator) throws -> Int {
        var missed = 0
        while missed < 120, let due = try due(after: last, periods: missed + 1, calculator: calculator), due < now {
            missed += 1
        }
        return missed
    }
}
