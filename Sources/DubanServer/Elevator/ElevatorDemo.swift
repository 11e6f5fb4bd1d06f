import DubanCore
import Fluent
import Vapor

/// Demo elevators for `duban demo`, all fictional and marked 演示 (see Resources/demo/README.md): two
/// maintenance companies and one property company under 建桥街, and four elevators of the fictional
/// 示范花园小区 — one in order, one overdue for maintenance with a trapped-passenger report that broke
/// the 30-minute rule, one whose inspection application falls due soon, and one sealed (封停) with
/// its ledger item.
enum ElevatorDemo {
    static func load(street: UUID, office: UUID, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> Int {
        let loader = "demo-loader"
        func enterprise(_ name: String, _ code17: String, phone: String) async throws -> UUID {
            let definition = try UnitService.validate(UnitCreate(
                name: name, kind: UnitKind.enterprise.rawValue, parentId: street.text, aliases: nil,
                creditCode: DemoData.demoCreditCode(code17), address: "武汉市汉阳区建桥街（演示地址）", phone: phone))
            return try await UnitService.create(definition, actor: loader, on: db).id
        }
        let maintainerA = try await enterprise("武汉汉阳示范电梯维保有限公司", "91420105MA4K8E1A0", phone: "027-84000001")
        let maintainerB = try await enterprise("武汉鹦鹉示范电梯工程有限公司", "91420105MA4K8E2B1", phone: "027-84000002")
        let property = try await enterprise("武汉汉阳示范物业服务有限公司", "91420105MA4K8E3C2", phone: "027-84000003")
        let supervisor = Actor(userID: UUID(), username: loader, displayName: "演示数据", role: .supervisor, unitID: office, unitName: "",
                               unitPath: UnitPath(ids: []), viaSession: false)
        func company(_ unit: UUID) -> Actor {
            Actor(userID: UUID(), username: loader, displayName: "演示数据", role: .enterprise, unitID: unit, unitName: "",
                  unitPath: UnitPath(ids: []), viaSession: false)
        }
        let rules = try await ElevatorService.rules(calculator: calculator, on: db)
        let start = now.addingTimeInterval(-40 * 86400)
        _ = try await ElevatorService.registerMaintainer(ElevatorMaintainerInput(
            unitId: maintainerA.text, qualification: "特种设备安装改造修理许可（电梯）A级（演示）", emergencyPhone: "027-84009601"),
            actor: supervisor, now: start, on: db)
        _ = try await ElevatorService.registerMaintainer(ElevatorMaintainerInput(
            unitId: maintainerB.text, qualification: "特种设备安装改造修理许可（电梯）B级（演示）", emergencyPhone: "027-84009602"),
            actor: supervisor, now: start, on: db)
        guard let today = LocalDate(chinaTimeOf: now) else { return 0 }
        func date(months: Int, days: Int) -> String {
            (today.adding(months: months)?.adding(days: days) ?? today).description
        }
        // (registration code, building, unit, maintainer, validity, days since last maintenance)
        let plan: [(String, String, String, UUID, String, Int)] = [
            ("31104201052016000101", "1栋", "1单元", maintainerA, date(months: 8, days: 0), 5),
            ("31104201052016000102", "1栋", "2单元", maintainerA, date(months: 6, days: 0), 20),
            ("31104201052016000203", "2栋", "1单元", maintainerB, date(months: 1, days: 10), 7),
            ("31104201052016000204", "2栋", "2单元", maintainerB, date(months: 9, days: 0), 3),
        ]
        var rows: [ElevatorRow] = []
        for (code, building, unit, maintainer, valid, sinceMaintenance) in plan {
            let row = try await ElevatorService.register(ElevatorInput(
                registrationCode: code, compound: "示范花园小区（虚构）", building: building, buildingUnit: unit, streetUnitId: street.text,
                maintenanceUnitId: maintainer.text, manufacturer: "示范电梯制造有限公司（演示）", model: "曳引式乘客电梯 1000kg",
                installedOn: date(months: -60, days: 0), warrantyUntil: date(months: -36, days: 0), inspectionValidUntil: valid),
                actor: supervisor, now: start, rules: rules, on: db)
            _ = try await ElevatorService.determineUseUnit(row, input: UseUnitInput(
                housing: HousingKind.ordinary.rawValue, propertyServiceCompany: "武汉汉阳示范物业服务有限公司", projectOwnerUnit: nil, owners: nil,
                agreedUseUnit: nil, streetDesignatedOwner: nil, districtDesignatedUseUnit: nil, useUnitId: property.text),
                actor: supervisor, now: start, on: db)
            try await ElevatorService.changeStatus(row, event: .setInService, actor: supervisor, now: start, rules: rules,
                                                   calculator: calculator, on: db)
            let visit = now.addingTimeInterval(-Double(sinceMaintenance) * 86400)
            _ = try await ElevatorService.logMaintenance(row, input: MaintenanceInput(
                performedAt: ChinaTimeFormat.string(visit), staff: [MaintenanceStaffInput(name: "演示维保员", certificate: "T-DEMO-0001")],
                workItems: MaintenanceWorkItems(halfMonthly: ["机房、滑轮间环境", "轿厢照明、风扇、应急照明", "层门、轿门门锁电气触点"],
                                                quarterly: nil, halfYearly: nil, yearly: nil), faults: nil),
                actor: company(maintainer), now: visit, rules: rules, on: db)
            rows.append(row)
        }
        _ = try await ElevatorService.recordInspection(rows[0], input: InspectionInput(
            body: "武汉市特种设备检验检测研究院（演示）", inspectedOn: date(months: -4, days: 0), inspector: "演示检验员",
            conclusion: InspectionConclusion.passed.rawValue, validUntil: plan[0].4), actor: supervisor, now: start, rules: rules, on: db)
        // The overdue elevator also had a trapped passenger reached after 42 minutes (30-minute rule broken).
        let reported = now.addingTimeInterval(-3 * 86400)
        _ = try await ElevatorIncidents.record(rows[1], input: IncidentInput(
            kind: IncidentKind.trapped.rawValue, startedAt: ChinaTimeFormat.string(reported),
            doneAt: ChinaTimeFormat.string(reported.addingTimeInterval(42 * 60)), rescuedAt: ChinaTimeFormat.string(reported.addingTimeInterval(50 * 60)),
            description: "1人被困轿厢（演示）", dispatch: [RescueStepInput(
                responder: RescueResponder.contractedMaintenance.rawValue, dispatchedAt: ChinaTimeFormat.string(reported.addingTimeInterval(60)),
                acknowledgedAt: ChinaTimeFormat.string(reported.addingTimeInterval(180)), arrivedAt: ChinaTimeFormat.string(reported.addingTimeInterval(42 * 60)))]),
            actor: supervisor, now: now, rules: rules, on: db)
        try await ElevatorService.changeStatus(rows[3], event: .seal(reason: "曳引钢丝绳断丝超标，存在严重事故隐患（演示）"), actor: supervisor,
                                               now: now.addingTimeInterval(-86400), rules: rules, calculator: calculator,
                                               fixDeadline: now.addingTimeInterval(6 * 86400), on: db)
        _ = try await ElevatorIncidents.drill(DrillInput(maintenanceUnitId: maintainerA.text, heldAt: ChinaTimeFormat.string(start),
                                                         description: "困人救援应急演练（演示）"), actor: supervisor, now: now, rules: rules, on: db)
        return rows.count
    }
}
