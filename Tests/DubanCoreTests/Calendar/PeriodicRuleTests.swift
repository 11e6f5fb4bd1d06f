import DubanCore
import Foundation
import XCTest

final class PeriodicRuleTests: XCTestCase {
    private func assertNextDue(_ rule: PeriodicRule, after: String, due: String, period: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = try rule.nextDue(after: CalendarTestSupport.china(after, file: file, line: line))
        XCTAssertEqual(deadline.due, try CalendarTestSupport.china(due, file: file, line: line), "\(rule) after \(after)", file: file, line: line)
        guard case .periodic(let found, let foundPeriod) = deadline.rule else {
            return XCTFail("not a periodic rule: \(deadline.rule)", file: file, line: line)
        }
        XCTAssertEqual(found, rule, file: file, line: line)
        XCTAssertEqual(foundPeriod.description, period, file: file, line: line)
    }

    private func period(_ rule: PeriodicRule, _ date: String) throws -> String? {
        rule.period(containing: try CalendarTestSupport.day(date))?.description
    }

    func testWeeklyThursdayBulletin() throws {
        // 001 阳政办(2018)12号: "每周四通报"; 000 阳政办(2017)38号: weekly statistics every Thursday.
        let rule = PeriodicRule.weekly(.thursday)
        XCTAssertEqual(try period(rule, "2026-09-24"), "2026-09-21/2026-09-27")
        XCTAssertEqual(try period(rule, "2026-09-27"), "2026-09-21/2026-09-27")
        try assertNextDue(rule, after: "2026-09-22 10:00", due: "2026-09-24 23:59:59", period: "2026-09-21/2026-09-27")
        try assertNextDue(rule, after: "2026-09-24 23:59:58", due: "2026-09-24 23:59:59", period: "2026-09-21/2026-09-27")
        // At the due instant the next one is a week later; a holiday Thursday is not moved.
        try assertNextDue(rule, after: "2026-09-24 23:59:59", due: "2026-10-01 23:59:59", period: "2026-09-28/2026-10-04")
        try assertNextDue(rule, after: "2026-12-31 12:00", due: "2026-12-31 23:59:59", period: "2026-12-28/2027-01-03")
        try assertNextDue(rule, after: "2027-01-01 00:00", due: "2027-01-07 23:59:59", period: "2027-01-04/2027-01-10")
        XCTAssertEqual(rule.chinese, "每周四")
        XCTAssertEqual(rule.english, "weekly on Thursday")
    }

    func testMonthlyByTheTwentyFifth() throws {
        // 000 阳政办(2017)35号: ledger "每月25日前报送".
        let rule = PeriodicRule.monthlyByDay(25)
        XCTAssertEqual(try period(rule, "2026-02-10"), "2026-02-01/2026-02-28")
        try assertNextDue(rule, after: "2026-09-10 10:00", due: "2026-09-25 23:59:59", period: "2026-09-01/2026-09-30")
        try assertNextDue(rule, after: "2026-09-26 00:00", due: "2026-10-25 23:59:59", period: "2026-10-01/2026-10-31")
        try assertNextDue(rule, after: "2026-12-31 23:00", due: "2027-01-25 23:59:59", period: "2027-01-01/2027-01-31")
        XCTAssertEqual(rule.chinese, "每月25日前")
        XCTAssertEqual(rule.english, "monthly by the 25th")
    }

    func testMonthlyBeforeTheNineteenthAndClamping() throws {
        // 003 document E: "每月19日前報送一次", read as by the end of the 19th.
        try assertNextDue(.monthlyByDay(19), after: "2026-09-19 18:00", due: "2026-09-19 23:59:59", period: "2026-09-01/2026-09-30")
        XCTAssertEqual(PeriodicRule.monthlyByDay(19).english, "monthly by the 19th")
        try assertNextDue(.monthlyByDay(31), after: "2026-02-01 00:00", due: "2026-02-28 23:59:59", period: "2026-02-01/2026-02-28")
        try assertNextDue(.monthlyByDay(31), after: "2024-02-01 00:00", due: "2024-02-29 23:59:59", period: "2024-02-01/2024-02-29")
        XCTAssertEqual(try PeriodicRule.monthlyByDay(25).validated(), .monthlyByDay(25))
        for day in [0, -3, 32] {
            XCTAssertThrowsError(try PeriodicRule.monthlyByDay(day).validated()) { error in
                XCTAssertEqual((error as? CalendarError)?.field, "day")
            }
        }
    }

    func testBiMonthlyHotlineAssessment() throws {
        // 000 阳政办(2017)33号 附件7: "双月进行考评"; SPEC A2 period "2026-09/2026-10".
        let rule = PeriodicRule.biMonthly
        XCTAssertEqual(try period(rule, "2026-09-15"), "2026-09-01/2026-10-31")
        XCTAssertEqual(try period(rule, "2026-10-31"), "2026-09-01/2026-10-31")
        XCTAssertEqual(try period(rule, "2024-01-05"), "2024-01-01/2024-02-29")
        XCTAssertEqual(try period(rule, "2026-12-01"), "2026-11-01/2026-12-31")
        try assertNextDue(rule, after: "2026-09-15 10:00", due: "2026-10-31 23:59:59", period: "2026-09-01/2026-10-31")
        try assertNextDue(rule, after: "2026-12-31 23:59:59", due: "2027-02-28 23:59:59", period: "2027-01-01/2027-02-28")
        XCTAssertEqual(rule.chinese, "每两个月（双月）")
    }

    func testQuarterlyHalfYearlyAndYearly() throws {
        XCTAssertEqual(try period(.quarterly, "2026-05-05"), "2026-04-01/2026-06-30")
        XCTAssertEqual(try period(.quarterly, "2026-12-31"), "2026-10-01/2026-12-31")
        try assertNextDue(.quarterly, after: "2026-03-31 23:59:59", due: "2026-06-30 23:59:59", period: "2026-04-01/2026-06-30")
        // 004 成府发〔2015〕29号; SPEC A4: a drill in every half year, 1 Jan–30 Jun and 1 Jul–31 Dec.
        XCTAssertEqual(try period(.halfYearly, "2026-06-30"), "2026-01-01/2026-06-30")
        XCTAssertEqual(try period(.halfYearly, "2026-07-01"), "2026-07-01/2026-12-31")
        try assertNextDue(.halfYearly, after: "2026-07-01 00:00", due: "2026-12-31 23:59:59", period: "2026-07-01/2026-12-31")
        XCTAssertEqual(try period(.yearly, "2026-09-24"), "2026-01-01/2026-12-31")
        try assertNextDue(.yearly, after: "2026-09-24 10:00", due: "2026-12-31 23:59:59", period: "2026-01-01/2026-12-31")
        XCTAssertEqual([PeriodicRule.quarterly, .halfYearly, .yearly].map(\.english), ["quarterly", "half-yearly", "yearly"])
        XCTAssertEqual([PeriodicRule.quarterly, .halfYearly, .yearly].map(\.chinese), ["每季度", "每半年", "每年"])
    }

    func testEnglishOrdinals() {
        let expected = [1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd", 31: "31st"]
        for (day, ordinal) in expected {
            XCTAssertEqual(PeriodicRule.monthlyByDay(day).english, "monthly by the \(ordinal)")
        }
    }

    func testRulesRoundTripThroughJSONAndRefuseOutOfRangeInstants() throws {
        let rules: [PeriodicRule] = [.weekly(.thursday), .monthlyByDay(25), .biMonthly, .quarterly, .halfYearly, .yearly]
        XCTAssertEqual(try JSONDecoder().decode([PeriodicRule].self, from: JSONEncoder().encode(rules)), rules)
        XCTAssertThrowsError(try PeriodicRule.yearly.nextDue(after: Date(timeIntervalSince1970: .infinity)))
        XCTAssertThrowsError(try PeriodicRule.yearly.nextDue(after: CalendarTestSupport.china("9999-12-31 23:59:59")))
    }
}
