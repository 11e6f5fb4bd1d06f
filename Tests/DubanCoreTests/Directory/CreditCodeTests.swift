import DubanCore
import XCTest

/// GB 32100-2015 check-digit validation against codes of real enterprises (as published on their
/// business licences) and corrupted variants of them.
final class CreditCodeTests: XCTestCase {
    static let realCodes: [(String, String)] = [
        ("华为技术有限公司", "914403001922038216"),
        ("腾讯科技(深圳)有限公司", "9144030071526726XG"),
        ("阿里巴巴(中国)网络技术有限公司", "91330100716105852F"),
        ("小米通讯技术有限公司", "91110108558521630L"),
        ("北京百度网讯科技有限公司", "91110000802100433B"),
        ("中国石油化工股份有限公司", "91110000710926094P"),
        ("比亚迪股份有限公司", "91440300192317458F"),
        ("中国平安保险(集团)股份有限公司", "91440300100012316L"),
        ("东风汽车集团有限公司", "914200001000115161"),
        ("中国工商银行股份有限公司", "91100000100003962T"),
        ("招商银行股份有限公司", "9144030010001686XA"),
    ]

    func testRealEnterpriseCodesAreValid() {
        for (name, code) in Self.realCodes {
            guard case .success(let parsed) = CreditCode.parse(code) else { return XCTFail("\(name) \(code) rejected") }
            XCTAssertEqual(parsed.value, code)
        }
    }

    func testLowercaseAndSurroundingSpaceAreAccepted() {
        guard case .success(let parsed) = CreditCode.parse("  9144030071526726xg ") else { return XCTFail() }
        XCTAssertEqual(parsed.value, "9144030071526726XG")
    }

    func testEverySingleCharacterChangeIsCaught() {
        // Changing any one of the 18 characters to any other legal symbol must fail the check: the
        // weights are non-zero modulo the prime 31, so a single substitution always changes the sum.
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        for (_, code) in Self.realCodes {
            let chars = Array(code)
            for position in 0..<18 {
                for symbol in alphabet where symbol != chars[position] {
                    var changed = chars
                    changed[position] = symbol
                    if case .success = CreditCode.parse(String(changed)) {
                        XCTFail("\(String(changed)) accepted (from \(code), position \(position + 1))")
                    }
                }
            }
        }
    }

    func testProblemsAreNamed() {
        XCTAssertEqual(CreditCode.parse("91440300192317458").failureValue, .length(17))
        XCTAssertEqual(CreditCode.parse("9144030019231745800").failureValue, .length(19))
        XCTAssertEqual(CreditCode.parse("91440300192317458I").failureValue, .invalidCharacter(position: 18, character: "I"))
        XCTAssertEqual(CreditCode.parse("9144O300192317458F").failureValue, .invalidCharacter(position: 5, character: "O"))
        XCTAssertEqual(CreditCode.parse("914403001923174580").failureValue, .checkDigit(expected: "F", found: "0"))
        XCTAssertEqual(CreditCode.parse("").failureValue, .length(0))
    }

    func testTransposedDigitsAreCaught() {
        // 比亚迪 with characters 9 and 10 swapped.
        XCTAssertNotNil(CreditCode.parse("91440300912317458F").failureValue)
    }

    func testCheckCharacterComputation() {
        XCTAssertEqual(CreditCode.checkCharacter(for: "91440300192317458"), "F")
        XCTAssertNil(CreditCode.checkCharacter(for: "9144030019231745"))
        XCTAssertNil(CreditCode.checkCharacter(for: "9144030019231745I"))
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
