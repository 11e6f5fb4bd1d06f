@testable import DubanCore
import Foundation
import XCTest

/// `services` and `services/{code}` against hand-written documents in the shapes of the GeoReport v2
/// examples (services.json an array; service definition an object).
final class Open311ServiceEncodingTests: XCTestCase {
    private let services = [
        Open311Service(serviceCode: "HL-01", serviceName: "占道经营", description: "商贩占用道路、人行道经营",
                       metadata: true, type: .realtime, keywords: ["占道", "摊贩"], group: "城市管理"),
        Open311Service(serviceCode: "HL-02", serviceName: "噪声扰民", type: .batch),
    ]

    private let definition = Open311ServiceDefinition(serviceCode: "HL-01", attributes: [
        Open311ServiceAttribute(code: "SHOP", datatype: .singlevaluelist, required: true, order: 1,
                                description: "经营类型？",
                                values: [Open311AttributeValue(key: "food", name: "餐饮"),
                                         Open311AttributeValue(key: "fruit", name: "水果")]),
        Open311ServiceAttribute(variable: false, code: "NOTE", datatype: .text, required: false,
                                datatypeDescription: "请勿填写个人信息", order: 2,
                                description: "说明 <注意> & \"提示\""),
    ])

    func testServicesJSONIsAnArrayWithEveryKeyAndNulls() throws {
        // Keywords joined by ", " (the spec's "comma separated list"); absent values are null.
        let expected = #"[{"service_code":"HL-01","service_name":"占道经营","description":"商贩占用道路、人行道经营","#
            + #""metadata":true,"type":"realtime","keywords":"占道, 摊贩","group":"城市管理"},"#
            + #"{"service_code":"HL-02","service_name":"噪声扰民","description":null,"metadata":false,"#
            + #""type":"batch","keywords":null,"group":null}]"#
        let data = Open311Encoding.json(services)
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        let decoded = try XCTUnwrap(try Open311TestSupport.jsonObject(data) as? [[String: Any]])
        XCTAssertEqual(decoded.count, 2)
        XCTAssertEqual(decoded[0]["service_name"] as? String, "占道经营")
    }

    func testServicesXML() throws {
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <services>
              <service>
                <service_code>HL-01</service_code>
                <service_name>占道经营</service_name>
                <description>商贩占用道路、人行道经营</description>
                <metadata>true</metadata>
                <type>realtime</type>
                <keywords>占道, 摊贩</keywords>
                <group>城市管理</group>
              </service>
              <service>
                <service_code>HL-02</service_code>
                <service_name>噪声扰民</service_name>
                <description></description>
                <metadata>false</metadata>
                <type>batch</type>
                <keywords></keywords>
                <group></group>
              </service>
            </services>

            """
        let data = Open311Encoding.xml(services)
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        XCTAssertEqual(Open311TestSupport.assertWellFormedXML(data, collecting: "service_code"), ["HL-01", "HL-02"])
    }

    func testNoServices() throws {
        XCTAssertEqual(try Open311TestSupport.text(Open311Encoding.json([Open311Service]())), "[]")
        let xml = Open311Encoding.xml([Open311Service]())
        XCTAssertEqual(try Open311TestSupport.text(xml),
                       "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services></services>\n")
        Open311TestSupport.assertWellFormedXML(xml)
    }

    func testServiceDefinitionJSONIsAnObject() throws {
        // A non-list attribute still carries "values":[]; the quotes in the description are escaped.
        let expected = #"{"service_code":"HL-01","attributes":[{"variable":true,"code":"SHOP","#
            + #""datatype":"singlevaluelist","required":true,"datatype_description":null,"order":1,"#
            + #""description":"经营类型？","values":[{"key":"food","name":"餐饮"},{"key":"fruit","name":"水果"}]},"#
            + #"{"variable":false,"code":"NOTE","datatype":"text","required":false,"#
            + #""datatype_description":"请勿填写个人信息","order":2,"description":"说明 <注意> & \"提示\"","values":[]}]}"#
        let data = Open311Encoding.json(definition)
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        let decoded = try XCTUnwrap(try Open311TestSupport.jsonObject(data) as? [String: Any])
        let attributes = try XCTUnwrap(decoded["attributes"] as? [[String: Any]])
        XCTAssertEqual(attributes[1]["description"] as? String, "说明 <注意> & \"提示\"")
    }

    func testServiceDefinitionXML() throws {
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <service_definition>
              <service_code>HL-01</service_code>
              <attributes>
                <attribute>
                  <variable>true</variable>
                  <code>SHOP</code>
                  <datatype>singlevaluelist</datatype>
                  <required>true</required>
                  <datatype_description></datatype_description>
                  <order>1</order>
                  <description>经营类型？</description>
                  <values>
                    <value>
                      <key>food</key>
                      <name>餐饮</name>
                    </value>
                    <value>
                      <key>fruit</key>
                      <name>水果</name>
                    </value>
                  </values>
                </attribute>
                <attribute>
                  <variable>false</variable>
                  <code>NOTE</code>
                  <datatype>text</datatype>
                  <required>false</required>
                  <datatype_description>请勿填写个人信息</datatype_description>
                  <order>2</order>
                  <description>说明 &lt;注意&gt; &amp; &quot;提示&quot;</description>
                  <values></values>
                </attribute>
              </attributes>
            </service_definition>

            """
        let data = Open311Encoding.xml(definition)
        XCTAssertEqual(try Open311TestSupport.text(data), expected)
        let descriptions = Open311TestSupport.assertWellFormedXML(data, collecting: "description")
        XCTAssertEqual(descriptions, ["经营类型？", "说明 <注意> & \"提示\""])
    }

    func testListDatatypes() {
        XCTAssertEqual(Open311AttributeDatatype.allCases.filter(\.isList), [.singlevaluelist, .multivaluelist])
        XCTAssertEqual(Open311AttributeDatatype.allCases.map(\.rawValue),
                       ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"])
    }
}
