@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件1 二(二)5 and 附件5 第四条(三).
final class MajorEventTests: XCTestCase {
    func testDispatchLimitIsThirtyMinutes() {
        XCTAssertEqual(MajorEventRule.dispatchLimit, HotlineTimeLimit(30, .minutes))
        XCTAssertEqual(MajorEventRule.dispatchLimit.chinese, "30分钟")
    }

    func testWhatMakesAMajorEvent() throws {
        XCTAssertTrue(MajorEventRule.isMajorEvent(flagged: false, category: try HotlineTestSupport.category("epidemic")))
        XCTAssertTrue(MajorEventRule.isMajorEvent(flagged: true, category: try HotlineTestSupport.category("environment")))
        XCTAssertTrue(MajorEventRule.isMajorEvent(flagged: true, category: nil))
        XCTAssertFalse(MajorEventRule.isMajorEvent(flagged: false, category: try HotlineTestSupport.category("environment")))
        XCTAssertFalse(MajorEventRule.isMajorEvent(flagged: false, category: nil))
        XCTAssertEqual(MajorEventKind.allCases.count, 8)
        XCTAssertEqual(MajorEventKind.terrorThreat.chinese, "暴恐威胁")
    }

    func testEveryUnitConcernedThenTheDutyOffices() {
        // "应逐个转办" to each unit, and "立即报区政府应急办或区政府值班室".
        XCTAssertEqual(MajorEventRule.recipients(concernedUnits: ["汉阳区安全生产监督管理局", " 建桥街", "建桥街", "", "汉阳区人民政府值班室"]),
                       ["汉阳区安全生产监督管理局", "建桥街", "汉阳区人民政府值班室", "汉阳区人民政府应急管理办公室"])
        XCTAssertEqual(MajorEventRule.recipients(concernedUnits: [], dutyOffices: ["值班室"]), ["值班室"])
    }

    func testUnacknowledgedMajorEventsArePinnedOnTop() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        func entry(_ id: String, major: Bool, due: Int?, received: Int) -> DispatchQueueEntry {
            DispatchQueueEntry(caseID: id, unacknowledgedMajorEvent: major,
                               dispatchDue: due.map { base.addingTimeInterval(TimeInterval($0)) },
                               receivedAt: base.addingTimeInterval(TimeInterval(received)))
        }
        let entries = [
            entry("late-due", major: false, due: 900, received: 0),
            entry("no-due", major: false, due: nil, received: -500),
            entry("major-new", major: true, due: 1_800, received: 100),
            entry("soon-due", major: false, due: 300, received: 50),
            entry("major-old", major: true, due: 2_000, received: -100),
            entry("same-due-b", major: false, due: 900, received: 0),
        ]
        // Pinned: major-old (received −100) then major-new (100). Then by due 300, 900 (tie → received
        // equal → id "late-due" < "same-due-b"), none last.
        XCTAssertEqual(DispatchQueueOrder.sorted(entries).map(\.caseID),
                       ["major-old", "major-new", "soon-due", "late-due", "same-due-b", "no-due"])
    }
}
