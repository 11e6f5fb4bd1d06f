import Foundation

extension PeriodicRule {
    /// The period containing `date`: its Monday–Sunday week, month, two-month block, quarter, half
    /// year or year. Nil only at the edges of ``LocalDate/supportedYears``.
    public func period(containing date: LocalDate) -> DatePeriod? {
        switch self {
        case .weekly:
            let monday = date.adding(days: 1 - date.weekday.rawValue)
            guard let start = monday, let end = start.adding(days: 6) else { return nil }
            return DatePeriod(start: start, end: end)
        case .monthlyByDay:
            return DatePeriod(start: date.firstOfMonth, end: date.lastOfMonth)
        case .biMonthly: return Self.block(of: 2, containing: date)
        case .quarterly: return Self.block(of: 3, containing: date)
        case .halfYearly: return Self.block(of: 6, containing: date)
        case .yearly: return Self.block(of: 12, containing: date)
        }
    }

    /// The due date within `period` (a period this rule produced).
    public func dueDate(in period: DatePeriod) -> LocalDate {
        switch self {
        case .weekly(let weekday):
            return period.start.adding(days: weekday.rawValue - 1) ?? period.end
        case .monthlyByDay(let day):
            let clamped = min(max(day, 1), LocalDate.daysInMonth(year: period.start.year, month: period.start.month))
            return LocalDate(year: period.start.year, month: period.start.month, day: clamped) ?? period.end
        case .biMonthly, .quarterly, .halfYearly, .yearly:
            return period.end
        }
    }

    /// The deadline of `period`: the end (23:59:59 China time) of its due date.
    public func deadline(for period: DatePeriod) -> Deadline {
        Deadline(due: dueDate(in: period).chinaDate(hour: 23, minute: 59, second: 59),
                 rule: .periodic(self, period: period))
    }

    /// The first deadline strictly after `instant`: this period's, or the next period's when this
    /// period's is already past. Throws ``CalendarError/outOfRange(field:reason:)`` for an instant
    /// outside years 1–9999.
    public func nextDue(after instant: Date) throws -> Deadline {
        guard let clock = ChinaClock(instant), let current = period(containing: clock.date) else {
            throw CalendarError.outOfRange(field: "after", reason: "the instant is outside years 1–9999")
        }
        let deadline = deadline(for: current)
        if deadline.due > instant { return deadline }
        guard let nextDay = current.end.adding(days: 1), let next = period(containing: nextDay) else {
            throw CalendarError.outOfRange(field: "after", reason: "the next period is outside years 1–9999")
        }
        return self.deadline(for: next)
    }

    /// The block of `months` months (a divisor of 12, blocks starting in January) containing `date`.
    private static func block(of months: Int, containing date: LocalDate) -> DatePeriod? {
        let firstMonth = (date.month - 1) / months * months + 1
        guard let start = LocalDate(year: date.year, month: firstMonth, day: 1),
              let lastMonthStart = start.adding(months: months - 1) else { return nil }
        return DatePeriod(start: start, end: lastMonthStart.lastOfMonth)
    }
}
