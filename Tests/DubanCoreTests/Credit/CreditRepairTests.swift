import DubanCore
import Foundation
import XCTest

/// 信用修复 (SPEC A3; 004 成府发〔2018〕12号): eligibility at the minimum periods, the application's
/// contents, the outcome, and the exhaustive state table.
final class CreditRepairTests: XCTestCase {
    private typealias Support = CreditTestSupport

    private let complete = CreditRepairApplication(wrongCorrected: true, commitmentLetter: true, evidence: ["罚款缴纳凭证.pdf"])

    private func apply(_ record: CreditRecord, at time: String, _ application: CreditRepairApplication? = nil) throws -> CreditRepair {
        try CreditRepair.apply(id: "rep-1", record: record, application: application ?? complete,
                               at: try Support.china(time), calculator: Support.calculator(), rules: .defaults)
    }

    func testFireSafetyPenaltyEligibleOnTheDay12MonthsAfter() throws {
        // 2025-03-10 + 12 months = 2026-03-10.
        let record = try Support.record(.penaltySerious, on: "2025-03-10", field: .fireSafety)
        XCTAssertEqual(Support.error { try self.apply(record, at: "2026-03-09 17:00") },
                       .repairTooSoon(eligibleFrom: try Support.day("2026-03-10")))
        let repair = try apply(record, at: "2026-03-10 09:00")
        XCTAssertEqual(repair.state, .applied)
        XCTAssertEqual(repair.recordID, record.id)
    }

    func testOtherPenaltyEligibleAfterThreeMonths() throws {
        // 2025-03-10 + 3 months = 2025-06-10.
        let record = try Support.record(.penaltyMinor, on: "2025-03-10", field: .other)
        XCTAssertEqual(Support.error { try self.apply(record, at: "2025-06-09 10:00") }?.code, "repair_too_soon")
        XCTAssertEqual(try apply(record, at: "2025-06-10 10:00").state, .applied)
    }

    func testHazardRecordEligibleAfterSixMonthsClampedToMonthEnd() throws {
        // 2025-08-31 + 6 months → 2026-02-28.
        let record = try Support.record(.generalHazard, on: "2025-08-31", field: .fireSafety)
        XCTAssertEqual(Support.error { try self.apply(record, at: "2026-02-27 10:00") },
                       .repairTooSoon(eligibleFrom: try Support.day("2026-02-28")))
        XCTAssertEqual(try apply(record, at: "2026-02-28 10:00").state, .applied)
    }

    func testCommendationCannotBeRepaired() throws {
        let record = try Support.record(.commendation, on: "2025-03-10")
        XCTAssertEqual(Support.error { try self.apply(record, at: "2026-01-05 10:00") }, .notRepairable(.commendation))
    }

    func testApplicationMustBeComplete() throws {
        let record = try Support.record(.penaltyMinor, on: "2025-03-10")
        let at = "2025-07-01 10:00"
        XCTAssertEqual(Support.error {
            try self.apply(record, at: at, CreditRepairApplication(wrongCorrected: false, commitmentLetter: true, evidence: ["x"]))
        }, .wrongNotCorrected)
        XCTAssertEqual(Support.error {
            try self.apply(record, at: at, CreditRepairApplication(wrongCorrected: true, commitmentLetter: false, evidence: ["x"]))
        }, .commitmentLetterMissing)
        XCTAssertEqual(Support.error {
            try self.apply(record, at: at, CreditRepairApplication(wrongCorrected: true, commitmentLetter: true, evidence: [" "]))
        }, .evidenceMissing)
    }

    func testRecordMustBeInEffect() throws {
        var record = try Support.record(.penaltyMinor, on: "2025-03-10")
        record.state = .objected
        XCTAssertEqual(Support.error { try self.apply(record, at: "2025-07-01 10:00") }, .recordNotInEffect(status: .objected))
        // Expired: 2022-03-10 + 36 months = 2025-03-10.
        let old = try Support.record(.penaltyMinor, on: "2022-03-10")
        XCTAssertEqual(Support.error { try self.apply(old, at: "2025-07-01 10:00") }, .recordNotInEffect(status: .expired))
    }

    func testReviewDueAcrossNationalDay() throws {
        // Applied Wed 2026-09-30: 15 working days after it: 1–7 Oct holidays; 8, 9, Sat 10 (调休) (3);
        // 12–16 (8); 19–23 (13); 26, 27 (15) → Tue 2026-10-27 18:00.
        let record = try Support.record(.penaltyMinor, on: "2026-01-05")
        XCTAssertEqual(try apply(record, at: "2026-09-30 10:00").reviewDue.due, try Support.china("2026-10-27 18:00"))
    }

    func testApprovalEndsScoringAndPublicationButKeepsTheRecord() throws {
        var record = try Support.record(.penaltyMinor, on: "2025-03-10")
        record.publishedAt = try Support.china("2025-03-11 10:00")
        let repair = try apply(record, at: "2025-07-01 10:00")
        let now = try Support.china("2025-07-10 10:00")
        XCTAssertEqual(CreditScore.evaluate(records: [record], at: now, rules: .defaults).score, 95)
        let outcome = try repair.applying(.approve(finding: "已纠正,准予修复"), to: record, at: now)
        XCTAssertEqual(outcome.repair.state, .approved)
        XCTAssertEqual(outcome.record.state, .repaired)
        XCTAssertEqual(outcome.record.repairedAt, now)
        XCTAssertEqual(outcome.record.id, record.id)
        XCTAssertEqual(outcome.record.kind, .penaltyMinor)
        XCTAssertEqual(CreditScore.evaluate(records: [outcome.record], at: now, rules: .defaults).score, 100)
        XCTAssertFalse(outcome.record.isPubliclyVisible(at: now))
    }

    func testRefusalLeavesTheRecord() throws {
        let record = try Support.record(.penaltyMinor, on: "2025-03-10")
        let repair = try apply(record, at: "2025-07-01 10:00")
        let outcome = try repair.applying(.refuse(reason: "证明材料不实"), to: record, at: try Support.china("2025-07-10 10:00"))
        XCTAssertEqual(outcome.repair.state, .refused)
        XCTAssertEqual(outcome.repair.finding, "证明材料不实")
        XCTAssertEqual(outcome.record, record)
    }

    func testApprovalRefusedWhenTheRecordChangedMeanwhile() throws {
        let record = try Support.record(.penaltyMinor, on: "2025-03-10")
        let repair = try apply(record, at: "2025-07-01 10:00")
        var objected = record
        objected.state = .objected
        let now = try Support.china("2025-07-10 10:00")
        XCTAssertEqual(Support.error { try repair.applying(.approve(finding: "x"), to: objected, at: now) },
                       .recordNotInEffect(status: .objected))
    }

    // MARK: state table

    /// Target per event and state, by hand; nil is refused.
    private let table: [(CreditRepairEventKind, [CreditRepairState: CreditRepairState?])] = [
        (.approve, [.applied: .approved, .approved: nil, .refused: nil]),
        (.refuse, [.applied: .refused, .approved: nil, .refused: nil]),
    ]

    func testStateTableEveryStateAndEvent() throws {
        XCTAssertEqual(table.map(\.0), CreditRepairEventKind.allCases)
        let record = try Support.record(.penaltyMinor, on: "2025-03-10")
        let base = try apply(record, at: "2025-07-01 10:00")
        let now = try Support.china("2025-07-10 10:00")
        var cells = 0
        for (kind, row) in table {
            XCTAssertEqual(Set(row.keys), Set(CreditRepairState.allCases))
            for (state, expected) in row {
                cells += 1
                XCTAssertEqual(CreditRepair.target(of: kind, from: state), expected, "\(kind.rawValue) from \(state.rawValue)")
                var repair = base
                repair.state = state
                let event: CreditRepairEvent = kind == .approve ? .approve(finding: "准予") : .refuse(reason: "不予")
                XCTAssertEqual(event.kind, kind)
                do throws(CreditError) {
                    let outcome = try repair.applying(event, to: record, at: now)
                    XCTAssertEqual(outcome.repair.state, expected)
                } catch {
                    XCTAssertNil(expected, "\(kind.rawValue) from \(state.rawValue) refused: \(error)")
                    XCTAssertEqual(error, .invalidState(procedure: "credit_repair", state: state.rawValue, event: kind.rawValue))
                }
            }
        }
        XCTAssertEqual(cells, CreditRepairState.allCases.count * CreditRepairEventKind.allCases.count)
    }
}
