import DubanCore
import Foundation
import XCTest

/// Periods in effect (SPEC A3): half-open [decision date, decision date + N months).
final class CreditRecordPeriodTests: XCTestCase {
    private typealias Support = CreditTestSupport

    func testGeneralHazardStopsCountingOnTheDay12MonthsLater() throws {
        // 2025-11-23 + 12 months = 2026-11-23: counts through 2026-11-22, not on 2026-11-23.
        let record = try Support.record(.generalHazard, on: "2025-11-23")
        XCTAssertEqual(record.expiry, try Support.day("2026-11-23"))
        XCTAssertTrue(record.isInEffect(at: try Support.china("2026-11-22 23:59:59")))
        XCTAssertFalse(record.isInEffect(at: try Support.china("2026-11-23 00:00")))
        XCTAssertEqual(record.status(at: try Support.china("2026-11-23 00:00")), .expired)
        // Score 100 − 2 = 98 on the last day, 100 the day after.
        XCTAssertEqual(try Support.standing([record], at: "2026-11-22 23:59:59").score, 98)
        XCTAssertEqual(try Support.standing([record], at: "2026-11-23 00:00").score, 100)
    }

    func testPenaltyCountsThirtySixMonths() throws {
        // 2025-03-10 + 36 months = 2028-03-10.
        let record = try Support.record(.penaltySerious, on: "2025-03-10", field: .fireSafety)
        XCTAssertEqual(record.expiry, try Support.day("2028-03-10"))
        XCTAssertTrue(record.counts(at: try Support.china("2028-03-09 18:00")))
        XCTAssertFalse(record.counts(at: try Support.china("2028-03-10 08:00")))
    }

    func testFirstDayCountsAndTheDayBeforeDoesNot() throws {
        let record = try Support.record(.majorHazard, on: "2026-01-05")
        XCTAssertEqual(record.status(at: try Support.china("2026-01-04 23:59")), .notYetInEffect)
        XCTAssertEqual(record.status(at: try Support.china("2026-01-05 00:00")), .inEffect)
    }

    func testObjectedRecordCountsButIsNotInEffect() throws {
        var record = try Support.record(.penaltyMinor, on: "2026-01-05")
        record.state = .objected
        let now = try Support.china("2026-03-02 10:00")
        XCTAssertEqual(record.status(at: now), .objected)
        XCTAssertFalse(record.isInEffect(at: now))
        XCTAssertTrue(record.counts(at: now))
        // 100 − 5: the objection alone does not lift the deduction.
        XCTAssertEqual(CreditScore.evaluate(records: [record], at: now, rules: .defaults).score, 95)
    }

    func testRevokedAndRepairedRecordsDoNotCount() throws {
        let now = try Support.china("2026-03-02 10:00")
        for state in [CreditRecordState.revoked, .repaired] {
            var record = try Support.record(.penaltyMinor, on: "2026-01-05")
            record.state = state
            XCTAssertFalse(record.counts(at: now), state.rawValue)
            XCTAssertEqual(record.status(at: now).rawValue, state.rawValue)
            XCTAssertEqual(CreditScore.evaluate(records: [record], at: now, rules: .defaults).score, 100)
        }
    }

    func testRepairEligibilityDates() throws {
        // SPEC A3 minimum periods from the decision date, the day itself eligible.
        // Fire-safety penalty: 2025-03-10 + 12 months = 2026-03-10.
        XCTAssertEqual(try Support.record(.penaltyMinor, on: "2025-03-10", field: .fireSafety).repairEligibleFrom,
                       try Support.day("2026-03-10"))
        // Special equipment and work safety are the same 12 months.
        XCTAssertEqual(try Support.record(.penaltyMinor, on: "2025-03-10", field: .specialEquipment).repairEligibleFrom,
                       try Support.day("2026-03-10"))
        // Other penalty: 2025-03-10 + 3 months = 2025-06-10.
        XCTAssertEqual(try Support.record(.penaltyMinor, on: "2025-03-10", field: .other).repairEligibleFrom,
                       try Support.day("2025-06-10"))
        // Hazard: 2025-08-31 + 6 months = 2026-02-31, clamped to 2026-02-28 (2026 is not a leap year).
        XCTAssertEqual(try Support.record(.generalHazard, on: "2025-08-31").repairEligibleFrom,
                       try Support.day("2026-02-28"))
        // Commendations and licensing decisions cannot be repaired.
        XCTAssertNil(try Support.record(.commendation, on: "2025-03-10").repairEligibleFrom)
        XCTAssertNil(try Support.record(.licensingDecision, on: "2025-03-10").repairEligibleFrom)
    }

    func testMakeTakesTheTermsFromTheRules() throws {
        let record = try Support.record(.penaltySerious, on: "2026-01-05", field: .workSafety)
        XCTAssertEqual(record.rulePoints, -10)
        XCTAssertNil(record.overridePoints)
        XCTAssertEqual(record.validityMonths, 36)
        XCTAssertEqual(record.repairMinimumMonths, 12)
        XCTAssertEqual(record.publicationWorkingDays, 7)
        XCTAssertEqual(record.state, .active)
        XCTAssertNil(try Support.record(.majorHazard, on: "2026-01-05").publicationWorkingDays)
    }

    func testMakeRefusesAFutureDecisionAndBlankIDs() throws {
        let now = try Support.china("2026-03-02 23:59")
        let tomorrow = try Support.day("2026-03-03")
        let error = Support.error {
            try CreditRecord.make(id: "r", subjectID: "s", kind: .penaltyMinor, field: .other, decisionDate: tomorrow,
                                  rules: .defaults, at: now)
        }
        XCTAssertEqual(error, .decisionInFuture(decisionDate: tomorrow, today: try Support.day("2026-03-02")))
        XCTAssertEqual(error?.field, "decisionDate")
        let blank = Support.error {
            try CreditRecord.make(id: "r", subjectID: "  ", kind: .penaltyMinor, field: .other,
                                  decisionDate: try Support.day("2026-03-02"), rules: .defaults, at: now)
        }
        XCTAssertEqual(blank, .required(field: "subjectID"))
    }

    func testOverrideNeedsAReasonAndABoundedValue() throws {
        let record = try Support.record(.generalHazard, on: "2026-01-05")
        XCTAssertEqual(Support.error { try record.overriding(points: -3, reason: " ") }, .required(field: "overrideReason"))
        XCTAssertEqual(Support.error { try record.overriding(points: -1001, reason: "x") }?.code, "out_of_range")
    }

    func testRecordJSONRoundTrip() throws {
        let record = try Support.record(.penaltyMinor, on: "2026-01-05", field: .fireSafety)
        let data = try JSONEncoder().encode(record)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"2026-01-05\""))
        XCTAssertEqual(try JSONDecoder().decode(CreditRecord.self, from: data), record)
    }
}
