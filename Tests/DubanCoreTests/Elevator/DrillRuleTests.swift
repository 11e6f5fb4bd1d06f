import DubanCore
import XCTest

/// 004 成府发〔2015〕29号 三(三)4: 每半年至少对本单位维保的电梯进行一次应急演练; SPEC A4 half years
/// 1 Jan–30 Jun and 1 Jul–31 Dec, China time.
final class DrillRuleTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try ElevatorTestSupport.china(text) }
    private func half(_ start: String, _ end: String) throws -> DatePeriod {
        DatePeriod(start: try ElevatorTestSupport.day(start), end: try ElevatorTestSupport.day(end))
    }

    func testMissingHalfYearsUpToNow() throws {
        let rules = try ElevatorTestSupport.rules()
        // Unit since 2025-03-10; drills in 2025 H1 and 2026 H1; now in 2026 H2.
        // 2025 H1 drilled, 2025 H2 missing, 2026 H1 drilled, 2026 H2 current (due by 2026-12-31 23:59:59).
        let check = try rules.drills(
            drillDates: [try china("2025-05-01 10:00"), try china("2026-02-10 15:00")],
            since: try china("2025-03-10 09:00"), now: try china("2026-08-15 12:00"))
        XCTAssertEqual(check.missingHalfYears, [try half("2025-07-01", "2025-12-31")])
        XCTAssertEqual(check.currentHalfYear, try half("2026-07-01", "2026-12-31"))
        XCTAssertEqual(check.dueThisHalfYear?.due, try china("2026-12-31 23:59:59"))
        XCTAssertTrue(check.isBreach)
        XCTAssertEqual(check.missingHalfYears.map(DrillCheck.chineseName(of:)), ["2025年下半年"])
    }

    func testDrillDaysAreChinaDates() throws {
        let rules = try ElevatorTestSupport.rules()
        // 2025-06-30 23:30 China = 15:30 UTC: first half. 2025-07-01 00:10 China = 2025-06-30 16:10 UTC: second half.
        let check = try rules.drills(
            drillDates: [try china("2025-06-30 23:30"), try china("2025-07-01 00:10")],
            since: try china("2025-01-01 00:00"), now: try china("2026-01-05 09:00"))
        XCTAssertEqual(check.missingHalfYears, [])
        let onlyFirst = try rules.drills(
            drillDates: [try china("2025-06-30 23:30")], since: try china("2025-01-01 00:00"), now: try china("2026-01-05 09:00"))
        XCTAssertEqual(onlyFirst.missingHalfYears, [try half("2025-07-01", "2025-12-31")])
    }

    func testCurrentHalfYearIsMissingOnlyOnceEnded() throws {
        let rules = try ElevatorTestSupport.rules()
        let since = try china("2026-01-01 00:00")
        let lastMinute = try rules.drills(drillDates: [], since: since, now: try china("2026-06-30 23:59"))
        XCTAssertEqual(lastMinute.missingHalfYears, [])
        XCTAssertEqual(lastMinute.dueThisHalfYear?.due, try china("2026-06-30 23:59:59"))
        let ended = try rules.drills(drillDates: [], since: since, now: try china("2026-07-01 00:00"))
        XCTAssertEqual(ended.missingHalfYears, [try half("2026-01-01", "2026-06-30")])
        XCTAssertEqual(ended.dueThisHalfYear?.due, try china("2026-12-31 23:59:59"))
    }

    func testDrillThisHalfYearClearsTheDueAndFutureDrillsDoNotCount() throws {
        let rules = try ElevatorTestSupport.rules()
        let since = try china("2026-01-01 00:00")
        let done = try rules.drills(drillDates: [try china("2026-03-03 10:00")], since: since, now: try china("2026-04-01 00:00"))
        XCTAssertNil(done.dueThisHalfYear)
        let future = try rules.drills(drillDates: [try china("2026-05-03 10:00")], since: since, now: try china("2026-04-01 00:00"))
        XCTAssertNotNil(future.dueThisHalfYear, "a drill dated after now is not counted")
    }

    func testFirstPartialHalfYear() throws {
        let since = try china("2025-03-10 09:00")
        let now = try china("2026-01-10 09:00")
        // Default: 2025 H1 counts although the unit began on 10 March.
        let counted = try ElevatorTestSupport.rules().drills(drillDates: [], since: since, now: now)
        XCTAssertEqual(counted.missingHalfYears, [try half("2025-01-01", "2025-06-30"), try half("2025-07-01", "2025-12-31")])
        let exempt = try ElevatorTestSupport.rules(ElevatorConfiguration(drillCountsFirstPartialHalfYear: false))
            .drills(drillDates: [], since: since, now: now)
        XCTAssertEqual(exempt.missingHalfYears, [try half("2025-07-01", "2025-12-31")])
        // A unit that began on the first day of a half year has no partial half year.
        let whole = try ElevatorTestSupport.rules(ElevatorConfiguration(drillCountsFirstPartialHalfYear: false))
            .drills(drillDates: [], since: try china("2025-01-01 00:00"), now: now)
        XCTAssertEqual(whole.missingHalfYears.count, 2)
        // Not yet begun: nothing due.
        let notYet = try ElevatorTestSupport.rules().drills(drillDates: [], since: try china("2026-08-01 00:00"), now: now)
        XCTAssertEqual(notYet.missingHalfYears, [])
        XCTAssertNil(notYet.dueThisHalfYear)
    }
}
