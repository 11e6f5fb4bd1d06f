extension LocalDate {
    /// Days since 1970-01-01 (negative before), the key used for fast day arithmetic and lookups.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil, on a year that starts in March.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01, or nil outside ``supportedYears``.
    public init?(dayNumber: Int) {
        // Years 1–9999 are day numbers -719162…2932896; the bound also keeps the arithmetic from overflowing.
        guard (-800_000...3_000_000).contains(dayNumber) else { return nil }
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard Self.supportedYears.contains(year) else { return nil }
        self.init(unchecked: year, month, day)
    }

    /// The date `days` days later (earlier when negative), or nil outside ``supportedYears``.
    public func adding(days: Int) -> LocalDate? {
        guard (-4_000_000...4_000_000).contains(days) else { return nil }
        return LocalDate(dayNumber: dayNumber + days)
    }

    /// The same day of the month `months` months later (earlier when negative), clamped to the last
    /// day of a shorter month (31 January + 1 month = 28 or 29 February); nil outside ``supportedYears``.
    public func adding(months: Int) -> LocalDate? {
        guard (-120_000...120_000).contains(months) else { return nil }
        let (yearShift, monthIndex) = (month - 1 + months).quotientAndRemainder(dividingBy: 12)
        let targetYear = year + yearShift + (monthIndex < 0 ? -1 : 0)
        let targetMonth = (monthIndex < 0 ? monthIndex + 12 : monthIndex) + 1
        guard Self.supportedYears.contains(targetYear) else { return nil }
        let targetDay = min(day, Self.daysInMonth(year: targetYear, month: targetMonth))
        return LocalDate(unchecked: targetYear, targetMonth, targetDay)
    }

    /// The day of the week.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let offset = (dayNumber + 3) % 7
        return Weekday(rawValue: (offset < 0 ? offset + 7 : offset) + 1) ?? .monday
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool {
        weekday == .saturday || weekday == .sunday
    }

    /// The first day of this date's month.
    public var firstOfMonth: LocalDate {
        LocalDate(unchecked: year, month, 1)
    }

    /// The last day of this date's month.
    public var lastOfMonth: LocalDate {
        LocalDate(unchecked: year, month, Self.daysInMonth(year: year, month: month))
    }
}
