import Crypto
import DubanCore
import Fluent
import Vapor

/// The elevator module's work (SPEC M7, 004 成府发〔2015〕29号): the server loads the facts, asks the
/// core (`ElevatorRules`, `ElevatorMachine`, `UseUnitDetermination`), stores the result, writes the
/// elevator's archive (一梯一档) and the audit log, and puts the deadlines under the scheduler's watch.
enum ElevatorService {
    static let entity = "elevator"
    static let incidentEntity = "elevator_incident"
    /// Watched deadlines of an elevator.
    static let maintenanceWatch = "maintenance"
    static let inspectionApplicationWatch = "inspection_application"
    static let inspectionExpiryWatch = "inspection_expiry"
    static let stopNoticeWatch = "stop_notice"

    /// Who registers elevators and maintenance units, determines use units, records inspections,
    /// seals, and enters penalties: the market-supervision side (质监 inspectors, supervisors) and admins.
    static let registrars: [Role] = [.admin, .supervisor, .inspector]
    /// Roles that read every elevator; unit operators and enterprise accounts read their own only.
    static let districtReaders: [Role] = [.admin, .supervisor, .inspector, .dispatcher, .leader]
    /// Route guards (the handlers then check the elevator's own units): every reader, the unit accounts
    /// (use and maintenance units), those with the use unit's or supervision's say, incident recorders
    /// (ElevatorIncidents.requireRecorder) and status changers (ElevatorRoutes.authorize).
    static let readers: [Role] = districtReaders + [.unitOperator, .enterprise]
    static let unitAccounts: [Role] = [.unitOperator, .enterprise]
    static let ownersAndSupervision: [Role] = [.admin, .supervisor, .unitOperator, .enterprise]
    static let incidentRecorders: [Role] = [.admin, .supervisor, .inspector, .dispatcher, .unitOperator, .enterprise]
    static let statusChangers: [Role] = [.admin, .supervisor, .inspector, .unitOperator, .enterprise]

    // MARK: Rules and settings

    static let maintenanceWarningKey = "elevator.maintenance_warning_days"
    static let inspectionWarningKey = "elevator.inspection_warning_days"
    static let rescueAcknowledgeKey = "elevator.rescue_acknowledge_minutes"
    static let rescueArrivalKey = "elevator.rescue_arrival_minutes"

    /// The adjustable defaults of `ElevatorConfiguration` (the seed gives none of them).
    static let settings: [AdjustableSetting] = [
        AdjustableSetting(key: maintenanceWarningKey, defaultValue: ElevatorConfiguration.standard.maintenanceWarningDays, range: 0...14,
                          description: "电梯维保到期前多少天提醒 / days before maintenance is due to warn"),
        AdjustableSetting(key: inspectionWarningKey, defaultValue: ElevatorConfiguration.standard.inspectionWarningDays, range: 0...365,
                          description: "定期检验申请到期前多少天提醒 / days before the inspection application is due to warn"),
        AdjustableSetting(key: rescueAcknowledgeKey, defaultValue: ElevatorConfiguration.standard.rescueAcknowledgeMinutes, range: 1...60,
                          description: "困人救援：维保单位未确认接警多少分钟后转派下一级 / minutes without acknowledgement before the next rescue rung"),
        AdjustableSetting(key: rescueArrivalKey, defaultValue: ElevatorConfiguration.standard.rescueArrivalMinutes, range: 1...240,
                          description: "困人救援：已接警未到场多少分钟后转派下一级 / minutes without arrival before the next rescue rung"),
    ]

    static func rules(calculator: DeadlineCalculator, on db: any Database) async throws -> ElevatorRules {
        var configuration = ElevatorConfiguration.standard
        configuration.maintenanceWarningDays = try await AdjustableSetting.value(maintenanceWarningKey, on: db)
        configuration.inspectionWarningDays = try await AdjustableSetting.value(inspectionWarningKey, on: db)
        configuration.rescueAcknowledgeMinutes = try await AdjustableSetting.value(rescueAcknowledgeKey, on: db)
        configuration.rescueArrivalMinutes = try await AdjustableSetting.value(rescueArrivalKey, on: db)
        return ElevatorRules(calculator: calculator, configuration: configuration)
    }

    /// A core error as the API's error: 409 for what the state forbids, 422 for a bad value.
    static func apiError(_ error: ElevatorError) -> DubanError {
        let status: HTTPResponseStatus = switch error {
        case .invalidTransition, .useUnitMissing, .inspectionValidityMissing, .inspectionExpired, .sealNotCleared: .conflict
        default: .unprocessableEntity
        }
        return DubanError(status, code: error.code, message: error.message, field: error.field)
    }

    static func core<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let error as ElevatorError { throw apiError(error) }
    }

    // MARK: Loading and access

    /// The elevator `id` if `actor` may see it: district roles see all; a unit operator or enterprise
    /// account sees the elevators whose use, maintenance or street unit is its unit. Others: 404.
    static func load(_ id: UUID, visibleTo actor: Actor, on db: any Database) async throws -> ElevatorRow {
        guard let row = try await ElevatorRow.find(id, on: db), isVisible(row, to: actor) else {
            throw DubanError.notFound("电梯 / elevator")
        }
        return row
    }

    static func isVisible(_ row: ElevatorRow, to actor: Actor) -> Bool {
        if districtReaders.contains(actor.role) { return true }
        guard actor.role.isUnitScoped else { return false }
        return [row.useUnitID, row.maintenanceUnitID, row.streetUnitID].contains(actor.unitID)
    }

    static func requireRole(_ actor: Actor, _ roles: [Role]) throws {
        guard roles.contains(actor.role) else { throw DubanError.forbidden }
    }

    /// The maintenance unit's own account (a unit operator or enterprise account of that unit).
    static func requireMaintainer(_ actor: Actor, of row: ElevatorRow) throws {
        guard actor.role.isUnitScoped, actor.unitID == row.maintenanceUnitID else { throw DubanError.forbidden }
    }

    /// The use unit's own account.
    static func requireUseUnit(_ actor: Actor, of row: ElevatorRow) throws {
        guard actor.role.isUnitScoped, let useUnit = row.useUnitID, actor.unitID == useUnit else { throw DubanError.forbidden }
    }

    // MARK: Archive

    /// Adds a line to the elevator's archive and moves its retention start (A4: kept 5 years).
    static func archive(_ row: ElevatorRow, kind: String, _ summary: String, actor: String, at: Date, ref: UUID? = nil,
                        on db: any Database) async throws {
        let line = ElevatorEventRow()
        line.elevatorID = try row.requireID()
        line.at = at.wholeMilliseconds
        line.kind = kind
        line.summary = summary
        line.actor = actor
        line.refID = ref
        try await line.create(on: db)
        if at > row.lastRecordAt { row.lastRecordAt = at.wholeMilliseconds }
        row.updatedAt = at.wholeMilliseconds
        try await row.save(on: db)
    }

    static func location(_ row: ElevatorRow) -> String {
        "\(row.compound)\(row.building)\(row.buildingUnit)"
    }

    // MARK: DTOs

    static func dto(_ row: ElevatorRow, now: Date, rules: ElevatorRules, on db: any Database) async throws -> ElevatorDTO {
        let unit = try await Unit.find(row.maintenanceUnitID, on: db)
        let maintainer = try await ElevatorMaintainerRow.find(row.maintenanceUnitID, on: db)
        let decision = try row.useUnitDecision.map { try CreditService.decode(UseUnitDecision.self, $0) }
        let maintenance = try row.lastMaintenanceAt.map { last in try core { try rules.maintenance(lastMaintenanceAt: last, now: now) } }
        var maintenanceStatus = maintenance?.status
        if maintenanceStatus == nil, let due = row.maintenanceDueAt {
            maintenanceStatus = due < now ? .overdue : (due.addingTimeInterval(-Double(rules.configuration.maintenanceWarningDays) * 86400) <= now ? .dueSoon : .ok)
        }
        let inspection = try row.validUntil.map { valid in
            try core { try rules.inspection(validUntil: valid, applicationMadeAt: row.inspectionAppliedAt, now: now) }
        }
        return ElevatorDTO(
            id: try row.requireID(), registrationCode: row.registrationCode, labelCode: row.labelCode, rescueCode: row.rescueCode,
            compound: row.compound, building: row.building, buildingUnit: row.buildingUnit, streetUnitId: row.streetUnitID,
            useUnit: row.useUnitName, useUnitId: row.useUnitID, useUnitBasis: decision?.basis.rawValue, useUnitCitation: decision?.citation,
            jointlyLiable: decision?.jointlyLiable ?? [], maintenanceUnitId: row.maintenanceUnitID, maintenanceUnit: unit?.name ?? "",
            emergencyPhone: maintainer?.emergencyPhone, manufacturer: row.manufacturer, model: row.model, installedOn: row.installedOn,
            warrantyUntil: row.warrantyUntil, inspectionValidUntil: row.inspectionValidUntil, status: row.status,
            statusText: ElevatorPhase(status: row.statusValue, sealStage: row.sealStage.flatMap(SealStage.init)).chinese,
            sealStage: row.sealStage, sealItemId: row.sealItemID, stopReason: row.stopReason,
            stoppedAt: row.stoppedAt.map(ChinaTimeFormat.string), expectedRepairAt: row.expectedRepairAt.map(ChinaTimeFormat.string),
            stopNoticeAt: row.stopNoticeAt.map(ChinaTimeFormat.string), lastMaintenanceAt: row.lastMaintenanceAt.map(ChinaTimeFormat.string),
            maintenanceDueAt: row.maintenanceDueAt.map(ChinaTimeFormat.string), maintenanceStatus: maintenanceStatus?.rawValue,
            inspectionStatus: inspection?.status.rawValue, inspectionApplicationDue: inspection?.applicationDueDate.description,
            inspectionAppliedAt: row.inspectionAppliedAt.map(ChinaTimeFormat.string), labelUrl: "/e/\(row.labelCode)")
    }

    static func dto(_ row: ElevatorMaintenanceRow, on db: any Database) async throws -> MaintenanceDTO {
        let id = try row.requireID()
        return MaintenanceDTO(
            id: id, elevatorId: row.elevatorID, performedAt: ChinaTimeFormat.string(row.performedAt),
            staff: try CreditService.decode([MaintenanceStaffInput].self, row.staff),
            workItems: try CreditService.decode(MaintenanceWorkItems.self, row.workItems), faults: row.faults, recordedBy: row.recordedBy,
            confirmedAt: row.confirmedAt.map(ChinaTimeFormat.string), confirmedBy: row.confirmedBy, rating: row.rating,
            photos: try await ElevatorPhotoRow.query(on: db).filter(\.$maintenanceID == id).count())
    }

    // MARK: Registry

    static func registerMaintainer(_ input: ElevatorMaintainerInput, actor: Actor, now: Date, on db: any Database) async throws -> ElevatorMaintainerDTO {
        try requireRole(actor, registrars)
        let unitID = try Check.uuid(input.unitId, "unitId")
        guard let unit = try await Unit.find(unitID, on: db) else { throw DubanError.invalid("unitId", "单位不存在 / unit not found") }
        guard unit.kindValue == .enterprise else {
            throw DubanError.invalid("unitId", "维保单位应为企业 / a maintenance unit is an enterprise")
        }
        let qualification = try Check.text(input.qualification, "qualification", max: 200)
        guard let phone = try Check.phone(input.emergencyPhone, "emergencyPhone") else {
            throw DubanError.invalid("emergencyPhone", "须填写24小时应急救援电话 / the 24-hour emergency phone is required")
        }
        let existing = try await ElevatorMaintainerRow.find(unitID, on: db)
        let row = existing ?? ElevatorMaintainerRow()
        let before = existing.map { ElevatorMaintainerDTO(unitId: unitID, name: unit.name, qualification: $0.qualification, emergencyPhone: $0.emergencyPhone) }
        row.id = unitID
        row.qualification = qualification
        row.emergencyPhone = phone
        if existing == nil { row.since = now.wholeMilliseconds }
        row.updatedAt = now.wholeMilliseconds
        try await row.save(on: db)
        let dto = ElevatorMaintainerDTO(unitId: unitID, name: unit.name, qualification: qualification, emergencyPhone: phone)
        try await AuditLog.record(on: db, actor: actor.auditName, action: existing == nil ? .create : .update, entityType: "elevator_maintainer",
                                  entityID: unitID.text, before: before, after: dto, at: now)
        return dto
    }

    static func register(_ input: ElevatorInput, actor: Actor, now: Date, rules: ElevatorRules, on db: any Database) async throws -> ElevatorRow {
        try requireRole(actor, registrars)
        let code = try Check.text(input.registrationCode, "registrationCode", max: 40)
        guard try await ElevatorRow.query(on: db).filter(\.$registrationCode == code).count() == 0 else {
            throw DubanError.conflict("注册代码已登记 / registration code already registered", code: "duplicate", field: "registrationCode")
        }
        let maintainerID = try Check.uuid(input.maintenanceUnitId, "maintenanceUnitId")
        guard try await ElevatorMaintainerRow.find(maintainerID, on: db) != nil else {
            throw DubanError.invalid("maintenanceUnitId", "维保单位未登记资质和应急电话 / the maintenance unit is not registered with its qualification and emergency phone")
        }
        var street: UUID?
        if let text = input.streetUnitId, !text.isEmpty {
            let id = try Check.uuid(text, "streetUnitId")
            guard try await Unit.find(id, on: db) != nil else { throw DubanError.invalid("streetUnitId", "单位不存在 / unit not found") }
            street = id
        }
        let row = ElevatorRow()
        row.id = UUID()
        row.registrationCode = code
        row.labelCode = try await newLabelCode(on: db)
        let sequence = (try await ElevatorRow.query(on: db).max(\.$rescueSequence) ?? 0) + 1
        row.rescueSequence = sequence
        row.rescueCode = try core { try RescueCode.make(sequence: sequence).value }
        row.compound = try Check.text(input.compound, "compound", max: 100)
        row.building = try Check.text(input.building, "building", max: 50)
        row.buildingUnit = try Check.text(input.buildingUnit, "buildingUnit", max: 50)
        row.streetUnitID = street
        row.maintenanceUnitID = maintainerID
        row.manufacturer = try Check.text(input.manufacturer, "manufacturer", max: 200)
        row.model = try Check.optionalText(input.model, "model", max: 100)
        row.installedOn = try Check.optionalDate(input.installedOn, "installedOn")
        row.warrantyUntil = try Check.optionalDate(input.warrantyUntil, "warrantyUntil")
        row.status = ElevatorStatus.stopped.rawValue
        row.lastRecordAt = now.wholeMilliseconds
        row.createdAt = now.wholeMilliseconds
        row.updatedAt = now.wholeMilliseconds
        try await row.create(on: db)
        if let valid = try Check.optionalDate(input.inspectionValidUntil, "inspectionValidUntil") {
            try await setValidity(row, validUntil: valid, now: now, rules: rules, on: db)
        }
        try await archive(row, kind: "registered", "登记注册（注册代码\(code)，应急救援识别码\(row.rescueCode)）", actor: actor.auditName, at: now, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: entity, entityID: try row.requireID().text,
                                  before: String?.none, after: ["registrationCode": code, "location": location(row)], at: now)
        return row
    }

    /// A random 10-character label code (no 0/O/1/I), unique.
    static func newLabelCode(on db: any Database) async throws -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        for _ in 0..<20 {
            let code = String((0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
            if try await ElevatorRow.query(on: db).filter(\.$labelCode == code).count() == 0 { return code }
        }
        throw DubanError(.serviceUnavailable, code: "label_code_exhausted", message: "无法生成标签编号 / could not make a label code")
    }

    /// Deletes an elevator's registry entry: refused within 5 years of its newest record
    /// (004 成府发〔2015〕29号 三(三)3: 档案至少保存5年; SPEC A4).
    static func delete(_ row: ElevatorRow, actor: Actor, now: Date, rules: ElevatorRules, on db: any Database) async throws {
        try requireRole(actor, [.admin])
        let retention = try core { try rules.recordRetention(madeAt: row.lastRecordAt, now: now) }
        guard retention.mayDelete else {
            throw DubanError.conflict("档案至少保存5年，\(ChinaTimeFormat.string(retention.keepUntil.due))前不得删除 / records are kept 5 years; not before \(ChinaTimeFormat.string(retention.keepUntil.due))",
                                      code: "retention_period", field: "id")
        }
        let id = try row.requireID()
        let maintenance = try await ElevatorMaintenanceRow.query(on: db).filter(\.$elevatorID == id).all(\.$id).compactMap { $0 }
        if !maintenance.isEmpty { try await ElevatorPhotoRow.query(on: db).filter(\.$maintenanceID ~~ maintenance).delete() }
        try await ElevatorMaintenanceRow.query(on: db).filter(\.$elevatorID == id).delete()
        try await ElevatorInspectionRow.query(on: db).filter(\.$elevatorID == id).delete()
        try await ElevatorIncidentRow.query(on: db).filter(\.$elevatorID == id).delete()
        try await ElevatorFundRequestRow.query(on: db).filter(\.$elevatorID == id).delete()
        try await ElevatorEventRow.query(on: db).filter(\.$elevatorID == id).delete()
        for kind in [maintenanceWatch, inspectionApplicationWatch, inspectionExpiryWatch, stopNoticeWatch] {
            try await DeadlineWatches.close(entityType: entity, entityID: id.text, kind: kind, on: db)
        }
        try await row.delete(on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .delete, entityType: entity, entityID: id.text,
                                  before: ["registrationCode": row.registrationCode], after: String?.none, at: now)
    }

    // MARK: Use unit

    /// Applies 004 成府发〔2015〕29号 二 to the facts and records the decision and its basis; an
    /// undetermined result is returned and recorded as such (the elevator may then not run).
    static func determineUseUnit(_ row: ElevatorRow, input: UseUnitInput, actor: Actor, now: Date, on db: any Database) async throws -> UseUnitDecision {
        try requireRole(actor, registrars)
        let housing = try input.housing.flatMap { $0.isEmpty ? nil : $0 }.map { try Check.enumeration($0, "housing", as: HousingKind.self) } ?? .ordinary
        let owners = try (input.owners ?? []).enumerated().compactMap { try Check.optionalText($1, "owners.\($0)") }
        guard owners.count <= 500 else { throw DubanError.invalid("owners", "最多500个所有权人 / at most 500 owners") }
        let facts = UseUnitFacts(
            housing: housing, propertyServiceCompany: try Check.optionalText(input.propertyServiceCompany, "propertyServiceCompany"),
            projectOwnerUnit: try Check.optionalText(input.projectOwnerUnit, "projectOwnerUnit"), owners: owners,
            agreedUseUnit: try Check.optionalText(input.agreedUseUnit, "agreedUseUnit"),
            streetDesignatedOwner: try Check.optionalText(input.streetDesignatedOwner, "streetDesignatedOwner"),
            districtDesignatedUseUnit: try Check.optionalText(input.districtDesignatedUseUnit, "districtDesignatedUseUnit"))
        let decision = UseUnitDetermination.determine(facts)
        var unitID: UUID?
        if let text = input.useUnitId, !text.isEmpty {
            let id = try Check.uuid(text, "useUnitId")
            guard try await Unit.find(id, on: db) != nil else { throw DubanError.invalid("useUnitId", "单位不存在 / unit not found") }
            unitID = id
        } else if let name = decision.useUnit {
            unitID = try await UnitAlias.query(on: db).filter(\.$aliasKey == TextNormalization.nameKey(name)).first()?.$unit.id
        }
        let before = row.useUnitName
        row.useUnitName = decision.useUnit
        row.useUnitID = decision.isDetermined ? unitID : nil
        row.useUnitDecision = try CreditService.encode(decision)
        let summary = decision.isDetermined
            ? "确定使用单位：\(decision.useUnit ?? "")（\(decision.basis.chinese)）" + (decision.jointlyLiable.isEmpty ? "" : "，连带责任：\(decision.jointlyLiable.joined(separator: "、"))")
            : "使用单位未能确定，缺少：\(decision.missing.map(\.chinese).joined(separator: "、"))"
        try await archive(row, kind: "use_unit", summary + "。依据：\(decision.citation)", actor: actor.auditName, at: now, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: entity, entityID: try row.requireID().text,
                                  before: ["useUnit": before], after: UseUnitDecisionDTO(decision), at: now)
        return decision
    }

    // MARK: Status

    /// Applies a status change through the core machine and carries out its effects. A seal also
    /// registers a hazard in the ledger (so it has deadlines and the normal verification); the seal
    /// stage then follows that item (see `ElevatorHooks`).
    static func changeStatus(_ row: ElevatorRow, event: ElevatorEvent, actor: Actor, now: Date, rules: ElevatorRules,
                             calculator: DeadlineCalculator, fixDeadline: Date? = nil, on db: any Database) async throws {
        let transition = try core { try ElevatorMachine.apply(event, to: row.facts, at: now, rules: rules) }
        let id = try row.requireID().text
        let before = row.status
        row.status = transition.facts.status.rawValue
        row.sealStage = transition.facts.sealStage?.rawValue
        row.stopReason = transition.facts.currentStop?.reason
        row.stoppedAt = transition.facts.currentStop?.stoppedAt.wholeMilliseconds
        row.expectedRepairAt = transition.facts.currentStop?.expectedRepairAt.wholeMilliseconds
        if transition.facts.currentStop == nil { row.stopNoticeAt = nil }
        var summary = "\(transition.event.kind.chinese)：\(transition.from.chinese) → \(transition.to.chinese)"
        switch event {
        case .stop(let reason, let repair): summary += "（原因：\(reason)，预计修复：\(ChinaTimeFormat.string(repair))）"
        case .seal(let reason): summary += "（\(reason)）"
        default: break
        }
        if transition.to == .inService {
            if row.inServiceSince == nil { row.inServiceSince = now.wholeMilliseconds }
            if row.maintenanceDueAt == nil { try await watchMaintenance(row, from: now, rules: rules, now: now, on: db) }
        }
        if transition.to == .scrapped {
            row.maintenanceDueAt = nil
            for kind in [maintenanceWatch, inspectionApplicationWatch, inspectionExpiryWatch] {
                try await DeadlineWatches.close(entityType: entity, entityID: id, kind: kind, on: db)
            }
        }
        for effect in transition.effects {
            switch effect {
            case .watchStopNotice(let due):
                try await DeadlineWatches.watch(entityType: entity, entityID: id, kind: stopNoticeWatch, unitID: row.useUnitID ?? row.streetUnitID,
                                                due: due, rule: "停运超过\(ElevatorLimits.stopNoticeHours)小时须公告", now: now, on: db)
            case .closeStopNoticeWatch:
                try await DeadlineWatches.close(entityType: entity, entityID: id, kind: stopNoticeWatch, on: db)
            case .notifyStreetOfSealing:
                // 004 五(二): "及时将相关情况通报所在地乡镇政府(街道办事处)".
                if let street = row.streetUnitID {
                    try await Notification(channel: "inbox", unitID: street, subject: "电梯封停通报：\(location(row))",
                                           body: summary, entityType: entity, entityID: id, now: now).create(on: db)
                }
            case .requestReinspection:
                if let item = row.sealItemID, let ledger = try await LedgerItem.find(item, on: db) {
                    try await Notification(channel: "inbox", unitID: ledger.registeringUnitID, subject: "封停电梯已整改，请复检：\(location(row))",
                                           body: summary, entityType: entity, entityID: id, now: now).create(on: db)
                }
            }
        }
        try await archive(row, kind: "status", summary, actor: actor.auditName, at: now, on: db)
        if case .seal(let reason) = event {
            try await openSealItem(row, reason: reason, actor: actor, now: now, calculator: calculator, deadline: fixDeadline, on: db)
        }
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: entity, entityID: id,
                                  before: ["status": before], after: ["status": row.status, "sealStage": row.sealStage ?? ""], at: now)
    }

    /// 封停 as a ledger item: a hazard of the use unit, found by the sealing inspector's unit, to be
    /// fixed by the maintenance unit and verified (re-inspected) by another unit. A supervisor or admin
    /// who seals assigns it at once with the fix deadline; an inspector's seal waits for the dispatcher.
    static func openSealItem(_ row: ElevatorRow, reason: String, actor: Actor, now: Date, calculator: DeadlineCalculator,
                             deadline: Date?, on db: any Database) async throws {
        let fields = LedgerService.Fields(
            kind: .hazard, title: "电梯封停：\(location(row))（\(row.registrationCode)）", description: .some(reason),
            location: .some(location(row)), category: .some("特种设备（电梯）"), grade: .general, fixMode: .some(.timeLimited),
            source: .some(.inspection), supervisedUnitID: .some(row.useUnitID),
            findings: [FindingDTO(description: reason, standard: "成府发〔2015〕29号", clause: "五(二)", determination: "严重事故隐患，依法封停")])
        let item = try await LedgerService.create(fields, actor: actor, now: now, on: db)
        row.sealItemID = try item.requireID()
        try await row.save(on: db)
        if [.supervisor, .admin].contains(actor.role) {
            try await LedgerService.transition(item, event: .assign(unitID: row.maintenanceUnitID.uuidString, deadline: deadline), actor: actor,
                                               now: now, calculator: calculator, on: db)
        }
        try await archive(row, kind: "seal_item", "封停整改立为台账事项：\(item.title)", actor: actor.auditName, at: now, ref: item.id, on: db)
    }

    // MARK: Maintenance

    /// Next maintenance due 15 days after `from` (A4), watched with the configured warning lead; the
    /// warnings and overdue notices go to the maintenance unit.
    static func watchMaintenance(_ row: ElevatorRow, from: Date, rules: ElevatorRules, now: Date, on db: any Database) async throws {
        let check = try core { try rules.maintenance(lastMaintenanceAt: from, now: now) }
        row.maintenanceDueAt = check.nextDue.due.wholeMilliseconds
        try await row.save(on: db)
        try await ElevatorDeadlines.watch(entityID: try row.requireID().text, kind: maintenanceWatch, unitID: row.maintenanceUnitID,
                                          deadline: check.nextDue, warnAt: check.warnFrom, now: now, on: db)
    }

    static func logMaintenance(_ row: ElevatorRow, input: MaintenanceInput, actor: Actor, now: Date, rules: ElevatorRules,
                               on db: any Database) async throws -> ElevatorMaintenanceRow {
        try requireMaintainer(actor, of: row)
        guard row.statusValue != .scrapped else { throw DubanError.conflict("电梯已报废 / the elevator is scrapped", code: "scrapped") }
        let performed = try time(input.performedAt, "performedAt", notAfter: now)
        guard !input.staff.isEmpty, input.staff.count <= 20 else {
            throw DubanError.invalid("staff", "须填写1–20名维保人员及其证书编号 / 1–20 staff with their certificate numbers")
        }
        let staff = try input.staff.enumerated().map { index, person in
            MaintenanceStaffInput(name: try Check.text(person.name, "staff.\(index).name", max: 50),
                                  certificate: try Check.text(person.certificate, "staff.\(index).certificate", max: 50))
        }
        func list(_ items: [String]?, _ field: String) throws -> [String]? {
            guard let items else { return nil }
            guard items.count <= 100 else { throw DubanError.invalid(field, "最多100项 / at most 100 items") }
            return try items.enumerated().map { try Check.text($1, "\(field).\($0)", max: 200) }
        }
        let work = MaintenanceWorkItems(halfMonthly: try list(input.workItems.halfMonthly, "workItems.halfMonthly"),
                                        quarterly: try list(input.workItems.quarterly, "workItems.quarterly"),
                                        halfYearly: try list(input.workItems.halfYearly, "workItems.halfYearly"),
                                        yearly: try list(input.workItems.yearly, "workItems.yearly"))
        // TSG T5002: every visit does at least the half-monthly items.
        guard !(work.halfMonthly ?? []).isEmpty else {
            throw DubanError.invalid("workItems.halfMonthly", "须填写半月维保项目 / the half-monthly items are required on every visit")
        }
        let record = ElevatorMaintenanceRow()
        record.id = UUID()
        record.elevatorID = try row.requireID()
        record.maintenanceUnitID = row.maintenanceUnitID
        record.performedAt = performed.wholeMilliseconds
        record.staff = try CreditService.encode(staff)
        record.workItems = try CreditService.encode(work)
        record.faults = try Check.optionalText(input.faults, "faults", max: 4000)
        record.recordedBy = actor.auditName
        record.createdAt = now.wholeMilliseconds
        try await record.create(on: db)
        if row.lastMaintenanceAt.map({ performed > $0 }) ?? true {
            row.lastMaintenanceAt = performed.wholeMilliseconds
            try await watchMaintenance(row, from: performed, rules: rules, now: now, on: db)
        }
        try await archive(row, kind: "maintenance", "维保（\(ChinaTimeFormat.string(performed))）" + (record.faults.map { "，发现故障：\($0)" } ?? ""),
                          actor: actor.auditName, at: now, ref: record.id, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "elevator_maintenance",
                                  entityID: try record.requireID().text, before: String?.none, after: try await dto(record, on: db), at: now)
        return record
    }

    /// The use unit confirms the visit and rates it (the safeguard against paper-only maintenance).
    static func confirmMaintenance(_ record: ElevatorMaintenanceRow, of row: ElevatorRow, input: MaintenanceConfirmInput, actor: Actor,
                                   now: Date, on db: any Database) async throws {
        try requireUseUnit(actor, of: row)
        guard record.confirmedAt == nil else { throw DubanError.conflict("已确认 / already confirmed", code: "confirmed") }
        guard (1...5).contains(input.rating) else { throw DubanError.invalid("rating", "评价应为1–5 / rating must be 1–5") }
        record.confirmedAt = now.wholeMilliseconds
        record.confirmedBy = actor.auditName
        record.rating = input.rating
        record.confirmationNote = try Check.optionalText(input.note, "note", max: 1000)
        try await record.save(on: db)
        try await archive(row, kind: "confirmation", "使用单位确认维保（\(ChinaTimeFormat.string(record.performedAt))），评价\(input.rating)分",
                          actor: actor.auditName, at: now, ref: record.id, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "elevator_maintenance",
                                  entityID: try record.requireID().text, before: String?.none, after: ["rating": input.rating], at: now)
    }

    // MARK: Inspection

    /// Records a new validity and watches the application deadline (1 month before, A4) and the end.
    static func setValidity(_ row: ElevatorRow, validUntil: String, now: Date, rules: ElevatorRules, on db: any Database) async throws {
        guard let date = LocalDate(validUntil) else { throw DubanError.invalid("validUntil", "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd") }
        let check = try core { try rules.inspection(validUntil: date, applicationMadeAt: nil, now: now) }
        row.inspectionValidUntil = date.description
        row.inspectionAppliedAt = nil
        row.inspectionApplicationDueAt = check.application.deadline.due.wholeMilliseconds
        row.inspectionExpiresAt = check.validityEndsAt
        try await row.save(on: db)
        let id = try row.requireID().text
        let configured = rules.configuration.inspectionWarningDays
        let unit = row.useUnitID ?? row.streetUnitID
        try await ElevatorDeadlines.watch(entityID: id, kind: inspectionApplicationWatch, unitID: unit, deadline: check.application.deadline,
                                          warnAt: check.application.deadline.due.addingTimeInterval(-Double(configured) * 86400), now: now, on: db)
        try await DeadlineWatches.watch(entityType: entity, entityID: id, kind: inspectionExpiryWatch, unitID: unit, due: check.validityEndsAt,
                                        rule: "检验合格有效期至\(date)", now: now, on: db)
    }

    static func applyForInspection(_ row: ElevatorRow, actor: Actor, now: Date, on db: any Database) async throws {
        guard [.admin, .supervisor].contains(actor.role) || (actor.role.isUnitScoped && actor.unitID == row.useUnitID) else {
            throw DubanError.forbidden
        }
        guard row.inspectionValidUntil != nil else {
            throw DubanError.conflict("无检验有效期记录 / no inspection validity on record", code: "inspection_validity_missing", field: "inspectionValidUntil")
        }
        guard row.inspectionAppliedAt == nil else { throw DubanError.conflict("已申请 / already applied", code: "already_applied") }
        row.inspectionAppliedAt = now.wholeMilliseconds
        try await DeadlineWatches.close(entityType: entity, entityID: try row.requireID().text, kind: inspectionApplicationWatch, on: db)
        let late = row.inspectionApplicationDueAt.map { now > $0 } ?? false
        try await archive(row, kind: "inspection_application", "申请定期检验" + (late ? "（逾期申请）" : ""), actor: actor.auditName, at: now, on: db)
    }

    static func recordInspection(_ row: ElevatorRow, input: InspectionInput, actor: Actor, now: Date, rules: ElevatorRules,
                                 on db: any Database) async throws -> ElevatorInspectionRow {
        try requireRole(actor, registrars)
        let conclusion = try Check.enumeration(input.conclusion, "conclusion", as: InspectionConclusion.self)
        let inspected = try Check.date(input.inspectedOn, "inspectedOn")
        guard let day = LocalDate(inspected), let today = LocalDate(chinaTimeOf: now), day <= today else {
            throw DubanError.invalid("inspectedOn", "检验日期不能晚于今天 / the inspection date cannot be in the future")
        }
        let validUntil = try Check.optionalDate(input.validUntil, "validUntil")
        if conclusion != .failed {
            guard let validUntil, let end = LocalDate(validUntil), end > day else {
                throw DubanError.invalid("validUntil", "检验合格须给出晚于检验日期的有效期 / a pass needs a validity after the inspection date")
            }
        }
        let record = ElevatorInspectionRow()
        record.id = UUID()
        record.elevatorID = try row.requireID()
        record.body = try Check.text(input.body, "body", max: 200)
        record.inspectedOn = inspected
        record.inspector = try Check.text(input.inspector, "inspector", max: 50)
        record.conclusion = conclusion.rawValue
        record.validUntil = conclusion == .failed ? nil : validUntil
        record.recordedBy = actor.auditName
        record.createdAt = now.wholeMilliseconds
        try await record.create(on: db)
        if conclusion != .failed, let validUntil { try await setValidity(row, validUntil: validUntil, now: now, rules: rules, on: db) }
        try await archive(row, kind: "inspection", "定期检验：\(record.body)，\(inspected)，检验员\(record.inspector)，结论\(conclusion.chinese)"
                          + (record.validUntil.map { "，有效期至\($0)" } ?? ""), actor: actor.auditName, at: now, ref: record.id, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "elevator_inspection",
                                  entityID: try record.requireID().text, before: String?.none, after: try InspectionDTO(record), at: now)
        return record
    }

    // MARK: Helpers

    /// An ISO 8601 instant not later than `notAfter` (plus a minute of clock skew).
    static func time(_ text: String, _ field: String, notAfter: Date? = nil) throws -> Date {
        guard let date = ChinaTimeFormat.parse(text) else { throw DubanError.invalid(field, "\(field) 应为 ISO 8601 时间 / must be ISO 8601") }
        if let notAfter, date > notAfter.addingTimeInterval(60) {
            throw DubanError.invalid(field, "\(field) 不能晚于现在 / \(field) cannot be in the future")
        }
        guard date > Date(timeIntervalSince1970: 0) else { throw DubanError.invalid(field, "\(field) 超出范围 / out of range") }
        return date
    }

    static func optionalTime(_ text: String?, _ field: String, notAfter: Date? = nil) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return try time(text, field, notAfter: notAfter)
    }
}
