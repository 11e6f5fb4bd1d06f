import Foundation

/// Task supervision of the 001 breakdowns: 001 阳政办(2018)11号 ("工作专班每周通报,每月考核") and
/// 阳政办(2018)12号 ("月调度…红黄牌预警"; "季讲评…区政府督查室对排名靠后单位存在的问题进行跟踪督办",
/// the D7 quarterly review). Pure: facts and the evaluation instant are given.
public enum TaskSupervision {
    /// The breakdown per unit for `period` (a calendar month, or a calendar quarter starting in
    /// January, April, July or October), as seen at `at`, ranked as ``rank(_:)`` does.
    ///
    /// A task is due in the period when its deadline d has period.start < d ≤ period.end: a deadline
    /// is the instant work must be done by, so "9月底" (30 September 24:00 = 1 October 00:00) belongs
    /// to September and a deadline at 1 July 00:00 (30 June 24:00) to June. Cards are
    /// summed over every task given (the server passes the cards issued in the period).
    /// Throws ``SupervisionError`` for a period of another length, a blank unit or id, a repeated
    /// (unit, id), or a negative card count.
    public static func summarize(tasks: [SupervisedTask], period: AssessmentPeriod, at: Date) throws -> TaskSupervisionReport {
        let quarter = period.months == 3 && [1, 4, 7, 10].contains(period.firstDay.month)
        guard period.months == 1 || quarter else {
            throw SupervisionError.invalidValue(
                field: "period", chinese: "须为一个自然月或一个季度（如 2026-07/2026-09）",
                english: "must be a calendar month or quarter, e.g. 2026-07/2026-09")
        }
        var seen = Set<[String]>()
        var byUnit: [String: TaskUnitSummary] = [:]
        for (index, task) in tasks.enumerated() {
            let field = "tasks[\(index)]"
            if task.unit.trimmingCharacters(in: .whitespaces).isEmpty { throw SupervisionError.missingField("\(field).unit") }
            if task.id.trimmingCharacters(in: .whitespaces).isEmpty { throw SupervisionError.missingField("\(field).id") }
            if !seen.insert([task.unit, task.id]).inserted { throw SupervisionError.duplicateID(field: "\(field).id", id: task.id) }
            if task.yellowCards < 0 || task.redCards < 0 {
                throw SupervisionError.invalidValue(
                    field: "\(field).\(task.yellowCards < 0 ? "yellowCards" : "redCards")",
                    chinese: "牌数不能为负", english: "a card count cannot be negative")
            }
            var summary = byUnit[task.unit] ?? TaskUnitSummary(
                unit: task.unit, tasksDue: 0, closedOnTime: 0, closedLate: 0, openOverdue: 0, openNotYetDue: 0,
                yellowCards: 0, redCards: 0, onTimeRate: nil, rank: nil)
            summary.yellowCards += task.yellowCards
            summary.redCards += task.redCards
            if period.start < task.due && task.due <= period.end {
                summary.tasksDue += 1
                if let closed = task.closedAt, closed <= at {
                    if closed <= task.due { summary.closedOnTime += 1 } else { summary.closedLate += 1 }
                } else if at > task.due {
                    summary.openOverdue += 1
                } else {
                    summary.openNotYetDue += 1
                }
            }
            byUnit[task.unit] = summary
        }
        let units = byUnit.values.map { summary in
            var summary = summary
            summary.onTimeRate = ExactRate(summary.closedOnTime, of: summary.tasksDue)
            return summary
        }
        return TaskSupervisionReport(period: period, units: rank(units))
    }

    /// Ranks units: on-time rate descending, then fewer red cards, then fewer yellow cards; units equal
    /// on all three share a rank (1, 2, 2, 4) and are listed by name. Units with nothing due are not
    /// ranked (rank nil) and come last, by name.
    public static func rank(_ units: [TaskUnitSummary]) -> [TaskUnitSummary] {
        let rated = units.filter { $0.onTimeRate != nil }
        let sorted = rated.sorted { a, b in
            let order = better(a, b)
            return order != 0 ? order > 0 : a.unit < b.unit
        }
        var result: [TaskUnitSummary] = []
        for (index, unit) in sorted.enumerated() {
            var unit = unit
            if let previous = result.last, better(previous, unit) == 0 {
                unit.rank = previous.rank
            } else {
                unit.rank = index + 1
            }
            result.append(unit)
        }
        let unrated = units.filter { $0.onTimeRate == nil }.sorted { $0.unit < $1.unit }.map { unit in
            var unit = unit
            unit.rank = nil
            return unit
        }
        return result + unrated
    }

    /// 1 when `a` ranks above `b`, −1 below, 0 tied.
    private static func better(_ a: TaskUnitSummary, _ b: TaskUnitSummary) -> Int {
        if let ra = a.onTimeRate, let rb = b.onTimeRate {
            let rates = ra.compare(rb)
            if rates != 0 { return rates }
        }
        if a.redCards != b.redCards { return a.redCards < b.redCards ? 1 : -1 }
        if a.yellowCards != b.yellowCards { return a.yellowCards < b.yellowCards ? 1 : -1 }
        return 0
    }
}
