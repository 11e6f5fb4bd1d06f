@testable import DubanCore
import XCTest

/// RX + date + sequence + Damm check digit.
final class TrackingCodeTests: XCTestCase {
    func testFormatAndCheckDigitByHand() throws {
        // Damm over 2 0 2 6 1 1 2 3 0 0 0 1 2 3, interim digits (table row = interim, column = digit):
        // 0→1→7→4→5→6→8→3→0→0→0→0→3→5→4: check digit 4.
        let code = try TrackingCode(date: HotlineTestSupport.day("2026-11-23"), sequence: 123)
        XCTAssertEqual(code.description, "RX20261123-000123-4")
        XCTAssertEqual(code.compact, "RX202611230001234")
        // 2 0 2 6 0 1 0 5 0 0 0 0 0 7: 0→1→7→4→5→3→7→8→1→7→8→9→2→4→9: check digit 9.
        XCTAssertEqual(try TrackingCode(date: HotlineTestSupport.day("2026-01-05"), sequence: 7).description, "RX20260105-000007-9")
    }

    func testReadingIsForgiving() throws {
        let expected = try TrackingCode(date: HotlineTestSupport.day("2026-11-23"), sequence: 123)
        for typed in ["RX20261123-000123-4", "rx202611230001234", " RX 20261123 000123 4 ", "ＲＸ２０２６１１２３－０００１２３－４"] {
            XCTAssertEqual(try TrackingCode(validating: typed), expected, typed)
        }
        XCTAssertTrue(TrackingCode.isValid("RX20261123-000123-4"))
        XCTAssertFalse(TrackingCode.isValid("RX20261123-000123-5"))
    }

    func testEverySingleDigitTypoIsCaught() {
        let body = Array("202611230001234")
        var tried = 0
        for position in body.indices {
            for digit in "0123456789" where digit != body[position] {
                var typo = body
                typo[position] = digit
                XCTAssertFalse(TrackingCode.isValid("RX" + String(typo)), "RX\(String(typo))")
                tried += 1
            }
        }
        XCTAssertEqual(tried, 15 * 9)
    }

    func testEveryAdjacentSwapIsCaught() {
        let body = Array("202611230001234")
        var tried = 0
        for position in 0..<(body.count - 1) where body[position] != body[position + 1] {
            var swapped = body
            swapped.swapAt(position, position + 1)
            XCTAssertFalse(TrackingCode.isValid("RX" + String(swapped)), "RX\(String(swapped))")
            tried += 1
        }
        // Pairs 20 02 26 61 (11 same) 12 23 30 (00 00 same) 01 12 23 34: 11 differing pairs.
        XCTAssertEqual(tried, 11)
    }

    func testMalformedCodes() {
        HotlineTestSupport.assertThrows(.malformedTrackingCode) { try TrackingCode(validating: "RY20261123-000123-4") }
        HotlineTestSupport.assertThrows(.malformedTrackingCode) { try TrackingCode(validating: "RX20261123-00123-4") }
        HotlineTestSupport.assertThrows(.malformedTrackingCode) { try TrackingCode(validating: "RX2026112300012A4") }
        HotlineTestSupport.assertThrows(.trackingCodeCheckFailed) { try TrackingCode(validating: "RX20261123-000123-0") }
        XCTAssertThrowsError(try TrackingCode(date: LocalDate(year: 2026, month: 1, day: 1)!, sequence: 0))
        XCTAssertThrowsError(try TrackingCode(date: LocalDate(year: 2026, month: 1, day: 1)!, sequence: 1_000_000))
        XCTAssertNoThrow(try TrackingCode(date: LocalDate(year: 2026, month: 1, day: 1)!, sequence: 999_999))
    }

    func testAnImpossibleDateWithAValidCheckDigitIsRefused() {
        // 2026-02-30 with sequence 1: digits 2 0 2 6 0 2 3 0 0 0 0 0 0 1 → the code is only malformed if
        // the check passes; build the check digit with the same Damm table to isolate the date test.
        let digits = [2, 0, 2, 6, 0, 2, 3, 0, 0, 0, 0, 0, 0, 1]
        let check = RescueCode.checkDigit(for: digits)
        HotlineTestSupport.assertThrows(.malformedTrackingCode) {
            try TrackingCode(validating: "RX" + digits.map(String.init).joined() + String(check))
        }
    }

    func testCodable() throws {
        let code = try TrackingCode(date: HotlineTestSupport.day("2026-11-23"), sequence: 123)
        let data = try JSONEncoder().encode(code)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #""RX20261123-000123-4""#)
        XCTAssertEqual(try JSONDecoder().decode(TrackingCode.self, from: data), code)
        XCTAssertThrowsError(try JSONDecoder().decode(TrackingCode.self, from: Data(#""RX20261123-000123-5""#.utf8)))
    }

    func testPublicStatusCheck() {
        XCTAssertTrue(PublicStatusCheck.matches(phoneLast4: "2345", phone: "13871112345"))
        XCTAssertTrue(PublicStatusCheck.matches(phoneLast4: "２３４５", phone: "+86 138-7111-2345"))
        XCTAssertTrue(PublicStatusCheck.matches(phoneLast4: " 23 45", phone: "13871112345"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "2346", phone: "13871112345"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "1345", phone: "13871112345"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "345", phone: "13871112345"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "12345", phone: "13871112345"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "23a5", phone: "13871112345"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "0110", phone: "110"))
        XCTAssertFalse(PublicStatusCheck.matches(phoneLast4: "", phone: ""))
    }

    func testThePublicStatusHasNoCallerFields() throws {
        let status = PublicCaseStatus(trackingCode: try TrackingCode(date: HotlineTestSupport.day("2026-11-23"), sequence: 123),
                                      type: .complaint, categoryName: "市政设施", progress: "办理中",
                                      receivedOn: try HotlineTestSupport.day("2026-11-23"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(status), as: UTF8.self)
        XCTAssertEqual(json, #"{"categoryName":"市政设施","progress":"办理中","receivedOn":"2026-11-23","trackingCode":"RX20261123-000123-4","type":"complaint"}"#)
    }
}
