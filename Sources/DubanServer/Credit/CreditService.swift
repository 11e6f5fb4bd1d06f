import DubanCore
import Fluent
import Vapor

/// Credit records: who may read and write them, creating one (entered or from the ledger) with its
/// watches and audit entry, publishing it (双公示), and the DTOs. Rules are the core's; this stores.
enum CreditService {
    static let recordEntity = "credit_record"
    /// Watch kinds of a record: the 双公示 deadline, the end of its period, the end of the red-list window.
    static let publicationWatch = "publication"
    static let expiryWatch = "expiry"
    static let redWindowWatch = "red_window"

    /// Roles that read credit: every role but the hotline's (dispatcher, evaluator); unit-scoped roles
    /// read their own units only.
    static let readers: [Role] = [.admin, .supervisor, .inspector, .leader, .unitOperator, .enterprise]
    /// Roles that enter and publish decisions.
    static let recorders: [Role] = [.admin, .supervisor, .inspector]
    /// Roles that decide objections, repairs and the black list.
    static let reviewers: [Role] = [.admin, .supervisor]

    // MARK: JSON

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func record(of row: CreditRecordRow) throws -> CreditRecord {
        try decode(CreditRecord.self, row.record)
    }

    /// Writes the core record and the columns copied from it.
    static func store(_ record: CreditRecord, in row: CreditRecordRow, now: Date) throws {
        row.record = try encode(record)
        row.state = record.state.rawValue
        row.points = record.points
        row.decisionDate = record.decisionDate.description
        row.expiresOn = record.expiry.description
        row.publishedAt = record.publishedAt
        row.updatedAt = now.wholeMilliseconds
    }

    // MARK: Access

    /// The subject unit (an enterprise) if `actor` may see it; unit-scoped roles see their own units
    /// only, and anything else is "not found", so ids reveal nothing.
    static func subject(_ id: UUID, visibleTo actor: Actor?, on db: any Database) async throws -> Unit {
        guard let unit = try await Unit.find(id, on: db), unit.kindValue == .enterprise else {
            throw DubanError.notFound("信用主体 / credit subject")
        }
        if let actor, actor.role.isUnitScoped, !actor.unitPath.contains(unit.unitPath) {
            throw DubanError.notFound("信用主体 / credit subject")
        }
        return unit
    }

    /// The subject's own side (objection, repair, statement, removal application): its enterprise
    /// account, or an administrator entering what the subject filed on paper.
    static func requireSubjectSide(_ actor: Actor, of unit: Unit) throws {
        guard actor.role == .admin || (actor.role == .enterprise && actor.unitPath.contains(unit.unitPath)) else {
            throw DubanError.forbidden
        }
    }

    static func requireReviewer(_ actor: Actor) throws {
        guard reviewers.contains(actor.role) else { throw DubanError.forbidden }
    }

    static func loadRecord(_ id: UUID, visibleTo actor: Actor, on db: any Database) async throws -> (CreditRecordRow, Unit) {
        guard let row = try await CreditRecordRow.find(id, on: db) else { throw DubanError.notFound("信用记录 / credit record") }
        do {
            return (row, try await subject(row.subjectUnitID, visibleTo: actor, on: db))
        } catch {
            throw DubanError.notFound("信用记录 / credit record")
        }
    }

    static func supervisorUnits(on db: any Database) async throws -> Set<UUID> {
        Set(try await User.query(on: db).filter(\.$role == Role.supervisor.rawValue).all(\.$unit.$id))
    }

    static func records(of subject: UUID, on db: any Database) async throws -> [CreditRecordRow] {
        try await CreditRecordRow.query(on: db).filter(\.$subjectUnitID == subject)
            .sort(\.$decisionDate, .descending).sort(\.$createdAt, .descending).all()
    }

    // MARK: Creating and publishing

    /// A record to create, validated.
    struct NewRecord: Sendable {
        var kind: CreditRecordKind
        var field: CreditField
        var decisionDate: LocalDate
        var decisionNumber: String?
        var authority: String?
        var legalBasis: String?
        var summary: String?
        var publishedAt: Date?
        var source: String
        var sourceRef: String?
        var ledgerItemID: UUID?
    }

    static func validate(_ input: CreditRecordInput, now: Date) throws -> (subject: UUID, record: NewRecord) {
        let subject = try Check.uuid(input.subjectId, "subjectId")
        let kind = try Check.enumeration(input.kind, "kind", as: CreditRecordKind.self)
        guard CreditRecordInput.enteredKinds.contains(kind) else {
            throw DubanError.invalid("kind", "隐患类记录由台账自动产生，不能录入 / hazard records arise from the ledger only")
        }
        let field = try input.field.flatMap { $0.isEmpty ? nil : $0 }.map { try Check.enumeration($0, "field", as: CreditField.self) } ?? .other
        guard let date = LocalDate(try Check.date(input.decisionDate, "decisionDate")) else {
            throw DubanError.invalid("decisionDate", "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd")
        }
        var publishedAt: Date?
        if let text = input.publishedAt, !text.isEmpty {
            guard let at = ChinaTimeFormat.parse(text) else {
                throw DubanError.invalid("publishedAt", "publishedAt 应为 ISO 8601 时间 / must be ISO 8601")
            }
            guard at <= now else { throw DubanError.invalid("publishedAt", "公示时间不能晚于现在 / publication cannot be in the future") }
            guard at >= date.chinaDate() else {
                throw DubanError.invalid("publishedAt", "公示时间不能早于决定日期 / publication cannot precede the decision")
            }
            publishedAt = at
        }
        return (subject, NewRecord(
            kind: kind, field: field, decisionDate: date,
            decisionNumber: try Check.text(input.decisionNumber, "decisionNumber", max: 100),
            authority: try Check.text(input.authority, "authority", max: 200),
            legalBasis: try Check.text(input.legalBasis, "legalBasis", max: 500),
            summary: try Check.optionalText(input.summary, "summary", max: 2000),
            publishedAt: publishedAt, source: "entry"))
    }

    /// Creates the record on the rules in force, puts its deadlines under watch, audits it and
    /// re-evaluates the subject (measures on a grade change). Inside the caller's transaction.
    @discardableResult
    static func create(_ new: NewRecord, subject unit: Unit, recordedBy: String, recordingUnit: UUID?, now: Date,
                       calculator: DeadlineCalculator, on db: any Database) async throws -> CreditRecordRow {
        let rules = try await CreditRulesStore.current(on: db)
        let id = UUID()
        let subjectID = try unit.requireID()
        var record = try creditStep {
            try CreditRecord.make(id: id.text, subjectID: subjectID.text, kind: new.kind, field: new.field,
                                  decisionDate: new.decisionDate, rules: rules, at: now)
        }
        record.publishedAt = new.publishedAt?.wholeMilliseconds
        let due = try creditStep { try record.publicationDue(calculator: calculator) }
        let row = CreditRecordRow()
        row.id = id
        row.subjectUnitID = subjectID
        row.kind = new.kind.rawValue
        row.field = new.field.rawValue
        row.decisionNumber = new.decisionNumber
        row.authority = new.authority
        row.legalBasis = new.legalBasis
        row.summary = new.summary
        row.source = new.source
        row.sourceRef = new.sourceRef
        row.ledgerItemID = new.ledgerItemID
        row.requiresPublication = due != nil
        row.publicationDueAt = due?.due
        let late = try creditStep { try record.isPublicationLate(at: now, calculator: calculator) }
        row.publishedLate = record.publishedAt != nil && late
        row.recordedBy = recordedBy
        row.recordingUnitID = recordingUnit
        row.createdAt = now.wholeMilliseconds
        try store(record, in: row, now: now)
        try await row.create(on: db)
        try await AuditLog.record(on: db, actor: recordedBy, action: .create, entityType: recordEntity, entityID: id.text,
                                  before: CreditRecordDTO?.none, after: try dto(row, now: now), at: now)
        if let due, record.publishedAt == nil {
            try await DeadlineWatches.watch(entityType: recordEntity, entityID: id.text, kind: publicationWatch, unitID: recordingUnit,
                                            due: due.due, rule: "双公示\(due.rule.chinese)", now: now, on: db)
        }
        let expiry = record.expiry.chinaDate()
        if expiry > now {
            try await DeadlineWatches.watch(entityType: recordEntity, entityID: id.text, kind: expiryWatch, unitID: nil,
                                            due: expiry, rule: "有效期\(record.validityMonths)个月", now: now, on: db)
        }
        if new.kind.isPenalty, let end = record.decisionDate.adding(months: rules.redList.penaltyFreeMonths)?.chinaDate(), end > now {
            try await DeadlineWatches.watch(entityType: recordEntity, entityID: id.text, kind: redWindowWatch, unitID: nil,
                                            due: end, rule: "红名单无处罚期\(rules.redList.penaltyFreeMonths)个月", now: now, on: db)
        }
        try await CreditStandings.refresh(unit, now: now, actor: recordedBy, on: db)
        return row
    }

    /// 双公示 — publishes a decision now; late when after its deadline (000 阳政办(2017)35号: 7个工作日内).
    static func publish(_ row: CreditRecordRow, actor: String, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws {
        let before = try dto(row, now: now)
        var record = try record(of: row)
        guard record.publishedAt == nil else {
            throw DubanError.conflict("该记录已公示 / the record is already published", code: "already_published")
        }
        let status = record.status(at: now)
        guard status == .inEffect || status == .objected else { throw CreditError.recordNotInEffect(status: status).duban }
        record.publishedAt = now.wholeMilliseconds
        row.publishedLate = try creditStep { try record.isPublicationLate(at: now, calculator: calculator) }
        try store(record, in: row, now: now)
        try await row.save(on: db)
        try await DeadlineWatches.close(entityType: recordEntity, entityID: try row.requireID().text, kind: publicationWatch, on: db)
        try await AuditLog.record(on: db, actor: actor, action: .update, entityType: recordEntity, entityID: try row.requireID().text,
                                  before: before, after: try dto(row, now: now), at: now)
    }

    // MARK: DTOs

    static func dto(_ row: CreditRecordRow, now: Date) throws -> CreditRecordDTO {
        let record = try record(of: row)
        let status = record.status(at: now)
        let unpublishedLate = row.publishedAt == nil && (row.publicationDueAt.map { $0 < now } ?? false)
        return CreditRecordDTO(
            id: try row.requireID(), subjectId: row.subjectUnitID, kind: record.kind, kindName: record.kind.chinese,
            field: record.field, fieldName: record.field.chinese, points: record.points,
            decisionDate: record.decisionDate.description, expiresOn: record.expiry.description,
            status: status, statusName: status.chinese, decisionNumber: row.decisionNumber, authority: row.authority,
            legalBasis: row.legalBasis, summary: row.summary, source: row.source, ledgerItemId: row.ledgerItemID,
            requiresPublication: row.requiresPublication, publicationDueAt: row.publicationDueAt.map(ChinaTimeFormat.string),
            publicationRule: record.publicationWorkingDays.map { "\($0)个工作日" },
            publishedAt: row.publishedAt.map(ChinaTimeFormat.string),
            publicationLate: row.requiresPublication && record.state != .revoked && (row.publishedLate || unpublishedLate),
            publiclyVisible: record.isPubliclyVisible(at: now),
            repairEligibleFrom: record.repairEligibleFrom?.description, recordedBy: row.recordedBy,
            createdAt: ChinaTimeFormat.string(row.createdAt))
    }

    /// The public form, or nil when the record is not shown to the public now (unpublished, under
    /// objection, revoked, repaired, expired).
    static func publicDTO(_ row: CreditRecordRow, now: Date, subject: Unit? = nil) throws -> PublicCreditRecordDTO? {
        let record = try record(of: row)
        guard record.isPubliclyVisible(at: now), let publishedAt = record.publishedAt else { return nil }
        return PublicCreditRecordDTO(
            kind: record.kind, kindName: record.kind.chinese, points: record.points, decisionDate: record.decisionDate.description,
            decisionNumber: row.decisionNumber, authority: row.authority, legalBasis: row.legalBasis, summary: row.summary,
            publishedAt: ChinaTimeFormat.string(publishedAt), subjectName: subject?.name, creditCode: subject?.creditCode)
    }
}
