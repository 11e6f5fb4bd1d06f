@testable import DubanCore
import Foundation
import XCTest

/// Shared helpers of the hotline tests, over ``CalendarTestSupport``.
enum HotlineTestSupport {
    /// China wall-clock time `2026-09-24 10:00` or `2026-09-24 10:00:30`.
    static func china(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        try CalendarTestSupport.china(text, file: file, line: line)
    }

    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LocalDate {
        try CalendarTestSupport.day(text, file: file, line: line)
    }

    /// The default category with `code`.
    static func category(_ code: String, file: StaticString = #filePath, line: UInt = #line) throws -> HotlineCategory {
        try XCTUnwrap(HotlineCategory.defaults.first { $0.code == code }, "no default category \(code)", file: file, line: line)
    }

    /// Asserts `body` throws exactly `expected`.
    static func assertThrows<T>(_ expected: HotlineError, file: StaticString = #filePath, line: UInt = #line,
                                _ body: () throws -> T) {
        do {
            _ = try body()
            XCTFail("expected \(expected.code), nothing thrown", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? HotlineError, expected, file: file, line: line)
        }
    }
}
