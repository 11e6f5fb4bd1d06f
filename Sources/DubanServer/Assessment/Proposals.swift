import DubanCore
import Fluent
import Vapor

/// 议提案 — a People's Congress motion or suggestion, or a CPPCC recommendation or proposal, handled by a
/// host unit (主办) with co-handling units (会办) (001 阳政办(2018)4号).
final class ProposalRow: Model, @unchecked Sendable {
    static let schema = "proposals"

    @ID(key: .id) var id: UUID?
    /// 案号, e.g. 建议第12号 — unique.
    @Field(key: "number") var number: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    /// The deputy or member who raised it.
    @Field(key: "proposer") var proposer: String
    @Field(key: "host_unit_id") var hostUnitID: UUID
    /// Co-handling units' ids, comma-separated.
    @Field(key: "co_unit_ids") var coUnitIDs: String
    /// yyyy-mm-dd (China date).
    @Field(key: "assigned_on") var assignedOn: String
    /// An explicit reply deadline (yyyy-mm-dd); nil means the configured months after assignment.
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "replied_at") var repliedAt: Date?
    @OptionalField(key: "reply_summary") var replySummary: String?
    @OptionalField(key: "met_at") var metAt: Date?
    @OptionalField(key: "satisfaction") var satisfaction: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var coUnits: [UUID] { coUnitIDs.split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
}

struct CreateProposals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProposalRow.schema)
            .id()
            .field("number", .string, .required)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("proposer", .string, .required)
            .field("host_unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("co_unit_ids", .string, .required)
            .field("assigned_on", .string, .required)
            .field("due_on", .string)
            .field("replied_at", .datetime)
            .field("reply_summary", .string)
            .field("met_at", .datetime)
            .field("satisfaction", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "number")
            .create()
        try await database.createIndex("idx_proposals_assigned", on: ProposalRow.schema, columns: ["assigned_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProposalRow.schema).delete()
    }
}

struct ProposalInput: Content {
    var number: String?
    var kind: String?
    var title: String?
    var proposer: String?
    var hostUnitId: String?
    var coUnitIds: [String]?
    var assignedOn: String?
    var dueOn: String?

    static let schema = Schema.object([
        ("number", Schema.string(maxLength: 50)), ("kind", Schema.enumeration(ProposalKind.allCases.map(\.rawValue))),
        ("title", Schema.string(maxLength: 300)), ("proposer", Schema.string(maxLength: 100)), ("hostUnitId", Schema.uuid),
        ("coUnitIds", Schema.array(Schema.uuid, maxItems: 20)), ("assignedOn", Schema.date), ("dueOn", Schema.date),
    ], required: ["number", "kind", "title", "proposer", "hostUnitId", "assignedOn"])
}

struct ProposalStepInput: Content {
    /// reply: when replied (default now) and what; meeting: when met; rating: the deputy's rating.
    var at: String?
    var summary: String?
    var satisfaction: String?

    static let schema = Schema.object([
        ("at", Schema.string(maxLength: 40)), ("summary", Schema.string(maxLength: 4000)),
        ("satisfaction", Schema.enumeration(ProposalSatisfaction.allCases.map(\.rawValue))),
    ])
}

struct ProposalDTO: Content {
    var id: UUID
    var number: String
    var kind: String
    var kindName: String
    var title: String
    var proposer: String
    var hostUnitId: UUID
    var hostUnit: String
    var coUnits: [String]
    var assignedOn: String
    var dueAt: String?
    var repliedAt: String?
    var replySummary: String?
    var metAt: String?
    var satisfaction: String?
    var satisfactionName: String?
    var overdue: Bool

    static let schema = Schema.object([
        ("id", Schema.uuid), ("number", Schema.string()), ("kind", Schema.string()), ("kindName", Schema.string()),
        ("title", Schema.string()), ("proposer", Schema.string()), ("hostUnitId", Schema.uuid), ("hostUnit", Schema.string()),
        ("coUnits", Schema.array(Schema.string())), ("assignedOn", Schema.date), ("dueAt", Schema.nullable(Schema.dateTime)),
        ("repliedAt", Schema.nullable(Schema.dateTime)), ("replySummary", Schema.nullable(Schema.string())),
        ("metAt", Schema.nullable(Schema.dateTime)), ("satisfaction", Schema.nullable(Schema.string())),
        ("satisfactionName", Schema.nullable(Schema.string())), ("overdue", Schema.boolean),
    ], required: ["id", "number", "kind", "kindName", "title", "proposer", "hostUnitId", "hostUnit", "coUnits", "assignedOn", "overdue"])
}

/// `/api/v1/proposals…`: register 议提案, record reply, meeting and rating, and the 办复率 / 见面率 /
/// 满意率 report against the targets of 001 阳政办(2018)4号.
enum ProposalService {
    static let tag = "Proposals"

    static func register(_ api: APIRoutes) {
        let year = APIOperation.QueryParameter(name: "year", schema: Schema.integer(minimum: 2000, maximum: 2200),
                                               description: "交办年度，默认今年 / year assigned, default this year")
        api.add(.GET, "proposals", summary: "议提案列表 / proposals of a year", tag: tag, query: [year],
                responses: [(200, "议提案 / proposals", Schema.array(Schema.ref("Proposal")))], use: list)
        api.add(.POST, "proposals", summary: "登记议提案（督查室）/ register a proposal", tag: tag, body: Schema.ref("ProposalInput"),
                responses: [(201, "已登记 / registered", Schema.ref("Proposal")), (409, "案号重复 / number taken", Schema.ref("Error"))],
                use: create)
        api.add(.GET, "proposals/summary", summary: "办复率、见面率、满意率对照目标 / rates against the targets", tag: tag, query: [year],
                responses: [(200, "统计 / the report", summarySchema)], use: summary)
        for (step, text) in [("reply", "办复 / record the reply"), ("meeting", "见面 / record the meeting"),
                             ("rating", "代表委员满意度 / record the rating")] {
            api.add(.POST, "proposals/{id}/\(step)", summary: text, tag: tag, body: Schema.ref("ProposalStepInput"),
                    responses: [(200, "已记录 / recorded", Schema.ref("Proposal")), (404, "无此议提案 / not found", Schema.ref("Error")),
                                (409, "状态不允许 / not allowed now", Schema.ref("Error"))],
                    pathSchemas: ["id": Schema.uuid], roles: step == "rating" ? Roles.supervision : nil,
                    use: { req in try await Self.step(req, step) })
        }
    }

    static let readers: [Role] = [.admin, .supervisor, .leader]

    /// `ProposalSupervisionReport` as encoded by `SupervisionRoutes.json` (a rate is numerator over
    /// denominator; it and `met` are absent when nothing was due).
    static let summarySchema: JSON = {
        let rate = Schema.object([("numerator", Schema.integer(minimum: 0)), ("denominator", Schema.integer(minimum: 1))],
                                 required: ["numerator", "denominator"])
        let check = Schema.object([("rate", rate), ("targetPercent", Schema.integer(minimum: 0, maximum: 100)), ("met", Schema.boolean)],
                                  required: ["targetPercent"])
        let counts = ["assigned", "replied", "repliedLate", "met", "rated", "satisfied", "coHandled"]
        let unit = Schema.object([("unit", Schema.string())] + counts.map { ($0, Schema.integer(minimum: 0)) }
                                 + [("replyRate", check), ("meetingRate", check), ("satisfactionRate", check)],
                                 required: ["unit"] + counts + ["replyRate", "meetingRate", "satisfactionRate"])
        let overdue = Schema.object([("id", Schema.string()), ("hostUnit", Schema.string()), ("due", Schema.dateTime)],
                                    required: ["id", "hostUnit", "due"])
        return Schema.object([("overall", unit), ("units", Schema.array(unit)), ("overdue", Schema.array(overdue))],
                             required: ["overall", "units", "overdue"])
    }()

    static func year(_ req: Request) throws -> Int {
        if let text = req.query[String.self, at: "year"] {
            guard let year = Int(text), (2000...2200).contains(year) else { throw DubanError.invalid("year", "年度无效 / invalid year") }
            return year
        }
        return LocalDate(chinaTimeOf: Date())?.year ?? 2026
    }

    /// The proposals assigned in `year` that `actor` may see: all for readers, a unit's own (host or co) for its operator.
    static func rows(year: Int, actor: Actor, on db: any Database) async throws -> [ProposalRow] {
        let rows = try await ProposalRow.query(on: db).filter(\.$assignedOn >= "\(year)-01-01").filter(\.$assignedOn <= "\(year)-12-31")
            .sort(\.$number).all()
        if readers.contains(actor.role) { return rows }
        guard actor.role == .unitOperator else { throw DubanError.forbidden }
        return rows.filter { $0.hostUnitID == actor.unitID || $0.coUnits.contains(actor.unitID) }
    }

    static func facts(_ row: ProposalRow, names: [UUID: String]) throws -> ProposalFacts {
        ProposalFacts(id: row.number, kind: ProposalKind(rawValue: row.kind) ?? .npcSuggestion, hostUnit: names[row.hostUnitID] ?? "",
                      coUnits: row.coUnits.compactMap { names[$0] }, assignedOn: LocalDate(row.assignedOn) ?? LocalDate(year: 2000, month: 1, day: 1)!,
                      dueOn: row.dueOn.flatMap(LocalDate.init), repliedAt: row.repliedAt, metAt: row.metAt,
                      satisfaction: row.satisfaction.flatMap(ProposalSatisfaction.init(rawValue:)))
    }

    static func names(_ rows: [ProposalRow], on db: any Database) async throws -> [UUID: String] {
        try await LedgerPages.unitNames(rows.flatMap { [$0.hostUnitID] + $0.coUnits }, on: db)
    }

    static func dto(_ row: ProposalRow, names: [UUID: String], now: Date) throws -> ProposalDTO {
        let facts = try facts(row, names: names)
        let due = ProposalConfig.standard.replyDue(of: facts)
        let kind = ProposalKind(rawValue: row.kind)
        let satisfaction = row.satisfaction.flatMap(ProposalSatisfaction.init(rawValue:))
        return ProposalDTO(id: try row.requireID(), number: row.number, kind: row.kind, kindName: kind?.chinese ?? row.kind, title: row.title,
                           proposer: row.proposer, hostUnitId: row.hostUnitID, hostUnit: names[row.hostUnitID] ?? "",
                           coUnits: row.coUnits.compactMap { names[$0] }, assignedOn: row.assignedOn, dueAt: due.map(ChinaTimeFormat.string), repliedAt: row.repliedAt.map(ChinaTimeFormat.string),
                           replySummary: row.replySummary, metAt: row.metAt.map(ChinaTimeFormat.string), satisfaction: row.satisfaction,
                           satisfactionName: satisfaction?.chinese, overdue: row.repliedAt == nil && (due.map { $0 < now } ?? false))
    }

    @Sendable static func list(_ req: Request) async throws -> [ProposalDTO] {
        let actor = try req.requireActor()
        let rows = try await rows(year: try year(req), actor: actor, on: req.db)
        let names = try await names(rows, on: req.db)
        let now = Date()
        return try rows.map { try dto($0, names: names, now: now) }
    }

    static func report(year: Int, actor: Actor, on db: any Database, now: Date) async throws -> ProposalSupervisionReport {
        let rows = try await rows(year: year, actor: actor, on: db)
        let names = try await names(rows, on: db)
        do {
            return try ProposalSupervision.summary(proposals: try rows.map { try facts($0, names: names) }, at: now)
        } catch let error as SupervisionError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: error.field)
        }
    }

    @Sendable static func summary(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(readers)
        return try SupervisionRoutes.json(try await report(year: try year(req), actor: actor, on: req.db, now: Date()))
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor)
        let dto = try await create(try req.decodeJSON(ProposalInput.self), actor: actor, req: req)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @discardableResult
    static func create(_ input: ProposalInput, actor: Actor, req: Request) async throws -> ProposalDTO {
        let number = try Check.text(input.number ?? "", "number", max: 50)
        let kind = try Check.enumeration(input.kind ?? "", "kind", as: ProposalKind.self)
        let title = try Check.text(input.title ?? "", "title", max: 300)
        let proposer = try Check.text(input.proposer ?? "", "proposer", max: 100)
        let host = try Check.uuid(input.hostUnitId, "hostUnitId")
        let co = try (input.coUnitIds ?? []).enumerated().map { try Check.uuid($0.element, "coUnitIds[\($0.offset)]") }
        guard co.count <= 20, !co.contains(host) else { throw DubanError.invalid("coUnitIds", "会办单位不能包含主办单位 / co-units exclude the host") }
        let assigned = try Check.date(input.assignedOn ?? "", "assignedOn")
        let due = try Check.optionalDate(input.dueOn, "dueOn")
        if let due, due < assigned { throw DubanError.invalid("dueOn", "办复期限不能早于交办日 / due before assigned") }
        let now = Date()
        let dto: ProposalDTO = try await req.write { db in
            let wanted = [host] + co
            let units = try await Unit.query(on: db).filter(\.$id ~~ wanted).all()
            guard units.contains(where: { $0.id == host }) else { throw DubanError.invalid("hostUnitId", "主办单位不存在 / no such unit") }
            guard units.count == Set([host] + co).count else { throw DubanError.invalid("coUnitIds", "会办单位不存在 / no such unit") }
            if try await ProposalRow.query(on: db).filter(\.$number == number).first() != nil {
                throw DubanError(.conflict, code: "duplicate_number", message: "案号已存在 / the number is taken", field: "number")
            }
            let row = ProposalRow()
            row.number = number
            row.kind = kind.rawValue
            row.title = title
            row.proposer = proposer
            row.hostUnitID = host
            row.coUnitIDs = co.map(\.uuidString).joined(separator: ",")
            row.assignedOn = assigned
            row.dueOn = due
            row.createdAt = now
            try await row.create(on: db)
            let created = try Self.dto(row, names: try await names([row], on: db), now: now)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "proposal",
                                      entityID: created.id.uuidString, before: String?.none, after: created, at: now)
            return created
        }
        return dto
    }

    static func stepTime(_ text: String?, now: Date) throws -> Date {
        guard let text, !text.isEmpty else { return now }
        guard let parsed = ChinaTimeFormat.parse(text) else { throw DubanError.invalid("at", "时间格式无效 / invalid time") }
        guard parsed <= now.addingTimeInterval(60) else { throw DubanError.invalid("at", "不能是将来时间 / cannot be in the future") }
        return parsed
    }

    /// Records a step: the host unit (or a supervisor) replies and meets the deputy; a supervisor
    /// records the deputy's rating, once there is a reply.
    static func step(_ req: Request, _ step: String, input: ProposalStepInput? = nil) async throws -> ProposalDTO {
        let actor = try req.requireActor()
        let id = try req.idParameter(what: "议提案 / proposal")
        let input = try input ?? req.decodeJSON(ProposalStepInput.self)
        let now = Date()
        let at = try stepTime(input.at, now: now)
        let summary = try Check.optionalText(input.summary, "summary", max: 4000)
        let satisfaction = try input.satisfaction.map { try Check.enumeration($0, "satisfaction", as: ProposalSatisfaction.self) }
        return try await req.write { db in
            guard let row = try await ProposalRow.find(id, on: db) else { throw DubanError.notFound("议提案 / proposal") }
            let isHost = actor.role == .unitOperator && actor.unitID == row.hostUnitID
            let isSupervisor = actor.role == .admin || actor.role == .supervisor
            let before = try dto(row, names: try await names([row], on: db), now: now)
            switch step {
            case "reply":
                guard isHost || isSupervisor else { throw DubanError.forbidden }
                guard let summary else { throw DubanError.invalid("summary", "请填写办复内容 / the reply is required") }
                guard row.repliedAt == nil else { throw DubanError(.conflict, code: "already_replied", message: "已办复 / already replied", field: nil) }
                row.repliedAt = at
                row.replySummary = summary
            case "meeting":
                guard isHost || isSupervisor else { throw DubanError.forbidden }
                row.metAt = at
            default:
                guard isSupervisor else { throw DubanError.forbidden }
                guard let satisfaction else { throw DubanError.invalid("satisfaction", "请选择满意度 / the rating is required") }
                guard row.repliedAt != nil else {
                    throw DubanError(.conflict, code: "not_replied", message: "尚未办复，不能测评 / no reply to rate yet", field: nil)
                }
                row.satisfaction = satisfaction.rawValue
            }
            try await row.save(on: db)
            let after = try dto(row, names: try await names([row], on: db), now: now)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "proposal",
                                      entityID: after.id.uuidString, before: before, after: after, at: now)
            return after
        }
    }
}
