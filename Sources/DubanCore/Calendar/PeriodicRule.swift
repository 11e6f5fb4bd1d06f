/// A recurring reporting deadline (定期报送): one due date in every period.
///
/// Every due date is a calendar date; the deadline is the end of that day (23:59:59 China time, the
/// last whole second, so it is shown on the due date itself). A due date on a weekend or holiday is
/// not moved: the seeds do not say so.
public enum PeriodicRule: Hashable, Codable, Sendable {
    /// Every week (Monday–Sunday) on the given day: the Thursday bulletin, "每周四通报"
    /// (001 阳政办(2018)12号) and the weekly statistics "每周四" (000 阳政办(2017)38号).
    case weekly(Weekday)
    /// Every calendar month by the given day, due at the end of that day (clamped to the month's last
    /// day): "每月25日前报送" (000 阳政办(2017)35号; 000 阳政办(2017)38号; 001 阳政办(2018)12号),
    /// "每月19日前報送一次" (003 document E). "N日前" is read as "by the end of day N".
    case monthlyByDay(Int)
    /// Every two months (Jan–Feb, Mar–Apr, …), due on the period's last day: the hotline assessment
    /// "双月进行考评" (000 阳政办(2017)33号 附件7).
    case biMonthly
    /// Every quarter, due on its last day: quarterly reviews and reports (001 阳政办(2018)12号,
    /// 001 阳政办(2018)7号).
    case quarterly
    /// Every half year (1 Jan–30 Jun, 1 Jul–31 Dec), due on its last day: the maintenance unit's
    /// elevator drill "每半年至少…进行一次应急演练" (004 成府发〔2015〕29号; SPEC A4).
    case halfYearly
    /// Every calendar year, due on 31 December: "每年至少召开1次" (001 阳政办(2018)2号),
    /// the annual disclosure report "每年更新" (000 阳政办(2017)46号).
    case yearly

    /// Throws ``CalendarError/invalidAmount(field:reason:)`` when a monthly day is not 1–31; use it on
    /// rules that come from users. (An unvalidated day is clamped into the month.)
    public func validated() throws -> PeriodicRule {
        if case .monthlyByDay(let day) = self, !(1...31).contains(day) {
            throw CalendarError.invalidAmount(field: "day", reason: "the day of the month must be 1–31, got \(day)")
        }
        return self
    }

    /// "每周四", "每月25日前", "每两个月（双月）", "每季度", "每半年", "每年".
    public var chinese: String {
        switch self {
        case .weekly(let weekday): return "每\(weekday.chineseName)"
        case .monthlyByDay(let day): return "每月\(day)日前"
        case .biMonthly: return "每两个月（双月）"
        case .quarterly: return "每季度"
        case .halfYearly: return "每半年"
        case .yearly: return "每年"
        }
    }

    /// "weekly on Thursday", "monthly by the 25th", "bi-monthly", "quarterly", "half-yearly", "yearly".
    public var english: String {
        switch self {
        case .weekly(let weekday): return "weekly on \(weekday.englishName)"
        case .monthlyByDay(let day): return "monthly by the \(Self.ordinal(day))"
        case .biMonthly: return "bi-monthly"
        case .quarterly: return "quarterly"
        case .halfYearly: return "half-yearly"
        case .yearly: return "yearly"
        }
    }

    /// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
    private static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }
}
