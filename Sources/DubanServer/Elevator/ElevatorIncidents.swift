import DubanCore
import Fluent
import Vapor

/// Incidents, drills, maintenance-fund votes and penalties of the elevator module.
enum ElevatorIncidents {
    /// Who records incidents: the rescue desk (dispatcher), supervisors, inspectors, and the elevator's
    /// own use or maintenance unit.
    static func requireRecorder(_ actor: Actor, of row: ElevatorRow) throws {
        if [.admin, .supervisor, .inspector, .dispatcher].contains(actor.role) { return }
        guard actor.role.isUnitScoped, actor.unitID == row.maintenanceUnitID || actor.unitID == row.useUnitID else { throw DubanError.forbidden }
    }

    static func step(_ input: RescueStepInput, _ field: String, now: Date) throws -> RescueDispatchStep {
        let responder = try Check.enumeration(input.responder, "\(field).responder", as: RescueResponder.self)
        let dispatched = try ElevatorService.time(input.dispatchedAt, "\(field).dispatchedAt", notAfter: now)
        let acknowledged = try ElevatorService.optionalTime(input.acknowledgedAt, "\(field).acknowledgedAt", notAfter: now)
        let arrived = try ElevatorService.optionalTime(input.arrivedAt, "\(field).arrivedAt", notAfter: now)
        if let acknowledged, acknowledged < dispatched {
            throw DubanError.invalid("\(field).acknowledgedAt", "接警确认不能早于派出 / acknowledged before dispatched")
        }
        if let arrived, arrived < dispatched { throw DubanError.invalid("\(field).arrivedAt", "到场不能早于派出 / arrived before dispatched") }
        return RescueDispatchStep(responder: responder, dispatchedAt: dispatched, acknowledgedAt: acknowledged, arrivedAt: arrived)
    }

    /// The duty an incident is judged by: 30 minutes to arrive (trapped, 004 三(三)5) or 1 hour to
    /// report (accident, 004 三(一)7). A trapped report's arrival is its own `doneAt` or the first
    /// arrival of any dispatched responder.
    static func duty(_ row: ElevatorIncidentRow, steps: [RescueDispatchStep], now: Date, rules: ElevatorRules) throws -> ElevatorDutyCheck {
        let kind = IncidentKind(rawValue: row.kind) ?? .trapped
        return try ElevatorService.core {
            switch kind {
            case .trapped:
                let arrived = ([row.doneAt] + steps.map(\.arrivedAt)).compactMap { $0 }.min()
                return try rules.rescueArrival(reportedAt: row.startedAt, arrivedAt: arrived, now: now)
            case .accident:
                return try rules.accidentReport(occurredAt: row.startedAt, reportedAt: row.doneAt, now: now)
            }
        }
    }

    static func dto(_ row: ElevatorIncidentRow, now: Date, rules: ElevatorRules) throws -> IncidentDTO {
        let steps = try CreditService.decode([RescueDispatchStep].self, row.dispatch)
        let check = try duty(row, steps: steps, now: now, rules: rules)
        var next: (RescueResponder, Date)?
        if row.kind == IncidentKind.trapped.rawValue {
            if case .dispatch(let responder, let due, _) = rules.rescueDispatch(reportedAt: row.startedAt, steps: steps, now: now) {
                next = (responder, due)
            }
        }
        return IncidentDTO(
            id: try row.requireID(), elevatorId: row.elevatorID, kind: row.kind, startedAt: ChinaTimeFormat.string(row.startedAt),
            doneAt: row.doneAt.map(ChinaTimeFormat.string), rescuedAt: row.rescuedAt.map(ChinaTimeFormat.string),
            dueAt: ChinaTimeFormat.string(check.deadline.due), outcome: check.outcome.rawValue, outcomeText: check.outcome.chinese,
            breach: check.isBreach, rule: check.deadline.rule.chinese, description: row.description,
            dispatch: steps.map { step in
                RescueStepDTO(responder: step.responder.rawValue, responderText: step.responder.chinese,
                              dispatchedAt: ChinaTimeFormat.string(step.dispatchedAt), acknowledgedAt: step.acknowledgedAt.map(ChinaTimeFormat.string),
                              arrivedAt: step.arrivedAt.map(ChinaTimeFormat.string))
            },
            nextResponder: next?.0.rawValue, nextDueAt: next.map { ChinaTimeFormat.string($0.1) })
    }

    static func record(_ row: ElevatorRow, input: IncidentInput, actor: Actor, now: Date, rules: ElevatorRules,
                       on db: any Database) async throws -> ElevatorIncidentRow {
        try requireRecorder(actor, of: row)
        let kind = try Check.enumeration(input.kind, "kind", as: IncidentKind.self)
        let started = try ElevatorService.time(input.startedAt, "startedAt", notAfter: now)
        let done = try ElevatorService.optionalTime(input.doneAt, "doneAt", notAfter: now)
        let rescued = try ElevatorService.optionalTime(input.rescuedAt, "rescuedAt", notAfter: now)
        if let done, done < started { throw DubanError.invalid("doneAt", "不能早于报告或发生时间 / before the start") }
        if let rescued, rescued < started { throw DubanError.invalid("rescuedAt", "不能早于报告时间 / before the report") }
        if kind == .accident, rescued != nil || !(input.dispatch ?? []).isEmpty {
            throw DubanError.invalid("kind", "救援时间和调度只用于困人 / rescue times and dispatch are for trapped passengers")
        }
        let steps = try (input.dispatch ?? []).enumerated().map { try step($1, "dispatch.\($0)", now: now) }
        guard steps.count <= 10 else { throw DubanError.invalid("dispatch", "最多10步 / at most 10 steps") }
        let incident = ElevatorIncidentRow()
        incident.id = UUID()
        incident.elevatorID = try row.requireID()
        incident.maintenanceUnitID = row.maintenanceUnitID
        incident.useUnitID = row.useUnitID
        incident.kind = kind.rawValue
        incident.startedAt = started.wholeMilliseconds
        incident.doneAt = done?.wholeMilliseconds
        incident.rescuedAt = rescued?.wholeMilliseconds
        incident.description = try Check.text(input.description, "description", max: 4000)
        incident.dispatch = try CreditService.encode(steps)
        incident.recordedBy = actor.auditName
        incident.createdAt = now.wholeMilliseconds
        let check = try duty(incident, steps: steps, now: now, rules: rules)
        incident.dueAt = check.deadline.due
        incident.breach = check.isBreach
        try await incident.create(on: db)
        if check.outcome == .pending {
            try await DeadlineWatches.watch(entityType: ElevatorService.incidentEntity, entityID: try incident.requireID().text,
                                            kind: kind == .trapped ? "rescue_arrival" : "accident_report", unitID: row.maintenanceUnitID,
                                            deadline: check.deadline, now: now, on: db)
        }
        let what = kind == .trapped ? "困人报告" : "事故"
        try await ElevatorService.archive(row, kind: "incident", "\(what)（\(ChinaTimeFormat.string(started))）：\(incident.description)；"
                                          + "\(check.deadline.rule.chinese)时限\(check.outcome.chinese)", actor: actor.auditName, at: now,
                                          ref: incident.id, on: db)
        for step in steps {
            try await ElevatorService.archive(row, kind: "dispatch", "救援调度：\(step.responder.chinese)（\(ChinaTimeFormat.string(step.dispatchedAt))）",
                                              actor: actor.auditName, at: now, ref: incident.id, on: db)
        }
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: ElevatorService.incidentEntity,
                                  entityID: try incident.requireID().text, before: String?.none, after: try dto(incident, now: now, rules: rules), at: now)
        return incident
    }

    /// Adds a dispatch step or the arrival, rescue or report time.
    static func update(_ incident: ElevatorIncidentRow, of row: ElevatorRow, input: IncidentUpdateInput, actor: Actor, now: Date,
                       rules: ElevatorRules, on db: any Database) async throws {
        try requireRecorder(actor, of: row)
        let before = try dto(incident, now: now, rules: rules)
        var steps = try CreditService.decode([RescueDispatchStep].self, incident.dispatch)
        if let input = input.step {
            guard incident.kind == IncidentKind.trapped.rawValue else {
                throw DubanError.invalid("step", "调度只用于困人 / dispatch is for trapped passengers")
            }
            let step = try step(input, "step", now: now)
            if let index = steps.firstIndex(where: { $0.responder == step.responder }) { steps[index] = step } else { steps.append(step) }
            guard steps.count <= 10 else { throw DubanError.invalid("step", "最多10步 / at most 10 steps") }
            try await ElevatorService.archive(row, kind: "dispatch", "救援调度：\(step.responder.chinese)（\(ChinaTimeFormat.string(step.dispatchedAt))）"
                                              + (step.arrivedAt.map { "，到场\(ChinaTimeFormat.string($0))" } ?? ""),
                                              actor: actor.auditName, at: now, ref: incident.id, on: db)
        }
        if let done = try ElevatorService.optionalTime(input.doneAt, "doneAt", notAfter: now) {
            guard done >= incident.startedAt else { throw DubanError.invalid("doneAt", "不能早于报告或发生时间 / before the start") }
            incident.doneAt = done.wholeMilliseconds
        }
        if let rescued = try ElevatorService.optionalTime(input.rescuedAt, "rescuedAt", notAfter: now) {
            guard rescued >= incident.startedAt else { throw DubanError.invalid("rescuedAt", "不能早于报告时间 / before the report") }
            incident.rescuedAt = rescued.wholeMilliseconds
        }
        incident.dispatch = try CreditService.encode(steps)
        let check = try duty(incident, steps: steps, now: now, rules: rules)
        incident.breach = check.isBreach
        try await incident.save(on: db)
        if check.outcome != .pending {
            for kind in ["rescue_arrival", "accident_report"] {
                try await DeadlineWatches.close(entityType: ElevatorService.incidentEntity, entityID: try incident.requireID().text, kind: kind, on: db)
            }
        }
        try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: ElevatorService.incidentEntity,
                                  entityID: try incident.requireID().text, before: before, after: try dto(incident, now: now, rules: rules), at: now)
    }

    // MARK: Drills

    static func drill(_ input: DrillInput, actor: Actor, now: Date, rules: ElevatorRules, on db: any Database) async throws -> DrillDTO {
        let unitID = try Check.uuid(input.maintenanceUnitId, "maintenanceUnitId")
        guard [.admin, .supervisor].contains(actor.role) || (actor.role.isUnitScoped && actor.unitID == unitID) else { throw DubanError.forbidden }
        guard let maintainer = try await ElevatorMaintainerRow.find(unitID, on: db) else {
            throw DubanError.invalid("maintenanceUnitId", "不是已登记的维保单位 / not a registered maintenance unit")
        }
        let row = ElevatorDrillRow()
        row.id = UUID()
        row.maintenanceUnitID = unitID
        row.heldAt = try ElevatorService.time(input.heldAt, "heldAt", notAfter: now).wholeMilliseconds
        row.description = try Check.text(input.description, "description", max: 2000)
        row.recordedBy = actor.auditName
        try await row.create(on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "elevator_drill", entityID: try row.requireID().text,
                                  before: String?.none, after: ["maintenanceUnitId": unitID.text, "heldAt": ChinaTimeFormat.string(row.heldAt)], at: now)
        return try await drillDTO(row, maintainer: maintainer, now: now, rules: rules, on: db)
    }

    static func drillDTO(_ row: ElevatorDrillRow, maintainer: ElevatorMaintainerRow, now: Date, rules: ElevatorRules,
                         on db: any Database) async throws -> DrillDTO {
        let dates = try await ElevatorDrillRow.query(on: db).filter(\.$maintenanceUnitID == row.maintenanceUnitID).all(\.$heldAt)
        let check = try ElevatorService.core { try rules.drills(drillDates: dates, since: maintainer.since, now: now) }
        return DrillDTO(id: try row.requireID(), maintenanceUnitId: row.maintenanceUnitID, heldAt: ChinaTimeFormat.string(row.heldAt),
                        description: row.description, missingHalfYears: check.missingHalfYears.map(DrillCheck.chineseName))
    }

    // MARK: Maintenance fund

    /// 维修资金使用 — approved only with 2/3 of the building unit's owners (004 四(四); core `MaintenanceFundVote`).
    static func fundRequest(_ row: ElevatorRow, input: FundRequestInput, actor: Actor, now: Date, on db: any Database) async throws -> ElevatorFundRequestRow {
        guard [.admin, .supervisor].contains(actor.role) || (actor.role.isUnitScoped && [row.useUnitID, row.streetUnitID].contains(actor.unitID)) else {
            throw DubanError.forbidden
        }
        guard (0...100_000_000).contains(input.amountYuan) else { throw DubanError.invalid("amountYuan", "金额无效 / invalid amount") }
        guard input.owners <= 100_000 else { throw DubanError.invalid("owners", "业主数过大 / too many owners") }
        let vote = try ElevatorService.core { try MaintenanceFundVote.decide(agreeing: input.agreeing, owners: input.owners) }
        let request = ElevatorFundRequestRow()
        request.id = UUID()
        request.elevatorID = try row.requireID()
        request.purpose = try Check.text(input.purpose, "purpose", max: 2000)
        request.amountYuan = input.amountYuan
        request.owners = vote.owners
        request.agreeing = vote.agreeing
        request.required = vote.required
        request.approved = vote.approved
        request.recordedBy = actor.auditName
        request.createdAt = now.wholeMilliseconds
        try await request.create(on: db)
        try await ElevatorService.archive(row, kind: "fund_request", "维修资金使用申请（\(request.purpose)，\(input.amountYuan)元）：\(vote.agreeing)/\(vote.owners)户同意，"
                                          + "需\(vote.required)户，\(vote.approved ? "通过" : "未通过")", actor: actor.auditName, at: now, ref: request.id, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "elevator_fund_request",
                                  entityID: try request.requireID().text, before: String?.none, after: try FundRequestDTO(request), at: now)
        return request
    }

    // MARK: Penalties

    /// A penalty of the use or maintenance unit becomes a credit record of that unit (SPEC M6/A3,
    /// field 特种设备); a unit penalised 2 or more times within 12 months is to be published
    /// (004 成府发〔2015〕29号: "12个月内违反电梯安全管理法律法规被处罚两次以上"; SPEC A3/A4): the supervisors
    /// are told to open the black-list procedure.
    static func penalty(_ row: ElevatorRow, input: ElevatorPenaltyInput, actor: Actor, now: Date, calculator: DeadlineCalculator,
                        on db: any Database) async throws -> ElevatorPenaltyDTO {
        try ElevatorService.requireRole(actor, ElevatorService.registrars)
        let target = input.target
        guard ["use_unit", "maintenance_unit"].contains(target) else {
            throw DubanError.invalid("target", "target 应为 use_unit 或 maintenance_unit / must be use_unit or maintenance_unit")
        }
        guard let subjectID = target == "use_unit" ? row.useUnitID : row.maintenanceUnitID, let unit = try await Unit.find(subjectID, on: db) else {
            throw DubanError.invalid("target", "使用单位不是目录中的单位 / the use unit is not a directory unit")
        }
        let kind: CreditRecordKind = switch input.severity {
        case "minor": .penaltyMinor
        case "serious": .penaltySerious
        case "very_serious": .penaltyVerySerious
        default: throw DubanError.invalid("severity", "severity 应为 minor、serious、very_serious / must be minor, serious or very_serious")
        }
        let entry = CreditRecordInput(subjectId: subjectID.uuidString, kind: kind.rawValue, field: CreditField.specialEquipment.rawValue,
                                      decisionNumber: input.decisionNumber, decisionDate: input.decisionDate, authority: input.authority,
                                      legalBasis: input.legalBasis, summary: input.summary ?? "电梯\(row.registrationCode)：\(ElevatorService.location(row))",
                                      publishedAt: nil)
        var new = try CreditService.validate(entry, now: now).record
        new.source = "elevator"
        let record = try await CreditService.create(new, subject: unit, recordedBy: actor.auditName, recordingUnit: actor.unitID, now: now,
                                                    calculator: calculator, on: db)
        let since = new.decisionDate.adding(months: -12)?.description ?? new.decisionDate.description
        let penalties = try await CreditRecordRow.query(on: db).filter(\.$subjectUnitID == subjectID)
            .filter(\.$kind ~~ [CreditRecordKind.penaltyMinor, .penaltySerious, .penaltyVerySerious].map(\.rawValue))
            .filter(\.$decisionDate > since).filter(\.$decisionDate <= new.decisionDate.description).count()
        try await ElevatorService.archive(row, kind: "penalty", "行政处罚（\(target == "use_unit" ? "使用单位" : "维保单位")\(unit.name)，\(kind.chinese)，"
                                          + "\(new.decisionNumber ?? "")）", actor: actor.auditName, at: now, ref: record.id, on: db)
        if penalties >= 2 {
            for supervisor in try await CreditService.supervisorUnits(on: db) {
                try await Notification(channel: "inbox", unitID: supervisor, subject: "\(unit.name)12个月内受到\(penalties)次处罚，应予公布",
                                       body: "成府发〔2015〕29号：12个月内违反电梯安全管理法律法规被处罚两次以上的使用、维保单位予以公布。请启动严重失信名单程序。",
                                       entityType: CreditService.recordEntity, entityID: try record.requireID().text, now: now).create(on: db)
            }
        }
        return ElevatorPenaltyDTO(recordId: try record.requireID(), subjectId: subjectID, subject: unit.name, penaltiesIn12Months: penalties,
                                  publicationRequired: penalties >= 2)
    }
}
