@testable import DubanCore
import XCTest

/// Parsing of POSTed `application/x-www-form-urlencoded` fields (GeoReport v2 POST Service Request).
final class Open311RequestInputTests: XCTestCase {
    private func errors(_ form: [String: String], limits: Open311InputLimits = .default,
                        file: StaticString = #filePath, line: UInt = #line) -> [Open311Error] {
        do {
            let input = try Open311RequestInput.parse(form: form, limits: limits)
            XCTFail("accepted: \(input)", file: file, line: line)
            return []
        } catch {
            return error.errors
        }
    }

    func testFullForm() throws {
        let input = try Open311RequestInput.parse(form: [
            "api_key": " key-1 ", "jurisdiction_id": "hanyang.gov.cn", "service_code": "HL-01",
            "lat": "30.5549", "long": "114.2187", "address_string": "鹦鹉大道 1 号", "address_id": "ADDR-42",
            "attribute[SHOP]": "food", "email": "citizen@example.cn", "device_id": "dev-7", "account_id": "acc-1",
            "first_name": "小明", "last_name": "王", "phone": "027-8888 8888",
            "description": "  夜市占道\n噪声很大  ", "media_url": "https://duban.example.cn/p.jpg",
            "unknown_extra": "ignored",
        ])
        XCTAssertEqual(input.apiKey, "key-1")
        XCTAssertEqual(input.jurisdictionID, "hanyang.gov.cn")
        XCTAssertEqual(input.serviceCode, "HL-01")
        XCTAssertEqual(input.location.coordinate, Open311Coordinate(latitude: 30.5549, longitude: 114.2187))
        XCTAssertEqual(input.location.addressString, "鹦鹉大道 1 号")
        XCTAssertEqual(input.location.addressID, "ADDR-42")
        XCTAssertEqual(input.attributes, ["SHOP": ["food"]])
        XCTAssertEqual(input.email, "citizen@example.cn")
        XCTAssertEqual(input.deviceID, "dev-7")
        XCTAssertEqual(input.accountID, "acc-1")
        XCTAssertEqual(input.firstName, "小明")
        XCTAssertEqual(input.lastName, "王")
        XCTAssertEqual(input.phone, "027-8888 8888")
        // Trimmed at both ends, the inner line break kept.
        XCTAssertEqual(input.description, "夜市占道\n噪声很大")
        XCTAssertEqual(input.mediaURL, "https://duban.example.cn/p.jpg")
    }

    func testMinimalFormsWithEachKindOfLocation() throws {
        let byCoordinate = try Open311RequestInput.parse(form: ["service_code": "HL-01", "lat": "-90", "long": "180"])
        XCTAssertEqual(byCoordinate.location.coordinate, Open311Coordinate(latitude: -90, longitude: 180))
        XCTAssertNil(byCoordinate.apiKey)
        XCTAssertNil(byCoordinate.description)
        XCTAssertEqual(byCoordinate.attributes, [:])
        let byAddress = try Open311RequestInput.parse(form: ["service_code": "HL-01", "address_string": "汉阳大道"])
        XCTAssertNil(byAddress.location.coordinate)
        XCTAssertEqual(byAddress.location.addressString, "汉阳大道")
        let byAddressID = try Open311RequestInput.parse(form: ["service_code": "HL-01", "address_id": "A1"])
        XCTAssertEqual(byAddressID.location.addressID, "A1")
    }

    func testMissingServiceCode() {
        let found = errors(["lat": "30", "long": "114"])
        XCTAssertEqual(found.map(\.field), ["service_code"])
        XCTAssertEqual(found.first?.kind, .missingParameter)
        XCTAssertEqual(found.first?.code, 400)
        XCTAssertEqual(found.first?.description, "缺少必填参数 service_code / service_code is required")
        // Blank counts as absent.
        XCTAssertEqual(errors(["service_code": "  ", "address_id": "A1"]).map(\.field), ["service_code"])
    }

    func testNoLocation() {
        let found = errors(["service_code": "HL-01", "address_string": " "])
        XCTAssertEqual(found, [.missingLocation])
        XCTAssertEqual(found.first?.kind, .missingLocation)
        // Both problems are reported at once, in field order.
        XCTAssertEqual(errors([:]).map(\.field), ["service_code", "location"])
    }

    func testLatitudeAndLongitudeRanges() {
        // Boundaries ±90 / ±180 are accepted; one step beyond is refused.
        XCTAssertNoThrow(try Open311RequestInput.parse(form: ["service_code": "A", "lat": "90", "long": "-180"]))
        let cases: [(lat: String, long: String, field: String, message: String)] = [
            ("90.0000001", "0", "lat", "参数 lat 无效：须在 -90 到 90 之间 / lat is invalid: must be between -90 and 90"),
            ("-90.5", "0", "lat", "参数 lat 无效：须在 -90 到 90 之间 / lat is invalid: must be between -90 and 90"),
            ("0", "180.01", "long",
             "参数 long 无效：须在 -180 到 180 之间 / long is invalid: must be between -180 and 180"),
            ("0", "-181", "long",
             "参数 long 无效：须在 -180 到 180 之间 / long is invalid: must be between -180 and 180"),
            ("abc", "0", "lat", "参数 lat 无效：须为十进制数 / lat is invalid: must be a decimal number"),
            ("nan", "0", "lat", "参数 lat 无效：须为十进制数 / lat is invalid: must be a decimal number"),
            ("0", "inf", "long", "参数 long 无效：须为十进制数 / long is invalid: must be a decimal number"),
            ("0x1p3", "0", "lat", "参数 lat 无效：须为十进制数 / lat is invalid: must be a decimal number"),
            ("1e400", "0", "lat", "参数 lat 无效：须为十进制数 / lat is invalid: must be a decimal number"),
            ("30,5", "0", "lat", "参数 lat 无效：须为十进制数 / lat is invalid: must be a decimal number"),
        ]
        for testCase in cases {
            let found = errors(["service_code": "A", "lat": testCase.lat, "long": testCase.long])
            XCTAssertEqual(found.map(\.field), [testCase.field], "\(testCase)")
            XCTAssertEqual(found.first?.kind, .invalidParameter, "\(testCase)")
            XCTAssertEqual(found.first?.description, testCase.message, "\(testCase)")
        }
        // A bad coordinate is refused even when an address would locate the request.
        XCTAssertEqual(errors(["service_code": "A", "lat": "91", "long": "0", "address_id": "A1"]).map(\.field),
                       ["lat"])
    }

    func testLatitudeWithoutLongitudeAndViceVersa() {
        let onlyLat = errors(["service_code": "A", "lat": "30"])
        XCTAssertEqual(onlyLat.map(\.field), ["long"])
        XCTAssertEqual(onlyLat.first?.kind, .missingParameter)
        XCTAssertEqual(onlyLat.first?.description, "提供 lat 时须同时提供 long / long is required together with lat")
        let onlyLong = errors(["service_code": "A", "long": "114", "address_string": "汉阳"])
        XCTAssertEqual(onlyLong.map(\.field), ["lat"])
        // An invalid lat and a missing long are both reported.
        XCTAssertEqual(errors(["service_code": "A", "lat": "x"]).map(\.field), ["lat", "long"])
    }

    func testAttributeCollection() throws {
        let input = try Open311RequestInput.parse(fields: [
            (name: "service_code", value: "HL-01"), (name: "address_id", value: "A1"),
            (name: "attribute[KIND][]", value: "noise"), (name: "attribute[KIND][]", value: " smell "),
            (name: "attribute[KIND]", value: "dust"), (name: "attribute[WHEN]", value: "2026-09-24T20:00:00+08:00"),
            (name: "attribute[EMPTY]", value: "  "), (name: "attribute[说明]", value: "夜间"),
        ])
        // Values kept in the order sent, trimmed; an attribute with only blank values is dropped.
        XCTAssertEqual(input.attributes, ["KIND": ["noise", "smell", "dust"],
                                          "WHEN": ["2026-09-24T20:00:00+08:00"], "说明": ["夜间"]])
    }

    func testMalformedAttributeKeys() {
        for key in ["attribute[]", "attribute[A", "attribute[A]x", "attribute[A][B]", "attribute[[A]]"] {
            let found = errors(["service_code": "A", "address_id": "A1", key: "v"])
            XCTAssertEqual(found.map(\.field), [key], key)
            XCTAssertEqual(found.first?.kind, .invalidParameter, key)
        }
        // A field merely named "attribute" is not an attribute and is ignored like any unknown field.
        XCTAssertNoThrow(try Open311RequestInput.parse(form: ["service_code": "A", "address_id": "A1",
                                                              "attribute": "v"]))
    }

    func testAttributeLimits() {
        let limits = Open311InputLimits(maximumAttributes: 2, maximumValuesPerAttribute: 2)
        let tooMany = errors(["service_code": "A", "address_id": "A1", "attribute[X]": "1", "attribute[Y]": "2",
                              "attribute[Z]": "3"], limits: limits)
        XCTAssertEqual(tooMany.map(\.field), ["attribute"])
        do {
            _ = try Open311RequestInput.parse(fields: [
                (name: "service_code", value: "A"), (name: "address_id", value: "A1"),
                (name: "attribute[X][]", value: "1"), (name: "attribute[X][]", value: "2"),
                (name: "attribute[X][]", value: "3"),
            ], limits: limits)
            XCTFail("three values accepted")
        } catch {
            XCTAssertEqual(error.errors.map(\.field), ["attribute[X]"])
        }
    }

    func testDescriptionLength() throws {
        // GeoReport v2: at most 4,000 characters; counted in Unicode scalars, so 4,000 汉字 pass.
        let longest = String(repeating: "汉", count: 4000)
        let input = try Open311RequestInput.parse(form: ["service_code": "A", "address_id": "A1",
                                                         "description": longest])
        XCTAssertEqual(input.description?.count, 4000)
        let found = errors(["service_code": "A", "address_id": "A1", "description": longest + "字"])
        XCTAssertEqual(found.map(\.field), ["description"])
        XCTAssertEqual(found.first?.description,
                       "参数 description 无效：超过 4000 个字符 / description is invalid: is longer than 4000 characters")
    }

    func testOtherFieldLimitsAndControlCharacters() {
        let name = String(repeating: "a", count: 201)
        XCTAssertEqual(errors(["service_code": "A", "address_id": "A1", "first_name": name]).map(\.field),
                       ["first_name"])
        XCTAssertEqual(errors(["service_code": "A\u{0}", "address_id": "A1"]).map(\.field), ["service_code"])
        XCTAssertEqual(errors(["service_code": "A", "address_id": "A1", "phone": "027\u{7F}"]).map(\.field), ["phone"])
        // Tab, line feed and carriage return are ordinary text.
        XCTAssertNoThrow(try Open311RequestInput.parse(form: ["service_code": "A", "address_id": "A1",
                                                              "description": "一\t二\r\n三"]))
    }

    func testEmailAndMediaURL() {
        for bad in ["citizen", "a@b", "@example.cn", "a@.cn", "a@example.", "a b@example.cn", "a@b@example.cn"] {
            XCTAssertEqual(errors(["service_code": "A", "address_id": "A1", "email": bad]).map(\.field), ["email"], bad)
        }
        for bad in ["javascript:alert(1)", "ftp://example.cn/a.jpg", "data:image/png;base64,AAAA", "/media/1.jpg",
                    "http://"] {
            XCTAssertEqual(errors(["service_code": "A", "address_id": "A1", "media_url": bad]).map(\.field),
                           ["media_url"], bad)
        }
        XCTAssertNoThrow(try Open311RequestInput.parse(form: ["service_code": "A", "address_id": "A1",
                                                              "media_url": "HTTP://Example.cn/a.jpg"]))
    }

    func testRepeatedFields() throws {
        let same = try Open311RequestInput.parse(fields: [(name: "service_code", value: "A"),
                                                          (name: "service_code", value: " A "),
                                                          (name: "address_id", value: "A1")])
        XCTAssertEqual(same.serviceCode, "A")
        do {
            _ = try Open311RequestInput.parse(fields: [(name: "service_code", value: "A"),
                                                       (name: "service_code", value: "B"),
                                                       (name: "address_id", value: "A1")])
            XCTFail("two different service codes accepted")
        } catch {
            // Only the conflict is reported, not a missing service_code as well.
            XCTAssertEqual(error.errors.map(\.field), ["service_code"])
            XCTAssertEqual(error.errors.first?.kind, .invalidParameter)
        }
    }

    func testLocationAndCoordinateInitialisers() {
        XCTAssertNil(Open311Location(coordinate: nil, addressString: nil, addressID: nil))
        XCTAssertNil(Open311Coordinate(latitude: 91, longitude: 0))
        XCTAssertNil(Open311Coordinate(latitude: 0, longitude: .nan))
        XCTAssertNotNil(Open311Coordinate(latitude: -90, longitude: -180))
    }
}
