@testable import DubanCore
import XCTest

/// `attribute[…]` answers checked against a service definition.
final class Open311AttributeValidationTests: XCTestCase {
    private let definition = Open311ServiceDefinition(serviceCode: "HL-01", attributes: [
        Open311ServiceAttribute(code: "SHOP", datatype: .singlevaluelist, required: true, order: 1, description: "类型",
                                values: [Open311AttributeValue(key: "food", name: "餐饮"),
                                         Open311AttributeValue(key: "fruit", name: "水果")]),
        Open311ServiceAttribute(code: "KIND", datatype: .multivaluelist, required: false, order: 2, description: "影响",
                                values: [Open311AttributeValue(key: "noise", name: "噪声"),
                                         Open311AttributeValue(key: "smell", name: "异味")]),
        Open311ServiceAttribute(code: "COUNT", datatype: .number, required: false, order: 3, description: "摊位数"),
        Open311ServiceAttribute(code: "WHEN", datatype: .datetime, required: false, order: 4, description: "时间"),
        Open311ServiceAttribute(code: "NOTE", datatype: .text, required: true, order: 5, description: "说明"),
        Open311ServiceAttribute(variable: false, code: "INFO", datatype: .string, required: true, order: 6,
                                description: "仅供阅读"),
    ])

    private func input(_ attributes: [String: [String]]) throws -> Open311RequestInput {
        let location = try XCTUnwrap(Open311Location(coordinate: nil, addressString: nil, addressID: "A1"))
        return Open311RequestInput(serviceCode: "HL-01", location: location, attributes: attributes)
    }

    private func fields(_ attributes: [String: [String]], file: StaticString = #filePath,
                        line: UInt = #line) throws -> [String] {
        do {
            _ = try input(attributes).validated(against: definition)
            XCTFail("accepted", file: file, line: line)
            return []
        } catch let list as Open311ErrorList {
            return list.errors.map(\.field)
        }
    }

    func testValidAnswersAreKeptAndUnknownOnesDropped() throws {
        let result = try input([
            "SHOP": ["food"], "KIND": ["noise", "smell"], "COUNT": ["3.5"], "WHEN": ["2026-09-24T20:00:00+08:00"],
            "NOTE": ["夜间"], "INFO": ["ignored"], "OTHER": ["ignored"],
        ]).validated(against: definition)
        XCTAssertEqual(result.attributes, ["SHOP": ["food"], "KIND": ["noise", "smell"], "COUNT": ["3.5"],
                                           "WHEN": ["2026-09-24T20:00:00+08:00"], "NOTE": ["夜间"]])
    }

    func testRequiredAttributesMissing() throws {
        // INFO is required but not variable: nothing to answer, so not reported.
        XCTAssertEqual(try fields([:]), ["attribute[SHOP]", "attribute[NOTE]"])
    }

    func testWrongValues() throws {
        let base: [String: [String]] = ["SHOP": ["food"], "NOTE": ["x"]]
        XCTAssertEqual(try fields(base.merging(["SHOP": ["meat"]]) { $1 }), ["attribute[SHOP]"])
        XCTAssertEqual(try fields(base.merging(["SHOP": ["food", "fruit"]]) { $1 }), ["attribute[SHOP]"])
        XCTAssertEqual(try fields(base.merging(["KIND": ["noise", "light"]]) { $1 }), ["attribute[KIND]"])
        XCTAssertEqual(try fields(base.merging(["COUNT": ["三"]]) { $1 }), ["attribute[COUNT]"])
        XCTAssertEqual(try fields(base.merging(["COUNT": ["nan"]]) { $1 }), ["attribute[COUNT]"])
        XCTAssertEqual(try fields(base.merging(["COUNT": ["1", "2"]]) { $1 }), ["attribute[COUNT]"])
        XCTAssertEqual(try fields(base.merging(["WHEN": ["2026-09-24 20:00"]]) { $1 }), ["attribute[WHEN]"])
        XCTAssertEqual(try fields(base.merging(["NOTE": ["a", "b"]]) { $1 }), ["attribute[NOTE]"])
    }

    func testMessages() throws {
        do {
            _ = try input(["SHOP": ["meat"], "NOTE": ["x"]]).validated(against: definition)
            XCTFail("accepted")
        } catch let list as Open311ErrorList {
            XCTAssertEqual(list.errors.first?.description,
                           "参数 attribute[SHOP] 无效：不在可选值之中 / "
                               + "attribute[SHOP] is invalid: is not one of the allowed values")
            XCTAssertEqual(list.httpStatus, 400)
        }
    }
}
