import DubanCore
import Foundation
import XCTest

/// Shared set-up for the elevator tests: the rules on the shipped China calendar, China wall-clock
/// times and dates (parsed by Foundation, independently of the code under test).
enum ElevatorTestSupport {
    static func rules(_ configuration: ElevatorConfiguration = .standard) throws -> ElevatorRules {
        ElevatorRules(calculator: try CalendarTestSupport.chinaCalculator(), configuration: configuration)
    }

    /// China wall-clock time `2026-03-01 10:00` or `2026-03-01 10:00:30`.
    static func china(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        try CalendarTestSupport.china(text, file: file, line: line)
    }

    /// A date `yyyy-mm-dd`.
    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LocalDate {
        try CalendarTestSupport.day(text, file: file, line: line)
    }
}
