/// One year of the official calendar, as announced by the State Council (国务院办公厅 节假日安排):
/// the days off of its holiday breaks and the weekend days made working days (调休).
///
/// This is also the unit of an admin correction: ``HolidayCalendar/setYear(_:)`` replaces a whole year.
public struct HolidayYear: Hashable, Sendable {
    /// The calendar year.
    public let year: Int
    /// Days off of holiday breaks; weekend days inside a break may be listed too.
    public let holidays: [NamedDay]
    /// Saturdays and Sundays declared working days.
    public let workdays: [NamedDay]

    /// Validates and builds the year. Throws ``CalendarError/malformedData(field:reason:)`` when a
    /// date lies outside `year`, is listed twice, is both a holiday and a workday, when a workday is
    /// not a Saturday or Sunday, or when a name is blank.
    public init(year: Int, holidays: [NamedDay], workdays: [NamedDay]) throws {
        guard LocalDate.supportedYears.contains(year) else {
            throw CalendarError.malformedData(field: "year", reason: "year \(year) is outside 1–9999")
        }
        var seen = Set<LocalDate>()
        for (list, entries) in [("holidays", holidays), ("workdays", workdays)] {
            for (index, entry) in entries.enumerated() {
                let field = "\(list)[\(index)]"
                guard entry.date.year == year else {
                    throw CalendarError.malformedData(
                        field: "\(field).date", reason: "\(entry.date) is not in \(year)")
                }
                guard seen.insert(entry.date).inserted else {
                    throw CalendarError.malformedData(
                        field: "\(field).date", reason: "\(entry.date) is listed more than once")
                }
                guard !entry.name.allSatisfy(\.isWhitespace) else {
                    throw CalendarError.malformedData(field: "\(field).name", reason: "the name is empty")
                }
                if list == "workdays" && !entry.date.isWeekend {
                    throw CalendarError.malformedData(
                        field: "\(field).date",
                        reason: "\(entry.date) is a \(entry.date.weekday.englishName); only weekend days can be made working days")
                }
            }
        }
        self.year = year
        self.holidays = holidays.sorted { $0.date < $1.date }
        self.workdays = workdays.sorted { $0.date < $1.date }
    }
}
