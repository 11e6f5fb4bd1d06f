/// The official China working calendar: which days are working days (工作日).
///
/// SPEC A1: a date is a working day if it is Monday–Friday and not a public holiday, or if it is a
/// weekend day declared a working day (调休) for that year. Years without data (see ``hasData(year:)``)
/// follow the plain weekday rule; the server warns about them.
///
/// A value type: the server loads the shipped data with ``init(jsonData:)``, applies admin corrections
/// with ``setYear(_:)`` and hands the result to whatever computes deadlines.
public struct HolidayCalendar: Equatable, Sendable {
    /// Where the data came from (the data file's `source`, or a caller's label).
    public var source: String
    /// When the data file was generated, when it says so.
    public var generated: LocalDate?

    private var years: [Int: HolidayYear] = [:]
    /// Every listed day keyed by ``LocalDate/dayNumber``, for constant-time lookups in hot loops.
    private var listedDays: [Int: DayInfo] = [:]

    /// A calendar holding `years` (later entries for the same year win).
    public init(years: [HolidayYear] = [], source: String = "", generated: LocalDate? = nil) {
        self.source = source
        self.generated = generated
        for year in years {
            setYear(year)
        }
    }

    /// The years with data, ascending.
    public var knownYears: [Int] {
        years.keys.sorted()
    }

    /// Whether `year` has holiday data; without it the weekday rule is used, which misses holidays.
    public func hasData(year: Int) -> Bool {
        years[year] != nil
    }

    /// The data of one year, if any.
    public func data(for year: Int) -> HolidayYear? {
        years[year]
    }

    /// Adds or replaces one year's holidays and workdays (an admin correction, or a newly announced year).
    public mutating func setYear(_ data: HolidayYear) {
        if let old = years[data.year] {
            for entry in old.holidays + old.workdays {
                listedDays[entry.date.dayNumber] = nil
            }
        }
        years[data.year] = data
        for entry in data.holidays {
            listedDays[entry.date.dayNumber] = DayInfo(date: entry.date, workday: false, name: entry.name)
        }
        for entry in data.workdays {
            listedDays[entry.date.dayNumber] = DayInfo(date: entry.date, workday: true, name: entry.name)
        }
    }

    /// Removes one year's data, so that year falls back to the weekday rule.
    public mutating func removeYear(_ year: Int) {
        guard let old = years.removeValue(forKey: year) else { return }
        for entry in old.holidays + old.workdays {
            listedDays[entry.date.dayNumber] = nil
        }
    }

    /// Whether `date` is a working day (SPEC A1).
    public func isWorkday(_ date: LocalDate) -> Bool {
        listedDays[date.dayNumber]?.workday ?? !date.isWeekend
    }

    /// The day's working status and name; see ``DayInfo`` for when `name` is null.
    public func dayInfo(_ date: LocalDate) -> DayInfo {
        listedDays[date.dayNumber] ?? DayInfo(date: date, workday: !date.isWeekend, name: nil)
    }
}
