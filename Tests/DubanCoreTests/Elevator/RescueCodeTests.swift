@testable import DubanCore
import XCTest

final class RescueCodeTests: XCTestCase {
    func testDammPublishedExample() {
        // Damm's worked example: 572 → interim 0→9 (row 0, col 5), 9→7 (row 9, col 7), 7→4 (row 7, col 2): check 4.
        XCTAssertEqual(RescueCode.checkDigit(for: [5, 7, 2]), 4)
        XCTAssertEqual(RescueCode.checkDigit(for: [5, 7, 2, 4]), 0)
    }

    func testMakeFromSequence() throws {
        // 00001: interim stays 0 through the zeros (row 0, col 0 = 0), then row 0, col 1 = 3 → "000013".
        let first = try RescueCode.make(sequence: 1)
        XCTAssertEqual(first.value, "000013")
        XCTAssertEqual(first.sequence, 1)
        XCTAssertEqual(try RescueCode.make(sequence: 572, serialDigits: 3).value, "5724")
        XCTAssertEqual(try RescueCode.make(sequence: 99_999).value.count, 6)
    }

    func testSequenceAndLengthLimits() {
        XCTAssertThrowsError(try RescueCode.make(sequence: 0)) {
            XCTAssertEqual($0 as? ElevatorError, .sequenceOutOfRange(sequence: 0, maximum: 99_999))
        }
        XCTAssertThrowsError(try RescueCode.make(sequence: 100_000)) {
            XCTAssertEqual($0 as? ElevatorError, .sequenceOutOfRange(sequence: 100_000, maximum: 99_999))
        }
        XCTAssertThrowsError(try RescueCode.make(sequence: 5, serialDigits: 2)) {
            XCTAssertEqual(($0 as? ElevatorError)?.code, "invalid_configuration")
        }
        XCTAssertThrowsError(try ElevatorConfiguration(rescueCodeSerialDigits: 12).validated())
        XCTAssertNoThrow(try ElevatorConfiguration.standard.validated())
    }

    func testValidateReadsTypedCodes() throws {
        XCTAssertEqual(try RescueCode(validating: "000013").sequence, 1)
        XCTAssertEqual(try RescueCode(validating: " 000-013 ").value, "000013")
        XCTAssertEqual(try RescueCode(validating: "００００１３").sequence, 1, "full-width digits")
        XCTAssertThrowsError(try RescueCode(validating: "00001")) {
            XCTAssertEqual($0 as? ElevatorError, .malformedRescueCode(digits: 6))
        }
        XCTAssertThrowsError(try RescueCode(validating: "0000a3")) {
            XCTAssertEqual($0 as? ElevatorError, .malformedRescueCode(digits: 6))
        }
        XCTAssertThrowsError(try RescueCode(validating: "000012")) {
            XCTAssertEqual($0 as? ElevatorError, .rescueCodeCheckFailed)
        }
        // 00000 has check digit 0 (the interim never leaves 0), so "000000" checks but is no sequence.
        XCTAssertThrowsError(try RescueCode(validating: "000000")) {
            XCTAssertEqual(($0 as? ElevatorError)?.code, "sequence_out_of_range")
        }
    }

    func testEverySingleMisheardDigitAndAdjacentSwapIsCaught() throws {
        for sequence in [1, 4_711, 31_005, 99_999, 57_203] {
            let digits = Array(try RescueCode.make(sequence: sequence).value)
            for position in digits.indices {
                for replacement in "0123456789" where replacement != digits[position] {
                    var wrong = digits
                    wrong[position] = replacement
                    XCTAssertThrowsError(try RescueCode(validating: String(wrong)), "\(String(wrong)) from \(sequence)")
                }
                if position + 1 < digits.count, digits[position] != digits[position + 1] {
                    var swapped = digits
                    swapped.swapAt(position, position + 1)
                    XCTAssertThrowsError(try RescueCode(validating: String(swapped)), "\(String(swapped)) from \(sequence)")
                }
            }
        }
    }
}
