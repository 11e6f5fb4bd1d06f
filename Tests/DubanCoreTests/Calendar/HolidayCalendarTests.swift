import DubanCore
import Foundation
import XCTest

/// Parsing, lookups and admin corrections on small hand-written data.
final class HolidayCalendarTests: XCTestCase {
    private let sample = """
        {"source": "test", "generated": "2026-01-02", "conventions": "ignored",
         "years": {"2026": {"holidays": [{"date": "2026-10-01", "name": "国庆节"},
                                         {"date": "2026-10-03", "name": "国庆节"}],
                            "workdays": [{"date": "2026-10-10", "name": "国庆节调休"}]},
                   "2025": {"holidays": [], "workdays": []}}}
        """

    private func parse(_ json: String) throws -> HolidayCalendar {
        try HolidayCalendar(jsonData: Data(json.utf8))
    }

    private func assertMalformed(_ json: String, field: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(json), file: file, line: line) { error in
            guard case .malformedData(let found, _) = error as? CalendarError else {
                return XCTFail("expected malformedData, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(found, field, file: file, line: line)
            XCTAssertEqual((error as? CalendarError)?.code, "malformed_calendar_data", file: file, line: line)
        }
    }

    func testParsesTheDataFileFormat() throws {
        let calendar = try parse(sample)
        XCTAssertEqual(calendar.source, "test")
        XCTAssertEqual(calendar.generated?.description, "2026-01-02")
        XCTAssertEqual(calendar.knownYears, [2025, 2026])
        XCTAssertTrue(calendar.hasData(year: 2026))
        XCTAssertFalse(calendar.hasData(year: 2027))
        XCTAssertEqual(calendar.data(for: 2026)?.holidays.count, 2)
    }

    func testDayInfoForEachKindOfDay() throws {
        let calendar = try parse(sample)
        let cases: [(String, Bool, String?)] = [
            ("2026-10-01", false, "国庆节"),      // listed holiday on a Thursday
            ("2026-10-03", false, "国庆节"),      // weekend day inside the break
            ("2026-10-10", true, "国庆节调休"),   // Saturday made a working day
            ("2026-10-02", true, nil),           // Friday not in this small sample: weekday rule
            ("2026-10-11", false, nil),          // ordinary Sunday: no name
            ("2026-10-12", true, nil),           // ordinary Monday
        ]
        for (text, workday, name) in cases {
            let date = try CalendarTestSupport.day(text)
            XCTAssertEqual(calendar.dayInfo(date), DayInfo(date: date, workday: workday, name: name), text)
            XCTAssertEqual(calendar.isWorkday(date), workday, text)
        }
    }

    func testYearsWithoutDataFollowTheWeekdayRule() throws {
        let calendar = try parse(sample)
        XCTAssertFalse(calendar.hasData(year: 2030))
        XCTAssertTrue(calendar.isWorkday(try CalendarTestSupport.day("2030-10-01")))   // a Tuesday
        XCTAssertFalse(calendar.isWorkday(try CalendarTestSupport.day("2030-10-05")))  // a Saturday
        XCTAssertEqual(HolidayCalendar().knownYears, [])
        XCTAssertTrue(HolidayCalendar().isWorkday(try CalendarTestSupport.day("2026-10-01")))
    }

    func testDayInfoEncodesTheAPIShapeWithAnExplicitNullName() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let ordinary = DayInfo(date: try CalendarTestSupport.day("2026-10-11"), workday: false, name: nil)
        XCTAssertEqual(String(decoding: try encoder.encode(ordinary), as: UTF8.self),
                       #"{"date":"2026-10-11","name":null,"workday":false}"#)
        let holiday = DayInfo(date: try CalendarTestSupport.day("2026-10-01"), workday: false, name: "国庆节")
        XCTAssertEqual(try JSONDecoder().decode(DayInfo.self, from: encoder.encode(holiday)), holiday)
    }

    func testAdminCorrectionReplacesAWholeYear() throws {
        var calendar = try parse(sample)
        let oct2 = try CalendarTestSupport.day("2026-10-02")
        let oct3 = try CalendarTestSupport.day("2026-10-03")
        let oct10 = try CalendarTestSupport.day("2026-10-10")
        calendar.setYear(try HolidayYear(year: 2026, holidays: [NamedDay(date: oct2, name: "国庆节")], workdays: []))
        XCTAssertFalse(calendar.isWorkday(oct2))
        XCTAssertEqual(calendar.dayInfo(oct3).name, nil)    // the old entry is gone
        XCTAssertFalse(calendar.isWorkday(oct10))           // an ordinary Saturday again
        XCTAssertEqual(calendar.knownYears, [2025, 2026])

        calendar.setYear(try HolidayYear(year: 2027, holidays: [], workdays: []))
        XCTAssertEqual(calendar.knownYears, [2025, 2026, 2027])
        calendar.removeYear(2026)
        XCTAssertTrue(calendar.isWorkday(oct2))
        XCTAssertEqual(calendar.knownYears, [2025, 2027])
    }

    func testHolidayYearRoundTripsThroughJSON() throws {
        let year = try HolidayYear(
            year: 2026,
            holidays: [NamedDay(date: try CalendarTestSupport.day("2026-10-02"), name: "国庆节"),
                       NamedDay(date: try CalendarTestSupport.day("2026-10-01"), name: "国庆节")],
            workdays: [NamedDay(date: try CalendarTestSupport.day("2026-10-10"), name: "国庆节调休")])
        XCTAssertEqual(year.holidays.map(\.date.description), ["2026-10-01", "2026-10-02"])  // sorted
        XCTAssertEqual(try JSONDecoder().decode(HolidayYear.self, from: JSONEncoder().encode(year)), year)
        let bad = #"{"year": 2026, "holidays": [{"date": "2025-10-01", "name": "x"}]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(HolidayYear.self, from: Data(bad.utf8)))
    }

    func testRejectsInvalidHolidayYears() throws {
        let saturday = try CalendarTestSupport.day("2026-10-10")
        let thursday = try CalendarTestSupport.day("2026-10-01")
        let invalid: [(() throws -> HolidayYear, String)] = [
            ({ try HolidayYear(year: 2025, holidays: [NamedDay(date: thursday, name: "国庆节")], workdays: []) }, "holidays[0].date"),
            ({ try HolidayYear(year: 2026, holidays: [], workdays: [NamedDay(date: thursday, name: "调休")]) }, "workdays[0].date"),
            ({ try HolidayYear(year: 2026, holidays: [NamedDay(date: saturday, name: "a")],
                               workdays: [NamedDay(date: saturday, name: "b")]) }, "workdays[0].date"),
            ({ try HolidayYear(year: 2026, holidays: [NamedDay(date: thursday, name: "a"), NamedDay(date: thursday, name: "a")],
                               workdays: []) }, "holidays[1].date"),
            ({ try HolidayYear(year: 2026, holidays: [NamedDay(date: thursday, name: " ")], workdays: []) }, "holidays[0].name"),
            ({ try HolidayYear(year: 0, holidays: [], workdays: []) }, "year"),
        ]
        for (make, field) in invalid {
            XCTAssertThrowsError(try make()) { error in
                XCTAssertEqual((error as? CalendarError)?.field, field)
            }
        }
    }

    func testMalformedFilesNameTheOffendingField() {
        assertMalformed("not json", field: "")
        assertMalformed(#"{"source": "x"}"#, field: "years")
        assertMalformed(#"{"years": {}}"#, field: "source")
        assertMalformed(#"{"source": "x", "generated": "yesterday", "years": {}}"#, field: "generated")
        assertMalformed(#"{"source": "x", "years": {"20x6": {}}}"#, field: "years.20x6")
        assertMalformed(#"{"source": "x", "years": {"2026": {"holidays": [{"date": "2026-02-30", "name": "a"}]}}}"#,
                        field: "years.2026.holidays[0].date")
        assertMalformed(#"{"source": "x", "years": {"2026": {"holidays": [{"date": "2026-02-03"}]}}}"#,
                        field: "years.2026.holidays[0].name")
        assertMalformed(#"{"source": "x", "years": {"2026": {"workdays": [{"date": "2026-10-01", "name": "a"}]}}}"#,
                        field: "years.2026.workdays[0].date")
        assertMalformed(#"{"source": "x", "years": {"2026": {"holidays": [{"date": "2025-10-01", "name": "a"}]}}}"#,
                        field: "years.2026.holidays[0].date")
    }
}
