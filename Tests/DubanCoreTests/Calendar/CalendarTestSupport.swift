import DubanCore
import Foundation
import XCTest

/// Paths and parsers shared by the calendar tests. Files are found relative to this source file,
/// not through SwiftPM resources.
enum CalendarTestSupport {
    /// Tests/DubanCoreTests/Calendar/
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The shipped data file, Resources/calendar/china.json at the repository root.
    static let chinaCalendarFile = directory
        .appendingPathComponent("../../../Resources/calendar/china.json").standardizedFileURL

    /// The generated expectations, Tests/DubanCoreTests/Fixtures/deadline-cases.json.
    static let deadlineCasesFile = directory
        .appendingPathComponent("../Fixtures/deadline-cases.json").standardizedFileURL

    /// The real China calendar, parsed from the shipped data file.
    static func chinaCalendar() throws -> HolidayCalendar {
        try HolidayCalendar(jsonData: Data(contentsOf: chinaCalendarFile))
    }

    /// A calculator on the real China calendar and the default working hours.
    static func chinaCalculator() throws -> DeadlineCalculator {
        DeadlineCalculator(calendar: try chinaCalendar())
    }

    /// Parses ISO 8601 with an offset (`2026-09-24T10:00:00+08:00`) with Foundation's parser,
    /// independently of the code under test.
    static func iso(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try XCTUnwrap(formatter.date(from: text), "not ISO 8601: \(text)", file: file, line: line)
    }

    /// China wall-clock time written as `2026-09-24 10:00` or `2026-09-24 10:00:30`.
    static func china(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        let parts = text.split(separator: " ")
        let clock = parts.count == 2 && parts[1].count == 5 ? "\(parts[1]):00" : String(parts.last ?? "")
        return try iso("\(parts[0])T\(clock)+08:00", file: file, line: line)
    }

    /// A date literal `yyyy-mm-dd`.
    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LocalDate {
        try XCTUnwrap(LocalDate(text), "not a date: \(text)", file: file, line: line)
    }
}
