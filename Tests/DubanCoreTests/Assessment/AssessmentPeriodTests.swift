@testable import DubanCore
import Foundation
import XCTest

final class AssessmentPeriodTests: XCTestCase {
    func testBiMonthlyPeriodRunsFromFirstMidnightToEndOfLastDay() throws {
        let period = try AssessmentPeriod("2026-09/2026-10")
        XCTAssertEqual(period.description, "2026-09/2026-10")
        XCTAssertEqual(period.months, 2)
        // 2026-09-01 00:00 +08:00 is 2026-08-31 16:00 UTC; the end is 2026-11-01 00:00 +08:00.
        XCTAssertEqual(period.start, try CalendarTestSupport.iso("2026-08-31T16:00:00Z"))
        XCTAssertEqual(period.end, try CalendarTestSupport.iso("2026-11-01T00:00:00+08:00"))
        XCTAssertTrue(period.contains(try CalendarTestSupport.iso("2026-09-01T00:00:00+08:00")))
        XCTAssertFalse(period.contains(try CalendarTestSupport.iso("2026-08-31T23:59:59+08:00")))
        XCTAssertTrue(period.contains(try CalendarTestSupport.iso("2026-10-31T23:59:59+08:00")))
        XCTAssertFalse(period.contains(try CalendarTestSupport.iso("2026-11-01T00:00:00+08:00")))
    }

    func testAcceptsOneMonthAcrossYearsAndAYear() throws {
        XCTAssertEqual(try AssessmentPeriod("2026-09/2026-09").months, 1)
        let winter = try AssessmentPeriod("2026-12/2027-01")
        XCTAssertEqual(winter.months, 2)
        XCTAssertEqual(winter.lastDay, try CalendarTestSupport.day("2027-01-31"))
        XCTAssertEqual(try AssessmentPeriod("2026-01/2026-12").months, 12)
        // February of a leap year ends on the 29th.
        XCTAssertEqual(try AssessmentPeriod("2028-01/2028-02").lastDay, try CalendarTestSupport.day("2028-02-29"))
    }

    func testRejectsMalformedBackwardsAndLongPeriods() {
        for text in ["2026-09", "2026-9/2026-10", "2026-09/2026-10/2026-11", "2026-09-2026-10", " 2026-09/2026-10",
                     "2026-13/2026-14", "2026-00/2026-01", "２０２６-09/2026-10", "2026-10/2026-09", "2026-01/2027-01",
                     "0000-01/0000-02", ""] {
            XCTAssertThrowsError(try AssessmentPeriod(text), text) { error in
                XCTAssertEqual((error as? AssessmentError)?.code, "invalid_period", text)
                XCTAssertEqual((error as? AssessmentError)?.field, "period", text)
            }
        }
    }

    func testErrorSaysWhyInBothLanguages() {
        XCTAssertThrowsError(try AssessmentPeriod("2026-01/2027-01")) { error in
            // January 2026 to January 2027 is 13 months.
            XCTAssertEqual((error as? AssessmentError)?.message,
                           "考核周期“2026-01/2027-01”无效：周期不得超过 12 个月（此处为 13 个月） / "
                               + "invalid period \"2026-01/2027-01\": a period may span at most 12 months, not 13")
        }
    }

    func testCodableAsText() throws {
        let period = try AssessmentPeriod("2026-09/2026-10")
        XCTAssertEqual(try JSONDecoder().decode([AssessmentPeriod].self, from: Data("[\"2026-09/2026-10\"]".utf8)), [period])
        XCTAssertEqual(try JSONDecoder().decode([AssessmentPeriod].self, from: try JSONEncoder().encode([period])), [period])
        XCTAssertThrowsError(try JSONDecoder().decode([AssessmentPeriod].self, from: Data("[\"2026-10/2026-09\"]".utf8)))
    }
}
