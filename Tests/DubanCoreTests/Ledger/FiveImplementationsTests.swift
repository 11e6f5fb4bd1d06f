import DubanCore
import XCTest

/// 五落实: 责任、措施、资金、时限、预案 (003 仙游).
final class FiveImplementationsTests: XCTestCase {
    func testNothingPresent() {
        let five = FiveImplementations()
        XCTAssertEqual(five.missing, ["responsibility", "measures", "funds", "timeLimit", "emergencyPlan"])
        XCTAssertFalse(five.isComplete)
    }

    func testAllPresent() {
        XCTAssertEqual(LedgerTestSupport.fiveComplete.missing, [])
        XCTAssertTrue(LedgerTestSupport.fiveComplete.isComplete)
    }

    func testBlankCountsAsMissing() {
        let five = FiveImplementations(
            responsibility: "方露", measures: " \n", funds: "", timeLimit: "2017年12月31日", emergencyPlan: "\u{3000}")
        XCTAssertEqual(five.missing, ["measures", "funds", "emergencyPlan"])
    }

    func testCodableRoundTrip() throws {
        let data = try JSONEncoder().encode(LedgerTestSupport.fiveComplete)
        XCTAssertEqual(try JSONDecoder().decode(FiveImplementations.self, from: data), LedgerTestSupport.fiveComplete)
    }
}
