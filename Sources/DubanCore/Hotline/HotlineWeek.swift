import Foundation

/// 周 — the report week: Monday 00:00 to Sunday 24:00, China time (Asia/Shanghai, UTC+8), as the weekly
/// serious-case report (000 阳政办〔2017〕33号 附件2 第三条(九): "每周") and the Thursday bulletin
/// (SPEC M8; ``PeriodicRule/weekly(_:)``) count weeks.
public enum HotlineWeek {
    /// The Monday–Sunday week holding `date`.
    public static func weekContaining(_ date: LocalDate) -> DatePeriod {
        let monday = date.adding(days: 1 - date.weekday.rawValue) ?? date
        return DatePeriod(start: monday, end: monday.adding(days: 6) ?? monday)
    }

    /// The week holding `instant`'s China date; nil outside years 1–9999.
    public static func weekContaining(_ instant: Date) -> DatePeriod? {
        LocalDate(chinaTimeOf: instant).map(weekContaining)
    }

    /// The week's instants, half-open: from Monday 00:00 (included) to the next Monday 00:00, i.e.
    /// Sunday 24:00 (excluded).
    public static func bounds(of week: DatePeriod) -> Range<Date> {
        week.start.chinaDate()..<week.end.chinaDate(hour: 24)
    }

    /// The week's Thursday, the bulletin day (SPEC M8 "weekly Thursday bulletin").
    public static func bulletinDay(of week: DatePeriod) -> LocalDate {
        week.start.adding(days: Weekday.thursday.rawValue - 1) ?? week.start
    }
}
