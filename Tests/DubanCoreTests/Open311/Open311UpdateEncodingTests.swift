@testable import DubanCore
import Foundation
import XCTest

/// `servicerequestupdates`, `discovery` and error documents against hand-written expectations.
final class Open311UpdateEncodingTests: XCTestCase {
    private func updates() throws -> [Open311ServiceRequestUpdate] {
        [
            Open311ServiceRequestUpdate(updateID: "u-1", serviceRequestID: "HY1", status: .actionScheduled,
                                        updatedDatetime: try Open311TestSupport.instant("2026-09-24T02:00:00Z"),
                                        description: "承办单位已签收", externalStatusCode: "signedFor"),
            Open311ServiceRequestUpdate(updateID: "u-2", serviceRequestID: "HY1", status: .notCouncilsResponsibility,
                                        updatedDatetime: try Open311TestSupport.instant("2026-09-26T00:00:00Z")),
        ]
    }

    func testUpdatesJSONUpperCaseInChinaTime() throws {
        // Absent description and media_url are "" (the extension types them as strings);
        // external_status_code appears only when set. 02:00Z + 8 h = 10:00; 00:00Z + 8 h = 08:00.
        let expected = #"[{"update_id":"u-1","service_request_id":"HY1","status":"ACTION_SCHEDULED","#
            + #""updated_datetime":"2026-09-24T10:00:00+08:00","description":"承办单位已签收","media_url":"","#
            + #""external_status_code":"signedFor"},{"update_id":"u-2","service_request_id":"HY1","#
            + #""status":"NOT_COUNCILS_RESPONSIBILITY","updated_datetime":"2026-09-26T08:00:00+08:00","#
            + #""description":"","media_url":""}]"#
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(try updates())), expected)
    }

    func testUpdatesJSONLowerCaseInUTC() throws {
        let options = Open311EncodingOptions(timeZone: TimeZone(secondsFromGMT: 0) ?? .gmt, extendedStatusCase: .lower)
        let data = Open311Encoding.json(try updates(), options: options)
        let decoded = try XCTUnwrap(try Open311TestSupport.jsonObject(data) as? [[String: Any]])
        XCTAssertEqual(decoded.map { $0["status"] as? String }, ["action_scheduled", "not_councils_responsibility"])
        XCTAssertEqual(decoded.map { $0["updated_datetime"] as? String },
                       ["2026-09-24T02:00:00Z", "2026-09-26T00:00:00Z"])
    }

    func testUpdatesXML() throws {
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_request_updates>
              <request_update>
                <update_id>u-1</update_id>
                <service_request_id>HY1</service_request_id>
                <status>ACTION_SCHEDULED</status>
                <updated_datetime>2026-09-24T10:00:00+08:00</updated_datetime>
                <description>承办单位已签收</description>
                <media_url></media_url>
                <external_status_code>signedFor</external_status_code>
              </request_update>
              <request_update>
                <update_id>u-2</update_id>
                <service_request_id>HY1</service_request_id>
                <status>NOT_COUNCILS_RESPONSIBILITY</status>
                <updated_datetime>2026-09-26T08:00:00+08:00</updated_datetime>
                <description></description>
                <media_url></media_url>
              </request_update>
            </service_request_updates>

            """
        let data = Open311Encoding.xml(try updates())
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        XCTAssertEqual(Open311TestSupport.assertWellFormedXML(data, collecting: "status"),
                       ["ACTION_SCHEDULED", "NOT_COUNCILS_RESPONSIBILITY"])
    }

    func testDiscovery() throws {
        // 2026-08-31T16:00:00Z + 8 h = 2026-09-01T00:00:00+08:00 (crosses the month).
        let changeset = try Open311TestSupport.instant("2026-08-31T16:00:00Z")
        let discovery = Open311Discovery(
            changeset: changeset, contact: "汉阳区信息网络中心 <api@duban.example.cn>",
            keyService: "向区信息网络中心申请 api_key",
            endpoints: [Open311Endpoint(url: "https://duban.example.cn/open311/v2", changeset: changeset,
                                        type: .production)])
        let expectedJSON = #"{"changeset":"2026-09-01T00:00:00+08:00","#
            + #""contact":"汉阳区信息网络中心 <api@duban.example.cn>","key_service":"向区信息网络中心申请 api_key","#
            + #""endpoints":[{"specification":"http://wiki.open311.org/GeoReport_v2","#
            + #""url":"https://duban.example.cn/open311/v2","changeset":"2026-09-01T00:00:00+08:00","#
            + #""type":"production","formats":["application/json","text/xml"]}]}"#
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(discovery)), expectedJSON)
        let expectedXML = """
            <?xml version="1.0" encoding="utf-8"?>
            <discovery>
              <changeset>2026-09-01T00:00:00+08:00</changeset>
              <contact>汉阳区信息网络中心 &lt;api@duban.example.cn&gt;</contact>
              <key_service>向区信息网络中心申请 api_key</key_service>
              <endpoints>
                <endpoint>
                  <specification>http://wiki.open311.org/GeoReport_v2</specification>
                  <url>https://duban.example.cn/open311/v2</url>
                  <changeset>2026-09-01T00:00:00+08:00</changeset>
                  <type>production</type>
                  <formats>
                    <format>application/json</format>
                    <format>text/xml</format>
                  </formats>
                </endpoint>
              </endpoints>
            </discovery>

            """
        let xml = Open311Encoding.xml(discovery)
        XCTAssertEqual(try Open311TestSupport.text(xml), expectedXML)
        XCTAssertEqual(Open311TestSupport.assertWellFormedXML(xml, collecting: "format"),
                       ["application/json", "text/xml"])
    }

    func testErrorsJSON() throws {
        let errors = Open311ErrorList(.missing("service_code"), [.missingLocation])
        let expected = #"[{"code":400,"description":"缺少必填参数 service_code / service_code is required"},"#
            + #"{"code":400,"description":"须提供位置：lat 和 long，或 address_string，或 address_id / "#
            + #"a location is required: lat and long, address_string or address_id"}]"#
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(errors)), expected)
        XCTAssertEqual(errors.httpStatus, 400)
    }

    func testErrorsXML() throws {
        let errors = Open311ErrorList(.invalidAPIKey)
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <errors>
              <error>
                <code>403</code>
                <description>api_key 无效，无法提交 / Invalid api_key received -- can&apos;t proceed with create_request.</description>
              </error>
            </errors>

            """
        let xml = Open311Encoding.xml(errors)
        XCTAssertEqual(try Open311TestSupport.text(xml), expected)
        XCTAssertEqual(Open311TestSupport.assertWellFormedXML(xml, collecting: "code"), ["403"])
        XCTAssertEqual(errors.httpStatus, 403)
    }

    func testErrorKindsAndStatuses() {
        XCTAssertEqual(Open311Error.Kind.allCases.map(\.httpStatus), [400, 400, 400, 403, 404])
        XCTAssertEqual(Open311Error.notFound("service_code").code, 404)
        XCTAssertEqual(Open311Error.notFound("service_code").logDescription,
                       "not_found (service_code): service_code 不存在 / service_code was not found")
        XCTAssertEqual(Open311Error.invalid("lat", chinese: "须为十进制数", english: "must be a decimal number").description,
                       "参数 lat 无效：须为十进制数 / lat is invalid: must be a decimal number")
    }
}
