import DubanCore
import Fluent
import Vapor

/// 联合奖惩 — joint reward and punishment with other agencies (SPEC M6; 002 篇6: grades and the black
/// list reported to banks, insurers…; 000 阳政办(2017)35号: 发起响应、信息推送、执行反馈). An
/// administrator registers each agency and hands it a key; with `X-Agency-Key` the agency reads a
/// subject's standing and the feed of list changes (信息推送) and reports the measures it took (执行反馈),
/// which the subject's page shows.
enum JointRoutes {
    static let header = "X-Agency-Key"
    static let entity = "credit_joint_feedback"
    static let agencyEntity = "credit_agency"

    /// The partner's part of the cycle.
    enum Stage: String, Codable, CaseIterable, Sendable {
        /// 发起响应 — the agency has taken up a list change and started its measure.
        case responded
        /// 执行反馈 — the measure is carried out.
        case executed

        var chinese: String { self == .responded ? "发起响应" : "执行反馈" }
    }

    static func register(_ api: APIRoutes) {
        let tag = "Joint reward and punishment"
        let error = Schema.ref("Error")
        api.add(.GET, "joint/subjects/{code}", summary: "联合奖惩：查询主体信用（X-Agency-Key）/ a subject's standing (agency key)",
                tag: tag, responses: [(200, "主体信用 / standing", Schema.ref("JointSubject")), (404, "无此主体 / no such subject", error)],
                requiresAuth: false, agencyKey: true,
                pathSchemas: ["code": Schema.string(maxLength: 18, minLength: 18, pattern: "^[0-9A-HJ-NPQRTUWXY]{18}$")], use: subject)
        api.add(.GET, "joint/feed", summary: "联合奖惩：名单变动推送（游标之后）/ list changes since a cursor (agency key)", tag: tag,
                query: [.limit, .cursor],
                responses: [(200, "变动 / changes; nextCursor resumes after the last one", Schema.page(of: "CreditListChange"))],
                requiresAuth: false, agencyKey: true, use: feed)
        api.add(.POST, "joint/feedback", summary: "联合奖惩：执行反馈 / report a measure taken (agency key)", tag: tag,
                body: Schema.ref("JointFeedbackInput"),
                responses: [(201, "已记录 / recorded", Schema.ref("JointFeedback")), (404, "无此主体 / no such subject", error)],
                requiresAuth: false, agencyKey: true, use: feedback)
        api.add(.GET, "credit/agencies", summary: "联合奖惩成员单位（管理员）/ partner agencies (admin)", tag: tag,
                responses: [(200, "成员单位 / agencies", Schema.array(Schema.ref("CreditAgency")))], use: agencies)
        api.add(.POST, "credit/agencies", summary: "登记成员单位并发放密钥（仅显示一次）/ register an agency and issue its key (shown once)",
                tag: tag, body: Schema.ref("CreditAgencyInput"),
                responses: [(201, "已登记 / registered", Schema.ref("CreditAgencyCreated"))], roles: Roles.admin, use: createAgency)
        api.add(.DELETE, "credit/agencies/{id}", summary: "停用成员单位密钥 / revoke an agency's key", tag: tag,
                responses: [(200, "已停用 / revoked", Schema.ref("CreditAgency")), (404, "不存在 / not found", error)], use: revokeAgency)
    }

    /// The agency of the request's key, or 401.
    static func agency(_ req: Request) async throws -> CreditAgency {
        guard let key = req.headers.first(name: header), !key.isEmpty else {
            throw DubanError(.unauthorized, code: "agency_key_required", message: "需要成员单位密钥 X-Agency-Key / X-Agency-Key required")
        }
        guard key.count <= 200, let agency = try await CreditAgency.query(on: req.db)
            .filter(\.$keyHash == ActorMiddleware.tokenHash(key)).first(), agency.active else {
            throw DubanError(.unauthorized, code: "invalid_agency_key", message: "成员单位密钥无效或已停用 / invalid or revoked agency key")
        }
        return agency
    }

    static func subject(code: String, on db: any Database) async throws -> Unit {
        guard case .success = CreditCode.parse(code) else {
            throw DubanError.invalid("code", "统一社会信用代码无效 / invalid credit code", code: "invalid_credit_code")
        }
        return try await CreditPublicRoutes.find(code: code, name: nil, on: db)
    }

    @Sendable static func subject(_ req: Request) async throws -> JointSubjectDTO {
        _ = try await agency(req)
        let unit = try await subject(code: req.parameters.get("code") ?? "", on: req.db)
        let now = Date()
        let view = try await CreditPublicRoutes.view(unit, now: now, on: req.db)
        let standing = try await CreditStandings.evaluate(try unit.requireID(), now: now, on: req.db).standing
        return JointSubjectDTO(
            name: view.name, creditCode: view.creditCode, day: view.day, score: standing.score, grade: view.grade,
            gradeName: view.gradeName, redListed: view.redListed, blackListed: view.blackListed, blackList: view.blackList,
            measures: standing.measures.map { NamedCode(code: $0.rawValue, name: $0.chinese) }, records: view.records)
    }

    /// 信息推送 — list changes after the cursor, oldest first. `nextCursor` is the position after the
    /// last change shown (null only on an empty page: keep polling with the cursor you have).
    @Sendable static func feed(_ req: Request) async throws -> ListPage<CreditListChangeDTO> {
        _ = try await agency(req)
        let page = try PageRequest(limitOnly: req)
        let (rows, next) = try await DateKeyset.page(CreditListChange.query(on: req.db), field: "at", ascending: true,
                                                     cursor: req.query[String.self, at: "cursor"], limit: page.limit,
                                                     value: { $0.at })
        let units = try await CreditPublicRoutes.units(rows.map(\.subjectUnitID), on: req.db)
        let items = try rows.map { row in
            CreditListChangeDTO(
                id: try row.requireID(), at: ChinaTimeFormat.string(row.at), subjectName: units[row.subjectUnitID]?.name ?? "",
                creditCode: units[row.subjectUnitID]?.creditCode, list: CreditListChange.List(rawValue: row.list) ?? .black,
                change: CreditListChange.Change(rawValue: row.change) ?? .entered, decisionDocument: row.decisionDocument, note: row.note)
        }
        var cursor = next
        if cursor == nil, let last = rows.last {
            cursor = Cursor(key: String(Int64((last.at.timeIntervalSince1970 * 1000).rounded())), id: try last.requireID()).encoded
        }
        return ListPage(items: items, nextCursor: cursor)
    }

    @Sendable static func feedback(_ req: Request) async throws -> Response {
        let agency = try await agency(req)
        let input = try req.decodeJSON(JointFeedbackInput.self)
        let stage = try Check.enumeration(input.stage ?? Stage.executed.rawValue, "stage", as: Stage.self)
        let measure = try Check.text(input.measure, "measure", max: 200)
        let detail = try Check.optionalText(input.detail, "detail", max: 2000)
        let now = Date()
        let takenOn = try Check.optionalDate(input.takenOn, "takenOn")
        if let takenOn, let today = LocalDate(chinaTimeOf: now)?.description, takenOn > today {
            throw DubanError.invalid("takenOn", "执行日期不能晚于今天 / takenOn cannot be in the future")
        }
        let changeID = try input.changeId.flatMap { $0.isEmpty ? nil : $0 }.map { try Check.uuid($0, "changeId") }
        let agencyID = try agency.requireID()
        let agencyName = agency.name
        let created = try await req.write { db in
            let unit = try await subject(code: input.creditCode, on: db)
            let subjectID = try unit.requireID()
            if let changeID {
                guard let change = try await CreditListChange.find(changeID, on: db), change.subjectUnitID == subjectID else {
                    throw DubanError.invalid("changeId", "该名单变动不属于此主体 / the change is not about this subject")
                }
            }
            let row = JointFeedbackRow()
            row.id = UUID()
            row.agencyID = agencyID
            row.subjectUnitID = subjectID
            row.changeID = changeID
            row.stage = stage.rawValue
            row.measure = measure
            row.detail = detail
            row.takenOn = takenOn
            row.at = now.wholeMilliseconds
            try await row.create(on: db)
            let result = Self.dto(row, agency: agency)
            try await AuditLog.record(on: db, actor: "agency:\(agencyName)", action: .create, entityType: entity,
                                      entityID: try row.requireID().text, before: JointFeedbackDTO?.none, after: result, at: now)
            return result
        }
        return try await created.encodeResponse(status: .created, for: req)
    }

    static func dto(_ row: JointFeedbackRow, agency: CreditAgency?) -> JointFeedbackDTO {
        let stage = Stage(rawValue: row.stage) ?? .executed
        return JointFeedbackDTO(
            id: row.id ?? UUID(), agency: agency?.name ?? "", agencyKind: agency?.kind ?? CreditAgency.Kind.other.rawValue,
            stage: stage.rawValue, stageName: stage.chinese, measure: row.measure, detail: row.detail, takenOn: row.takenOn,
            changeId: row.changeID, at: ChinaTimeFormat.string(row.at))
    }

    // MARK: Agencies (admin)

    @Sendable static func agencies(_ req: Request) async throws -> [CreditAgencyDTO] {
        try req.requireRole(.admin)
        return try await CreditAgency.query(on: req.db).sort(\.$name).all().map(CreditAgencyDTO.init)
    }

    @Sendable static func createAgency(_ req: Request) async throws -> Response {
        let created = try await createAgency(req, input: try req.decodeJSON(CreditAgencyInput.self))
        return try await created.encodeResponse(status: .created, for: req)
    }

    static func createAgency(_ req: Request, input: CreditAgencyInput) async throws -> CreditAgencyCreated {
        let actor = try req.requireRole(.admin)
        let name = try Check.text(input.name, "name", max: 200)
        let kind = try Check.enumeration(input.kind, "kind", as: CreditAgency.Kind.self)
        let key = "dbk_" + Secrets.token()
        let now = Date()
        return try await req.write { db in
            let row = CreditAgency()
            row.id = UUID()
            row.name = name
            row.kind = kind.rawValue
            row.keyHash = ActorMiddleware.tokenHash(key)
            row.keyHint = String(key.prefix(8))
            row.active = true
            row.createdAt = now.wholeMilliseconds
            row.createdBy = actor.auditName
            try await row.create(on: db)
            let dto = CreditAgencyDTO(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: agencyEntity,
                                      entityID: try row.requireID().text, before: CreditAgencyDTO?.none, after: dto, at: now)
            return CreditAgencyCreated(agency: dto, key: key)
        }
    }

    @Sendable static func revokeAgency(_ req: Request) async throws -> CreditAgencyDTO {
        let actor = try req.requireRole(.admin)
        let id = try req.idParameter(what: "成员单位 / agency")
        return try await req.write { db in
            guard let row = try await CreditAgency.find(id, on: db) else { throw DubanError.notFound("成员单位 / agency") }
            let before = CreditAgencyDTO(row)
            row.active = false
            try await row.save(on: db)
            let after = CreditAgencyDTO(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: agencyEntity, entityID: id.text,
                                      before: before, after: after)
            return after
        }
    }
}
