@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The 附件7 score from the database equals the score of the same cases through the CLI's file path.
final class HotlineAssessmentTests: XCTestCase {
    func testDatabaseAndFilePathsGiveIdenticalScores() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let jianqiao = try await app.token("operator")
            let yongfeng = try await app.token("operator2")
            let streets = [("建桥街", jianqiao), ("永丰街", yongfeng)]
            for (index, (name, token)) in streets.enumerated() {
                let unit = try await app.unitID(name)
                for n in 0..<3 {
                    let res = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                        type: "complaint", callerPhone: "1380000\(index)\(n)00", whatHappened: "投诉\(name)\(n)", categoryCode: "environment",
                        unitId: unit.uuidString))
                    let id = try res.content.decode(HotlineCaseDTO.self).id
                    guard n > 0 else { continue }  // the first case of each street stays unsigned
                    for event in ["sign_for", "start_work"] {
                        _ = try await app.send(.POST, "/api/v1/items/\(id)/events", token: token, json: ItemEventInput(event: event))
                    }
                    _ = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: token, json: HotlineContactInput(staff: "王", reached: true))
                    let replied = try await app.send(.POST, "/api/v1/items/\(id)/events", token: token, json: ItemEventInput(event: "submit", result: "已处理"))
                    XCTAssertEqual(replied.status, .ok, replied.body.string)
                    let satisfaction = index == 1 && n == 2 ? "不满意" : "满意"
                    let followed = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/follow-up", token: dispatcher, json: ["satisfaction": satisfaction])
                    XCTAssertEqual(followed.status, .ok, followed.body.string)
                }
            }
            let today = try XCTUnwrap(LocalDate(chinaTimeOf: Date()))
            let month = String(format: "%04d-%02d", today.year, today.month)
            let period = "\(month)/\(month)"
            var exported = Data()
            let fromDatabase = try await HotlineAssessmentCommand.fromDatabase(app: app, period: period, units: nil) { exported = $0 }
            XCTAssertEqual(exported.split(separator: 0x0A).count, 6, "six cases assigned this month")
            let fromFile = try HotlineAssessmentCommand.fromFiles(period: period, cases: exported, units: nil, root: TestApp.root)
            XCTAssertEqual(String(decoding: fromDatabase, as: UTF8.self), String(decoding: fromFile, as: UTF8.self))
            let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: fromDatabase) as? [String: Any])
            let units = try XCTUnwrap(result["units"] as? [[String: Any]])
            XCTAssertEqual(Set(units.compactMap { $0["unit"] as? String }), ["建桥街", "永丰街"])
            // 永丰街: 1 dissatisfied of 2 rated → 50 % → −25 on item 13 (SPEC A2: below 60 %).
            let yongfengScore = try XCTUnwrap(units.first { $0["unit"] as? String == "永丰街" })
            let items = try XCTUnwrap(yongfengScore["items"] as? [String: Any])
            XCTAssertEqual(items["13"] as? Double, 5)
            let api = try await app.send(.GET, "/api/v1/assessments/hotline?period=\(period)", token: try await app.token("supervisor"))
            XCTAssertEqual(api.status, .ok)
            XCTAssertEqual(api.body.string, String(decoding: fromDatabase, as: UTF8.self))
            let bad = try await app.send(.GET, "/api/v1/assessments/hotline?period=2026-13/2026-14", token: try await app.token("supervisor"))
            XCTAssertEqual(bad.errorBody?.field, "period")
        }
    }
}
