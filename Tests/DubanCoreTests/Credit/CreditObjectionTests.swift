import DubanCore
import Foundation
import XCTest

/// 异议 (004 成府发〔2018〕12号): filing, review time limit, outcomes on score and publication, and
/// the exhaustive state table.
final class CreditObjectionTests: XCTestCase {
    private typealias Support = CreditTestSupport

    /// A published minor penalty of 2026-02-02, objected to on Mon 2026-03-02 10:00.
    private func filed() throws -> CreditObjectionOutcome {
        var record = try Support.record(.penaltyMinor, on: "2026-02-02", id: "rec-1")
        record.publishedAt = try Support.china("2026-02-03 10:00")
        return try CreditObjection.file(
            id: "obj-1", record: record, reason: "处罚对象认定错误", evidence: ["营业执照.pdf"],
            at: try Support.china("2026-03-02 10:00"), calculator: Support.calculator(), rules: .defaults)
    }

    func testFilingMarksTheRecordAndSetsTheReviewDue() throws {
        // 15 working days after Mon 2026-03-02 (no holiday in March 2026): 3, 4, 5, 6 (4), 9–13 (9),
        // 16–20 (14), Mon 23 (15) → 2026-03-23 18:00.
        let outcome = try filed()
        XCTAssertEqual(outcome.objection.state, .filed)
        XCTAssertEqual(outcome.objection.recordID, "rec-1")
        XCTAssertEqual(outcome.objection.reviewDue.due, try Support.china("2026-03-23 18:00"))
        XCTAssertFalse(outcome.objection.isReviewOverdue(at: try Support.china("2026-03-23 18:00")))
        XCTAssertTrue(outcome.objection.isReviewOverdue(at: try Support.china("2026-03-23 18:00:01")))
        XCTAssertEqual(outcome.record.state, .objected)
        XCTAssertEqual(outcome.record.objectedAt, try Support.china("2026-03-02 10:00"))
        // Under review: still counts (100 − 5 = 95), publication suspended.
        let now = try Support.china("2026-03-05 10:00")
        XCTAssertEqual(CreditScore.evaluate(records: [outcome.record], at: now, rules: .defaults).score, 95)
        XCTAssertFalse(outcome.record.isPubliclyVisible(at: now))
    }

    func testUpheldRevokesRestoresTheScoreAndWithdrawsPublication() throws {
        let filed = try filed()
        let now = try Support.china("2026-03-10 10:00")
        let upheld = try filed.objection.applying(.uphold(finding: "经核查,系错录"), to: filed.record, at: now)
        XCTAssertEqual(upheld.objection.state, .upheld)
        XCTAssertEqual(upheld.objection.finding, "经核查,系错录")
        XCTAssertEqual(upheld.objection.decidedAt, now)
        XCTAssertEqual(upheld.record.state, .revoked)
        XCTAssertEqual(upheld.record.revokedAt, now)
        XCTAssertNil(upheld.record.objectedAt)
        XCTAssertEqual(CreditScore.evaluate(records: [upheld.record], at: now, rules: .defaults).score, 100)
        XCTAssertFalse(upheld.record.isPubliclyVisible(at: now))
        XCTAssertFalse(upheld.objection.isReviewOverdue(at: try Support.china("2026-04-30 10:00")))
    }

    func testRejectedLeavesTheRecordAsBefore() throws {
        let filed = try filed()
        let now = try Support.china("2026-03-10 10:00")
        let rejected = try filed.objection.applying(.reject(finding: "记录无误"), to: filed.record, at: now)
        XCTAssertEqual(rejected.objection.state, .rejected)
        XCTAssertEqual(rejected.record.state, .active)
        XCTAssertNil(rejected.record.objectedAt)
        XCTAssertTrue(rejected.record.isPubliclyVisible(at: now), "publication resumes")
        XCTAssertEqual(CreditScore.evaluate(records: [rejected.record], at: now, rules: .defaults).score, 95)
    }

    func testFilingRefusals() throws {
        let calculator = try Support.calculator()
        let now = try Support.china("2026-03-02 10:00")
        let record = try Support.record(.penaltyMinor, on: "2026-02-02")
        XCTAssertEqual(Support.error {
            try CreditObjection.file(id: "o", record: record, reason: " ", evidence: [], at: now, calculator: calculator, rules: .defaults)
        }, .required(field: "reason"))
        // Already under objection.
        var objected = record
        objected.state = .objected
        XCTAssertEqual(Support.error {
            try CreditObjection.file(id: "o", record: objected, reason: "x", evidence: [], at: now, calculator: calculator, rules: .defaults)
        }, .recordNotInEffect(status: .objected))
        // Expired: a general hazard of 2025-01-10 ended on 2026-01-10.
        let expired = try Support.record(.generalHazard, on: "2025-01-10")
        XCTAssertEqual(Support.error {
            try CreditObjection.file(id: "o", record: expired, reason: "x", evidence: [], at: now, calculator: calculator, rules: .defaults)
        }, .recordNotInEffect(status: .expired))
    }

    func testDecisionChecksTheRecordAndTheFinding() throws {
        let filed = try filed()
        let now = try Support.china("2026-03-10 10:00")
        let other = try Support.record(.penaltyMinor, on: "2026-02-02", id: "rec-2")
        XCTAssertEqual(Support.error { try filed.objection.applying(.uphold(finding: "x"), to: other, at: now) },
                       .recordMismatch(expected: "rec-1", found: "rec-2"))
        XCTAssertEqual(Support.error { try filed.objection.applying(.reject(finding: ""), to: filed.record, at: now) },
                       .required(field: "finding"))
    }

    // MARK: state table

    /// Target per event and state, by hand; "-" is refused.
    private let table: [(CreditObjectionEventKind, [CreditObjectionState: CreditObjectionState?])] = [
        (.uphold, [.filed: .upheld, .upheld: nil, .rejected: nil]),
        (.reject, [.filed: .rejected, .upheld: nil, .rejected: nil]),
    ]

    func testStateTableEveryStateAndEvent() throws {
        XCTAssertEqual(table.map(\.0), CreditObjectionEventKind.allCases)
        let base = try filed()
        let now = try Support.china("2026-03-10 10:00")
        var cells = 0
        for (kind, row) in table {
            XCTAssertEqual(Set(row.keys), Set(CreditObjectionState.allCases))
            for (state, expected) in row {
                cells += 1
                XCTAssertEqual(CreditObjection.target(of: kind, from: state), expected, "\(kind.rawValue) from \(state.rawValue)")
                var objection = base.objection
                objection.state = state
                let event: CreditObjectionEvent = kind == .uphold ? .uphold(finding: "成立") : .reject(finding: "不成立")
                XCTAssertEqual(event.kind, kind)
                do throws(CreditError) {
                    let outcome = try objection.applying(event, to: base.record, at: now)
                    XCTAssertEqual(outcome.objection.state, expected)
                } catch {
                    XCTAssertNil(expected, "\(kind.rawValue) from \(state.rawValue) refused: \(error)")
                    XCTAssertEqual(error, .invalidState(procedure: "credit_objection", state: state.rawValue, event: kind.rawValue))
                }
            }
        }
        XCTAssertEqual(cells, CreditObjectionState.allCases.count * CreditObjectionEventKind.allCases.count)
    }
}
