@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件1 二(二)4 and 附件2 第三条(三).
final class HotlineCaseTypeTests: XCTestCase {
    func testSixTypesWithTheSeedsNames() {
        XCTAssertEqual(HotlineCaseType.allCases.map(\.chinese), ["投诉", "求助", "咨询", "建议", "表扬", "其他"])
        XCTAssertEqual(HotlineCaseType(chinese: " 咨询 "), .enquiry)
        XCTAssertEqual(HotlineCaseType(chinese: "praise"), .praise)
        XCTAssertNil(HotlineCaseType(chinese: "举报"))
    }

    func testOnlyEnquiriesCloseFromTheKnowledgeBase() {
        XCTAssertEqual(HotlineCaseType.allCases.filter(\.mayCloseFromKnowledgeBase), [.enquiry])
    }

    func testEnquirySuggestionAndPraiseMayBeTransferredOnlineDirectly() {
        // 附件2 第三条(三): "对咨询、建议、表扬类案件,区信息网络中心可直接在线转办"
        XCTAssertEqual(HotlineCaseType.allCases.filter(\.mayTransferOnlineDirectly), [.enquiry, .suggestion, .praise])
    }

    func testSuggestionsAndPraiseAreNeverClosedOnTheSpot() {
        // 附件1 二(二)7 names 投诉、求助、咨询及其他 as answerable at once.
        XCTAssertEqual(HotlineCaseType.allCases.filter(\.mayAnswerOnTheSpot), [.complaint, .help, .enquiry, .other])
    }

    func testComplaintHelpAndOtherRecordPlaceAndDemand() {
        XCTAssertEqual(HotlineCaseType.allCases.filter(\.requiresEventDetails), [.complaint, .help, .other])
    }
}
