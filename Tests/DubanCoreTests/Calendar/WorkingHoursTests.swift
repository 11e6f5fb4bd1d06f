import DubanCore
import Foundation
import XCTest

final class WorkingHoursTests: XCTestCase {
    func testStandardHoursAreEightHoursClosingAtSix() {
        let standard = WorkingHours.standard
        XCTAssertEqual(standard.periods.map(\.description), ["09:00–12:00", "13:00–18:00"])
        XCTAssertEqual(standard.secondsPerDay, 8 * 3600)      // 半个工作日 = 4 working hours
        XCTAssertEqual(standard.closingSecond, 18 * 3600)
    }

    func testAcceptsAscendingAndTouchingPeriods() throws {
        let hours = try WorkingHours(periods: [WorkingPeriod(startMinute: 0, endMinute: 720), WorkingPeriod(startMinute: 720, endMinute: 1440)])
        XCTAssertEqual(hours.secondsPerDay, 86_400)
    }

    func testRejectsInvalidPeriods() throws {
        for (start, end) in [(-1, 60), (600, 600), (700, 600), (0, 1441)] {
            XCTAssertThrowsError(try WorkingPeriod(startMinute: start, endMinute: end)) { error in
                XCTAssertEqual((error as? CalendarError)?.code, "invalid_working_hours")
                XCTAssertEqual((error as? CalendarError)?.field, "workingHours")
            }
        }
        let morning = try WorkingPeriod(start: (9, 0), end: (12, 0))
        let overlapping = try WorkingPeriod(start: (11, 0), end: (14, 0))
        let afternoon = try WorkingPeriod(start: (13, 0), end: (18, 0))
        XCTAssertThrowsError(try WorkingHours(periods: []))
        XCTAssertThrowsError(try WorkingHours(periods: [morning, overlapping]))
        XCTAssertThrowsError(try WorkingHours(periods: [afternoon, morning]))
        XCTAssertEqual(try WorkingHours(periods: [morning, afternoon]), .standard)
    }

    func testDecodingValidates() throws {
        let good = #"{"periods":[{"startMinute":540,"endMinute":720},{"startMinute":780,"endMinute":1080}]}"#
        XCTAssertEqual(try JSONDecoder().decode(WorkingHours.self, from: Data(good.utf8)), .standard)
        let overlapping = #"{"periods":[{"startMinute":540,"endMinute":800},{"startMinute":780,"endMinute":1080}]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(WorkingHours.self, from: Data(overlapping.utf8)))
        let inverted = #"{"periods":[{"startMinute":720,"endMinute":540}]}"#
        XCTAssertThrowsError(try JSONDecoder().decode(WorkingHours.self, from: Data(inverted.utf8)))
    }
}
