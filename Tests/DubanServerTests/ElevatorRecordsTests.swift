@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The rest of issue #8 through the API: use-unit rules, who may see and do what, inspections and
/// expiry, stops and their notice, drills, the fund vote, penalties into credit, bad input.
final class ElevatorRecordsTests: XCTestCase {
    func testUseUnitRulesAreAppliedAndRecorded() async throws {
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            // Several owners, no agreement, the street designated one: the others are jointly liable (004 二(三)).
            var res = try await app.send(.POST, world.path + "/use-unit", token: world.supervisor, json: UseUnitInput(
                housing: "ordinary", owners: ["业主甲", "业主乙", "业主丙"], streetDesignatedOwner: "业主乙"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            var decision = try res.content.decode(UseUnitDecisionDTO.self)
            XCTAssertEqual(decision.basis, "street_designation")
            XCTAssertEqual(decision.useUnit, "业主乙")
            XCTAssertEqual(decision.jointlyLiable, ["业主甲", "业主丙"])
            // Public rental housing without a property company: the project owner unit (二(四)).
            res = try await app.send(.POST, world.path + "/use-unit", token: world.supervisor, json: UseUnitInput(
                housing: "public_rental", projectOwnerUnit: "汉阳区公共租赁住房项目业主单位"))
            decision = try res.content.decode(UseUnitDecisionDTO.self)
            XCTAssertEqual(decision.basis, "public_rental_project_owner")
            // Nothing known: undetermined, the missing facts named, and the elevator may not run.
            res = try await app.send(.POST, world.path + "/use-unit", token: world.supervisor, json: UseUnitInput(
                housing: "ordinary", owners: ["业主甲", "业主乙"]))
            decision = try res.content.decode(UseUnitDecisionDTO.self)
            XCTAssertFalse(decision.determined)
            XCTAssertEqual(decision.missing, ["agreedUseUnit", "streetDesignatedOwner"])
            res = try await ElevatorFixtures.status(app, world, token: world.supervisor, "set_in_service")
            XCTAssertEqual(res.errorBody?.code, "use_unit_missing")
            let archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertEqual(archive.events.filter { $0.kind == "use_unit" }.count, 3)
            XCTAssertTrue(archive.events.contains { $0.summary.contains("二(三)") })

            // The guided form on the archive page does the same.
            let page = try await app.send(.POST, "/elevators/\(world.elevator.id)/use-unit", token: world.supervisor,
                                          headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                          body: ByteBuffer(string: "housing=ordinary&propertyServiceCompany=\(world.property.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"))
            XCTAssertEqual(page.status, .ok, page.body.string)
            XCTAssertTrue(page.body.string.contains("使用单位：\(world.property.name)"))

            res = try await app.send(.POST, world.path + "/use-unit", token: world.supervisor, json: UseUnitInput(housing: "villa"))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "housing")
        }
    }

    func testAccessByRoleAndUnit() async throws {
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            // Another street's operator sees nothing of it; the street it stands in does.
            var res = try await app.send(.GET, world.path, token: try await app.token("operator2"))
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, world.path, token: try await app.token("operator"))
            XCTAssertEqual(res.status, .ok)
            // Hotline evaluators see no elevator at all: refused by role.
            res = try await app.send(.GET, world.path, token: try await app.token("evaluator"))
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.GET, "/api/v1/elevators/dashboard", token: world.maintainer.token)
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.GET, "/api/v1/elevators", token: world.maintainer.token)
            XCTAssertEqual(try res.content.decode(ListPage<ElevatorDTO>.self).items.map(\.id), [world.elevator.id])
            res = try await app.send(.GET, "/api/v1/elevators", token: try await app.token("operator2"))
            XCTAssertEqual(try res.content.decode(ListPage<ElevatorDTO>.self).items.count, 0)
            // Only the market-supervision side registers and determines.
            res = try await app.send(.POST, world.path + "/use-unit", token: world.maintainer.token, json: UseUnitInput(housing: "ordinary"))
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, "/api/v1/elevators/maintainers", token: try await app.token("dispatcher"), json: ElevatorMaintainerInput(
                unitId: world.maintainer.id.uuidString, qualification: "A", emergencyPhone: "027-84000000"))
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.GET, world.path)
            XCTAssertEqual(res.status, .unauthorized)
        }
    }

    func testInspectionExpiryBlocksServiceAndResultSetsNewValidity() async throws {
        try await TestApp.run { app in
            let today = LocalDate(chinaTimeOf: Date())!
            let world = try await ElevatorFixtures.world(app, validUntil: today.adding(days: -1)!)
            _ = try await ElevatorFixtures.determine(app, world)
            var res = try await ElevatorFixtures.status(app, world, token: world.supervisor, "set_in_service")
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.code, "inspection_expired")
            let expired = try await app.send(.GET, "/api/v1/elevators/inspection-due?state=expired", token: world.supervisor)
                .content.decode(ListPage<ElevatorDueDTO>.self)
            XCTAssertEqual(expired.items.map(\.id), [world.elevator.id])
            var label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertTrue(label.inspectionExpired)

            // A failed conclusion gives no validity; a pass sets it, and the elevator may run.
            res = try await app.send(.POST, world.path + "/inspections", token: try await app.token("inspector"), json: InspectionInput(
                body: "武汉市特种设备检验检测研究院", inspectedOn: today.description, inspector: "王检", conclusion: "passed", validUntil: nil))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "validUntil")
            let next = today.adding(months: 12)!
            res = try await app.send(.POST, world.path + "/inspections", token: try await app.token("inspector"), json: InspectionInput(
                body: "武汉市特种设备检验检测研究院", inspectedOn: today.description, inspector: "王检", conclusion: "passed", validUntil: next.description))
            XCTAssertEqual(res.status, .created, res.body.string)
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "set_in_service")
            XCTAssertEqual(res.status, .ok, res.body.string)
            let dto = try res.content.decode(ElevatorDTO.self)
            XCTAssertEqual(dto.inspectionValidUntil, next.description)
            // A1 months backwards: the application is due one month before the validity ends.
            XCTAssertEqual(dto.inspectionApplicationDue, next.adding(months: -1)?.description)
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.inspectionBody, "武汉市特种设备检验检测研究院")
            XCTAssertEqual(label.inspector, "王检")
            XCTAssertEqual(label.inspectionConclusion, "合格")
            XCTAssertEqual(label.inspectionDate, today.description)
            XCTAssertFalse(label.inspectionExpired)
        }
    }

    func testInspectionApplicationDueListAndApplication() async throws {
        try await TestApp.run { app in
            let today = LocalDate(chinaTimeOf: Date())!
            // Validity ends in 1 month and 10 days: the application is due in 10 days, inside the 15-day warning.
            let world = try await ElevatorFixtures.world(app, validUntil: today.adding(months: 1)!.adding(days: 10)!)
            _ = try await ElevatorFixtures.determine(app, world)
            var due = try await app.send(.GET, "/api/v1/elevators/inspection-due?state=due", token: world.supervisor)
                .content.decode(ListPage<ElevatorDueDTO>.self)
            XCTAssertEqual(due.items.map(\.id), [world.elevator.id])
            var res = try await app.send(.POST, world.path + "/inspection-application", token: world.maintainer.token)
            XCTAssertEqual(res.status, .forbidden, "the use unit applies")
            res = try await app.send(.POST, world.path + "/inspection-application", token: world.property.token)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(ElevatorDTO.self).inspectionStatus, "ok")
            due = try await app.send(.GET, "/api/v1/elevators/inspection-due?state=due", token: world.supervisor)
                .content.decode(ListPage<ElevatorDueDTO>.self)
            XCTAssertEqual(due.items.count, 0)
            res = try await app.send(.GET, "/api/v1/elevators/inspection-due?state=soon", token: world.supervisor)
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "state")
        }
    }

    func testStopNeedsNoticeAfter24Hours() async throws {
        try await TestApp.run { app in
            let t0 = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            app.clock = { t0 }
            let world = try await ElevatorFixtures.world(app)
            _ = try await ElevatorFixtures.determine(app, world)
            var res = try await ElevatorFixtures.status(app, world, token: world.property.token, "set_in_service")
            XCTAssertEqual(res.status, .ok)
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "stop", reason: "更换主板")
            XCTAssertEqual(res.errorBody?.field, "expectedRepairAt")
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "stop", reason: "更换主板",
                                                    expectedRepairAt: t0.addingTimeInterval(3 * 86400))
            XCTAssertEqual(res.status, .ok, res.body.string)
            // Exactly 24 hours: no breach yet; one second later the scheduler reports it.
            let scheduler = Scheduler(instance: "elevator-stop")
            _ = try await scheduler.sweep(now: t0.addingTimeInterval(24 * 3600 - 1), app: app)
            var archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertFalse(archive.events.contains { $0.kind == "stop_notice_overdue" })
            _ = try await scheduler.sweep(now: t0.addingTimeInterval(24 * 3600 + 1), app: app)
            archive = try await ElevatorFixtures.archive(app, world)
            XCTAssertTrue(archive.events.contains { $0.kind == "stop_notice_overdue" })
            var label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertNil(label.stopReason)
            res = try await app.send(.POST, world.path + "/stop-notice", token: world.property.token)
            XCTAssertEqual(res.status, .ok, res.body.string)
            label = try await ElevatorFixtures.publicLabel(app, world)
            XCTAssertEqual(label.stopReason, "更换主板")
            XCTAssertEqual(label.expectedRepairAt, ChinaTimeFormat.string(t0.addingTimeInterval(3 * 86400)))
            res = try await ElevatorFixtures.status(app, world, token: world.property.token, "resume")
            XCTAssertEqual(res.status, .ok, res.body.string)
        }
    }

    func testFundVoteNeedsTwoThirdsOfTheOwners() async throws {
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            _ = try await ElevatorFixtures.determine(app, world)
            // 30 owners: 2/3 is 20 (004 四(四)).
            var res = try await app.send(.POST, world.path + "/fund-requests", token: world.property.token,
                                         json: FundRequestInput(purpose: "更换曳引机", amountYuan: 120_000, owners: 30, agreeing: 19))
            XCTAssertEqual(res.status, .created, res.body.string)
            var vote = try res.content.decode(FundRequestDTO.self)
            XCTAssertEqual(vote.required, 20)
            XCTAssertFalse(vote.approved)
            res = try await app.send(.POST, world.path + "/fund-requests", token: world.property.token,
                                     json: FundRequestInput(purpose: "更换曳引机", amountYuan: 120_000, owners: 30, agreeing: 20))
            vote = try res.content.decode(FundRequestDTO.self)
            XCTAssertTrue(vote.approved)
            res = try await app.send(.POST, world.path + "/fund-requests", token: world.property.token,
                                     json: FundRequestInput(purpose: "更换曳引机", amountYuan: 120_000, owners: 30, agreeing: 31))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "agreeing")
            res = try await app.send(.POST, world.path + "/fund-requests", token: world.maintainer.token,
                                     json: FundRequestInput(purpose: "更换曳引机", amountYuan: 1, owners: 3, agreeing: 3))
            XCTAssertEqual(res.status, .forbidden)
        }
    }

    func testPenalisedTwiceIn12MonthsIsToBePublished() async throws {
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            let today = LocalDate(chinaTimeOf: Date())!
            var res = try await app.send(.POST, world.path + "/penalties", token: world.supervisor, json: ElevatorPenaltyInput(
                target: "use_unit", severity: "minor", decisionNumber: "汉市监罚〔2026〕1号", decisionDate: today.description,
                authority: "汉阳区市场监督管理局", legalBasis: "《特种设备安全法》第八十三条"))
            XCTAssertEqual(res.status, .unprocessableEntity, "no use unit yet")
            XCTAssertEqual(res.errorBody?.field, "target")
            for (number, back) in [("汉市监罚〔2026〕1号", 300), ("汉市监罚〔2026〕2号", 10)] {
                res = try await app.send(.POST, world.path + "/penalties", token: world.supervisor, json: ElevatorPenaltyInput(
                    target: "maintenance_unit", severity: "serious", decisionNumber: number, decisionDate: today.adding(days: -back)!.description,
                    authority: "汉阳区市场监督管理局", legalBasis: "《特种设备安全法》第八十八条"))
                XCTAssertEqual(res.status, .created, res.body.string)
            }
            let penalty = try res.content.decode(ElevatorPenaltyDTO.self)
            XCTAssertEqual(penalty.penaltiesIn12Months, 2)
            XCTAssertTrue(penalty.publicationRequired)
            let detail = try await CreditFixtures.detail(app, world.maintainer.id, token: world.supervisor)
            XCTAssertEqual(detail.records.filter { $0.kind == .penaltySerious }.count, 2)
            let supervisorUnit = try await app.unitID("汉阳区人民政府督查室")
            let notices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == supervisorUnit).all(\.$subject)
            XCTAssertTrue(notices.contains { $0.contains("应予公布") })
            res = try await app.send(.POST, world.path + "/penalties", token: world.maintainer.token, json: ElevatorPenaltyInput(
                target: "maintenance_unit", severity: "serious", decisionNumber: "x", decisionDate: today.description, authority: "x", legalBasis: "x"))
            XCTAssertEqual(res.status, .forbidden)
        }
    }

    func testDrillsPerHalfYearAndBadInput() async throws {
        try await TestApp.run { app in
            let world = try await ElevatorFixtures.world(app)
            var res = try await app.send(.POST, "/api/v1/elevators/drills", token: world.maintainer.token, json: DrillInput(
                maintenanceUnitId: world.maintainer.id.uuidString, heldAt: ChinaTimeFormat.string(Date()), description: "困人救援演练"))
            XCTAssertEqual(res.status, .created, res.body.string)
            XCTAssertEqual(try res.content.decode(DrillDTO.self).missingHalfYears, [])
            res = try await app.send(.POST, "/api/v1/elevators/drills", token: world.property.token, json: DrillInput(
                maintenanceUnitId: world.maintainer.id.uuidString, heldAt: ChinaTimeFormat.string(Date()), description: "演练"))
            XCTAssertEqual(res.status, .forbidden)
            // Bad input is a 4xx naming the field, never a 5xx.
            res = try await app.send(.POST, "/api/v1/elevators", token: world.supervisor, json: ElevatorInput(
                registrationCode: world.elevator.registrationCode, compound: "小区", building: "1栋", buildingUnit: "1单元",
                maintenanceUnitId: world.maintainer.id.uuidString, manufacturer: "厂"))
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.field, "registrationCode")
            res = try await app.send(.POST, "/api/v1/elevators", token: world.supervisor, json: ElevatorInput(
                registrationCode: "X1", compound: "小区", building: "1栋", buildingUnit: "1单元",
                maintenanceUnitId: world.property.id.uuidString, manufacturer: "厂"))
            XCTAssertEqual(res.errorBody?.field, "maintenanceUnitId")
            res = try await app.send(.POST, world.path + "/maintenance", token: world.maintainer.token, json: MaintenanceInput(
                performedAt: ChinaTimeFormat.string(Date().addingTimeInterval(86400)), staff: [MaintenanceStaffInput(name: "甲", certificate: "C1")],
                workItems: MaintenanceWorkItems(halfMonthly: ["机房"])))
            XCTAssertEqual(res.errorBody?.field, "performedAt")
            res = try await app.send(.POST, world.path + "/maintenance", token: world.maintainer.token, json: MaintenanceInput(
                performedAt: ChinaTimeFormat.string(Date()), staff: [MaintenanceStaffInput(name: "甲", certificate: "")],
                workItems: MaintenanceWorkItems(halfMonthly: ["机房"])))
            XCTAssertEqual(res.errorBody?.field, "staff.0.certificate")
            res = try await app.send(.POST, world.path + "/incidents", token: world.supervisor, json: IncidentInput(
                kind: "trapped", startedAt: "yesterday", description: "困人"))
            XCTAssertEqual(res.errorBody?.field, "startedAt")
            res = try await app.send(.POST, world.path + "/status", token: world.supervisor, body: ByteBuffer(string: "{\"event\":"))
            XCTAssertEqual(res.status, .badRequest)
            res = try await app.send(.POST, world.path + "/status", token: world.supervisor, json: ElevatorStatusInput(event: "fixed"))
            XCTAssertEqual(res.errorBody?.field, "event")
        }
    }
}

/// The demo's four fictional elevators: one overdue, one with its inspection application due, one sealed.
final class ElevatorDemoTests: XCTestCase {
    func testDemoElevatorsShowOnTheDashboard() async throws {
        try await TestApp.run(elevators: true) { app in
            let res = try await app.send(.GET, "/api/v1/elevators/dashboard", token: try await app.token("supervisor"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let dashboard = try res.content.decode(ElevatorDashboardDTO.self)
            XCTAssertEqual(dashboard.total, 4)
            XCTAssertEqual(dashboard.byStatus["sealed"], 1)
            XCTAssertEqual(dashboard.maintenanceOverdue, 1)
            XCTAssertEqual(dashboard.inspectionDue, 1)
            XCTAssertEqual(dashboard.rescueBreaches, 1)
            let page = try await app.send(.GET, "/elevators", token: try await app.token("supervisor"))
            XCTAssertEqual(page.status, .ok)
        }
    }
}
