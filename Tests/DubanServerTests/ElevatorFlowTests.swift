@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Issue #8, "Done when": an elevator registered, its use unit determined, maintained, overdue, a
/// trapped passenger reached late, sealed and reopened through its ledger item — and the public
/// label page checked at each step for what it shows and what it must not.
final class ElevatorFlowTests: XCTestCase {
    func testRegisterDetermineMaintainOverdueTrappedSealAndReopen() async throws {
        try await TestApp.run { app in
            let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            app.clock = { t0 }
            let world = try await ElevatorFixtures.world(app)
            XCTAssertEqual(world.elevator.status, "stopped")
            XCTAssertEqual(world.elevator.rescueCode.count, 6)
            XCTAssertNoThrow(try RescueCode(validating: world.elevator.rescueCode))

            // Registered: public, not yet in service, no use unit.
            var label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.status, "stopped")
            XCTAssertNil(label.useUnit)
            XCTAssertEqual(label.maintenanceUnit, world.maintainer.name)
            XCTAssertEqual(label.emergencyPhone, ElevatorFixtures.emergencyPhone)
            var html = try await ElevatorFixtures.publicPage(app, world)
            XCTAssertTrue(html.contains("停用"))

            // No use unit: may not be set in service (004 二).
            var res = try await ElevatorFixtures.status(app, world, token: world.supervisor, "set_in_service")
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.code, "use_unit_missing")
            XCTAssertEqual(res.errorBody?.field, "useUnit")

            // Use unit: the property company managing the compound (004 二(一)), found in the directory.
            let decision = try await ElevatorFixtures.determine(app, world)
            XCTAssertEqual(decision.basis, "property_service_company")
            XCTAssertEqual(decision.useUnit, world.property.name)
            XCTAssertTrue(decision.citation.contains("二(一)"))
            var archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertEqual(archive.elevator.useUnitId, world.property.id)

            // The use unit puts it in service; the maintenance unit may not.
            res = try await ElevatorFixtures.status(app, world, token: world.maintainer.token, "set_in_service")
            XCTAssertEqual(res.status, .forbidden)
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "set_in_service")
            XCTAssertEqual(res.status, .ok, res.body.string)
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.status, "in_service")
            XCTAssertEqual(label.useUnit, world.property.name)
            html = try await ElevatorFixtures.publicPage(app, world)
            XCTAssertTrue(html.contains("在用"))
            XCTAssertTrue(html.contains(world.property.name))

            // Maintenance 2 hours ago by the maintenance unit, confirmed and rated by the use unit, with a photo.
            let visit = t0.addingTimeInterval(-2 * 3600)
            let record = try await ElevatorFixtures.maintenance(app, world, at: visit)
            XCTAssertEqual(record.staff.first?.certificate, ElevatorFixtures.certificate, "the registry keeps the certificate numbers")
            res = try await app.send(.POST, world.path + "/maintenance", token: world.property.token, json: MaintenanceInput(
                performedAt: ChinaTimeFormat.string(visit), staff: [], workItems: MaintenanceWorkItems(halfMonthly: ["机房"])))
            XCTAssertEqual(res.status, .forbidden, "only the maintenance unit logs its visits")
            res = try await app.send(.POST, world.path + "/maintenance/\(record.id)/photos?name=site.png", token: world.maintainer.token,
                                     headers: ["Content-Type": "image/png"], body: ByteBuffer(bytes: TestFiles.png))
            XCTAssertEqual(res.status, .created, res.body.string)
            XCTAssertEqual(try res.content.decode(MaintenanceDTO.self).photos, 1)
            res = try await app.send(.POST, world.path + "/maintenance/\(record.id)/confirmation", token: world.maintainer.token,
                                     json: MaintenanceConfirmInput(rating: 5))
            XCTAssertEqual(res.status, .forbidden, "the maintenance unit cannot confirm its own visit")
            res = try await app.send(.POST, world.path + "/maintenance/\(record.id)/confirmation", token: world.property.token,
                                     json: MaintenanceConfirmInput(rating: 4, note: "现场核实"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(MaintenanceDTO.self).rating, 4)
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.lastMaintenanceOn, LocalDate(chinaTimeOf: visit)?.description)
            XCTAssertEqual(label.maintenanceStatus, "ok")
            _ = try await ElevatorFixtures.publicPage(app, world)

            // Next maintenance due exactly 15 days (15 × 24 h) after the visit (SPEC A4).
            archive = try await ElevatorFixtures.archive(app, world)
            let due = visit.addingTimeInterval(15 * 86400)
            XCTAssertEqual(archive.elevator.maintenanceDueAt, ChinaTimeFormat.string(due))

            // Exactly at 15 days: not overdue. The scheduler warns first (3 days before, the default).
            let scheduler = Scheduler(instance: "elevator-test")
            _ = try await scheduler.sweep(now: due.addingTimeInterval(-2 * 86400), app: app)
            var notices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == world.maintainer.id).all(\.$subject)
            XCTAssertEqual(notices.filter { $0.hasPrefix("电梯维保即将到期") }.count, 1)
            app.clock = { due }
            let overdueURL = "/api/v1/elevators/maintenance-overdue?maintenanceUnitId=\(world.maintainer.id)"
            var overdue = try await app.send(.GET, overdueURL, token: world.supervisor).content.decode(ListPage<ElevatorDueDTO>.self)
            XCTAssertEqual(overdue.items.count, 0)

            // One minute later it is overdue: the sweep tells the maintenance unit and the street and writes the archive.
            let late = due.addingTimeInterval(60)
            _ = try await scheduler.sweep(now: late, app: app)
            notices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == world.maintainer.id).all(\.$subject)
            XCTAssertEqual(notices.filter { $0.hasPrefix("电梯超期未维保") }.count, 1)
            let street = try await app.unitID("建桥街")
            let streetNotices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == street).all(\.$subject)
            XCTAssertEqual(streetNotices.filter { $0.hasPrefix("电梯超期未维保") }.count, 1)
            app.clock = { late }
            overdue = try await app.send(.GET, overdueURL, token: world.supervisor).content.decode(ListPage<ElevatorDueDTO>.self)
            XCTAssertEqual(overdue.items.map(\.id), [world.elevator.id])
            XCTAssertEqual(overdue.items.first?.maintenanceUnit, world.maintainer.name)
            var dashboard = try await app.send(.GET, "/api/v1/elevators/dashboard", token: world.supervisor).content.decode(ElevatorDashboardDTO.self)
            XCTAssertEqual(dashboard.maintenanceOverdue, 1)
            XCTAssertEqual(dashboard.byMaintenanceUnit.first { $0.unitId == world.maintainer.id }?.maintenanceOverdue, 1)
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.maintenanceStatus, "overdue")
            html = try await ElevatorFixtures.publicPage(app, world)
            XCTAssertTrue(html.contains("超期未维保"))
            archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertTrue(archive.events.contains { $0.kind == "maintenance_overdue" })

            // Back to the present: a trapped passenger reached 31 minutes after the report breaks the 30-minute rule.
            app.clock = { t0 }
            let reported = t0.addingTimeInterval(-50 * 60)
            res = try await app.send(.POST, world.path + "/incidents", token: try await app.token("dispatcher"), json: IncidentInput(
                kind: "trapped", startedAt: ChinaTimeFormat.string(reported), doneAt: nil, rescuedAt: nil, description: "2人被困轿厢",
                dispatch: [RescueStepInput(responder: "contracted_maintenance", dispatchedAt: ChinaTimeFormat.string(reported.addingTimeInterval(60)),
                                           acknowledgedAt: ChinaTimeFormat.string(reported.addingTimeInterval(120)),
                                           arrivedAt: ChinaTimeFormat.string(reported.addingTimeInterval(31 * 60)))]))
            XCTAssertEqual(res.status, .created, res.body.string)
            let incident = try res.content.decode(IncidentDTO.self)
            XCTAssertEqual(incident.outcome, "late")
            XCTAssertTrue(incident.breach)
            XCTAssertEqual(incident.dueAt, ChinaTimeFormat.string(reported.addingTimeInterval(30 * 60)))
            XCTAssertEqual(incident.dispatch.map(\.responder), ["contracted_maintenance"])
            dashboard = try await app.send(.GET, "/api/v1/elevators/dashboard", token: world.supervisor).content.decode(ElevatorDashboardDTO.self)
            XCTAssertEqual(dashboard.rescueBreaches, 1)
            _ = try await ElevatorFixtures.publicPage(app, world)

            // Sealed for a serious hazard (封停) by the supervisor: a ledger hazard assigned to the maintenance unit.
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "seal", reason: "曳引钢丝绳断丝超标")
            XCTAssertEqual(res.status, .forbidden, "the use unit cannot seal")
            res = try await ElevatorFixtures.status(app, world, token: world.supervisor, "seal", reason: "曳引钢丝绳断丝超标",
                                                    expectedRepairAt: t0.addingTimeInterval(5 * 86400))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let sealed = try res.content.decode(ElevatorDTO.self)
            XCTAssertEqual(sealed.status, "sealed")
            XCTAssertEqual(sealed.sealStage, "awaiting_fix")
            let itemPath = "/api/v1/items/\(try XCTUnwrap(sealed.sealItemId))"
            var item = try await app.send(.GET, itemPath, token: world.supervisor).content.decode(ItemDTO.self)
            XCTAssertEqual(item.kind, .hazard)
            XCTAssertEqual(item.state, .assigned)
            XCTAssertEqual(item.assignedUnitId, world.maintainer.id)
            XCTAssertEqual(item.supervisedUnitId, world.property.id)
            let streetSealNotices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == street).all(\.$subject)
            XCTAssertTrue(streetSealNotices.contains { $0.hasPrefix("电梯封停通报") }, "004 五(二): the street is told")
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.status, "sealed")
            html = try await ElevatorFixtures.publicPage(app, world)
            XCTAssertTrue(html.contains("封停"))

            // Not back into service before the fix and the re-inspection.
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "set_in_service")
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.code, "seal_not_cleared")

            // The maintenance unit fixes it through the ledger: sign for, work, photo, report → awaiting re-inspection.
            for event in ["sign_for", "start_work"] {
                res = try await app.send(.POST, itemPath + "/events", token: world.maintainer.token, json: ItemEventInput(event: event))
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            res = try await app.send(.POST, itemPath + "/attachments?name=fixed.jpg", token: world.maintainer.token,
                                     headers: ["Content-Type": "image/jpeg"], body: ByteBuffer(bytes: TestFiles.jpeg))
            XCTAssertEqual(res.status, .created, res.body.string)
            res = try await app.send(.POST, itemPath + "/events", token: world.maintainer.token,
                                     json: ItemEventInput(event: "submit", result: "已更换曳引钢丝绳"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertEqual(archive.elevator.sealStage, "awaiting_reinspection")
            html = try await ElevatorFixtures.publicPage(app, world)
            XCTAssertTrue(html.contains("已整改待检验"))
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "set_in_service")
            XCTAssertEqual(res.errorBody?.code, "seal_not_cleared")

            // The inspector's verification is the re-inspection; then the use unit reopens it.
            res = try await app.send(.POST, itemPath + "/events", token: try await app.token("inspector"), json: ItemEventInput(event: "verify_pass"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertEqual(archive.elevator.sealStage, "reinspection_passed")
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "set_in_service")
            XCTAssertEqual(res.status, .ok, res.body.string)
            item = try await app.send(.GET, itemPath, token: world.supervisor).content.decode(ItemDTO.self)
            XCTAssertEqual(item.state, .verified)
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.status, "in_service")
            html = try await ElevatorFixtures.publicPage(app, world)
            XCTAssertTrue(html.contains("在用"))

            // Everything is in the archive (一梯一档), which may not be deleted within 5 years.
            archive = try await ElevatorFixtures.archive(app, world)
            for kind in ["registered", "use_unit", "status", "maintenance", "confirmation", "maintenance_overdue", "incident", "dispatch", "seal_item"] {
                XCTAssertTrue(archive.events.contains { $0.kind == kind }, "archive lacks \(kind)")
            }
            XCTAssertEqual(archive.incidents.count, 1)
            XCTAssertEqual(archive.maintenance.count, 1)
            res = try await app.send(.DELETE, world.path, token: try await app.token("admin"))
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.code, "retention_period")
        }
    }
}
