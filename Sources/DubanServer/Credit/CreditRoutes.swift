import DubanCore
import Fluent
import Vapor

/// `/api/v1/credit/...`: subjects with their standing, entered records and 双公示, objections,
/// repairs, the black-list procedure and the rules. The public and the partners' routes are in
/// `CreditPublicRoutes` and `JointRoutes`.
enum CreditRoutes {
    /// The module's schemas for `OpenAPIDocument.components`.
    static let components: [(String, JSON)] = [
        ("NamedCode", NamedCode.schema), ("CreditRecord", CreditRecordDTO.schema), ("PublicCreditRecord", PublicCreditRecordDTO.schema),
        ("CreditStanding", CreditStandingDTO.schema), ("CreditHistoryPoint", CreditHistoryPointDTO.schema),
        ("BlackListCase", BlackListCaseDTO.schema), ("CreditObjection", CreditObjectionDTO.schema), ("CreditRepair", CreditRepairDTO.schema),
        ("CreditMeasure", CreditMeasureDTO.schema), ("JointFeedback", JointFeedbackDTO.schema), ("CreditAuditLine", CreditAuditLineDTO.schema),
        ("CreditSubject", CreditSubjectDTO.schema), ("CreditSubjectSummary", CreditSubjectSummaryDTO.schema),
        ("PublicBlackListEntry", PublicBlackListEntryDTO.schema), ("PublicRedListEntry", PublicRedListEntryDTO.schema),
        ("PublicCredit", PublicCreditDTO.schema), ("JointSubject", JointSubjectDTO.schema), ("CreditListChange", CreditListChangeDTO.schema),
        ("CreditAgency", CreditAgencyDTO.schema), ("CreditAgencyCreated", CreditAgencyCreated.schema),
        ("CreditRulesView", CreditRulesDTO.schema), ("CreditRules", CreditRulesDTO.rulesSchema),
        ("CreditRecordInput", CreditRecordInput.schema), ("CreditObjectionInput", CreditObjectionInput.schema),
        ("CreditRepairInput", CreditRepairInput.schema), ("CreditDecisionInput", CreditDecisionInput.schema),
        ("BlackListEventInput", BlackListEventInput.schema), ("CreditAgencyInput", CreditAgencyInput.schema),
        ("JointFeedbackInput", JointFeedbackInput.schema),
    ]

    static func register(_ api: APIRoutes) {
        CreditPublicRoutes.register(api)
        JointRoutes.register(api)
        let tag = "Credit"
        let error = Schema.ref("Error")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", error)
        let conflict: (Int, String, JSON?) = (409, "当前状态不允许 / not allowed in this state", error)
        api.add(.GET, "credit/rules", summary: "信用规则（分值、等级、期限；默认值见 SPEC A3）/ the credit rules in force", tag: tag,
                responses: [(200, "规则 / rules", Schema.ref("CreditRulesView"))], use: rules)
        api.add(.PUT, "credit/rules", summary: "修改信用规则（管理员）/ change the credit rules (admin)", tag: tag,
                body: Schema.ref("CreditRules"), responses: [(200, "已保存 / saved", Schema.ref("CreditRulesView"))], use: putRules)
        api.add(.GET, "credit/subjects", summary: "信用主体及等级 / credit subjects with their grade", tag: tag,
                query: [.init(name: "q", schema: Schema.string(maxLength: 100), description: "名称包含 / name contains"), .limit, .cursor],
                responses: [(200, "主体 / subjects", Schema.page(of: "CreditSubjectSummary"))], use: subjects)
        api.add(.GET, "credit/subjects/{id}", summary: "主体信用：得分、等级、历史、记录、名单、措施、异议、修复、联合奖惩反馈 / a subject's credit",
                tag: tag, responses: [(200, "主体信用 / the subject's credit", Schema.ref("CreditSubject")), notFound], use: subject)
        api.add(.POST, "credit/subjects/{id}/black-list", summary: "拟列入严重失信主体名单 / propose black-listing", tag: tag,
                responses: [(201, "已立案 / case opened", Schema.ref("BlackListCase")), notFound, conflict,
                            (422, "不符合列入条件 / no entry condition", error)], use: propose)
        api.add(.POST, "credit/records", summary: "录入行政处罚、行政许可、表彰或事故责任认定 / enter a decision", tag: tag,
                body: Schema.ref("CreditRecordInput"), responses: [(201, "已录入 / entered", Schema.ref("CreditRecord")), notFound],
                roles: CreditService.recorders, use: createRecord)
        api.add(.GET, "credit/records/{id}", summary: "查看信用记录 / get a record", tag: tag,
                responses: [(200, "记录 / the record", Schema.ref("CreditRecord")), notFound], use: record)
        api.add(.POST, "credit/records/{id}/publish", summary: "双公示：公示决定 / publish a decision", tag: tag,
                responses: [(200, "已公示 / published", Schema.ref("CreditRecord")), notFound, conflict], use: publish)
        api.add(.POST, "credit/records/{id}/objections", summary: "提出异议（主体）/ object to a record (the subject)", tag: tag,
                body: Schema.ref("CreditObjectionInput"),
                responses: [(201, "已受理 / filed", Schema.ref("CreditObjection")), notFound, conflict], roles: CreditService.readers, use: object)
        api.add(.POST, "credit/records/{id}/repairs", summary: "申请信用修复（主体）/ apply for repair (the subject)", tag: tag,
                body: Schema.ref("CreditRepairInput"),
                responses: [(201, "已申请 / applied", Schema.ref("CreditRepair")), notFound, conflict], roles: CreditService.readers, use: applyRepair)
        api.add(.POST, "credit/objections/{id}/decision", summary: "异议复核决定 / decide an objection", tag: tag,
                body: Schema.ref("CreditDecisionInput"),
                responses: [(200, "已决定 / decided", Schema.ref("CreditObjection")), notFound, conflict], roles: CreditService.readers, use: decideObjection)
        api.add(.POST, "credit/repairs/{id}/decision", summary: "信用修复审核决定 / decide a repair", tag: tag,
                body: Schema.ref("CreditDecisionInput"),
                responses: [(200, "已决定 / decided", Schema.ref("CreditRepair")), notFound, conflict], roles: CreditService.readers, use: decideRepair)
        api.add(.POST, "credit/black-list/{id}/events", summary: "黑名单程序：告知、陈述申辩、列入、不予列入、提前移出 / a black-list step", tag: tag,
                body: Schema.ref("BlackListEventInput"),
                responses: [(200, "已办理 / done", Schema.ref("BlackListCase")), notFound, conflict], roles: CreditService.readers, use: caseEvent)
        api.add(.GET, "credit/publications", summary: "双公示：须公示的决定与逾期公示报告 / decisions to publish and late publications",
                tag: tag, query: [.init(name: "late", schema: Schema.enumeration(["true", "false"]), description: "只看逾期 / late only"),
                                  .limit, .cursor],
                responses: [(200, "决定 / decisions", Schema.page(of: "CreditRecord"))], use: publications)
    }

    static func requireRole(_ req: Request, _ roles: [Role]) throws -> Actor {
        let actor = try req.requireActor()
        guard roles.contains(actor.role) else { throw DubanError.forbidden }
        return actor
    }

    // MARK: Rules

    @Sendable static func rules(_ req: Request) async throws -> CreditRulesDTO {
        try req.requireActor()
        return CreditRulesDTO(try await CreditRulesStore.current(on: req.db))
    }

    @Sendable static func putRules(_ req: Request) async throws -> CreditRulesDTO {
        let actor = try req.requireRole(.admin)
        let rules = try req.decodeJSON(CreditRules.self)
        let now = Date()
        return try await req.write { db in
            try await CreditRulesStore.save(rules, actor: actor.auditName, on: db)
            // New bands or list rules apply at once: every evaluated subject is evaluated again, and a
            // changed grade takes its measures.
            for id in try await CreditStandingRow.query(on: db).all(\.$id) {
                if let unit = try await Unit.find(id, on: db) {
                    try await CreditStandings.refresh(unit, now: now, actor: actor.auditName, on: db)
                }
            }
            return CreditRulesDTO(rules)
        }
    }

    // MARK: Subjects

    @Sendable static func subjects(_ req: Request) async throws -> ListPage<CreditSubjectSummaryDTO> {
        let actor = try requireRole(req, CreditService.readers)
        let page = try PageRequest(req)
        let query = Unit.query(on: req.db).filter(\.$kind == UnitKind.enterprise.rawValue)
        if actor.role.isUnitScoped { query.filter(\.$path =~ actor.unitPath.encoded) }
        if let q = try req.queryText("q", max: 100) { query.filter(\.$name ~~ q) }
        let (units, next) = try await page.fetch(query, orderedBy: \.$name, id: \.$id)
        let ids = units.compactMap(\.id)
        let stored = ids.isEmpty ? [] : try await CreditStandingRow.query(on: req.db).filter(\.$id ~~ ids).all()
        let byID = Dictionary(uniqueKeysWithValues: stored.compactMap { row in row.id.map { ($0, row) } })
        let clean = CreditStandings.clean(now: Date(), rules: try await CreditRulesStore.current(on: req.db))
        let items = try units.map { unit in
            let id = try unit.requireID()
            let row = byID[id]
            return CreditSubjectSummaryDTO(
                id: id, name: unit.name, creditCode: unit.creditCode, score: row?.score ?? clean.score,
                grade: row.flatMap { CreditGrade(rawValue: $0.grade) } ?? clean.grade,
                redListed: row?.redListed ?? clean.isRedListEligible, blackListed: row?.blackListed ?? false)
        }
        return ListPage(items: items, nextCursor: next)
    }

    @Sendable static func subject(_ req: Request) async throws -> CreditSubjectDTO {
        let actor = try requireRole(req, CreditService.readers)
        let unit = try await CreditService.subject(try req.idParameter(what: "信用主体 / credit subject"), visibleTo: actor, on: req.db)
        return try await detail(unit, now: Date(), on: req.db)
    }

    /// Everything the subject page shows; the subject sees all of it about itself.
    static func detail(_ unit: Unit, now: Date, on db: any Database) async throws -> CreditSubjectDTO {
        let id = try unit.requireID()
        let (standing, rows, records, rules) = try await CreditStandings.evaluate(id, now: now, on: db)
        let listed = try await CreditBlackList.listedCase(of: id, now: now, on: db) != nil
        let cases = try await CreditBlackList.cases(of: id, on: db)
        let objections = try await CreditObjectionRow.query(on: db).filter(\.$subjectUnitID == id).sort(\.$filedAt, .descending).all()
        let repairs = try await CreditRepairRow.query(on: db).filter(\.$subjectUnitID == id).sort(\.$appliedAt, .descending).all()
        let measures = try await CreditMeasureRow.query(on: db).filter(\.$subjectUnitID == id).sort(\.$at, .descending).limit(100).all()
        let feedback = try await JointFeedbackRow.query(on: db).filter(\.$subjectUnitID == id).sort(\.$at, .descending).limit(100).all()
        let agencyIDs = Array(Set(feedback.map(\.agencyID)))
        let agencies = agencyIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await CreditAgency.query(on: db)
            .filter(\.$id ~~ agencyIDs).all().compactMap { agency in agency.id.map { ($0, agency) } })
        var parent: Unit?
        if let parentID = unit.$parent.id { parent = try await Unit.find(parentID, on: db) }
        let entityIDs = (rows.compactMap(\.id) + objections.compactMap(\.id) + repairs.compactMap(\.id) + cases.compactMap(\.id)
                         + measures.compactMap(\.id)).map(\.text)
        let audit = entityIDs.isEmpty ? [] : try await AuditEntry.query(on: db)
            .filter(\.$entityType ~~ [CreditService.recordEntity, CreditReviews.objectionEntity, CreditReviews.repairEntity,
                                      CreditBlackList.entity, CreditStandings.measureEntity])
            .filter(\.$entityID ~~ entityIDs).sort(\.$id, .descending).limit(200).all()
        return CreditSubjectDTO(
            id: id, name: unit.name, creditCode: unit.creditCode, supervisingUnitId: parent?.id, supervisingUnit: parent?.name,
            standing: CreditStandingDTO(standing, blackListed: listed),
            history: CreditStandings.history(records, now: now, rules: rules),
            records: try rows.map { try CreditService.dto($0, now: now) },
            blackListCases: try cases.map { try CreditBlackList.dto($0, now: now) },
            objections: try objections.map { try CreditReviews.dto($0, now: now) },
            repairs: try repairs.map { try CreditReviews.dto($0, now: now) },
            measures: measures.map(CreditStandings.dto),
            feedback: feedback.map { JointRoutes.dto($0, agency: agencies[$0.agencyID]) },
            audit: audit.map { CreditAuditLineDTO(at: ChinaTimeFormat.string($0.at), actor: $0.actor, action: $0.action,
                                                  entityType: $0.entityType, entityId: $0.entityID) })
    }

    @Sendable static func propose(_ req: Request) async throws -> Response {
        let dto = try await propose(req, subjectID: try req.idParameter(what: "信用主体 / credit subject"))
        return try await dto.encodeResponse(status: .created, for: req)
    }

    static func propose(_ req: Request, subjectID: UUID) async throws -> BlackListCaseDTO {
        let actor = try requireRole(req, CreditService.readers)
        let now = Date()
        return try await req.write { db in
            let unit = try await CreditService.subject(subjectID, visibleTo: actor, on: db)
            let row = try await CreditBlackList.propose(unit, actor: actor, now: now, on: db)
            return try CreditBlackList.dto(row, now: now)
        }
    }

    // MARK: Records

    @Sendable static func createRecord(_ req: Request) async throws -> Response {
        let dto = try await createRecord(req, input: try req.decodeJSON(CreditRecordInput.self))
        return try await dto.encodeResponse(status: .created, for: req)
    }

    static func createRecord(_ req: Request, input: CreditRecordInput) async throws -> CreditRecordDTO {
        let actor = try requireRole(req, CreditService.recorders)
        let now = Date()
        let (subjectID, new) = try CreditService.validate(input, now: now)
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let unit: Unit
            do {
                unit = try await CreditService.subject(subjectID, visibleTo: actor, on: db)
            } catch {
                throw DubanError.invalid("subjectId", "信用主体须为名录中的企业/社会单位 / the subject must be an enterprise unit")
            }
            let row = try await CreditService.create(new, subject: unit, recordedBy: actor.auditName, recordingUnit: actor.unitID,
                                                     now: now, calculator: calculator, on: db)
            return try CreditService.dto(row, now: now)
        }
    }

    @Sendable static func record(_ req: Request) async throws -> CreditRecordDTO {
        let actor = try requireRole(req, CreditService.readers)
        let (row, _) = try await CreditService.loadRecord(try req.idParameter(what: "信用记录 / credit record"), visibleTo: actor, on: req.db)
        return try CreditService.dto(row, now: Date())
    }

    @Sendable static func publish(_ req: Request) async throws -> CreditRecordDTO {
        try await publish(req, recordID: try req.idParameter(what: "信用记录 / credit record"))
    }

    static func publish(_ req: Request, recordID: UUID) async throws -> CreditRecordDTO {
        let actor = try requireRole(req, CreditService.recorders)
        let now = Date()
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let (row, _) = try await CreditService.loadRecord(recordID, visibleTo: actor, on: db)
            try await CreditService.publish(row, actor: actor.auditName, now: now, calculator: calculator, on: db)
            return try CreditService.dto(row, now: now)
        }
    }

    @Sendable static func object(_ req: Request) async throws -> Response {
        let dto = try await object(req, recordID: try req.idParameter(what: "信用记录 / credit record"),
                                   input: try req.decodeJSON(CreditObjectionInput.self))
        return try await dto.encodeResponse(status: .created, for: req)
    }

    static func object(_ req: Request, recordID: UUID, input: CreditObjectionInput) async throws -> CreditObjectionDTO {
        let actor = try requireRole(req, CreditService.readers)
        let now = Date()
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let (row, unit) = try await CreditService.loadRecord(recordID, visibleTo: actor, on: db)
            let objection = try await CreditReviews.fileObjection(row, unit: unit, input: input, actor: actor, now: now,
                                                                  calculator: calculator, on: db)
            return try CreditReviews.dto(objection, now: now)
        }
    }

    @Sendable static func applyRepair(_ req: Request) async throws -> Response {
        let dto = try await applyRepair(req, recordID: try req.idParameter(what: "信用记录 / credit record"),
                                        input: try req.decodeJSON(CreditRepairInput.self))
        return try await dto.encodeResponse(status: .created, for: req)
    }

    static func applyRepair(_ req: Request, recordID: UUID, input: CreditRepairInput) async throws -> CreditRepairDTO {
        let actor = try requireRole(req, CreditService.readers)
        let now = Date()
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let (row, unit) = try await CreditService.loadRecord(recordID, visibleTo: actor, on: db)
            let repair = try await CreditReviews.applyForRepair(row, unit: unit, input: input, actor: actor, now: now,
                                                                calculator: calculator, on: db)
            return try CreditReviews.dto(repair, now: now)
        }
    }

    @Sendable static func decideObjection(_ req: Request) async throws -> CreditObjectionDTO {
        try await decideObjection(req, id: try req.idParameter(what: "异议 / objection"), input: try req.decodeJSON(CreditDecisionInput.self))
    }

    static func decideObjection(_ req: Request, id: UUID, input: CreditDecisionInput) async throws -> CreditObjectionDTO {
        let actor = try requireRole(req, CreditService.readers)
        let now = Date()
        return try await req.write { db in
            guard let row = try await CreditObjectionRow.find(id, on: db),
                  (try? await CreditService.subject(row.subjectUnitID, visibleTo: actor, on: db)) != nil else {
                throw DubanError.notFound("异议 / objection")
            }
            try await CreditReviews.decideObjection(row, input: input, actor: actor, now: now, on: db)
            return try CreditReviews.dto(row, now: now)
        }
    }

    @Sendable static func decideRepair(_ req: Request) async throws -> CreditRepairDTO {
        try await decideRepair(req, id: try req.idParameter(what: "修复申请 / repair"), input: try req.decodeJSON(CreditDecisionInput.self))
    }

    static func decideRepair(_ req: Request, id: UUID, input: CreditDecisionInput) async throws -> CreditRepairDTO {
        let actor = try requireRole(req, CreditService.readers)
        let now = Date()
        return try await req.write { db in
            guard let row = try await CreditRepairRow.find(id, on: db),
                  (try? await CreditService.subject(row.subjectUnitID, visibleTo: actor, on: db)) != nil else {
                throw DubanError.notFound("修复申请 / repair")
            }
            try await CreditReviews.decideRepair(row, input: input, actor: actor, now: now, on: db)
            return try CreditReviews.dto(row, now: now)
        }
    }

    @Sendable static func caseEvent(_ req: Request) async throws -> BlackListCaseDTO {
        try await caseEvent(req, id: try req.idParameter(what: "黑名单案件 / black-list case"), input: try req.decodeJSON(BlackListEventInput.self))
    }

    static func caseEvent(_ req: Request, id: UUID, input: BlackListEventInput) async throws -> BlackListCaseDTO {
        let actor = try requireRole(req, CreditService.readers)
        let now = Date()
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            guard let row = try await BlackListCaseRow.find(id, on: db),
                  (try? await CreditService.subject(row.subjectUnitID, visibleTo: actor, on: db)) != nil else {
                throw DubanError.notFound("黑名单案件 / black-list case")
            }
            try await CreditBlackList.act(row, input: input, actor: actor, now: now, calculator: calculator, on: db)
            return try CreditBlackList.dto(row, now: now)
        }
    }

    // MARK: 双公示 report

    /// Decisions that must be published, by deadline; `late=true`: those published late or still
    /// unpublished after the deadline (000 阳政办(2017)35号: 7个工作日内; SPEC A3).
    @Sendable static func publications(_ req: Request) async throws -> ListPage<CreditRecordDTO> {
        _ = try requireRole(req, [.admin, .supervisor, .inspector, .leader])
        let page = try PageRequest(limitOnly: req)
        let now = Date()
        let query = CreditRecordRow.query(on: req.db).filter(\.$requiresPublication == true)
            .filter(\.$state != CreditRecordState.revoked.rawValue)
        if req.query[String.self, at: "late"] == "true" {
            query.group(.or) { or in
                or.filter(\.$publishedLate == true)
                or.group(.and) { and in and.filter(\.$publishedAt == nil).filter(\.$publicationDueAt < now) }
            }
        }
        let (rows, next) = try await DateKeyset.page(query, field: "publication_due_at", ascending: true,
                                                     cursor: req.query[String.self, at: "cursor"], limit: page.limit,
                                                     value: { $0.publicationDueAt })
        return ListPage(items: try rows.map { try CreditService.dto($0, now: now) }, nextCursor: next)
    }
}
