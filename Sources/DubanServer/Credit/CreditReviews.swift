import DubanCore
import Fluent
import Vapor

/// 异议 and 信用修复 (004 成府发〔2018〕12号: 告知、异议和投诉制度, 信用修复) through the core's state
/// machines: the subject files, a reviewer decides within the configured working days (watched by the
/// scheduler), and the record's state follows — objected, revoked, or repaired.
enum CreditReviews {
    static let objectionEntity = "credit_objection"
    static let repairEntity = "credit_repair"
    static let reviewWatch = "review"

    static func evidence(_ list: [String]?) throws -> [String] {
        guard let list else { return [] }
        guard list.count <= 20 else { throw DubanError.invalid("evidence", "最多20项 / at most 20 items") }
        return try list.enumerated().compactMap { try Check.optionalText($1, "evidence.\($0)", max: 500) }
    }

    // MARK: Objections

    static func objection(of row: CreditObjectionRow) throws -> CreditObjection {
        try CreditService.decode(CreditObjection.self, row.facts)
    }

    /// The subject objects to `record`: it is marked objected (still counting, publication suspended)
    /// until a reviewer decides.
    static func fileObjection(_ recordRow: CreditRecordRow, unit: Unit, input: CreditObjectionInput, actor: Actor, now: Date,
                              calculator: DeadlineCalculator, on db: any Database) async throws -> CreditObjectionRow {
        try CreditService.requireSubjectSide(actor, of: unit)
        let reason = try Check.text(input.reason, "reason", max: 2000)
        let evidence = try evidence(input.evidence)
        let rules = try await CreditRulesStore.current(on: db)
        let recordBefore = try CreditService.dto(recordRow, now: now)
        let record = try CreditService.record(of: recordRow)
        let id = UUID()
        let outcome = try creditStep {
            try CreditObjection.file(id: id.text, record: record, reason: reason, evidence: evidence,
                                     at: now, calculator: calculator, rules: rules)
        }
        let row = CreditObjectionRow()
        row.id = id
        row.recordID = try recordRow.requireID()
        row.subjectUnitID = recordRow.subjectUnitID
        row.filedBy = actor.auditName
        try store(outcome.objection, in: row)
        try await row.create(on: db)
        try CreditService.store(outcome.record, in: recordRow, now: now)
        try await recordRow.save(on: db)
        try await DeadlineWatches.watch(entityType: objectionEntity, entityID: id.text, kind: reviewWatch, unitID: nil,
                                        due: outcome.objection.reviewDue.due, rule: "异议复核\(outcome.objection.reviewDue.rule.chinese)",
                                        now: now, on: db)
        try await tellSupervisors("信用异议待复核：\(unit.name)", body: reason, entity: objectionEntity, id: id, now: now, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: objectionEntity, entityID: id.text,
                                  before: CreditObjectionDTO?.none, after: try dto(row, now: now), at: now)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: CreditService.recordEntity,
                                  entityID: row.recordID.text, before: recordBefore, after: try CreditService.dto(recordRow, now: now), at: now)
        try await CreditStandings.refresh(unit, now: now, actor: actor.auditName, on: db)
        return row
    }

    /// 异议成立 revokes the record (score restored, publication withdrawn); 异议不成立 lets it stand.
    static func decideObjection(_ row: CreditObjectionRow, input: CreditDecisionInput, actor: Actor, now: Date,
                                on db: any Database) async throws {
        try CreditService.requireReviewer(actor)
        let decision = try Check.enumeration(input.decision, "decision", as: CreditObjectionEventKind.self)
        let finding = try Check.text(input.finding, "finding", max: 2000)
        guard let recordRow = try await CreditRecordRow.find(row.recordID, on: db),
              let unit = try await Unit.find(row.subjectUnitID, on: db) else { throw DubanError.notFound("信用记录 / credit record") }
        let before = try dto(row, now: now), recordBefore = try CreditService.dto(recordRow, now: now)
        let event: CreditObjectionEvent = decision == .uphold ? .uphold(finding: finding) : .reject(finding: finding)
        let record = try CreditService.record(of: recordRow)
        let outcome = try creditStep { try objection(of: row).applying(event, to: record, at: now) }
        row.decidedBy = actor.auditName
        try store(outcome.objection, in: row)
        try await row.save(on: db)
        try CreditService.store(outcome.record, in: recordRow, now: now)
        try await recordRow.save(on: db)
        let id = try row.requireID()
        try await DeadlineWatches.close(entityType: objectionEntity, entityID: id.text, kind: reviewWatch, on: db)
        if decision == .uphold {
            // A revoked decision no longer needs publishing.
            try await DeadlineWatches.close(entityType: CreditService.recordEntity, entityID: row.recordID.text,
                                            kind: CreditService.publicationWatch, on: db)
        }
        try await Notification(channel: "inbox", unitID: row.subjectUnitID, subject: "信用异议复核结果：\(outcome.objection.state.chinese)",
                               body: finding, entityType: objectionEntity, entityID: id.text, now: now).create(on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: objectionEntity, entityID: id.text,
                                  before: before, after: try dto(row, now: now), at: now)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: CreditService.recordEntity,
                                  entityID: row.recordID.text, before: recordBefore, after: try CreditService.dto(recordRow, now: now), at: now)
        try await CreditStandings.refresh(unit, now: now, actor: actor.auditName, on: db)
    }

    static func store(_ value: CreditObjection, in row: CreditObjectionRow) throws {
        row.facts = try CreditService.encode(value)
        row.state = value.state.rawValue
        row.filedAt = value.filedAt.wholeMilliseconds
        row.reviewDueAt = value.reviewDue.due
        row.decidedAt = value.decidedAt?.wholeMilliseconds
    }

    static func dto(_ row: CreditObjectionRow, now: Date) throws -> CreditObjectionDTO {
        let value = try objection(of: row)
        return CreditObjectionDTO(
            id: try row.requireID(), recordId: row.recordID, state: value.state, stateName: value.state.chinese, reason: value.reason,
            evidence: value.evidence, filedAt: ChinaTimeFormat.string(value.filedAt), filedBy: row.filedBy,
            reviewDueAt: ChinaTimeFormat.string(value.reviewDue.due), reviewRule: value.reviewDue.rule.chinese,
            reviewOverdue: value.isReviewOverdue(at: now), decidedAt: value.decidedAt.map(ChinaTimeFormat.string),
            decidedBy: row.decidedBy, finding: value.finding)
    }

    // MARK: Repairs

    static func repair(of row: CreditRepairRow) throws -> CreditRepair {
        try CreditService.decode(CreditRepair.self, row.facts)
    }

    /// The subject applies to repair `record` once eligible (SPEC A3 minimum periods).
    static func applyForRepair(_ recordRow: CreditRecordRow, unit: Unit, input: CreditRepairInput, actor: Actor, now: Date,
                               calculator: DeadlineCalculator, on db: any Database) async throws -> CreditRepairRow {
        try CreditService.requireSubjectSide(actor, of: unit)
        let evidence = try evidence(input.evidence)
        let recordID = try recordRow.requireID()
        let pending = try await CreditRepairRow.query(on: db).filter(\.$recordID == recordID)
            .filter(\.$state == CreditRepairState.applied.rawValue).count()
        guard pending == 0 else {
            throw DubanError.conflict("该记录已有待审核的修复申请 / a repair application is already under review", code: "repair_pending")
        }
        let rules = try await CreditRulesStore.current(on: db)
        let record = try CreditService.record(of: recordRow)
        let id = UUID()
        let application = CreditRepairApplication(wrongCorrected: input.wrongCorrected, commitmentLetter: input.commitmentLetter,
                                                  evidence: evidence)
        let value = try creditStep {
            try CreditRepair.apply(id: id.text, record: record, application: application, at: now, calculator: calculator, rules: rules)
        }
        let row = CreditRepairRow()
        row.id = id
        row.recordID = recordID
        row.subjectUnitID = recordRow.subjectUnitID
        row.appliedBy = actor.auditName
        try store(value, in: row)
        try await row.create(on: db)
        try await DeadlineWatches.watch(entityType: repairEntity, entityID: id.text, kind: reviewWatch, unitID: nil,
                                        due: value.reviewDue.due, rule: "修复审核\(value.reviewDue.rule.chinese)", now: now, on: db)
        try await tellSupervisors("信用修复申请待审核：\(unit.name)", body: record.kind.chinese, entity: repairEntity, id: id, now: now, on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: repairEntity, entityID: id.text,
                                  before: CreditRepairDTO?.none, after: try dto(row, now: now), at: now)
        return row
    }

    /// 准予修复 ends the record's publication and scoring (the record is kept); 不予修复 leaves it.
    static func decideRepair(_ row: CreditRepairRow, input: CreditDecisionInput, actor: Actor, now: Date, on db: any Database) async throws {
        try CreditService.requireReviewer(actor)
        let decision = try Check.enumeration(input.decision, "decision", as: CreditRepairEventKind.self)
        let finding = try Check.text(input.finding, "finding", max: 2000)
        guard let recordRow = try await CreditRecordRow.find(row.recordID, on: db),
              let unit = try await Unit.find(row.subjectUnitID, on: db) else { throw DubanError.notFound("信用记录 / credit record") }
        let before = try dto(row, now: now), recordBefore = try CreditService.dto(recordRow, now: now)
        let event: CreditRepairEvent = decision == .approve ? .approve(finding: finding) : .refuse(reason: finding)
        let record = try CreditService.record(of: recordRow)
        let outcome = try creditStep { try repair(of: row).applying(event, to: record, at: now) }
        row.decidedBy = actor.auditName
        try store(outcome.repair, in: row)
        try await row.save(on: db)
        try CreditService.store(outcome.record, in: recordRow, now: now)
        try await recordRow.save(on: db)
        let id = try row.requireID()
        try await DeadlineWatches.close(entityType: repairEntity, entityID: id.text, kind: reviewWatch, on: db)
        try await Notification(channel: "inbox", unitID: row.subjectUnitID, subject: "信用修复审核结果：\(outcome.repair.state.chinese)",
                               body: finding, entityType: repairEntity, entityID: id.text, now: now).create(on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: repairEntity, entityID: id.text,
                                  before: before, after: try dto(row, now: now), at: now)
        if decision == .approve {
            try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: CreditService.recordEntity,
                                      entityID: row.recordID.text, before: recordBefore, after: try CreditService.dto(recordRow, now: now),
                                      at: now)
        }
        try await CreditStandings.refresh(unit, now: now, actor: actor.auditName, on: db)
    }

    static func store(_ value: CreditRepair, in row: CreditRepairRow) throws {
        row.facts = try CreditService.encode(value)
        row.state = value.state.rawValue
        row.appliedAt = value.appliedAt.wholeMilliseconds
        row.reviewDueAt = value.reviewDue.due
        row.decidedAt = value.decidedAt?.wholeMilliseconds
    }

    static func dto(_ row: CreditRepairRow, now: Date) throws -> CreditRepairDTO {
        let value = try repair(of: row)
        return CreditRepairDTO(
            id: try row.requireID(), recordId: row.recordID, state: value.state, stateName: value.state.chinese,
            wrongCorrected: value.application.wrongCorrected, commitmentLetter: value.application.commitmentLetter,
            evidence: value.application.evidence, appliedAt: ChinaTimeFormat.string(value.appliedAt), appliedBy: row.appliedBy,
            reviewDueAt: ChinaTimeFormat.string(value.reviewDue.due), reviewRule: value.reviewDue.rule.chinese,
            reviewOverdue: value.isReviewOverdue(at: now), decidedAt: value.decidedAt.map(ChinaTimeFormat.string),
            decidedBy: row.decidedBy, finding: value.finding)
    }

    static func tellSupervisors(_ subject: String, body: String, entity: String, id: UUID, now: Date, on db: any Database) async throws {
        for unit in try await CreditService.supervisorUnits(on: db) {
            try await Notification(channel: "inbox", unitID: unit, subject: subject, body: body, entityType: entity,
                                   entityID: id.text, now: now).create(on: db)
        }
    }
}
