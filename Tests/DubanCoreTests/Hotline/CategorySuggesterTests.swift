@testable import DubanCore
import XCTest

/// Score = total length of the matched keywords; ties by list position.
final class CategorySuggesterTests: XCTestCase {
    private func suggest(_ text: String, _ categories: [HotlineCategory] = HotlineCategory.defaults) -> [CategorySuggestion] {
        CategorySuggester.suggest(text: text, categories: categories)
    }

    func testBrokenStreetLightIsMunicipalFacilities() {
        // "路灯" (2) is 市政设施's only match; nothing else in the text is a keyword.
        let result = suggest("小区门口路灯坏了好几天")
        XCTAssertEqual(result.map(\.category.name), ["市政设施"])
        XCTAssertEqual(result.first?.matchedKeywords, ["路灯"])
        XCTAssertEqual(result.first?.score, 2)
    }

    func testRestaurantFumesAreEnvironment() {
        // "油烟" (2) → 环境保护; "餐馆" is no keyword.
        let result = suggest("楼下餐馆油烟太大")
        XCTAssertEqual(result.map(\.category.name), ["环境保护"])
        XCTAssertEqual(result.first?.matchedKeywords, ["油烟"])
    }

    func testRankingByScoreThenListPosition() {
        // 环境保护: 噪音 2 + 扰民 2 = 4; 城市管理: 渣土 2; 安全生产: 工地 2. The 2-point tie goes to 城市管理,
        // earlier in the list (position 0 before 12).
        let result = suggest("隔壁工地晚上施工噪音扰民，渣土车乱倒渣土")
        XCTAssertEqual(result.map(\.category.name), ["环境保护", "城市管理", "安全生产"])
        XCTAssertEqual(result.map(\.score), [4, 2, 2])
        XCTAssertEqual(result[0].matchedKeywords, ["噪音", "扰民"])
    }

    func testLongerKeywordsWeighMore() {
        // 安全事故: 泄漏 2 + 燃气泄漏 4 = 6 over 供水供电供气: 燃气 2.
        let result = suggest("楼道里燃气泄漏了，味道很大")
        XCTAssertEqual(result.map(\.category.name), ["安全事故", "供水供电供气"])
        XCTAssertEqual(result.map(\.score), [6, 2])
        XCTAssertTrue(result[0].category.majorEvent)
    }

    func testPunctuationSpacesAndFullWidthAreIgnored() {
        let categories = [HotlineCategory(code: "t", name: "测试", defaultUrgency: .general, defaultUnitName: nil, keywords: ["ＡＢ路", "路灯"])]
        // "ab 路" → key "ab路" = keyword "ＡＢ路" folded (3); "路，灯" → "路灯" (2).
        XCTAssertEqual(suggest("ab 路，灯！", categories).first?.score, 5)
    }

    func testRetiredCategoriesLimitAndEmptyText() {
        var list = HotlineCategory.defaults
        list[1].active = false   // 市政设施
        XCTAssertEqual(suggest("小区门口路灯坏了好几天", list), [])
        XCTAssertEqual(suggest("   ，。 "), [])
        XCTAssertEqual(CategorySuggester.suggest(text: "隔壁工地晚上施工噪音扰民，渣土车乱倒渣土",
                                                 categories: HotlineCategory.defaults, limit: 1).map(\.category.name), ["环境保护"])
        XCTAssertEqual(CategorySuggester.suggest(text: "路灯", categories: HotlineCategory.defaults, limit: 0), [])
    }
}
