import DubanCore
import Foundation
import XCTest

/// 双公示 within 7 working days of the decision date (000 阳政办(2017)35号; SPEC A3, A1 `working_days`),
/// counted by hand on Resources/calendar/china.json.
final class CreditPublicationTests: XCTestCase {
    private typealias Support = CreditTestSupport

    func testSevenWorkingDaysInAnOrdinaryWeek() throws {
        // Decision Mon 2026-03-02 (not counted); working days 3, 4, 5, 6, 9, 10, 11 March (no holiday
        // in March 2026) → due Wed 2026-03-11 18:00.
        let record = try Support.record(.penaltyMinor, on: "2026-03-02")
        let due = try XCTUnwrap(try record.publicationDue(calculator: Support.calculator()))
        XCTAssertEqual(due.due, try Support.china("2026-03-11 18:00"))
        XCTAssertEqual(due.rule.chinese, "7个工作日")
    }

    func testSevenWorkingDaysAcrossMidAutumnAndNationalDay() throws {
        // Decision Thu 2026-09-24. 25–27 Sep 中秋节 (holidays); 28 Mon (1), 29 (2), 30 (3);
        // 1–7 Oct 国庆节; 8 Thu (4), 9 Fri (5), Sat 10 Oct 国庆节调休 workday (6); Sun 11 a weekend;
        // Mon 12 Oct (7) → due 2026-10-12 18:00.
        let calculator = try Support.calculator()
        var record = try Support.record(.licensingDecision, on: "2026-09-24")
        let due = try XCTUnwrap(try record.publicationDue(calculator: calculator))
        XCTAssertEqual(due.due, try Support.china("2026-10-12 18:00"))

        // Unpublished: not late at the deadline, late one second after it.
        XCTAssertFalse(try record.isPublicationLate(at: try Support.china("2026-10-12 18:00"), calculator: calculator))
        XCTAssertTrue(try record.isPublicationLate(at: try Support.china("2026-10-12 18:00:01"), calculator: calculator))

        // Published on the last day: on time, whenever asked.
        record.publishedAt = try Support.china("2026-10-12 17:30")
        XCTAssertFalse(try record.isPublicationLate(at: try Support.china("2026-12-01 10:00"), calculator: calculator))

        // Published one day late: late.
        record.publishedAt = try Support.china("2026-10-13 09:00")
        XCTAssertTrue(try record.isPublicationLate(at: try Support.china("2026-12-01 10:00"), calculator: calculator))
    }

    func testHazardsAndCommendationsHaveNoPublicationDeadline() throws {
        let calculator = try Support.calculator()
        for kind in [CreditRecordKind.generalHazard, .majorHazard, .listedSupervision, .hazardOverdue, .commendation,
                     .accidentResponsibility] {
            let record = try Support.record(kind, on: "2026-03-02")
            XCTAssertNil(try record.publicationDue(calculator: calculator), kind.rawValue)
            XCTAssertFalse(try record.isPublicationLate(at: try Support.china("2027-01-01 10:00"), calculator: calculator))
        }
    }

    func testChangedPublicationDaysApplyToNewRecords() throws {
        // 5 working days from Mon 2026-03-02: 3, 4, 5, 6, 9 → Mon 2026-03-09 18:00.
        var rules = CreditRules.defaults
        rules.publication.workingDays = 5
        let record = try Support.record(.penaltyMinor, on: "2026-03-02", rules: rules)
        XCTAssertEqual(try record.publicationDue(calculator: Support.calculator())?.due, try Support.china("2026-03-09 18:00"))
    }

    func testPublicVisibility() throws {
        var record = try Support.record(.penaltyMinor, on: "2026-03-02")
        let now = try Support.china("2026-03-05 10:00")
        XCTAssertFalse(record.isPubliclyVisible(at: now), "not yet published")
        record.publishedAt = try Support.china("2026-03-04 10:00")
        XCTAssertTrue(record.isPubliclyVisible(at: now))
        record.state = .objected
        XCTAssertFalse(record.isPubliclyVisible(at: now), "suspended while under objection")
        record.state = .revoked
        XCTAssertFalse(record.isPubliclyVisible(at: now), "withdrawn")
        record.state = .active
        // 2026-03-02 + 36 months = 2029-03-02: no longer shown that day.
        XCTAssertTrue(record.isPubliclyVisible(at: try Support.china("2029-03-01 23:59")))
        XCTAssertFalse(record.isPubliclyVisible(at: try Support.china("2029-03-02 00:00")))
    }
}
