import DubanCore
import Foundation
import XCTest

final class LocalDateTests: XCTestCase {
    func testParsesAndFormatsYearMonthDay() throws {
        let date = try CalendarTestSupport.day("2026-09-24")
        XCTAssertEqual([date.year, date.month, date.day], [2026, 9, 24])
        XCTAssertEqual(date.description, "2026-09-24")
        XCTAssertEqual(LocalDate(year: 33, month: 1, day: 5)?.description, "0033-01-05")
    }

    func testRejectsMalformedAndImpossibleDates() {
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-9-24", "26-09-24",
                     "2026/09/24", "2026-09-24x", "+026-09-24", "２０２６-09-24", "", "0000-01-01"] {
            XCTAssertNil(LocalDate(text), text)
        }
        XCTAssertNil(LocalDate(year: 10_000, month: 1, day: 1))
        XCTAssertNotNil(LocalDate("2024-02-29"))
    }

    func testLeapYears() {
        XCTAssertTrue(LocalDate.isLeapYear(2024))
        XCTAssertTrue(LocalDate.isLeapYear(2000))
        XCTAssertFalse(LocalDate.isLeapYear(1900))
        XCTAssertFalse(LocalDate.isLeapYear(2026))
        XCTAssertEqual(LocalDate.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(LocalDate.daysInMonth(year: 2026, month: 2), 28)
    }

    func testOrdersChronologically() throws {
        let days = try ["2026-10-01", "2025-12-31", "2026-09-30", "2026-01-01"].map { try CalendarTestSupport.day($0) }
        XCTAssertEqual(days.sorted().map(\.description), ["2025-12-31", "2026-01-01", "2026-09-30", "2026-10-01"])
    }

    func testWeekdays() throws {
        XCTAssertEqual(try CalendarTestSupport.day("1970-01-01").weekday, .thursday)
        XCTAssertEqual(try CalendarTestSupport.day("2026-09-24").weekday, .thursday)
        XCTAssertEqual(try CalendarTestSupport.day("2026-10-10").weekday, .saturday)
        XCTAssertEqual(try CalendarTestSupport.day("2000-02-29").weekday, .tuesday)
        XCTAssertEqual(try CalendarTestSupport.day("1969-12-31").weekday, .wednesday)
        XCTAssertTrue(try CalendarTestSupport.day("2026-09-27").isWeekend)
        XCTAssertFalse(try CalendarTestSupport.day("2026-09-28").isWeekend)
    }

    func testDayNumbersRoundTripAcrossTheSupportedRange() throws {
        XCTAssertEqual(try CalendarTestSupport.day("1970-01-01").dayNumber, 0)
        XCTAssertEqual(try CalendarTestSupport.day("2026-09-24").dayNumber, 20_720)
        var number = try XCTUnwrap(LocalDate(year: 1, month: 1, day: 1)).dayNumber
        let last = try XCTUnwrap(LocalDate(year: 9999, month: 12, day: 31)).dayNumber
        var previous: LocalDate?
        while number <= last {
            let date = try XCTUnwrap(LocalDate(dayNumber: number))
            XCTAssertEqual(date.dayNumber, number)
            if let previous { XCTAssertLessThan(previous, date) }
            previous = date
            number += 997
        }
        XCTAssertNil(LocalDate(dayNumber: last + 1))
        XCTAssertNil(LocalDate(dayNumber: Int.max))
        XCTAssertNil(LocalDate(dayNumber: Int.min))
    }

    func testAddingDays() throws {
        let date = try CalendarTestSupport.day("2026-12-30")
        XCTAssertEqual(date.adding(days: 3)?.description, "2027-01-02")
        XCTAssertEqual(date.adding(days: -365)?.description, "2025-12-30")
        XCTAssertNil(date.adding(days: Int.max))
        XCTAssertNil(try CalendarTestSupport.day("9999-12-31").adding(days: 1))
    }

    func testAddingMonthsClampsToTheMonthEnd() throws {
        let cases = [("2024-01-31", 1, "2024-02-29"), ("2026-01-31", 1, "2026-02-28"), ("2026-03-31", 1, "2026-04-30"),
                     ("2026-11-15", 2, "2027-01-15"), ("2026-03-31", -1, "2026-02-28"), ("2026-01-15", -1, "2025-12-15"),
                     ("2026-01-15", -13, "2024-12-15"), ("2026-01-15", -12, "2025-01-15"), ("2024-02-29", 12, "2025-02-28")]
        for (start, months, expected) in cases {
            XCTAssertEqual(try CalendarTestSupport.day(start).adding(months: months)?.description, expected, "\(start) \(months)")
        }
        XCTAssertNil(try CalendarTestSupport.day("9999-12-01").adding(months: 1))
        XCTAssertNil(try CalendarTestSupport.day("2026-01-01").adding(months: Int.min))
    }

    func testConvertsToAndFromInstantsInChinaTime() throws {
        XCTAssertEqual(ChinaTime.timeZone.secondsFromGMT(), 8 * 3600)
        let date = try CalendarTestSupport.day("2026-09-24")
        XCTAssertEqual(date.chinaDate(), try CalendarTestSupport.iso("2026-09-23T16:00:00Z"))
        XCTAssertEqual(date.chinaDate(hour: 18), try CalendarTestSupport.iso("2026-09-24T10:00:00Z"))
        XCTAssertEqual(date.chinaDate(hour: 24), try CalendarTestSupport.day("2026-09-25").chinaDate())
        XCTAssertEqual(LocalDate(chinaTimeOf: try CalendarTestSupport.iso("2026-09-23T15:59:59Z"))?.description, "2026-09-23")
        XCTAssertEqual(LocalDate(chinaTimeOf: try CalendarTestSupport.iso("2026-09-23T16:00:00Z"))?.description, "2026-09-24")
        XCTAssertEqual(LocalDate(chinaTimeOf: try CalendarTestSupport.iso("1960-03-01T00:00:00+08:00"))?.description, "1960-03-01")
    }

    func testInstantsOutsideTheSupportedYearsHaveNoDate() {
        XCTAssertNil(LocalDate(chinaTimeOf: Date(timeIntervalSince1970: .infinity)))
        XCTAssertNil(LocalDate(chinaTimeOf: Date(timeIntervalSince1970: .nan)))
        XCTAssertNil(LocalDate(chinaTimeOf: Date(timeIntervalSince1970: 1e300)))
        XCTAssertNil(LocalDate(chinaTimeOf: Date(timeIntervalSince1970: 1e15)))
        XCTAssertNotNil(LocalDate(chinaTimeOf: .distantFuture))
    }

    func testCodesAsAString() throws {
        let data = try JSONEncoder().encode([try CalendarTestSupport.day("2026-01-04")])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2026-01-04\"]")
        XCTAssertEqual(try JSONDecoder().decode([LocalDate].self, from: data).first?.description, "2026-01-04")
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8)))
        XCTAssertThrowsError(try JSONDecoder().decode([LocalDate].self, from: Data("[20260104]".utf8)))
    }
}
