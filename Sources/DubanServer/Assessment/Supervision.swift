import DubanCore
import Fluent
import Vapor

/// 督查考核 from the ledger: the task breakdowns' on-time rates and cards ranked by quarter (001), and
/// the assessment schemes set up as data for campaigns (001 阳政办(2018)11号 "每月考核").
enum Supervision {
    /// A task item's lead unit, deadline, closing and cards (each card notice issued to a unit counts once
    /// for that unit).
    static func tasks(kind: ItemKind, category: String?, dueIn period: AssessmentPeriod, on db: any Database) async throws
        -> [(item: LedgerItem, facts: ItemFacts, unit: String, yellow: Int, red: Int)] {
        let query = LedgerItem.query(on: db).filter(\.$kind == kind.rawValue).filter(\.$dueAt > period.start).filter(\.$dueAt <= period.end)
        if let category { query.filter(\.$category == category) }
        let items = try await query.all()
        let names = try await LedgerPages.unitNames(items.compactMap(\.assignedUnitID), on: db)
        var cards: [UUID: (Int, Int)] = [:]
        for chunk in items.compactMap(\.id).chunked(500) {
            for notice in try await LedgerCardNotice.query(on: db).filter(\.$itemID ~~ chunk).all() {
                var tally = cards[notice.itemID] ?? (0, 0)
                if notice.card == TaskCard.yellow.rawValue { tally.0 += 1 }
                if notice.card == TaskCard.red.rawValue { tally.1 += 1 }
                cards[notice.itemID] = tally
            }
        }
        return try items.compactMap { item in
            guard let id = item.id, let unit = item.assignedUnitID.flatMap({ names[$0] }) else { return nil }
            let tally = cards[id] ?? (0, 0)
            return (item, try LedgerService.facts(of: item), unit, tally.0, tally.1)
        }
    }

    /// The on-time rate, cards and ranking of the task breakdowns due in `period` (a month or a quarter).
    static func taskReport(period: AssessmentPeriod, now: Date, on db: any Database) async throws -> TaskSupervisionReport {
        let rows = try await tasks(kind: .task, category: nil, dueIn: period, on: db)
        let tasks = rows.compactMap { row -> SupervisedTask? in
            guard let due = row.item.dueAt, let id = row.item.id else { return nil }
            return SupervisedTask(id: id.uuidString, unit: row.unit, due: due, closedAt: row.facts.closedAt,
                                  yellowCards: row.yellow, redCards: row.red)
        }
        do {
            return try TaskSupervision.summarize(tasks: tasks, period: period, at: now)
        } catch let error as SupervisionError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: "period")
        }
    }

    /// A scheme's metrics per unit over the items in its scope due in `period`.
    static func schemeFacts(_ row: SchemeRow, period: AssessmentPeriod, now: Date, on db: any Database) async throws -> [SchemeUnitFacts] {
        let kind = ItemKind(rawValue: row.kind) ?? .task
        let rows = try await tasks(kind: kind, category: row.category, dueIn: period, on: db)
        var facts: [String: SchemeUnitFacts] = [:]
        let ids = rows.compactMap(\.item.id)
        var lateSignFor = Set<UUID>()
        for chunk in ids.chunked(500) {
            let late = try await LedgerEvent.query(on: db).filter(\.$itemID ~~ chunk).filter(\.$event == ItemEventKind.signFor.rawValue)
                .filter(\.$late == true).all()
            lateSignFor.formUnion(late.map(\.itemID))
        }
        for row in rows {
            var unit = facts[row.unit] ?? SchemeUnitFacts(unit: row.unit)
            guard let due = row.item.dueAt else { continue }
            unit.itemsDue += 1
            if let closed = row.facts.closedAt, closed <= due { unit.itemsClosedOnTime += 1 } else if due < now { unit.overdueItems += 1 }
            if row.facts.closedAt.map({ $0 > period.end }) ?? true { unit.unclosedItems += 1 }
            if let id = row.item.id, lateSignFor.contains(id) { unit.lateSignFor += 1 }
            unit.yellowCards += row.yellow
            unit.redCards += row.red
            facts[row.unit] = unit
        }
        return facts.values.sorted { $0.unit < $1.unit }
    }
}

/// An assessment scheme stored as data, with the ledger items it scores: a kind and, optionally, a
/// category (e.g. the traffic campaign's tasks, category 交通秩序综合治理).
final class SchemeRow: Model, @unchecked Sendable {
    static let schema = "assessment_schemes"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "scheme") var scheme: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "category") var category: String?
    @Field(key: "updated_by") var updatedBy: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    func decoded() throws -> AssessmentScheme {
        try JSONDecoder().decode(AssessmentScheme.self, from: Data(scheme.utf8))
    }
}

struct CreateSchemes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SchemeRow.schema)
            .field("code", .string, .identifier(auto: false))
            .field("scheme", .string, .required)
            .field("kind", .string, .required)
            .field("category", .string)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SchemeRow.schema).delete()
    }
}

/// `/api/v1/assessments/tasks` and `/api/v1/assessments/schemes…`.
enum SupervisionRoutes {
    static let tag = "Assessment"

    struct SchemeInput: Content {
        var scheme: AssessmentScheme
        var kind: String?
        var category: String?
    }

    struct SchemeDTO: Content {
        var code: String
        var scheme: AssessmentScheme
        var kind: String
        var category: String?
        var updatedBy: String
        var updatedAt: String
        static let schema = Schema.object([
            ("code", Schema.string()), ("scheme", Schema.object([], additional: true)), ("kind", Schema.string()),
            ("category", Schema.nullable(Schema.string())), ("updatedBy", Schema.string()), ("updatedAt", Schema.dateTime),
        ], required: ["code", "scheme", "kind", "updatedBy", "updatedAt"])
    }

    static func register(_ api: APIRoutes) {
        let period = AssessmentRoutes.periodParameter
        api.add(.GET, "assessments/tasks", summary: "目标任务按期完成率与季度排名 / task supervision of a month or quarter", tag: tag,
                query: [period], responses: [(200, "统计 / the report", Schema.object([], additional: true))], use: tasks)
        api.add(.GET, "assessments/schemes", summary: "考核方案 / assessment schemes", tag: tag,
                responses: [(200, "方案 / schemes", Schema.array(Schema.ref("AssessmentScheme")))], use: schemes)
        api.add(.PUT, "assessments/schemes/{code}", summary: "新增或修改考核方案（数据配置）/ set up a scheme", tag: tag,
                body: Schema.object([("scheme", Schema.object([], additional: true)), ("kind", Schema.string(maxLength: 20)),
                                     ("category", Schema.string(maxLength: 100))], required: ["scheme"]),
                responses: [(200, "已保存 / saved", Schema.ref("AssessmentScheme"))], pathSchemas: ["code": Schema.string(maxLength: 60)],
                use: putScheme)
        api.add(.GET, "assessments/schemes/{code}/scores", summary: "按方案计分 / score a period by a scheme", tag: tag, query: [period],
                responses: [(200, "得分 / scores", Schema.array(Schema.object([], additional: true))), (404, "无此方案 / no such scheme", Schema.ref("Error"))],
                pathSchemas: ["code": Schema.string(maxLength: 60)], use: schemeScores)
    }

    static func json<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }

    @Sendable static func tasks(_ req: Request) async throws -> Response {
        try req.requireRole(AssessmentRoutes.readers)
        return try json(try await Supervision.taskReport(period: try AssessmentRoutes.period(req), now: Date(), on: req.db))
    }

    static func dto(_ row: SchemeRow) throws -> SchemeDTO {
        SchemeDTO(code: row.id ?? "", scheme: try row.decoded(), kind: row.kind, category: row.category, updatedBy: row.updatedBy,
                  updatedAt: ChinaTimeFormat.string(row.updatedAt))
    }

    @Sendable static func schemes(_ req: Request) async throws -> [SchemeDTO] {
        try req.requireRole(AssessmentRoutes.readers)
        return try await SchemeRow.query(on: req.db).sort(\.$id).all().map(dto)
    }

    @Sendable static func putScheme(_ req: Request) async throws -> SchemeDTO {
        let actor = try req.requireRole(.admin, .supervisor)
        let code = req.parameters.get("code") ?? ""
        let input = try req.decodeJSON(SchemeInput.self)
        do { try input.scheme.validate() } catch let error as SchemeError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: "scheme." + error.field)
        }
        guard input.scheme.code == code else { throw DubanError.invalid("scheme.code", "应与路径中的方案代码一致 / must match the path") }
        let kind = try Check.enumeration(input.kind ?? ItemKind.task.rawValue, "kind", as: ItemKind.self)
        let category = try Check.optionalText(input.category, "category", max: 100)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(input.scheme), as: UTF8.self)
        return try await req.write { db in
            let existing = try await SchemeRow.find(code, on: db)
            let before = try existing.map(dto)
            let row = existing ?? SchemeRow()
            row.id = code
            row.scheme = text
            row.kind = kind.rawValue
            row.category = category
            row.updatedBy = actor.auditName
            row.updatedAt = Date()
            try await row.save(on: db)
            let after = try dto(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: existing == nil ? .create : .update,
                                      entityType: "assessment_scheme", entityID: code, before: before, after: after, at: row.updatedAt)
            return after
        }
    }

    @Sendable static func schemeScores(_ req: Request) async throws -> Response {
        try req.requireRole(AssessmentRoutes.readers)
        guard let row = try await SchemeRow.find(req.parameters.get("code"), on: req.db) else { throw DubanError.notFound("考核方案 / scheme") }
        let period = try AssessmentRoutes.period(req)
        let scheme = try row.decoded()
        guard period.months == scheme.cadence.months else {
            throw DubanError.invalid("period", "该方案按\(scheme.cadence.months)个月考核 / the scheme's period is \(scheme.cadence.months) month(s)")
        }
        let facts = try await Supervision.schemeFacts(row, period: period, now: Date(), on: req.db)
        do {
            return try json(try SchemeScoring.score(scheme: scheme, facts: facts))
        } catch let error as SchemeError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: error.field)
        }
    }
}
