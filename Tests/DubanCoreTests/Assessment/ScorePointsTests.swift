@testable import DubanCore
import Foundation
import XCTest

final class ScorePointsTests: XCTestCase {
    func testTenthsAddUpExactly() {
        // 5 − 33 × 0.1 = 1.7 exactly; in binary floating point 5 − 33 × 0.1 is 1.6999999999999993.
        let left = ScorePoints(5) - ScorePoints(hundredths: 10).times(33)
        XCTAssertEqual(left.tenThousandths, 17_000)
        XCTAssertEqual(left.description, "1.7")
        // 10 − 0.1 = 9.9, not 9.900000000000002.
        XCTAssertEqual((ScorePoints(10) - ScorePoints(hundredths: 10)).description, "9.9")
    }

    func testDescriptionTrimsZeros() {
        XCTAssertEqual(ScorePoints(100).description, "100")
        XCTAssertEqual(ScorePoints(hundredths: 50).description, "0.5")
        XCTAssertEqual(ScorePoints(hundredths: 5).description, "0.05")
        XCTAssertEqual(ScorePoints(hundredths: -5).description, "-0.05")
        XCTAssertEqual(ScorePoints(tenThousandths: 1_234).description, "0.1234")
        XCTAssertEqual(ScorePoints(tenThousandths: -150_000).description, "-15")
        XCTAssertEqual(ScorePoints.zero.description, "0")
    }

    func testRoundingHalfAwayFromZero() {
        // 9.995 → 10.00; 9.9949 → 9.99; −0.005 → −0.01; −0.0049 → 0; 0.125 → 0.13.
        XCTAssertEqual(ScorePoints(tenThousandths: 99_950).roundedToHundredths().tenThousandths, 100_000)
        XCTAssertEqual(ScorePoints(tenThousandths: 99_949).roundedToHundredths().tenThousandths, 99_900)
        XCTAssertEqual(ScorePoints(tenThousandths: -50).roundedToHundredths().tenThousandths, -100)
        XCTAssertEqual(ScorePoints(tenThousandths: -49).roundedToHundredths().tenThousandths, 0)
        XCTAssertEqual(ScorePoints(tenThousandths: 1_250).roundedToHundredths().tenThousandths, 1_300)
    }

    func testExactlyFromDouble() {
        // 1.255 is 1.25499999999999989… in binary; read as the decimal 1.255 it is 12 550 ten-thousandths.
        XCTAssertEqual(ScorePoints(exactly: 1.255)?.tenThousandths, 12_550)
        XCTAssertEqual(ScorePoints(exactly: 1.5)?.tenThousandths, 15_000)
        XCTAssertEqual(ScorePoints(exactly: 0.0001)?.tenThousandths, 1)
        XCTAssertNil(ScorePoints(exactly: 0.00001))
        XCTAssertNil(ScorePoints(exactly: 1.23456))
        XCTAssertNil(ScorePoints(exactly: .infinity))
        XCTAssertNil(ScorePoints(exactly: .nan))
        XCTAssertNil(ScorePoints(exactly: 1e300))
    }

    func testArithmeticSaturates() {
        XCTAssertEqual(ScorePoints(Int.max).tenThousandths, Int.max)
        XCTAssertEqual(ScorePoints(1).times(Int.max).tenThousandths, Int.max)
        XCTAssertEqual((ScorePoints(tenThousandths: Int.max) + ScorePoints(1)).tenThousandths, Int.max)
        XCTAssertEqual((ScorePoints(tenThousandths: Int.min) - ScorePoints(1)).tenThousandths, Int.min)
    }

    func testCodableAsJSONNumber() throws {
        let data = try JSONEncoder().encode([ScorePoints(10) - ScorePoints(hundredths: 10)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[9.9]")
        XCTAssertEqual(try JSONDecoder().decode([ScorePoints].self, from: Data("[1.5]".utf8)), [ScorePoints(hundredths: 150)])
        XCTAssertThrowsError(try JSONDecoder().decode([ScorePoints].self, from: Data("[1.23456]".utf8)))
    }
}
