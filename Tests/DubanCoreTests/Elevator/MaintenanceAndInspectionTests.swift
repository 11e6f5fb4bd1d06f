import DubanCore
import XCTest

final class MaintenanceAndInspectionTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try ElevatorTestSupport.china(text) }

    // MARK: maintenance (004 成府发〔2015〕29号 三(三)1: 每15天至少对电梯维保一次; SPEC A4)

    func testMaintenanceExactlyFifteenDaysIsNotOverdue() throws {
        let rules = try ElevatorTestSupport.rules()
        // Last 2026-03-01 10:00 + 15 × 24 h = 2026-03-16 10:00.
        let last = try china("2026-03-01 10:00")
        let atDue = try rules.maintenance(lastMaintenanceAt: last, now: try china("2026-03-16 10:00"))
        XCTAssertEqual(atDue.nextDue.due, try china("2026-03-16 10:00"))
        XCTAssertEqual(atDue.nextDue.rule, .after(amount: 15, unit: .days, start: last))
        XCTAssertEqual(atDue.status, .dueSoon)
        XCTAssertEqual(try rules.maintenance(lastMaintenanceAt: last, now: try china("2026-03-16 10:01")).status, .overdue)
    }

    func testMaintenanceWarningWindowIsThreeDaysByDefault() throws {
        let rules = try ElevatorTestSupport.rules()
        let last = try china("2026-03-01 10:00")
        // Due 2026-03-16 10:00 − 3 days = warn from 2026-03-13 10:00.
        let check = try rules.maintenance(lastMaintenanceAt: last, now: try china("2026-03-13 09:59"))
        XCTAssertEqual(check.warnFrom, try china("2026-03-13 10:00"))
        XCTAssertEqual(check.status, .ok)
        XCTAssertEqual(try rules.maintenance(lastMaintenanceAt: last, now: try china("2026-03-13 10:00")).status, .dueSoon)
        let noWarning = try ElevatorTestSupport.rules(ElevatorConfiguration(maintenanceWarningDays: 0))
        XCTAssertEqual(try noWarning.maintenance(lastMaintenanceAt: last, now: try china("2026-03-16 09:59")).status, .ok)
    }

    func testMaintenanceCountsElapsedDaysAcrossFebruary() throws {
        let rules = try ElevatorTestSupport.rules()
        // 2026-02-20 09:00 + 15 days: 8 days to 2026-02-28, 7 more = 2026-03-07 09:00 (holidays do not matter).
        let check = try rules.maintenance(lastMaintenanceAt: try china("2026-02-20 09:00"), now: try china("2026-03-01 09:00"))
        XCTAssertEqual(check.nextDue.due, try china("2026-03-07 09:00"))
        XCTAssertEqual(check.status, .ok)
    }

    // MARK: inspection (三(一)3: 在检验合格有效期届满前1个月…提出定期检验申请; SPEC A4)

    func testApplicationDueOneMonthBeforeValidityWithMonthEndClamping() throws {
        let rules = try ElevatorTestSupport.rules()
        let now = try china("2026-01-01 09:00")
        // validity (last day) → application due (last day), A1 months backwards, clamped to month end:
        let cases: [(String, String)] = [
            ("2026-03-31", "2026-02-28"), // no 31 February; 2026 is not a leap year
            ("2026-05-31", "2026-04-30"), // no 31 April
            ("2026-03-15", "2026-02-15"), // plain
            ("2028-03-30", "2028-02-29"), // leap year: no 30 February, clamp to the 29th
            ("2028-03-31", "2028-02-29"),
            ("2027-01-31", "2026-12-31"), // across the year
        ]
        for (validity, due) in cases {
            let check = try rules.inspection(validUntil: try ElevatorTestSupport.day(validity), applicationMadeAt: nil, now: now)
            XCTAssertEqual(check.applicationDueDate, try ElevatorTestSupport.day(due), validity)
            XCTAssertEqual(check.application.deadline.due, try china("\(due) 23:59:59"), validity)
            XCTAssertEqual(check.validityEndsAt, try china("\(validity) 23:59:59"), validity)
            XCTAssertEqual(check.application.deadline.rule, .monthsBefore(amount: 1, end: try china("\(validity) 23:59:59")))
        }
    }

    func testInspectionStatusesAtTheirBoundaries() throws {
        let rules = try ElevatorTestSupport.rules()
        let validUntil = try ElevatorTestSupport.day("2026-03-31")
        func status(_ now: String) throws -> InspectionStatus {
            try rules.inspection(validUntil: validUntil, applicationMadeAt: nil, now: try china(now)).status
        }
        // Application due 2026-02-28 23:59:59; warning 15 days before: 2026-02-13 23:59:59.
        XCTAssertEqual(try status("2026-02-13 23:59:58"), .ok)
        XCTAssertEqual(try status("2026-02-13 23:59:59"), .applicationDueSoon)
        XCTAssertEqual(try status("2026-02-28 23:59:59"), .applicationDueSoon, "exactly at the deadline is still in time")
        XCTAssertEqual(try status("2026-03-01 00:00"), .applicationOverdue)
        XCTAssertEqual(try status("2026-03-31 23:59:59"), .applicationOverdue, "the last second of validity")
        XCTAssertEqual(try status("2026-04-01 00:00"), .expired)
        XCTAssertTrue(rules.isInspectionExpired(validUntil: validUntil, now: try china("2026-04-01 00:00")))
        XCTAssertFalse(rules.isInspectionExpired(validUntil: validUntil, now: try china("2026-03-31 23:59:59")))
    }

    func testApplicationMadeOnTimeOrLate() throws {
        let rules = try ElevatorTestSupport.rules()
        let validUntil = try ElevatorTestSupport.day("2026-03-31")
        let onTime = try rules.inspection(
            validUntil: validUntil, applicationMadeAt: try china("2026-02-28 23:59:59"), now: try china("2026-03-10 09:00"))
        XCTAssertEqual(onTime.status, .ok)
        XCTAssertEqual(onTime.application.outcome, .onTime)
        let late = try rules.inspection(
            validUntil: validUntil, applicationMadeAt: try china("2026-03-01 00:00"), now: try china("2026-03-10 09:00"))
        XCTAssertEqual(late.status, .ok, "applied: no longer overdue")
        XCTAssertEqual(late.application.outcome, .late)
        XCTAssertTrue(late.application.isBreach)
        let expired = try rules.inspection(
            validUntil: validUntil, applicationMadeAt: try china("2026-02-20 10:00"), now: try china("2026-04-01 00:00"))
        XCTAssertEqual(expired.status, .expired, "an application does not extend the validity")
        XCTAssertTrue(expired.isExpired)
    }
}
