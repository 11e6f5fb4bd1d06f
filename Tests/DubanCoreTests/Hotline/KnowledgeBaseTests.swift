@testable import DubanCore
import XCTest

/// Score = shared bigrams + 3 × matched keywords; shown from 2.
final class KnowledgeBaseTests: XCTestCase {
    private let entries = [
        KnowledgeEntry(id: "k1", question: "社保卡丢失了如何补办", answer: "携带身份证到社区服务中心挂失补办。",
                       keywords: ["社保卡", "补办"], categoryCode: "labour"),
        KnowledgeEntry(id: "k2", question: "新生儿如何办理医保", answer: "出生后到户籍所在地社区办理参保登记。",
                       keywords: ["新生儿", "医保"], categoryCode: "labour"),
        KnowledgeEntry(id: "k3", question: "公积金提取需要什么材料", answer: "身份证、银行卡及相关证明。",
                       keywords: ["公积金", "提取"], categoryCode: "housing_property"),
        KnowledgeEntry(id: "k4", question: "居住证如何办理", answer: "到居住地派出所申领。",
                       keywords: ["居住证"], categoryCode: "public_security"),
    ]

    func testLostSocialSecurityCard() throws {
        // Query key "我的社保卡丢了去哪里补办": bigrams 我的 的社 社保 保卡 卡丢 丢了 了去 去哪 哪里 里补 补办.
        // k1 "社保卡丢失了如何补办" shares 社保 保卡 卡丢 补办 = 4; keywords 社保卡, 补办 = 2 × 3 = 6; total 10.
        // k2, k3, k4 share no bigram and no keyword.
        let matches = KnowledgeBase.search("我的社保卡丢了，去哪里补办？", in: entries)
        XCTAssertEqual(matches.map(\.entry.id), ["k1"])
        let match = try XCTUnwrap(matches.first)
        XCTAssertEqual(match.score, 10)
        XCTAssertEqual(Set(match.sharedBigrams), ["社保", "保卡", "卡丢", "补办"])
        XCTAssertEqual(match.matchedKeywords, ["社保卡", "补办"])
    }

    func testResidencePermitAndTheNoiseThreshold() {
        // "想问一下怎么办理居住证": k4 shares 居住 住证 办理 = 3, keyword 居住证 = 3 → 6.
        // k2 shares only 办理 = 1 < 2 → not shown.
        let matches = KnowledgeBase.search("想问一下怎么办理居住证", in: entries)
        XCTAssertEqual(matches.map(\.entry.id), ["k4"])
        XCTAssertEqual(matches.map(\.score), [6])
        let loose = KnowledgeBase.search("想问一下怎么办理居住证", in: entries, policy: KnowledgeSearchPolicy(minimumScore: 1))
        XCTAssertEqual(loose.map(\.entry.id), ["k4", "k2"])
    }

    func testCategoryFilterAndTies() {
        // "如何办理": k2 shares 如何 何办 办理 = 3; k4 shares 如何 何办 办理 = 3; no keywords; tie → by id.
        XCTAssertEqual(KnowledgeBase.search("如何办理", in: entries).map(\.entry.id), ["k2", "k4"])
        XCTAssertEqual(KnowledgeBase.search("如何办理", in: entries, categoryCode: "public_security").map(\.entry.id), ["k4"])
    }

    func testShortAndEmptyQueries() {
        // "公积金": bigrams 公积 积金 both in k3's question = 2, keyword 公积金 = 3 → 5.
        XCTAssertEqual(KnowledgeBase.search("公积金", in: entries).map(\.score), [5])
        XCTAssertEqual(KnowledgeBase.search(" ？ ", in: entries), [])
        XCTAssertEqual(KnowledgeBase.search("公积金", in: entries, policy: KnowledgeSearchPolicy(limit: 0)), [])
    }

    func testBigrams() {
        XCTAssertEqual(HotlineText.bigrams(ofKey: "路灯坏"), ["路灯", "灯坏"])
        XCTAssertEqual(HotlineText.bigrams(ofKey: "税"), ["税"])
        XCTAssertEqual(HotlineText.bigrams(ofKey: ""), [])
        XCTAssertEqual(HotlineText.matchKey("路灯，坏了！ Ａb"), "路灯坏了ab")
    }
}
