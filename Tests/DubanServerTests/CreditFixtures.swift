@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// Shared steps of the credit tests: a fresh enterprise with its own account, hazards through the
/// ledger, decisions through the API, and the public view.
enum CreditFixtures {
    struct Enterprise {
        var id: UUID
        var code: String
        var name: String
        var token: String
        var username: String
    }

    /// A new enterprise under 建桥街 (its supervising department) with an enterprise account.
    static func enterprise(_ app: Application, name: String, code17: String, username: String) async throws -> Enterprise {
        let admin = try await app.token("admin")
        let code = DemoData.demoCreditCode(code17)
        var res = try await app.send(.POST, "/api/v1/units", token: admin, json: UnitCreate(
            name: name, kind: "enterprise", parentId: try await app.unitID("建桥街").uuidString, creditCode: code))
        XCTAssertEqual(res.status, .created, res.body.string)
        let unit = try res.content.decode(UnitDTO.self)
        res = try await app.send(.POST, "/api/v1/users", token: admin, json: UserCreate(
            username: username, displayName: name + "安全员", password: "duban-test-2026", role: "enterprise", unitId: unit.id.uuidString))
        XCTAssertEqual(res.status, .created, res.body.string)
        return Enterprise(id: unit.id, code: code, name: name, token: try await app.token(username, "duban-test-2026"), username: username)
    }

    /// A hazard of `subject` found by the inspector and assigned to 建桥街; returns its API path.
    static func hazard(_ app: Application, subject: UUID, grade: String = "general", source: String = "inspection",
                       title: String = "疏散通道堆放杂物", deadline: Date = Date().addingTimeInterval(10 * 86400)) async throws -> String {
        let five = FiveImplementations(responsibility: "法定代表人", measures: "改造燃气管道", funds: "企业自筹5万元",
                                       timeLimit: "30日内", emergencyPlan: "燃气泄漏应急预案")
        let created = try await app.send(.POST, "/api/v1/items", token: try await app.token("inspector"), json: ItemInput(
            kind: "hazard", title: title, category: "消防", grade: grade, source: source, supervisedUnitId: subject.uuidString,
            findings: [FindingDTO(description: title, standard: "GB50016-2014", clause: "6.4.1")],
            fiveImplementations: grade == "major" ? five : nil))
        XCTAssertEqual(created.status, .created, created.body.string)
        let path = "/api/v1/items/\(try created.content.decode(ItemDTO.self).id)"
        let assigned = try await app.send(.POST, path + "/events", token: try await app.token("dispatcher"), json: ItemEventInput(
            event: "assign", unitId: try await app.unitID("建桥街").uuidString, deadline: ChinaTimeFormat.string(deadline)))
        XCTAssertEqual(assigned.status, .ok, assigned.body.string)
        return path
    }

    /// A decision entered through the API.
    static func enter(_ app: Application, token: String, subject: UUID, kind: String, field: String, number: String,
                      decided: LocalDate, publishedAt: Date? = nil) async throws -> CreditRecordDTO {
        let res = try await app.send(.POST, "/api/v1/credit/records", token: token, json: CreditRecordInput(
            subjectId: subject.uuidString, kind: kind, field: field, decisionNumber: number, decisionDate: decided.description,
            authority: field == "fire_safety" ? "汉阳区消防救援大队" : "汉阳区市场监督管理局",
            legalBasis: field == "fire_safety" ? "《中华人民共和国消防法》第六十条" : "《中华人民共和国安全生产法》第九十九条",
            summary: "检查发现的违法行为", publishedAt: publishedAt.map(ChinaTimeFormat.string)))
        XCTAssertEqual(res.status, .created, res.body.string)
        return try res.content.decode(CreditRecordDTO.self)
    }

    static func publicView(_ app: Application, code: String) async throws -> PublicCreditDTO {
        let res = try await app.send(.GET, "/api/v1/public/credit?code=\(code)")
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(PublicCreditDTO.self)
    }

    static func detail(_ app: Application, _ subject: UUID, token: String) async throws -> CreditSubjectDTO {
        let res = try await app.send(.GET, "/api/v1/credit/subjects/\(subject)", token: token)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(CreditSubjectDTO.self)
    }

    /// The signed-in person behind `username`, for steps run at a chosen time through the services.
    static func actor(_ app: Application, _ username: String) async throws -> Actor {
        let user = try await User.query(on: app.db).filter(\.$username == username).first()
        let found = try await ActorMiddleware.actor(userID: try XCTUnwrap(user?.id), viaSession: false, on: app.db)
        return try XCTUnwrap(found)
    }

    static var today: LocalDate { LocalDate(chinaTimeOf: Date())! }
}
