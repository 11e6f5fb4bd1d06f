import DubanCore
import Foundation
import XCTest

/// SPEC Appendix A1, unit by unit, on the real China calendar.
final class DeadlineCalculatorTests: XCTestCase {
    private var calculator = DeadlineCalculator(calendar: HolidayCalendar())

    override func setUpWithError() throws {
        calculator = try CalendarTestSupport.chinaCalculator()
    }

    private func assertDue(_ start: String, _ amount: Int, _ unit: DeadlineUnit, _ expected: String,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = try calculator.due(from: CalendarTestSupport.china(start, file: file, line: line), amount: amount, unit: unit)
        XCTAssertEqual(deadline.due, try CalendarTestSupport.china(expected, file: file, line: line),
                       "\(start) + \(amount) \(unit.rawValue)", file: file, line: line)
    }

    // MARK: Appendix A1 examples, verbatim

    /// "1 working day from any time on Thursday 2026-09-24 is Monday 2026-09-28 18:00
    /// (25–27 September are the Mid-Autumn holiday)"
    func testA1OneWorkingDayFromThursdayBeforeMidAutumn() throws {
        for time in ["00:00", "09:00", "10:00", "18:30", "23:59:59"] {
            try assertDue("2026-09-24 \(time)", 1, .workingDays, "2026-09-28 18:00")
        }
    }

    /// "1 working day from Friday 2026-10-09 is Saturday 2026-10-10 18:00, a weekend day made a working day (调休)"
    func testA1OneWorkingDayFromFridayIsTheAdjustedSaturday() throws {
        try assertDue("2026-10-09 10:00", 1, .workingDays, "2026-10-10 18:00")
    }

    /// "4 working hours from 16:00 on a working day end at 11:00 on the next working day"
    func testA1FourWorkingHoursFromFourPM() throws {
        try assertDue("2026-09-22 16:00", 4, .workingHours, "2026-09-23 11:00")
        try assertDue("2026-09-24 16:00", 4, .workingHours, "2026-09-28 11:00")   // over Mid-Autumn
        try assertDue("2026-10-09 16:00", 4, .workingHours, "2026-10-10 11:00")   // into the 调休 Saturday
    }

    // MARK: Elapsed units

    func testMinutesHoursAndDaysIgnoreTheCalendar() throws {
        try assertDue("2026-09-24 23:45", 30, .minutes, "2026-09-25 00:15")      // rescue on site within 30 minutes
        try assertDue("2026-10-01 10:00", 1, .hours, "2026-10-01 11:00")          // accident report within 1 hour, on a holiday
        try assertDue("2026-09-30 20:00", 24, .hours, "2026-10-01 20:00")         // elevator stop notice after 24 hours
        try assertDue("2026-09-24 10:00", 15, .days, "2026-10-09 10:00")          // maintenance every 15 days
        try assertDue("2026-02-27 08:30:15", 7, .days, "2026-03-06 08:30:15")
    }

    func testMonthsKeepTheWallClockAndClampToTheMonthEnd() throws {
        try assertDue("2024-01-31 10:00", 1, .months, "2024-02-29 10:00")
        try assertDue("2026-01-31 10:00", 1, .months, "2026-02-28 10:00")
        try assertDue("2026-03-31 23:59", 1, .months, "2026-04-30 23:59")
        try assertDue("2024-02-29 09:00", 12, .months, "2025-02-28 09:00")
        try assertDue("2026-11-30 00:00", 3, .months, "2027-02-28 00:00")
    }

    func testMonthsBeforeExpiry() throws {
        // 004 成府发〔2015〕29号: apply for the periodic inspection 1 month before the validity expires.
        let end = try CalendarTestSupport.china("2026-03-31 00:00")
        let deadline = try calculator.before(end, months: 1)
        XCTAssertEqual(deadline.due, try CalendarTestSupport.china("2026-02-28 00:00"))
        XCTAssertEqual(deadline.rule, .monthsBefore(amount: 1, end: end))
        XCTAssertEqual(deadline.rule.chinese, "届满前1个月")
        XCTAssertEqual(deadline.rule.english, "1 month before expiry")
        XCTAssertEqual(try calculator.before(CalendarTestSupport.china("2026-01-15 17:00"), months: 2).due,
                       try CalendarTestSupport.china("2025-11-15 17:00"))
        XCTAssertThrowsError(try calculator.before(end, months: 0)) { error in
            XCTAssertEqual(error as? CalendarError, .invalidAmount(field: "amount", reason: "the amount must be 1…1200 months, got 0"))
        }
    }

    // MARK: Working hours

    func testWorkingHoursStartingOutsideWorkingTime() throws {
        try assertDue("2026-09-22 08:00", 1, .workingHours, "2026-09-22 10:00")   // before 09:00
        try assertDue("2026-09-22 12:30", 1, .workingHours, "2026-09-22 14:00")   // lunch
        try assertDue("2026-09-22 12:00", 1, .workingHours, "2026-09-22 14:00")   // exactly at lunch
        try assertDue("2026-09-22 19:00", 1, .workingHours, "2026-09-23 10:00")   // evening
        try assertDue("2026-09-22 18:00", 1, .workingHours, "2026-09-23 10:00")   // exactly at close
        try assertDue("2026-09-26 10:00", 4, .workingHours, "2026-09-28 14:00")   // holiday Saturday: 09–12 and 13–14 Monday
    }

    func testWorkingHoursEndingExactlyAtAPeriodCloseStayThere() throws {
        try assertDue("2026-09-22 09:00", 3, .workingHours, "2026-09-22 12:00")
        try assertDue("2026-09-22 16:00", 2, .workingHours, "2026-09-22 18:00")
        try assertDue("2026-09-22 09:00", 8, .workingHours, "2026-09-22 18:00")
        try assertDue("2026-09-22 09:00", 9, .workingHours, "2026-09-23 10:00")
    }

    func testSignForWithinFourWorkingHoursAcrossHolidays() throws {
        // 000 阳政办(2017)33号 附件7: "半个工作日(4小时)内签收".
        try assertDue("2026-09-25 10:00", 4, .workingHours, "2026-09-28 14:00")   // assigned on a holiday
        try assertDue("2026-09-30 16:00", 4, .workingHours, "2026-10-08 11:00")   // National Day 1–7 October
        try assertDue("2026-10-01 09:00", 4, .workingHours, "2026-10-08 14:00")
        try assertDue("2026-10-11 10:00", 4, .workingHours, "2026-10-12 14:00")   // ordinary Sunday
        try assertDue("2026-09-22 11:59:30", 1, .workingHours, "2026-09-22 13:59:30")
    }

    // MARK: Working days

    func testWorkingDaysDoNotCountTheStartDay() throws {
        // 000 阳政办(2017)33号: return within 1 working day; rectification plan within 7 working days.
        try assertDue("2026-09-22 08:00", 1, .workingDays, "2026-09-23 18:00")
        try assertDue("2026-09-22 20:00", 1, .workingDays, "2026-09-23 18:00")
        try assertDue("2026-09-30 10:00", 7, .workingDays, "2026-10-15 18:00")    // 8, 9, 10 (调休), 12, 13, 14, 15
        try assertDue("2026-10-03 10:00", 1, .workingDays, "2026-10-08 18:00")    // start on a holiday
        try assertDue("2026-09-19 10:00", 1, .workingDays, "2026-09-20 18:00")    // next day is a 调休 Sunday
        try assertDue("2026-12-30 10:00", 2, .workingDays, "2027-01-01 18:00")    // 2027 has no data: weekday rule
    }

    // MARK: Rules, errors and helpers

    func testDeadlinesRecordTheirRule() throws {
        let start = try CalendarTestSupport.china("2026-09-22 16:00")
        let cases: [(Int, DeadlineUnit, String, String)] = [
            (4, .workingHours, "4个工作小时", "4 working hours"), (1, .workingDays, "1个工作日", "1 working day"),
            (7, .workingDays, "7个工作日", "7 working days"), (30, .minutes, "30分钟", "30 minutes"),
            (1, .hours, "1小时", "1 hour"), (15, .days, "15天", "15 days"), (1, .months, "1个月", "1 month"),
        ]
        for (amount, unit, chinese, english) in cases {
            let deadline = try calculator.due(from: start, amount: amount, unit: unit)
            XCTAssertEqual(deadline.rule, .after(amount: amount, unit: unit, start: start))
            XCTAssertEqual(deadline.rule.chinese, chinese)
            XCTAssertEqual(deadline.rule.english, english)
        }
        let deadline = try calculator.due(from: start, amount: 4, unit: .workingHours)
        XCTAssertEqual(try JSONDecoder().decode(Deadline.self, from: JSONEncoder().encode(deadline)), deadline)
    }

    func testAcceptsUnitsByTheirAPINames() throws {
        let start = try CalendarTestSupport.china("2026-09-24 10:00")
        XCTAssertEqual(DeadlineUnit.allCases.map(\.rawValue), ["minutes", "hours", "working_hours", "working_days", "days", "months"])
        XCTAssertEqual(try calculator.due(from: start, amount: 1, unit: "working_days").due,
                       try CalendarTestSupport.china("2026-09-28 18:00"))
        for unit in ["weeks", "WORKING_DAYS", "", "working days"] {
            XCTAssertThrowsError(try calculator.due(from: start, amount: 1, unit: unit)) { error in
                XCTAssertEqual(error as? CalendarError, .unknownUnit(unit))
                XCTAssertEqual((error as? CalendarError)?.field, "unit")
                XCTAssertEqual((error as? CalendarError)?.code, "unknown_unit")
            }
        }
    }

    func testRefusesAmountsBelowOneAndAboveTheMaximum() throws {
        let start = try CalendarTestSupport.china("2026-09-24 10:00")
        for unit in DeadlineUnit.allCases {
            for amount in [0, -1, Int.min, unit.maximumAmount + 1, Int.max] {
                XCTAssertThrowsError(try calculator.due(from: start, amount: amount, unit: unit), "\(amount) \(unit)") { error in
                    XCTAssertEqual((error as? CalendarError)?.code, "invalid_amount")
                    XCTAssertEqual((error as? CalendarError)?.field, "amount")
                }
            }
            XCTAssertNoThrow(try calculator.due(from: start, amount: unit.maximumAmount, unit: unit), "\(unit)")
        }
    }

    func testRefusesStartsAndResultsOutsideTheSupportedYears() throws {
        for start in [Date(timeIntervalSince1970: .infinity), Date(timeIntervalSince1970: -.infinity),
                      Date(timeIntervalSince1970: .nan), Date(timeIntervalSince1970: 1e18), Date(timeIntervalSince1970: -1e18)] {
            XCTAssertThrowsError(try calculator.due(from: start, amount: 1, unit: .hours)) { error in
                XCTAssertEqual((error as? CalendarError)?.field, "start")
                XCTAssertEqual((error as? CalendarError)?.code, "out_of_range")
            }
        }
        let late = try CalendarTestSupport.china("9999-12-30 10:00")
        for unit in DeadlineUnit.allCases {
            XCTAssertThrowsError(try calculator.due(from: late, amount: unit.maximumAmount, unit: unit)) { error in
                XCTAssertEqual((error as? CalendarError)?.field, "amount", "\(unit)")
            }
        }
        XCTAssertThrowsError(try calculator.before(CalendarTestSupport.china("0001-01-15 10:00"), months: 1))
    }

    func testCustomWorkingHours() throws {
        // Summer hours 08:30–12:00, 14:30–17:30 (an admin setting).
        let summer = try WorkingHours(periods: [WorkingPeriod(start: (8, 30), end: (12, 0)), WorkingPeriod(start: (14, 30), end: (17, 30))])
        let custom = DeadlineCalculator(calendar: calculator.calendar, workingHours: summer)
        XCTAssertEqual(try custom.due(from: CalendarTestSupport.china("2026-09-22 16:00"), amount: 4, unit: .workingHours).due,
                       try CalendarTestSupport.china("2026-09-23 11:00"))
        XCTAssertEqual(try custom.due(from: CalendarTestSupport.china("2026-09-22 16:00"), amount: 1, unit: .workingDays).due,
                       try CalendarTestSupport.china("2026-09-23 17:30"))
    }

    func testMissedOnlyStrictlyAfterTheDue() throws {
        let deadline = try calculator.due(from: CalendarTestSupport.china("2026-09-24 10:00"), amount: 1, unit: .workingDays)
        XCTAssertFalse(deadline.isMissed(at: try CalendarTestSupport.china("2026-09-28 17:59:59")))
        XCTAssertFalse(deadline.isMissed(at: try CalendarTestSupport.china("2026-09-28 18:00")))
        XCTAssertTrue(deadline.isMissed(at: try CalendarTestSupport.china("2026-09-28 18:00:01")))
    }

    func testIsWorkingTime() throws {
        XCTAssertTrue(calculator.isWorkingTime(try CalendarTestSupport.china("2026-09-24 09:00")))
        XCTAssertFalse(calculator.isWorkingTime(try CalendarTestSupport.china("2026-09-24 12:00")))
        XCTAssertFalse(calculator.isWorkingTime(try CalendarTestSupport.china("2026-09-24 18:00")))
        XCTAssertFalse(calculator.isWorkingTime(try CalendarTestSupport.china("2026-09-25 10:00")))   // 中秋节
        XCTAssertTrue(calculator.isWorkingTime(try CalendarTestSupport.china("2026-10-10 10:00")))    // 调休 Saturday
        XCTAssertFalse(calculator.isWorkingTime(Date(timeIntervalSince1970: .nan)))
    }
}
