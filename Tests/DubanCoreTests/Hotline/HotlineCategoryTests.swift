@testable import DubanCore
import XCTest

final class HotlineCategoryTests: XCTestCase {
    private let defaults = HotlineCategory.defaults

    func testDefaultListNamesAndOrder() {
        XCTAssertEqual(defaults.map(\.name), ["城市管理", "市政设施", "园林绿化", "环境保护", "交通出行", "住房物业", "劳动保障",
                                              "市场监管", "教育", "医疗卫生", "社会治安", "消防安全", "安全生产", "供水供电供气",
                                              "自然灾害", "群体性事件", "疫情", "安全事故", "其他"])
        XCTAssertNoThrow(try HotlineCategory.validate(defaults))
    }

    func testPhotosRequiredExactlyForTheThreeSeedCategories() {
        // 000 阳政办〔2017〕33号 附件2 第五条: 城市管理类、市政设施建设类和园林绿化类.
        XCTAssertEqual(defaults.filter(\.photoRequired).map(\.name), ["城市管理", "市政设施", "园林绿化"])
    }

    func testMajorEventCategoriesAreEmergencies() {
        XCTAssertEqual(defaults.filter(\.majorEvent).map(\.name), ["自然灾害", "群体性事件", "疫情", "安全事故"])
        XCTAssertTrue(defaults.filter(\.majorEvent).allSatisfy { $0.defaultUrgency == .emergency })
        XCTAssertEqual(defaults.filter { $0.defaultUrgency == .utilities }.map(\.name), ["供水供电供气"])
        XCTAssertEqual(defaults.filter { $0.defaultUnitName == nil }.map(\.name), ["其他"])
    }

    func testValidationRefusesDuplicatesAndBlanks() {
        var list = defaults
        list.append(HotlineCategory(code: "urban_management", name: "城管2", defaultUrgency: .general, defaultUnitName: nil))
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "categories[19].code", reason: "duplicate code urban_management")) {
            try HotlineCategory.validate(list)
        }
        list[19].code = "x"
        list[19].name = "城市管理"
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "categories[19].name", reason: "duplicate name 城市管理")) {
            try HotlineCategory.validate(list)
        }
        list[19].code = " "
        HotlineTestSupport.assertThrows(.required(field: "categories[19].code")) { try HotlineCategory.validate(list) }
    }

    func testActiveLookupRefusesRetiredAndUnknownCodes() throws {
        var list = defaults
        XCTAssertEqual(try HotlineCategory.active("landscaping", in: list).name, "园林绿化")
        list[2].active = false
        HotlineTestSupport.assertThrows(.unknownCategory("landscaping")) { try HotlineCategory.active("landscaping", in: list) }
        HotlineTestSupport.assertThrows(.unknownCategory("nope")) { try HotlineCategory.active("nope", in: list) }
    }
}
