@testable import DubanCore
import Foundation
import XCTest

/// Datetimes, coordinates and escaping, case by case.
final class Open311ValueFormattingTests: XCTestCase {
    private let china = Open311EncodingOptions.default
    private let utc = Open311EncodingOptions(timeZone: TimeZone(secondsFromGMT: 0) ?? .gmt)

    func testDatetimeInChinaTime() throws {
        // 16:00Z + 8 h = 00:00 the next day; the year turns over at 2026-12-31T16:00Z.
        XCTAssertEqual(Open311DateTime.format(try Open311TestSupport.instant("2026-09-24T16:00:00Z"),
                                              timeZone: ChinaTime.timeZone), "2026-09-25T00:00:00+08:00")
        XCTAssertEqual(Open311DateTime.format(try Open311TestSupport.instant("2026-12-31T16:00:00Z"),
                                              timeZone: ChinaTime.timeZone), "2027-01-01T00:00:00+08:00")
        // 1970-01-01T00:00:00Z is 08:00 in China; one second before the epoch is 07:59:59.
        XCTAssertEqual(Open311DateTime.format(Date(timeIntervalSince1970: -1), timeZone: ChinaTime.timeZone),
                       "1970-01-01T07:59:59+08:00")
        // Fractions are dropped (rounding down, also before the epoch: −0.5 s is 07:59:59).
        XCTAssertEqual(Open311DateTime.format(Date(timeIntervalSince1970: 0.999), timeZone: ChinaTime.timeZone),
                       "1970-01-01T08:00:00+08:00")
        XCTAssertEqual(Open311DateTime.format(Date(timeIntervalSince1970: -0.5), timeZone: ChinaTime.timeZone),
                       "1970-01-01T07:59:59+08:00")
    }

    func testDatetimeZones() throws {
        let instant = try Open311TestSupport.instant("2026-09-24T01:30:00Z")
        XCTAssertEqual(Open311DateTime.format(instant, timeZone: TimeZone(secondsFromGMT: 0) ?? .gmt),
                       "2026-09-24T01:30:00Z")
        // −05:30: 01:30 − 5:30 = 20:00 the previous day.
        XCTAssertEqual(Open311DateTime.format(instant, timeZone: TimeZone(secondsFromGMT: -19_800) ?? .gmt),
                       "2026-09-23T20:00:00-05:30")
        XCTAssertNil(Open311DateTime.format(Date(timeIntervalSince1970: 1e15), timeZone: ChinaTime.timeZone))
        XCTAssertNil(Open311DateTime.format(Date(timeIntervalSince1970: .nan), timeZone: ChinaTime.timeZone))
    }

    func testDatetimeParsing() throws {
        let expected = try Open311TestSupport.instant("2026-09-24T01:30:00Z")
        XCTAssertEqual(Open311DateTime.parse("2026-09-24T09:30:00+08:00"), expected)
        XCTAssertEqual(Open311DateTime.parse("2026-09-24T01:30:00Z"), expected)
        // An unencoded "+" in a query string arrives as a space.
        XCTAssertEqual(Open311DateTime.parse("2026-09-24T09:30:00 08:00"), expected)
        XCTAssertNil(Open311DateTime.parse("2026-09-24T09:30:00"), "no zone")
        XCTAssertNil(Open311DateTime.parse("2026-09-24"), "date only")
        XCTAssertNil(Open311DateTime.parse("2026-02-30T09:30:00Z"), "no such day")
        XCTAssertNil(Open311DateTime.parse("2026 09-24T09:30:00Z"), "a space that is not the offset sign")
        XCTAssertNil(Open311DateTime.parse(""))
    }

    func testCoordinates() {
        func text(_ value: Double?, _ options: Open311EncodingOptions = .default) -> String? {
            guard case .number(let literal) = Open311Node.coordinate(value, options) else { return "not a number" }
            return literal
        }
        XCTAssertEqual(text(30.5549), "30.5549")
        XCTAssertEqual(text(-122.4651145), "-122.4651145")
        XCTAssertEqual(text(114), "114")
        // 0.00001 would print as 1e-05; here it stays plain decimal.
        XCTAssertEqual(text(0.00001), "0.00001")
        XCTAssertEqual(text(-0.0000123), "-0.0000123")
        // 7 places: 26.123456789 → 26.1234568 (the 8th digit 7 rounds the 7th up).
        XCTAssertEqual(text(26.123456789), "26.1234568")
        // Rounding can carry into the whole part: 29.99999999 → 30.
        XCTAssertEqual(text(29.99999999), "30")
        XCTAssertEqual(text(-0.0), "0")
        XCTAssertEqual(text(0.00000004), "0", "below half of the 7th place")
        XCTAssertEqual(text(26.5549, Open311EncodingOptions(coordinateFractionDigits: 2)), "26.55")
        XCTAssertNil(text(nil))
        XCTAssertNil(text(.nan))
        XCTAssertNil(text(.infinity))
    }

    func testXMLEscapingOfEverySpecialCharacter() throws {
        XCTAssertEqual(Open311Node.escapedXML(#"<a href="x">Tom & Jerry's</a>"#),
                       "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
        // CR kept as a reference; NUL, BEL and U+FFFF cannot appear in XML 1.0 and become U+FFFD.
        XCTAssertEqual(Open311Node.escapedXML("a\r\nb\tc\u{0}d\u{7}e\u{FFFF}"),
                       "a&#13;\nb\tc\u{FFFD}d\u{FFFD}e\u{FFFD}")
        XCTAssertEqual(Open311Node.escapedXML("汉阳 😀"), "汉阳 😀")
    }

    func testXMLTextSurvivesAParser() throws {
        let text = "第一行\r\n第二行 <&>\"' 😀"
        let request = Open311Request(serviceRequestID: "HY1", status: .open, serviceCode: "HL-01", description: text,
                                     requestedDatetime: Date(timeIntervalSince1970: 0))
        let descriptions = Open311TestSupport.assertWellFormedXML(Open311Encoding.xml([request]),
                                                                  collecting: "description")
        XCTAssertEqual(descriptions, [text])
    }

    func testXMLWithControlCharactersIsStillWellFormed() throws {
        let request = Open311Request(serviceRequestID: "HY\u{1}1", status: .open, serviceCode: "HL\u{0}",
                                     requestedDatetime: Date(timeIntervalSince1970: 0))
        let ids = Open311TestSupport.assertWellFormedXML(Open311Encoding.xml([request]),
                                                         collecting: "service_request_id")
        XCTAssertEqual(ids, ["HY\u{FFFD}1"])
    }

    func testJSONEscaping() throws {
        let text = "引号\" 反斜杠\\ 斜杠/ 换行\n 回车\r 制表\t 退格\u{8} 换页\u{C} 空\u{0} 单元\u{1F} 😀"
        let request = Open311Request(serviceRequestID: "HY1", status: .open, serviceCode: "HL-01", description: text,
                                     requestedDatetime: Date(timeIntervalSince1970: 0))
        let json = try Open311TestSupport.text(Open311Encoding.json([request]))
        XCTAssertTrue(json.contains(#""description":"引号\" 反斜杠\\ 斜杠/ 换行\n 回车\r 制表\t 退格\b 换页\f 空\u0000 单元\u001f 😀""#),
                      json)
        let decoded = try XCTUnwrap(try Open311TestSupport.jsonObject(Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(decoded[0]["description"] as? String, text)
    }

    func testOutOfRangeDateRendersAsAbsent() throws {
        let request = Open311Request(serviceRequestID: "HY1", status: .open, serviceCode: "HL-01",
                                     requestedDatetime: Date(timeIntervalSince1970: 1e15))
        let json = try Open311TestSupport.text(Open311Encoding.json([request], options: utc))
        XCTAssertTrue(json.contains(#""requested_datetime":null"#), json)
        XCTAssertEqual(china.coordinateFractionDigits, 7)
    }
}
