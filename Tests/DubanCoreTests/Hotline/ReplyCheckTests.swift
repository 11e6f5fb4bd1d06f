@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件2 第五条: site photos for 城市管理, 市政设施, 园林绿化.
final class ReplyCheckTests: XCTestCase {
    func testPhotoCategoriesNeedAPhoto() throws {
        for code in ["urban_management", "municipal_facilities", "landscaping"] {
            let category = try HotlineTestSupport.category(code)
            XCTAssertEqual(ReplyCheck.problems(resultText: "已修复", category: category, photoCount: 0),
                           [.photosRequired(category: category.name, minimum: 1)])
            XCTAssertEqual(ReplyCheck.problems(resultText: "已修复", category: category, photoCount: 1), [])
        }
    }

    func testOtherCategoriesDoNot() throws {
        XCTAssertEqual(ReplyCheck.problems(resultText: "已约谈商户整改", category: try HotlineTestSupport.category("environment"), photoCount: 0), [])
    }

    func testResultTextIsAlwaysRequired() throws {
        let category = try HotlineTestSupport.category("landscaping")
        XCTAssertEqual(ReplyCheck.problems(resultText: "  \n", category: category, photoCount: 0),
                       [.required(field: "result"), .photosRequired(category: "园林绿化", minimum: 1)])
        XCTAssertEqual(HotlineError.photosRequired(category: "园林绿化", minimum: 1).code, "photos_required")
        XCTAssertEqual(HotlineError.photosRequired(category: "园林绿化", minimum: 1).field, "photos")
    }
}
