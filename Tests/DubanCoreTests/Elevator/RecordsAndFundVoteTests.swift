import DubanCore
import XCTest

final class RecordsAndFundVoteTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try ElevatorTestSupport.china(text) }

    func testRecordMayBeDeletedExactlyFiveYearsLater() throws {
        // 004 成府发〔2015〕29号 三(三)3: 档案至少保存5年 = 60 months (A1 months).
        let rules = try ElevatorTestSupport.rules()
        let made = try china("2021-03-15 09:00")
        let before = try rules.recordRetention(madeAt: made, now: try china("2026-03-15 08:59:59"))
        XCTAssertEqual(before.keepUntil.due, try china("2026-03-15 09:00"))
        XCTAssertEqual(before.keepUntil.rule, .after(amount: 60, unit: .months, start: made))
        XCTAssertFalse(before.mayDelete)
        XCTAssertTrue(try rules.recordRetention(madeAt: made, now: try china("2026-03-15 09:00")).mayDelete)
    }

    func testRetentionFromALeapDayClampsToFebruary28() throws {
        let rules = try ElevatorTestSupport.rules()
        // 2024-02-29 + 60 months = 2029-02-29, which does not exist: 2029-02-28 10:00.
        let check = try rules.recordRetention(madeAt: try china("2024-02-29 10:00"), now: try china("2029-02-28 10:00"))
        XCTAssertEqual(check.keepUntil.due, try china("2029-02-28 10:00"))
        XCTAssertTrue(check.mayDelete)
    }

    func testFundVoteTwoThirdsBoundaries() throws {
        // 四(四): 经电梯所在单元(栋)三分之二的业主同意. Approved iff 3 × agreeing ≥ 2 × owners.
        let cases: [(agreeing: Int, owners: Int, required: Int, approved: Bool)] = [
            (2, 3, 2, true),    // 6 ≥ 6: exactly two thirds
            (1, 3, 2, false),   // 3 < 6
            (6, 10, 7, false),  // 18 < 20
            (7, 10, 7, true),   // 21 ≥ 20
            (66, 99, 66, true), // 198 ≥ 198: exactly two thirds
            (65, 99, 66, false),
            (1, 1, 1, true),
            (0, 1, 1, false),
            (1, 2, 2, false),   // 3 < 4
            (2, 2, 2, true),
        ]
        for (agreeing, owners, required, approved) in cases {
            let vote = try MaintenanceFundVote.decide(agreeing: agreeing, owners: owners)
            XCTAssertEqual(vote.required, required, "\(agreeing)/\(owners)")
            XCTAssertEqual(vote.approved, approved, "\(agreeing)/\(owners)")
        }
    }

    func testFundVoteRefusesImpossibleCounts() {
        XCTAssertThrowsError(try MaintenanceFundVote.decide(agreeing: 0, owners: 0)) {
            XCTAssertEqual($0 as? ElevatorError, .noOwners)
            XCTAssertEqual(($0 as? ElevatorError)?.code, "no_owners")
        }
        XCTAssertThrowsError(try MaintenanceFundVote.decide(agreeing: 4, owners: 3)) {
            XCTAssertEqual($0 as? ElevatorError, .invalidCount(field: "agreeing", value: 4))
        }
        XCTAssertThrowsError(try MaintenanceFundVote.decide(agreeing: -1, owners: 3)) {
            XCTAssertEqual($0 as? ElevatorError, .invalidCount(field: "agreeing", value: -1))
        }
        XCTAssertThrowsError(try MaintenanceFundVote.decide(agreeing: 0, owners: -2)) {
            XCTAssertEqual($0 as? ElevatorError, .invalidCount(field: "owners", value: -2))
        }
        XCTAssertThrowsError(try MaintenanceFundVote.decide(agreeing: 1, owners: Int.max)) {
            XCTAssertEqual(($0 as? ElevatorError)?.field, "owners")
        }
    }
}
