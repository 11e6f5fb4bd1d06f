@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// Shared steps of the elevator tests: a maintenance company and a property company with their own
/// accounts, and an elevator registered through the API.
enum ElevatorFixtures {
    struct World {
        var maintainer: CreditFixtures.Enterprise
        var property: CreditFixtures.Enterprise
        var supervisor: String
        var elevator: ElevatorDTO
        var path: String { "/api/v1/elevators/\(elevator.id)" }
    }

    static let emergencyPhone = "027-84009999"
    static let certificate = "TSG-T-2026-000123"
    static let staffName = "检修员甲"

    static func world(_ app: Application, validUntil: LocalDate? = nil, code: String = "31104201052026000001") async throws -> World {
        let maintainer = try await CreditFixtures.enterprise(app, name: "武汉测试电梯维保有限公司", code17: "91420105MA4K8T9E1", username: "lift")
        let property = try await CreditFixtures.enterprise(app, name: "武汉测试物业服务有限公司", code17: "91420105MA4K8T9E2", username: "pm")
        let supervisor = try await app.token("supervisor")
        var res = try await app.send(.POST, "/api/v1/elevators/maintainers", token: supervisor, json: ElevatorMaintainerInput(
            unitId: maintainer.id.uuidString, qualification: "电梯安装改造修理许可A级", emergencyPhone: emergencyPhone))
        XCTAssertEqual(res.status, .ok, res.body.string)
        let valid = validUntil ?? LocalDate(chinaTimeOf: app.clock())!.adding(months: 11)!
        res = try await app.send(.POST, "/api/v1/elevators", token: supervisor, json: ElevatorInput(
            registrationCode: code, compound: "测试花园小区", building: "3栋", buildingUnit: "2单元",
            streetUnitId: try await app.unitID("建桥街").uuidString, maintenanceUnitId: maintainer.id.uuidString, manufacturer: "测试电梯制造有限公司",
            model: "曳引式乘客电梯", installedOn: "2016-05-01", warrantyUntil: "2018-05-01", inspectionValidUntil: valid.description))
        XCTAssertEqual(res.status, .created, res.body.string)
        return World(maintainer: maintainer, property: property, supervisor: supervisor, elevator: try res.content.decode(ElevatorDTO.self))
    }

    /// The property company manages the compound: it is the use unit (004 二(一)).
    static func determine(_ app: Application, _ world: World) async throws -> UseUnitDecisionDTO {
        let res = try await app.send(.POST, world.path + "/use-unit", token: world.supervisor, json: UseUnitInput(
            housing: "ordinary", propertyServiceCompany: world.property.name, owners: ["业主张三", "业主李四"]))
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(UseUnitDecisionDTO.self)
    }

    static func status(_ app: Application, _ world: World, token: String, _ event: String, reason: String? = nil,
                       expectedRepairAt: Date? = nil) async throws -> XCTHTTPResponse {
        try await app.send(.POST, world.path + "/status", token: token, json: ElevatorStatusInput(
            event: event, reason: reason, expectedRepairAt: expectedRepairAt.map(ChinaTimeFormat.string)))
    }

    static func maintenance(_ app: Application, _ world: World, at: Date) async throws -> MaintenanceDTO {
        let res = try await app.send(.POST, world.path + "/maintenance", token: world.maintainer.token, json: MaintenanceInput(
            performedAt: ChinaTimeFormat.string(at), staff: [MaintenanceStaffInput(name: staffName, certificate: certificate)],
            workItems: MaintenanceWorkItems(halfMonthly: ["机房环境", "轿厢照明", "层门门锁触点"], quarterly: ["减速机润滑油"]), faults: nil))
        XCTAssertEqual(res.status, .created, res.body.string)
        return try res.content.decode(MaintenanceDTO.self)
    }

    static func publicLabel(_ app: Application, _ world: World) async throws -> PublicElevatorDTO {
        let res = try await app.send(.GET, "/api/v1/public/elevators/\(world.elevator.labelCode)")
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(PublicElevatorDTO.self)
    }

    /// The public page as HTML, checked to hold nothing private: no staff names or certificate numbers,
    /// no owners, no phone but the emergency phone.
    static func publicPage(_ app: Application, _ world: World, file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let res = try await app.send(.GET, "/e/\(world.elevator.labelCode)")
        XCTAssertEqual(res.status, .ok, file: file, line: line)
        let html = res.body.string
        let api = try await app.send(.GET, "/api/v1/public/elevators/\(world.elevator.labelCode)").body.string
        for text in [html, api] {
            for secret in [certificate, staffName, "业主张三", "业主李四", "certificate", "staff", "lift(enterprise)", "pm(enterprise)"] {
                XCTAssertFalse(text.contains(secret), "public view exposes \(secret)", file: file, line: line)
            }
        }
        XCTAssertTrue(html.contains(emergencyPhone), file: file, line: line)
        return html
    }

    static func archive(_ app: Application, _ world: World) async throws -> ElevatorArchiveDTO {
        let res = try await app.send(.GET, world.path, token: world.supervisor)
        XCTAssertEqual(res.status, .ok, res.body.string)
        return try res.content.decode(ElevatorArchiveDTO.self)
    }
}
