import Foundation

extension DeadlineCalculator {
    /// Whether `instant` lies inside a working period of a working day (period ends excluded).
    public func isWorkingTime(_ instant: Date) -> Bool {
        guard let clock = ChinaClock(instant), calendar.isWorkday(clock.date) else { return false }
        return workingHours.periods.contains {
            Double($0.startMinute * 60) <= clock.secondOfDay && clock.secondOfDay < Double($0.endMinute * 60)
        }
    }

    /// Working time between two instants, in seconds: the parts of [a, b] inside working periods of
    /// working days. Negative when `b` precedes `a`. For rules such as "signed more than 4 working
    /// hours after assignment" (000 阳政办(2017)33号 附件7, SPEC A2 item 7).
    /// Throws ``CalendarError/outOfRange(field:reason:)`` for instants outside years 1–9999.
    public func workingTimeBetween(_ a: Date, _ b: Date) throws -> TimeInterval {
        guard let from = ChinaClock(min(a, b)), let to = ChinaClock(max(a, b)) else {
            throw CalendarError.outOfRange(field: "instant", reason: "an instant is outside years 1–9999")
        }
        var total: TimeInterval = 0
        var day = from.date
        while day <= to.date {
            if calendar.isWorkday(day) {
                let lower = day == from.date ? from.secondOfDay : 0
                let upper = day == to.date ? to.secondOfDay : 86_400
                for period in workingHours.periods {
                    let overlap = min(upper, Double(period.endMinute * 60)) - max(lower, Double(period.startMinute * 60))
                    if overlap > 0 { total += overlap }
                }
            }
            guard let next = day.adding(days: 1) else { break }
            day = next
        }
        return a <= b ? total : -total
    }

    /// The instant `seconds` of working time after `start`; a start outside working time counts from
    /// the next working period, and a count that ends exactly at a period's close ends there
    /// (16:00 + 2 working hours = 18:00 the same day). Nil past year 9999.
    func addingWorkingTime(_ seconds: TimeInterval, to start: ChinaClock) -> Date? {
        var remaining = seconds
        var day = start.date
        var from = start.secondOfDay
        while true {
            if calendar.isWorkday(day) {
                for period in workingHours.periods {
                    let open = max(from, Double(period.startMinute * 60))
                    let available = Double(period.endMinute * 60) - open
                    guard available > 0 else { continue }
                    if remaining <= available { return day.chinaDate(secondOfDay: open + remaining) }
                    remaining -= available
                }
            }
            guard let next = day.adding(days: 1) else { return nil }
            day = next
            from = 0
        }
    }

    /// The close of working hours on the `count`-th working day after `startDay` (start day not
    /// counted). Nil past year 9999.
    func addingWorkingDays(_ count: Int, after startDay: LocalDate) -> Date? {
        var day = startDay
        var counted = 0
        while counted < count {
            guard let next = day.adding(days: 1) else { return nil }
            day = next
            if calendar.isWorkday(day) { counted += 1 }
        }
        return day.chinaDate(secondOfDay: workingHours.closingSecond)
    }
}
