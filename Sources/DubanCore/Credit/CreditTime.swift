import Foundation

/// Day and deadline arithmetic shared by the credit rules.
enum CreditTime {
    /// The China-time day of `instant`; instants outside years 1–9999 (or not finite) are clamped to
    /// the first or last supported day, so day-based rules never fail on a clock value.
    static func day(of instant: Date) -> LocalDate {
        if let day = LocalDate(chinaTimeOf: instant) { return day }
        return instant.timeIntervalSince1970 < 0 ? LocalDate(unchecked: 1, 1, 1) : LocalDate(unchecked: 9999, 12, 31)
    }

    /// `date` plus `months` months, clamped to the month's last day (A1 `months`) and to years 1–9999.
    static func adding(months: Int, to date: LocalDate) -> LocalDate {
        date.adding(months: months) ?? (months < 0 ? LocalDate(unchecked: 1, 1, 1) : LocalDate(unchecked: 9999, 12, 31))
    }

    /// `amount` working days after `start` (A1 `working_days`: start day not counted, due 18:00).
    static func workingDays(_ amount: Int, after start: Date, calculator: DeadlineCalculator) throws(CreditError) -> Deadline {
        do {
            return try calculator.due(from: start, amount: amount, unit: .workingDays)
        } catch let error as CalendarError {
            throw .calendar(error)
        } catch {
            throw .calendar(.outOfRange(field: "start", reason: "\(error)"))
        }
    }
}
