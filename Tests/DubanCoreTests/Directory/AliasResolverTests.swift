import DubanCore
import XCTest

final class AliasResolverTests: XCTestCase {
    /// The seeds spell one department several ways (000/001: 区科技经信局 / 区科技和经信局).
    func testSpellingsFromTheSeedsResolveToOneUnit() throws {
        var resolver = AliasResolver<Int>()
        for name in ["汉阳区科技和经信局", "区科技和经信局", "区科技经信局"] { try resolver.register(name, for: 1) }
        for name in ["汉阳区安全生产监督管理局", "区安监局"] { try resolver.register(name, for: 2) }
        XCTAssertEqual(resolver.resolve("区科技经信局"), 1)
        XCTAssertEqual(resolver.resolve("区科技和经信局"), 1)
        XCTAssertEqual(resolver.resolve("区安监局"), 2)
        XCTAssertNil(resolver.resolve("区城管委"))
    }

    func testWhitespaceWidthAndNormalisationDoNotMatter() throws {
        var resolver = AliasResolver<Int>()
        try resolver.register("建桥街", for: 7)
        XCTAssertEqual(resolver.resolve(" 建桥街 "), 7)
        XCTAssertEqual(resolver.resolve("建\u{3000}桥街"), 7)
        try resolver.register("ＡＢＣ公司", for: 8)
        XCTAssertEqual(resolver.resolve("abc公司"), 8)
        // "é" composed and decomposed are one spelling (NFC).
        try resolver.register("Caf\u{E9}", for: 9)
        XCTAssertEqual(resolver.resolve("Cafe\u{301}"), 9)
    }

    func testOneSpellingCannotNameTwoUnits() throws {
        var resolver = AliasResolver<Int>()
        try resolver.register("区城管委", for: 1)
        XCTAssertNoThrow(try resolver.register("区城管委", for: 1))
        XCTAssertThrowsError(try resolver.register("区 城管委", for: 2)) { error in
            XCTAssertEqual(error as? AliasResolver<Int>.Conflict, .ambiguous(name: "区 城管委"))
        }
        XCTAssertEqual(resolver.resolve("区城管委"), 1)
    }

    func testNameKey() {
        XCTAssertEqual(TextNormalization.nameKey(" 区 科技经信局\n"), "区科技经信局")
        XCTAssertEqual(TextNormalization.nameKey("ＧＢ５００１６"), "gb50016")
        XCTAssertEqual(TextNormalization.clean("\u{3000}汉阳区\u{3000}"), "汉阳区")
    }
}
