@testable import DubanCore
import Foundation
import XCTest

/// `requests`, the POST answer and `tokens/{token}` against hand-written documents.
final class Open311RequestEncodingTests: XCTestCase {
    private let awkward = "鹦鹉大道 <夜市> 占道 & 噪声 \"严重\" it's"

    private func requests() throws -> [Open311Request] {
        [
            Open311Request(
                serviceRequestID: "HY20260924-0001", status: .open, statusNotes: "承办单位已签收，正在安排办理",
                serviceName: "占道经营", serviceCode: "HL-01", description: awkward,
                agencyResponsible: "汉阳区城管局", serviceNotice: "办理时限：1个工作日",
                requestedDatetime: try Open311TestSupport.instant("2026-09-24T01:30:00Z"),
                // 06:05:09.75Z: the fraction is dropped, +8 h gives 14:05:09.
                updatedDatetime: try Open311TestSupport.instant("2026-09-25T06:05:09Z").addingTimeInterval(0.75),
                // SPEC A1: 1 working day from Thursday 2026-09-24 is Monday 2026-09-28 18:00 (10:00Z).
                expectedDatetime: try Open311TestSupport.instant("2026-09-28T10:00:00Z"),
                address: "鹦鹉大道 1 号", addressID: "ADDR-42", zipcode: "430050",
                latitude: 30.5549, longitude: 114.2187,
                mediaURL: "https://duban.example.cn/media/1.jpg?a=1&b=2"),
            Open311Request(serviceRequestID: "HY20260924-0002", status: .closed, serviceCode: "HL-02",
                           // 15:59:59Z + 8 h = 23:59:59 the same day in China.
                           requestedDatetime: try Open311TestSupport.instant("2026-09-24T15:59:59Z")),
        ]
    }

    func testRequestsJSON() throws {
        let expected = #"[{"service_request_id":"HY20260924-0001","status":"open","#
            + #""status_notes":"承办单位已签收，正在安排办理","service_name":"占道经营","service_code":"HL-01","#
            + #""description":"鹦鹉大道 <夜市> 占道 & 噪声 \"严重\" it's","agency_responsible":"汉阳区城管局","#
            + #""service_notice":"办理时限：1个工作日","requested_datetime":"2026-09-24T09:30:00+08:00","#
            + #""updated_datetime":"2026-09-25T14:05:09+08:00","expected_datetime":"2026-09-28T18:00:00+08:00","#
            + #""address":"鹦鹉大道 1 号","address_id":"ADDR-42","zipcode":"430050","lat":30.5549,"long":114.2187,"#
            + #""media_url":"https://duban.example.cn/media/1.jpg?a=1&b=2"},"#
            + #"{"service_request_id":"HY20260924-0002","status":"closed","status_notes":null,"service_name":null,"#
            + #""service_code":"HL-02","description":null,"agency_responsible":null,"service_notice":null,"#
            + #""requested_datetime":"2026-09-24T23:59:59+08:00","updated_datetime":null,"expected_datetime":null,"#
            + #""address":null,"address_id":null,"zipcode":null,"lat":null,"long":null,"media_url":null}]"#
        let data = Open311Encoding.json(try requests())
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        let decoded = try XCTUnwrap(try Open311TestSupport.jsonObject(data) as? [[String: Any]])
        XCTAssertEqual(decoded[0]["description"] as? String, awkward)
        XCTAssertEqual(decoded[0]["lat"] as? Double, 30.5549)
        XCTAssertTrue(decoded[1]["lat"] is NSNull)
    }

    func testRequestsXML() throws {
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>HY20260924-0001</service_request_id>
                <status>open</status>
                <status_notes>承办单位已签收，正在安排办理</status_notes>
                <service_name>占道经营</service_name>
                <service_code>HL-01</service_code>
                <description>鹦鹉大道 &lt;夜市&gt; 占道 &amp; 噪声 &quot;严重&quot; it&apos;s</description>
                <agency_responsible>汉阳区城管局</agency_responsible>
                <service_notice>办理时限：1个工作日</service_notice>
                <requested_datetime>2026-09-24T09:30:00+08:00</requested_datetime>
                <updated_datetime>2026-09-25T14:05:09+08:00</updated_datetime>
                <expected_datetime>2026-09-28T18:00:00+08:00</expected_datetime>
                <address>鹦鹉大道 1 号</address>
                <address_id>ADDR-42</address_id>
                <zipcode>430050</zipcode>
                <lat>30.5549</lat>
                <long>114.2187</long>
                <media_url>https://duban.example.cn/media/1.jpg?a=1&amp;b=2</media_url>
              </request>
              <request>
                <service_request_id>HY20260924-0002</service_request_id>
                <status>closed</status>
                <status_notes></status_notes>
                <service_name></service_name>
                <service_code>HL-02</service_code>
                <description></description>
                <agency_responsible></agency_responsible>
                <service_notice></service_notice>
                <requested_datetime>2026-09-24T23:59:59+08:00</requested_datetime>
                <updated_datetime></updated_datetime>
                <expected_datetime></expected_datetime>
                <address></address>
                <address_id></address_id>
                <zipcode></zipcode>
                <lat></lat>
                <long></long>
                <media_url></media_url>
              </request>
            </service_requests>

            """
        let data = Open311Encoding.xml(try requests())
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        XCTAssertEqual(Open311TestSupport.assertWellFormedXML(data, collecting: "description"), [awkward, ""])
        XCTAssertEqual(Open311TestSupport.assertWellFormedXML(data, collecting: "media_url"),
                       ["https://duban.example.cn/media/1.jpg?a=1&b=2", ""])
    }

    func testCreatedWithServiceRequestID() throws {
        let created = Open311RequestCreated(identifier: .serviceRequestID("HY20260924-0001"),
                                            serviceNotice: "请记住查询码")
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(created)),
                       #"[{"service_request_id":"HY20260924-0001","service_notice":"请记住查询码","account_id":null}]"#)
        let expectedXML = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id>HY20260924-0001</service_request_id>
                <service_notice>请记住查询码</service_notice>
                <account_id></account_id>
              </request>
            </service_requests>

            """
        let xml = Open311Encoding.xml(created)
        XCTAssertEqual(try Open311TestSupport.text(xml), expectedXML)
        Open311TestSupport.assertWellFormedXML(xml)
    }

    func testCreatedWithToken() throws {
        let created = Open311RequestCreated(identifier: .token("tok-9"), accountID: "acc-1")
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(created)),
                       #"[{"token":"tok-9","service_notice":null,"account_id":"acc-1"}]"#)
        let expectedXML = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <token>tok-9</token>
                <service_notice></service_notice>
                <account_id>acc-1</account_id>
              </request>
            </service_requests>

            """
        let xml = Open311Encoding.xml(created)
        XCTAssertEqual(try Open311TestSupport.text(xml), expectedXML)
        Open311TestSupport.assertWellFormedXML(xml)
    }

    func testToken() throws {
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(Open311Token(token: "tok-9",
                                                                                    serviceRequestID: "HY1"))),
                       #"[{"service_request_id":"HY1","token":"tok-9"}]"#)
        let pending = Open311Token(token: "tok-9", serviceRequestID: nil)
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json(pending)),
                       #"[{"service_request_id":null,"token":"tok-9"}]"#)
        let expectedXML = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_requests>
              <request>
                <service_request_id></service_request_id>
                <token>tok-9</token>
              </request>
            </service_requests>

            """
        let xml = Open311Encoding.xml(pending)
        XCTAssertEqual(try Open311TestSupport.text(xml), expectedXML)
        Open311TestSupport.assertWellFormedXML(xml)
    }

    func testNoRequests() throws {
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json([Open311Request]())), "[]")
        let xml = Open311Encoding.xml([Open311Request]())
        XCTAssertEqual(try Open311TestSupport.text(xml),
                       "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests></service_requests>\n")
        Open311TestSupport.assertWellFormedXML(xml)
    }

    func testFormatsAndContentTypes() {
        XCTAssertEqual(Open311Format(pathExtension: "JSON"), .json)
        XCTAssertEqual(Open311Format(pathExtension: "xml"), .xml)
        XCTAssertNil(Open311Format(pathExtension: "html"))
        XCTAssertEqual(Open311Format.json.contentType, "application/json; charset=utf-8")
        XCTAssertEqual(Open311Format.xml.contentType, "text/xml; charset=utf-8")
    }
}
