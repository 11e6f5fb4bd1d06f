import DubanCore
import Foundation
import XCTest

/// Builders shared by the credit tests. Times are China wall-clock times; dates `yyyy-mm-dd`.
enum CreditTestSupport {
    /// A calculator on the shipped China calendar (Resources/calendar/china.json).
    static func calculator() throws -> DeadlineCalculator {
        try CalendarTestSupport.chinaCalculator()
    }

    /// China wall-clock time `2026-09-24 10:00`.
    static func china(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        try CalendarTestSupport.china(text, file: file, line: line)
    }

    /// A date literal `yyyy-mm-dd`.
    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LocalDate {
        try CalendarTestSupport.day(text, file: file, line: line)
    }

    /// A record made on the default rules, recorded at noon of its decision day.
    static func record(
        _ kind: CreditRecordKind, on date: String, field: CreditField = .other, id: String? = nil,
        subject: String = "91420105MA4KXXXX0X", rules: CreditRules = .defaults,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> CreditRecord {
        try CreditRecord.make(
            id: id ?? "\(kind.rawValue)-\(date)", subjectID: subject, kind: kind, field: field,
            decisionDate: day(date, file: file, line: line), rules: rules,
            at: china("\(date) 12:00", file: file, line: line))
    }

    /// The standing at China time `now` on the default rules unless told otherwise.
    static func standing(
        _ records: [CreditRecord], at now: String, rules: CreditRules = .defaults,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> CreditStanding {
        CreditScore.evaluate(records: records, at: try china(now, file: file, line: line), rules: rules)
    }

    /// The error `body` throws, as a ``CreditError``; fails when it throws nothing or something else.
    static func error<T>(
        _ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line
    ) -> CreditError? {
        do {
            _ = try body()
            XCTFail("expected a CreditError, nothing was thrown", file: file, line: line)
        } catch let error as CreditError {
            return error
        } catch {
            XCTFail("expected a CreditError, got \(error)", file: file, line: line)
        }
        return nil
    }
}
