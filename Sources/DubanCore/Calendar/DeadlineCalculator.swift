import Foundation

/// Computes deadlines in official working time (SPEC M2, Appendix A1), all in China time.
///
/// Pure: it reads no clock and no files; the holiday data and working hours are given to it.
public struct DeadlineCalculator: Sendable {
    /// Which days are working days.
    public var calendar: HolidayCalendar
    /// The working periods of a working day.
    public var workingHours: WorkingHours

    /// A calculator on `calendar`, with the default 09:00–12:00, 13:00–18:00 unless told otherwise.
    public init(calendar: HolidayCalendar, workingHours: WorkingHours = .standard) {
        self.calendar = calendar
        self.workingHours = workingHours
    }

    /// The deadline `amount` `unit`s after `start` (SPEC A1):
    /// - `minutes`, `hours`, `days`: elapsed time, N × 60 s, N × 3600 s, N × 24 h.
    /// - `months`: the same China date and time N months later, clamped to the month's last day.
    /// - `working_hours`: N hours counted only inside working periods of working days; a start
    ///   outside them counts from the next working period.
    /// - `working_days`: the start day is not counted; due at the close of the last working period
    ///   (18:00) of the N-th working day after the start day.
    ///
    /// `amount` must be 1…``DeadlineUnit/maximumAmount``: a zero or negative amount is refused
    /// (``CalendarError/invalidAmount(field:reason:)``); counting backwards is ``before(_:months:)``.
    /// Throws ``CalendarError/outOfRange(field:reason:)`` when `start` or the result is outside years 1–9999.
    public func due(from start: Date, amount: Int, unit: DeadlineUnit) throws -> Deadline {
        guard (1...unit.maximumAmount).contains(amount) else {
            throw CalendarError.invalidAmount(
                field: "amount", reason: "the amount must be 1…\(unit.maximumAmount) for \(unit.rawValue), got \(amount)")
        }
        guard let clock = ChinaClock(start) else {
            throw CalendarError.outOfRange(field: "start", reason: "the start is outside years 1–9999")
        }
        let due: Date?
        switch unit {
        case .minutes: due = start.addingTimeInterval(TimeInterval(amount) * 60)
        case .hours: due = start.addingTimeInterval(TimeInterval(amount) * 3600)
        case .days: due = start.addingTimeInterval(TimeInterval(amount) * 86_400)
        case .months: due = clock.date.adding(months: amount)?.chinaDate(secondOfDay: clock.secondOfDay)
        case .workingHours: due = addingWorkingTime(TimeInterval(amount) * 3600, to: clock)
        case .workingDays: due = addingWorkingDays(amount, after: clock.date)
        }
        guard let due, ChinaClock(due) != nil else {
            throw CalendarError.outOfRange(field: "amount", reason: "the deadline would fall after year 9999")
        }
        return Deadline(due: due, rule: .after(amount: amount, unit: unit, start: start))
    }

    /// ``due(from:amount:unit:)`` with the unit as given to the API; throws
    /// ``CalendarError/unknownUnit(_:)`` for an unknown one.
    public func due(from start: Date, amount: Int, unit: String) throws -> Deadline {
        try due(from: start, amount: amount, unit: DeadlineUnit(validating: unit))
    }

    /// The instant `months` months before `end`, same China date and time, clamped to the month's
    /// last day (31 March − 1 month = 28 or 29 February). For "apply 1 month before the inspection
    /// validity expires" (004 成府发〔2015〕29号: "在检验合格有效期届满前1个月…提出定期检验申请").
    /// Backwards counting is offered for months only, as no seed rule counts other units backwards.
    public func before(_ end: Date, months: Int) throws -> Deadline {
        guard (1...DeadlineUnit.months.maximumAmount).contains(months) else {
            throw CalendarError.invalidAmount(
                field: "amount", reason: "the amount must be 1…\(DeadlineUnit.months.maximumAmount) months, got \(months)")
        }
        guard let clock = ChinaClock(end) else {
            throw CalendarError.outOfRange(field: "end", reason: "the end is outside years 1–9999")
        }
        guard let date = clock.date.adding(months: -months) else {
            throw CalendarError.outOfRange(field: "amount", reason: "the deadline would fall before year 1")
        }
        return Deadline(due: date.chinaDate(secondOfDay: clock.secondOfDay), rule: .monthsBefore(amount: months, end: end))
    }
}
