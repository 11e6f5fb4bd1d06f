import Foundation

extension HolidayCalendar {
    /// Parses the shipped data file `Resources/calendar/china.json` (written by
    /// `scripts/gen-calendar.py`):
    ///
    ///     {"source": "…", "generated": "yyyy-mm-dd",
    ///      "years": {"2026": {"holidays": [{"date":"2026-01-01","name":"元旦"}, …],
    ///                         "workdays": [{"date":"2026-01-04","name":"元旦调休"}, …]}, …}}
    ///
    /// Reading the file is the caller's job. Throws ``CalendarError/malformedData(field:reason:)``
    /// naming the JSON path of the first problem.
    public init(jsonData: Data) throws {
        let file: CalendarFile
        do {
            file = try JSONDecoder().decode(CalendarFile.self, from: jsonData)
        } catch let error as DecodingError {
            throw CalendarError(decodingError: error)
        }
        var years: [HolidayYear] = []
        for (key, entry) in file.years.sorted(by: { $0.key < $1.key }) {
            guard key.count == 4, let year = Int(key), LocalDate.supportedYears.contains(year) else {
                throw CalendarError.malformedData(field: "years.\(key)", reason: "\"\(key)\" is not a year yyyy")
            }
            do {
                years.append(try HolidayYear(year: year, holidays: entry.holidays ?? [], workdays: entry.workdays ?? []))
            } catch let error as CalendarError {
                throw error.nested(under: "years.\(key)")
            }
        }
        self.init(years: years, source: file.source, generated: file.generated)
    }
}

/// The data file's shape; unknown keys (such as `conventions`) are ignored.
private struct CalendarFile: Decodable {
    struct Year: Decodable {
        let holidays: [NamedDay]?
        let workdays: [NamedDay]?
    }

    let source: String
    let generated: LocalDate?
    let years: [String: Year]
}
