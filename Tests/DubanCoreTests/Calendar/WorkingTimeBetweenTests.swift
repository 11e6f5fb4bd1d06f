import DubanCore
import Foundation
import XCTest

/// Working time between two instants, as hotline scoring needs it (000 阳政办(2017)33号 附件7;
/// SPEC A2 item 7: "signed more than 4 working hours after assignedAt").
final class WorkingTimeBetweenTests: XCTestCase {
    private var calculator = DeadlineCalculator(calendar: HolidayCalendar())

    override func setUpWithError() throws {
        calculator = try CalendarTestSupport.chinaCalculator()
    }

    private func hours(_ from: String, _ to: String) throws -> Double {
        try calculator.workingTimeBetween(CalendarTestSupport.china(from), CalendarTestSupport.china(to)) / 3600
    }

    func testCountsOnlyWorkingPeriodsOfWorkingDays() throws {
        XCTAssertEqual(try hours("2026-09-22 16:00", "2026-09-23 11:00"), 4)
        XCTAssertEqual(try hours("2026-09-22 11:00", "2026-09-22 14:00"), 2)      // lunch excluded
        XCTAssertEqual(try hours("2026-09-22 12:00", "2026-09-22 13:00"), 0)
        XCTAssertEqual(try hours("2026-09-22 18:00", "2026-09-23 09:00"), 0)
        XCTAssertEqual(try hours("2026-09-24 10:00", "2026-09-28 11:00"), 9)      // 7 h Thursday, Mid-Autumn off, 2 h Monday
        XCTAssertEqual(try hours("2026-10-09 17:00", "2026-10-10 09:30"), 1.5)    // into the 调休 Saturday
        XCTAssertEqual(try hours("2026-09-22 10:15:30", "2026-09-22 10:15:45") * 3600, 15)
    }

    func testSignForLateness() throws {
        // Assigned Friday 17:00, signed Monday 10:30: 2.5 working hours, on time.
        XCTAssertEqual(try hours("2026-09-11 17:00", "2026-09-14 10:30"), 2.5)
        // The same a week later counts the 调休 Sunday 2026-09-20: 10.5 working hours, late.
        XCTAssertEqual(try hours("2026-09-18 17:00", "2026-09-21 10:30"), 10.5)
        // Assigned Tuesday 09:00, signed 14:01: 4 h 1 min, late.
        XCTAssertGreaterThan(try hours("2026-09-22 09:00", "2026-09-22 14:01"), 4)
    }

    func testIsZeroForEqualAndNegativeForReversedInstants() throws {
        XCTAssertEqual(try hours("2026-09-22 10:00", "2026-09-22 10:00"), 0)
        XCTAssertEqual(try hours("2026-09-23 11:00", "2026-09-22 16:00"), -4)
    }

    func testInvertsWorkingHoursDeadlines() throws {
        for start in ["2026-09-22 08:00", "2026-09-24 16:30", "2026-10-01 12:00", "2026-12-31 17:59", "2026-02-13 13:00"] {
            for amount in [1, 4, 8, 13, 40] {
                let from = try CalendarTestSupport.china(start)
                let due = try calculator.due(from: from, amount: amount, unit: .workingHours).due
                XCTAssertEqual(try calculator.workingTimeBetween(from, due), Double(amount * 3600), "\(start) + \(amount)")
            }
        }
    }

    func testRefusesInstantsOutsideTheSupportedYears() throws {
        XCTAssertThrowsError(try calculator.workingTimeBetween(Date(timeIntervalSince1970: .nan), CalendarTestSupport.china("2026-09-22 10:00")))
    }
}
