import DubanCore
import Fluent
import Vapor

/// `/api/v1/hotline/…`: intake, dispatch, contact attempts, follow-up, third-party evaluation, major
/// events, the picklists and knowledge base, and the weekly serious-case report. Sign-for, returns,
/// extensions and the reply are the ledger's events on the same id (`/api/v1/items/{id}/events`).
enum HotlineRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Hotline"
        let caseSchema = Schema.ref("HotlineCase")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", Schema.ref("Error"))
        api.add(.GET, "hotline/major-events", summary: "未确认的重大事件（置顶）/ major events this user has not acknowledged",
                tag: tag, responses: [(200, "重大事件 / major events", Schema.array(caseSchema))], use: majorEvents)
        api.add(.GET, "hotline/categories", summary: "事件类别 / the category list", tag: tag,
                responses: [(200, "类别 / categories", Schema.array(Schema.ref("HotlineCategory")))], use: categories)
        api.add(.PUT, "hotline/categories/{code}", summary: "新增或修改事件类别（管理员）/ add or change a category (admin)", tag: tag,
                body: Schema.ref("HotlineCategoryInput"), responses: [(200, "已保存 / saved", Schema.ref("HotlineCategory"))],
                pathSchemas: ["code": Schema.string(maxLength: 50, pattern: "^[a-z0-9_]+$")], use: putCategory)
        api.add(.GET, "hotline/suggest", summary: "按来电内容建议类别并检索知识库 / suggest categories and answers", tag: tag,
                query: [.init(name: "text", schema: Schema.string(maxLength: 4000), required: true, description: "来电内容 / what the caller said")],
                responses: [(200, "建议 / suggestions", Schema.ref("HotlineSuggestions"))], use: suggest)
        api.add(.POST, "hotline/knowledge", summary: "增加知识库条目 / add a knowledge-base answer", tag: tag,
                body: Schema.ref("KnowledgeInput"), responses: [(201, "已增加 / added", Schema.ref("KnowledgeEntry"))], use: addKnowledge)
        api.add(.PUT, "hotline/evaluators/{id}", summary: "设置第三方评价员的岗位代码和分派比例 / set an evaluator's position code and ratio",
                tag: tag, body: Schema.ref("EvaluatorInput"), responses: [(200, "已保存 / saved", Schema.ref("EvaluatorInput")), notFound],
                use: putEvaluator)
        api.add(.GET, "hotline/reports/weekly", summary: "每周重要工单（报区领导签办）/ the week's serious cases for the leaders", tag: tag,
                query: [.init(name: "date", schema: Schema.date, description: "该周任一天，默认今天 / any day of the week")],
                responses: [(200, "报告 / report", Schema.ref("WeeklyReport"))], use: weekly)
        api.add(.POST, "hotline/cases", summary: "受理来电 / record a call", tag: tag, body: Schema.ref("HotlineIntake"),
                responses: [(201, "已受理 / recorded", caseSchema)], use: intake)
        api.add(.GET, "hotline/cases/{id}", summary: "查看工单 / get a case", tag: tag, responses: [(200, "工单 / the case", caseSchema), notFound],
                use: get)
        api.add(.POST, "hotline/cases/{id}/dispatch", summary: "转办至首办责任单位 / dispatch to the first-responsible unit", tag: tag,
                body: Schema.ref("HotlineDispatch"), responses: [(200, "已转办 / dispatched", caseSchema), notFound], use: dispatch)
        api.add(.POST, "hotline/cases/{id}/contacts", summary: "登记联系来电人 / log a contact attempt", tag: tag,
                body: Schema.ref("HotlineContact"), responses: [(201, "已登记 / logged", caseSchema), notFound], use: contact)
        api.add(.POST, "hotline/cases/{id}/follow-up", summary: "回访满意度 / record the follow-up call", tag: tag,
                body: Schema.ref("HotlineFollowUp"), responses: [(200, "已回访 / recorded", caseSchema), notFound], use: followUp)
        api.add(.POST, "hotline/cases/{id}/evaluation", summary: "第三方评价 / the evaluator's verdict", tag: tag,
                body: Schema.ref("HotlineEvaluation"), responses: [(200, "已评价 / recorded", caseSchema), notFound], use: evaluate)
        api.add(.POST, "hotline/cases/{id}/acknowledge", summary: "确认重大事件 / acknowledge a major event", tag: tag,
                responses: [(204, "已确认 / acknowledged", nil), notFound], use: acknowledge)
        PublicHotlineRoutes.register(api)
    }

    static let hotlineDesk: [Role] = [.admin, .dispatcher, .supervisor]

    /// The case and its item, when the viewer may open it.
    static func load(_ req: Request, actor: Actor, on db: any Database) async throws -> (HotlineCase, LedgerItem) {
        let item = try await LedgerRoutes.load(req, actor: actor, on: db)
        guard let hotline = try await HotlineCase.find(item.id, on: db) else { throw DubanError.notFound("工单 / case") }
        return (hotline, item)
    }

    static func respond(_ req: Request, actor: Actor, status: HTTPResponseStatus = .ok,
                        _ work: @escaping @Sendable (any Database) async throws -> (HotlineCase, LedgerItem)) async throws -> Response {
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        let dto = try await req.write { db in
            let (hotline, item) = try await work(db)
            return try await HotlineService.dto(hotline, item: item, actor: actor, now: now, calculator: calculator, on: db)
        }
        return try await dto.encodeResponse(status: status, for: req)
    }

    @Sendable static func intake(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
        let input = try req.decodeJSON(HotlineIntakeInput.self)
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        return try await respond(req, actor: actor, status: .created) { db in
            try await HotlineService.intake(input, channel: "phone", actor: actor, submitterKey: nil, now: now, calculator: calculator, on: db)
        }
    }

    @Sendable static func get(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        return try await respond(req, actor: actor) { db in try await load(req, actor: actor, on: db) }
    }

    @Sendable static func dispatch(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
        let input = try req.decodeJSON(HotlineDispatchInput.self)
        let unit = try Check.uuid(input.unitId, "unitId")
        let lead = try input.leadUnitId.flatMap { $0.isEmpty ? nil : try Check.uuid($0, "leadUnitId") }
        // 附件1: the 区政府办 names the lead unit of a case that crosses departments.
        if lead != nil && actor.role == .dispatcher { throw DubanError(.forbidden, code: "forbidden", message: "牵头单位由督查室指定 / a supervisor names the lead unit", field: "leadUnitId") }
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        return try await respond(req, actor: actor) { db in
            let (hotline, item) = try await load(req, actor: actor, on: db)
            try await HotlineService.dispatch(hotline, item: item, unit: unit, lead: lead, actor: actor, now: now, calculator: calculator, on: db)
            return (hotline, item)
        }
    }

    @Sendable static func contact(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .unitOperator)
        let input = try req.decodeJSON(HotlineContactInput.self)
        let now = Date()
        return try await respond(req, actor: actor, status: .created) { db in
            let (hotline, item) = try await load(req, actor: actor, on: db)
            _ = try await HotlineService.addContact(hotline, item: item, input: input, actor: actor, now: now, on: db)
            return (hotline, item)
        }
    }

    @Sendable static func followUp(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
        let satisfaction = try Check.enumeration(try req.decodeJSON(HotlineFollowUpInput.self).satisfaction, "satisfaction",
                                                 as: HotlineSatisfaction.self)
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        return try await respond(req, actor: actor) { db in
            let (hotline, item) = try await load(req, actor: actor, on: db)
            try await HotlineService.followUp(hotline, item: item, satisfaction: satisfaction, actor: actor, now: now,
                                              calculator: calculator, on: db)
            return (hotline, item)
        }
    }

    @Sendable static func evaluate(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.evaluator)
        let input = try req.decodeJSON(HotlineEvaluationInput.self)
        let verdict = try Check.enumeration(input.verdict, "verdict", as: EvaluatorVerdict.self)
        let note = try Check.text(input.note, "note", max: 2000)
        let deadline = try input.deadline.flatMap { $0.isEmpty ? nil : $0 }.map { text -> Date in
            guard let date = ChinaTimeFormat.parse(text) else { throw DubanError.invalid("deadline", "deadline 应为 ISO 8601 时间 / must be ISO 8601") }
            return date
        }
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        return try await respond(req, actor: actor) { db in
            let (hotline, item) = try await load(req, actor: actor, on: db)
            try await HotlineService.evaluate(hotline, item: item, verdict: verdict, note: note, deadline: deadline, actor: actor, now: now,
                                              calculator: calculator, on: db)
            return (hotline, item)
        }
    }

    @Sendable static func acknowledge(_ req: Request) async throws -> HTTPStatus {
        let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
        let now = Date()
        try await req.write { db in
            let (hotline, _) = try await load(req, actor: actor, on: db)
            let id = try hotline.requireID()
            guard try await HotlineMajorAck.query(on: db).filter(\.$caseID == id).filter(\.$userID == actor.userID).count() == 0 else { return }
            let ack = HotlineMajorAck()
            ack.caseID = id
            ack.userID = actor.userID
            ack.at = now.wholeMilliseconds
            try await ack.create(on: db)
        }
        return .noContent
    }

    /// Major events of the last 7 days this user has not acknowledged, newest first (附件1 二(二)2).
    @Sendable static func majorEvents(_ req: Request) async throws -> [HotlineCaseDTO] {
        let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
        let now = Date()
        let acknowledged = try await HotlineMajorAck.query(on: req.db).filter(\.$userID == actor.userID).all(\.$caseID)
        let rows = try await HotlineCase.query(on: req.db).filter(\.$majorEvent == true)
            .filter(\.$receivedAt >= now.addingTimeInterval(-7 * 86400)).sort(\.$receivedAt, .descending).limit(50).all()
        let calculator = req.application.calendarStore.calculator
        var result: [HotlineCaseDTO] = []
        for row in rows where !acknowledged.contains(row.id ?? UUID()) {
            guard let item = try await LedgerItem.find(row.id, on: req.db) else { continue }
            result.append(try await HotlineService.dto(row, item: item, actor: actor, now: now, calculator: calculator, on: req.db))
        }
        return result
    }

    struct CategoryDTO: Content {
        var code: String
        var name: String
        var urgency: HotlineUrgency
        var defaultUnit: String?
        var photoRequired: Bool
        var majorEvent: Bool
        static let schema = Schema.object([
            ("code", Schema.string()), ("name", Schema.string()), ("urgency", Schema.enumeration(HotlineUrgency.allCases.map(\.rawValue))),
            ("defaultUnit", Schema.string()), ("photoRequired", Schema.boolean), ("majorEvent", Schema.boolean),
        ], required: ["code", "name", "urgency", "photoRequired", "majorEvent"])
    }

    @Sendable static func categories(_ req: Request) async throws -> [CategoryDTO] {
        _ = try req.requireActor()
        return try await HotlineService.categories(on: req.db).filter(\.active).map {
            CategoryDTO(code: $0.code, name: $0.name, urgency: $0.defaultUrgency, defaultUnit: $0.defaultUnitName,
                        photoRequired: $0.photoRequired, majorEvent: $0.majorEvent)
        }
    }

    struct CategoryInput: Content {
        var name: String
        var urgency: String
        var defaultUnit: String?
        var photoRequired: Bool
        var majorEvent: Bool
        var keywords: [String]?
        var active: Bool
        static let schema = Schema.object([
            ("name", Schema.string(maxLength: 50, minLength: 1)), ("urgency", Schema.enumeration(HotlineUrgency.allCases.map(\.rawValue))),
            ("defaultUnit", Schema.string(maxLength: 200)), ("photoRequired", Schema.boolean), ("majorEvent", Schema.boolean),
            ("keywords", Schema.array(Schema.string(maxLength: 30), maxItems: 50)), ("active", Schema.boolean),
        ], required: ["name", "urgency", "photoRequired", "majorEvent", "active"])
    }

    /// 根据系统列表: admins keep the picklist; a category in use is deactivated, never deleted.
    @Sendable static func putCategory(_ req: Request) async throws -> CategoryDTO {
        let actor = try req.requireRole(.admin)
        let code = req.parameters.get("code") ?? ""
        guard (1...50).contains(code.count), code.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw DubanError.invalid("code", "代码应为小写字母、数字或下划线 / code must be lowercase letters, digits or _")
        }
        let input = try req.decodeJSON(CategoryInput.self)
        let urgency = try Check.enumeration(input.urgency, "urgency", as: HotlineUrgency.self)
        let name = try Check.text(input.name, "name", max: 50)
        let unit = try Check.optionalText(input.defaultUnit, "defaultUnit", max: 200)
        let keywords = try (input.keywords ?? []).enumerated().map { try Check.text($1, "keywords.\($0)", max: 30) }
        return try await req.write { db in
            let row = try await HotlineCategoryRow.find(code, on: db) ?? HotlineCategoryRow()
            let before = row.id.map { _ in CategoryDTO(code: code, name: row.name, urgency: HotlineUrgency(rawValue: row.urgency) ?? .general,
                                                       defaultUnit: row.unitName, photoRequired: row.photoRequired, majorEvent: row.majorEvent) }
            if row.id == nil {
                row.id = code
                row.position = try await HotlineCategoryRow.query(on: db).count()
            }
            row.name = name
            row.urgency = urgency.rawValue
            row.unitName = unit
            row.photoRequired = input.photoRequired
            row.majorEvent = input.majorEvent
            row.keywords = String(decoding: try JSONEncoder().encode(keywords), as: UTF8.self)
            row.active = input.active
            try await row.save(on: db)
            let after = CategoryDTO(code: code, name: name, urgency: urgency, defaultUnit: unit, photoRequired: input.photoRequired,
                                    majorEvent: input.majorEvent)
            try await AuditLog.record(on: db, actor: actor.auditName, action: before == nil ? .create : .update,
                                      entityType: "hotline_category", entityID: code, before: before, after: after)
            return after
        }
    }

    struct KnowledgeDTO: Content {
        var id: UUID
        var question: String
        var answer: String
        var keywords: [String]
        var categoryCode: String?
        static let schema = Schema.object([
            ("id", Schema.uuid), ("question", Schema.string()), ("answer", Schema.string()), ("keywords", Schema.array(Schema.string())),
            ("categoryCode", Schema.string()),
        ], required: ["id", "question", "answer", "keywords"])
    }

    struct KnowledgeInput: Content {
        var question: String
        var answer: String
        var keywords: [String]?
        var categoryCode: String?
        static let schema = Schema.object([
            ("question", Schema.string(maxLength: 500, minLength: 1)), ("answer", Schema.string(maxLength: 4000, minLength: 1)),
            ("keywords", Schema.array(Schema.string(maxLength: 50), maxItems: 30)), ("categoryCode", Schema.string(maxLength: 50)),
        ], required: ["question", "answer"])
    }

    struct Suggestions: Content {
        struct Category: Content { var code: String; var name: String; var matched: [String] }
        var categories: [Category]
        var answers: [KnowledgeDTO]
        static let schema = Schema.object([
            ("categories", Schema.array(Schema.object([("code", Schema.string()), ("name", Schema.string()),
                                                       ("matched", Schema.array(Schema.string()))], required: ["code", "name", "matched"]))),
            ("answers", Schema.array(Schema.ref("KnowledgeEntry"))),
        ], required: ["categories", "answers"])
    }

    static func knowledgeDTO(_ row: HotlineKnowledge) throws -> KnowledgeDTO {
        KnowledgeDTO(id: try row.requireID(), question: row.question, answer: row.answer,
                     keywords: (try? JSONDecoder().decode([String].self, from: Data(row.keywords.utf8))) ?? [], categoryCode: row.categoryCode)
    }

    /// 根据系统列表 and 根据知识库: the categories and knowledge-base answers that fit what the caller said.
    @Sendable static func suggest(_ req: Request) async throws -> Suggestions {
        try req.requireRole(.admin, .dispatcher, .supervisor)
        let text = try Check.text(req.query[String.self, at: "text"] ?? "", "text", max: 4000)
        let categories = try await HotlineService.categories(on: req.db).filter(\.active)
        let rows = try await HotlineKnowledge.query(on: req.db).limit(5000).all()
        let entries = try rows.map { row in
            let dto = try knowledgeDTO(row)
            return KnowledgeEntry(id: dto.id.uuidString, question: dto.question, answer: dto.answer, keywords: dto.keywords,
                                  categoryCode: dto.categoryCode)
        }
        let byID = Dictionary(uniqueKeysWithValues: try rows.map { (try $0.requireID().uuidString, $0) })
        return Suggestions(
            categories: CategorySuggester.suggest(text: text, categories: categories).map {
                .init(code: $0.category.code, name: $0.category.name, matched: $0.matchedKeywords)
            },
            answers: try KnowledgeBase.search(text, in: entries).prefix(5).compactMap { match in
                try byID[match.entry.id].map(knowledgeDTO)
            })
    }

    @Sendable static func addKnowledge(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
        let input = try req.decodeJSON(KnowledgeInput.self)
        let row = HotlineKnowledge()
        row.id = UUID()
        row.question = try Check.text(input.question, "question", max: 500)
        row.answer = try Check.text(input.answer, "answer", max: 4000)
        row.keywords = String(decoding: try JSONEncoder().encode(try (input.keywords ?? []).enumerated().map {
            try Check.text($1, "keywords.\($0)", max: 50)
        }), as: UTF8.self)
        row.categoryCode = try Check.optionalText(input.categoryCode, "categoryCode", max: 50)
        row.updatedAt = Date().wholeMilliseconds
        row.updatedBy = actor.auditName
        let dto = try await req.write { db in
            try await row.create(on: db)
            let dto = try knowledgeDTO(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "hotline_knowledge",
                                      entityID: dto.id.text, before: KnowledgeDTO?.none, after: dto)
            return dto
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    struct EvaluatorInput: Content {
        var positionCode: String
        var ratio: Int
        var active: Bool
        static let schema = Schema.object([
            ("positionCode", Schema.string(maxLength: 20, minLength: 1)), ("ratio", Schema.integer(minimum: 0, maximum: 1000)),
            ("active", Schema.boolean),
        ], required: ["positionCode", "ratio", "active"])
    }

    @Sendable static func putEvaluator(_ req: Request) async throws -> EvaluatorInput {
        let actor = try req.requireRole(.admin)
        let id = try req.idParameter(what: "用户 / user")
        let input = try req.decodeJSON(EvaluatorInput.self)
        let code = try Check.text(input.positionCode, "positionCode", max: 20)
        guard (0...1000).contains(input.ratio) else { throw DubanError.invalid("ratio", "比例应为0–1000 / ratio must be 0–1000") }
        return try await req.write { db in
            guard let user = try await User.find(id, on: db), user.role == Role.evaluator.rawValue else {
                throw DubanError.notFound("评价员 / evaluator")
            }
            if let other = try await HotlineEvaluatorRow.query(on: db).filter(\.$positionCode == code).first(), other.id != id {
                throw DubanError.conflict("岗位代码已被使用 / position code in use", code: "duplicate", field: "positionCode")
            }
            let row = try await HotlineEvaluatorRow.find(id, on: db) ?? HotlineEvaluatorRow()
            row.id = id
            row.positionCode = code
            row.ratio = input.ratio
            row.active = input.active
            try await row.save(on: db)
            let saved = EvaluatorInput(positionCode: code, ratio: input.ratio, active: input.active)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "hotline_evaluator",
                                      entityID: id.text, before: EvaluatorInput?.none, after: saved)
            return saved
        }
    }

    struct WeeklyReport: Content {
        struct Entry: Content { var trackingCode: String; var caseId: UUID; var title: String; var reasons: [String] }
        var weekStart: String
        var weekEnd: String
        var bulletinDay: String
        var entries: [Entry]
        static let schema = Schema.object([
            ("weekStart", Schema.date), ("weekEnd", Schema.date), ("bulletinDay", Schema.date),
            ("entries", Schema.array(Schema.object([("trackingCode", Schema.string()), ("caseId", Schema.uuid), ("title", Schema.string()),
                                                    ("reasons", Schema.array(Schema.string()))],
                                                   required: ["trackingCode", "caseId", "title", "reasons"]))),
        ], required: ["weekStart", "weekEnd", "bulletinDay", "entries"])
    }

    static func serious(week: DatePeriod, cases: [SeriousCaseFacts], asOf now: Date, calculator: DeadlineCalculator) throws -> SeriousCaseReport {
        do {
            return try SeriousCaseReport.build(week: week, cases: cases, asOf: now, calculator: calculator)
        } catch {
            throw HotlineService.hotlineError(error)
        }
    }

    /// 每周…后台报表报区领导签办 (附件1 二(十)): the week's serious cases, from the data.
    @Sendable static func weekly(_ req: Request) async throws -> WeeklyReport {
        try req.requireRole(.admin, .dispatcher, .supervisor, .leader)
        let now = Date()
        let day = try req.query[String.self, at: "date"].flatMap { $0.isEmpty ? nil : $0 }.flatMap { LocalDate(try Check.date($0, "date")) }
            ?? LocalDate(chinaTimeOf: now)
        guard let day else { throw DubanError.invalid("date", "日期无效 / invalid date") }
        let week = HotlineWeek.weekContaining(day)
        let bounds = HotlineWeek.bounds(of: week)
        let rows = try await HotlineCase.query(on: req.db).filter(\.$receivedAt < bounds.upperBound)
            .filter(\.$receivedAt >= bounds.lowerBound.addingTimeInterval(-90 * 86400)).limit(20_000).all()
        let ids = rows.compactMap(\.id)
        let loaded = try await LedgerItem.query(on: req.db).filter(\.$id ~~ ids).all()
        let items = Dictionary(uniqueKeysWithValues: loaded.compactMap { item in item.id.map { ($0, item) } })
        var facts: [SeriousCaseFacts] = []
        for row in rows {
            guard let id = row.id, let item = items[id] else { continue }
            let itemFacts = try LedgerService.facts(of: item)
            let repeats = try await HotlineCase.query(on: req.db).filter(\.$repeatOf == id).count()
            facts.append(SeriousCaseFacts(id: id.uuidString, type: HotlineCaseType(rawValue: row.caseType) ?? .other,
                                          categoryCode: row.categoryCode, majorEvent: row.majorEvent, secondSupervision: row.secondSupervision,
                                          complaintCount: 1 + repeats, evaluatorVerdict: row.evaluation.flatMap(EvaluatorVerdict.init(rawValue:)),
                                          receivedAt: row.receivedAt, dueAt: itemFacts.deadline, closedAt: itemFacts.closedAt))
        }
        let report = try serious(week: week, cases: facts, asOf: now, calculator: req.application.calendarStore.calculator)
        let codes = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0.uuidString, row.trackingCode) } })
        return WeeklyReport(
            weekStart: week.start.description, weekEnd: week.end.description, bulletinDay: HotlineWeek.bulletinDay(of: week).description,
            entries: report.entries.compactMap { entry in
                guard let id = UUID(uuidString: entry.caseID), let item = items[id] else { return nil }
                return .init(trackingCode: codes[entry.caseID] ?? "", caseId: id, title: item.title, reasons: entry.reasons.map(\.chinese))
            })
    }
}
