@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件1 二(二)4, 7, 9 and 附件4 第九–十二条.
final class HotlineIntakeTests: XCTestCase {
    private func intake(_ type: HotlineCaseType, place: String = "建桥街12号", demand: String = "尽快修复",
                        category: String = "municipal_facilities") throws -> HotlineIntake {
        HotlineIntake(type: type, callerName: "张三", phone: "13871112345", area: "建桥街", confidential: false,
                      occurredAt: try HotlineTestSupport.china("2026-09-24 08:00"), place: place, account: "路灯不亮",
                      demand: demand, categoryCode: category, urgency: .general, unitName: "汉阳区城市管理委员会")
    }

    private var now: Date { get throws { try HotlineTestSupport.china("2026-09-24 10:00") } }

    func testCompleteWorkOrderPasses() throws {
        XCTAssertEqual(try intake(.complaint).problems(categories: HotlineCategory.defaults, now: now), [])
    }

    func testComplaintNeedsPlaceAndDemandButAnEnquiryDoesNot() throws {
        XCTAssertEqual(try intake(.complaint, place: "", demand: " ").problems(categories: HotlineCategory.defaults, now: now),
                       [.required(field: "place"), .required(field: "demand")])
        XCTAssertEqual(try intake(.enquiry, place: "", demand: "").problems(categories: HotlineCategory.defaults, now: now), [])
        XCTAssertEqual(try intake(.other, place: "", demand: "").problems(categories: HotlineCategory.defaults, now: now).count, 2)
    }

    func testCallerFieldsCategoryAndTime() throws {
        var order = try intake(.praise)
        order.callerName = ""
        order.phone = "无"
        order.area = " "
        order.occurredAt = try HotlineTestSupport.china("2026-09-24 10:01")
        order.categoryCode = "gone"
        order.unitName = ""
        XCTAssertEqual(order.problems(categories: HotlineCategory.defaults, now: try now).map(\.field),
                       ["callerName", "phone", "area", "occurredAt", "category", "unitName"])
        order.categoryCode = ""
        XCTAssertTrue(order.problems(categories: HotlineCategory.defaults, now: try now).contains(.required(field: "categoryCode")))
    }

    func testMajorEventByFlagOrCategory() throws {
        XCTAssertFalse(try intake(.complaint).isMajorEvent(categories: HotlineCategory.defaults))
        XCTAssertTrue(try intake(.help, category: "mass_incident").isMajorEvent(categories: HotlineCategory.defaults))
        var flagged = try intake(.complaint)
        flagged.majorEvent = true
        XCTAssertTrue(flagged.isMajorEvent(categories: HotlineCategory.defaults))
    }

    func testClosuresAtIntake() {
        XCTAssertNoThrow(try IntakeClosure.answeredFromKnowledgeBase(entryID: "k1").validate(for: .enquiry))
        XCTAssertThrowsError(try IntakeClosure.answeredFromKnowledgeBase(entryID: "k1").validate(for: .complaint))
        HotlineTestSupport.assertThrows(.required(field: "knowledgeEntryID")) {
            try IntakeClosure.answeredFromKnowledgeBase(entryID: " ").validate(for: .enquiry)
        }
        XCTAssertNoThrow(try IntakeClosure.answeredOnTheSpot(answer: "已解释政策").validate(for: .complaint))
        XCTAssertThrowsError(try IntakeClosure.answeredOnTheSpot(answer: "谢谢").validate(for: .praise))
        XCTAssertThrowsError(try IntakeClosure.answeredOnTheSpot(answer: "谢谢").validate(for: .suggestion))
        // 附件1 二(二)9: the reason and another channel must both be told.
        XCTAssertNoThrow(try IntakeClosure.outOfScope(reason: .higherLevel, explanation: "属市级部门主管",
                                                      otherChannel: "请拨打12345").validate(for: .complaint))
        HotlineTestSupport.assertThrows(.required(field: "otherChannel")) {
            try IntakeClosure.outOfScope(reason: .outsideDistrict, explanation: "不属汉阳区", otherChannel: "").validate(for: .complaint)
        }
        XCTAssertNoThrow(try IntakeClosure.repeatClosedDirectly(.petitionConcluded).validate(for: .complaint))
        XCTAssertEqual(DirectClosureReason.allCases.map(\.chinese).count, 4)
        XCTAssertEqual(OutOfScopeReason.higherLevel.chinese, "属于市级或更高一级部门主管的事务")
    }
}
