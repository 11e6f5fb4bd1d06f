/// What one calendar day is: the API's `{"date","workday","name"}`.
///
/// `name` is the holiday break's name (元旦, 春节, "国庆节、中秋节" …) on a day off of a break, the
/// 调休 name ("国庆节调休") on a weekend day made a working day, and null on every other day —
/// ordinary weekends included: they are explained by `workday: false` alone, and a null name tells
/// clients the day follows the plain weekday rule.
public struct DayInfo: Hashable, Codable, Sendable {
    /// The day described.
    public let date: LocalDate
    /// Whether it is a working day (SPEC A1).
    public let workday: Bool
    /// The holiday or 调休 name; nil on ordinary days.
    public let name: String?

    /// A day description as ``HolidayCalendar/dayInfo(_:)`` builds it.
    public init(date: LocalDate, workday: Bool, name: String?) {
        self.date = date
        self.workday = workday
        self.name = name
    }

    private enum CodingKeys: String, CodingKey {
        case date, workday, name
    }

    /// Encodes `name` as an explicit null when absent, so the key is always there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(workday, forKey: .workday)
        try container.encode(name, forKey: .name)
    }
}
