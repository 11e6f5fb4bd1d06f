import DubanCore
import Fluent
import Vapor

/// `/api/v1/accountability…`: the 附件5 ladder — list, evaluate a month, propose by hand, and each step.
enum AccountabilityRoutes {
    static let tag = "Assessment"

    struct EvaluateInput: Content {
        var month: String?
        static let schema = Schema.object([("month", Schema.string(maxLength: 7, pattern: "^[0-9]{4}-[0-9]{2}$"))], required: ["month"])
    }

    struct ProposeInput: Content {
        var unitId: String?
        var trigger: String?
        var month: String?
        var note: String?
        static let schema = Schema.object([
            ("unitId", Schema.uuid), ("trigger", Schema.enumeration(AccountabilityTrigger.allCases.map(\.rawValue))),
            ("month", Schema.string(maxLength: 7, pattern: "^[0-9]{4}-[0-9]{2}$")), ("note", Schema.string(maxLength: 2000)),
        ], required: ["unitId", "trigger", "month", "note"])
    }

    struct EventInput: Content {
        var event: String?
        var note: String?
        var interviewDate: String?
        var principalLeader: Bool?
        var document: String?
        static let schema = Schema.object([
            ("event", Schema.enumeration(AccountabilityEventKind.allCases.map(\.rawValue))), ("note", Schema.string(maxLength: 2000)),
            ("interviewDate", Schema.date), ("principalLeader", Schema.boolean), ("document", Schema.string(maxLength: 20000)),
        ], required: ["event"])

        func parsed() throws -> AccountabilityEvent {
            let kind = try Check.enumeration(event ?? "", "event", as: AccountabilityEventKind.self)
            let note = try Check.optionalText(self.note, "note", max: 2000)
            switch kind {
            case .confirm:
                let day = try Check.optionalDate(interviewDate, "interviewDate").flatMap(LocalDate.init)
                return .confirm(note: note, interviewDate: day, principalLeader: principalLeader ?? false)
            case .dismiss: return .dismiss(note: note ?? "")
            case .submitPlan: return .submitPlan(document: try Check.optionalText(document, "document", max: 20000) ?? "")
            case .acceptPlan: return .acceptPlan(note: note)
            case .returnPlan: return .returnPlan(note: note ?? "")
            case .appeal: return .appeal(note: note ?? "")
            case .upholdAppeal: return .upholdAppeal(note: note ?? "")
            case .grantAppeal: return .grantAppeal(note: note ?? "")
            }
        }
    }

    static func register(_ api: APIRoutes) {
        api.add(.GET, "accountability", summary: "责任追究（函告、约谈、问责）/ the accountability ladder's actions", tag: tag,
                query: [.init(name: "state", schema: Schema.enumeration(AccountabilityState.allCases.map(\.rawValue)), description: "状态 / state"),
                        .init(name: "unitId", schema: Schema.uuid, description: "单位 / unit")],
                responses: [(200, "列表（最近200条）/ the latest 200", Schema.array(Schema.ref("Accountability")))], use: list)
        api.add(.GET, "accountability/{id}", summary: "一条责任追究 / one action", tag: tag,
                responses: [(200, "记录 / the action", Schema.ref("Accountability")), (404, "不存在 / not found", Schema.ref("Error"))],
                pathSchemas: ["id": Schema.uuid], use: get)
        api.add(.POST, "accountability/evaluate", summary: "按附件5评估某月并提请 / run the rules for a month", tag: tag,
                body: Schema.ref("AccountabilityEvaluate"),
                responses: [(200, "新提请 / new proposals", Schema.array(Schema.ref("Accountability")))], use: evaluate)
        api.add(.POST, "accountability", summary: "督查室提请 / a supervisor's proposal", tag: tag, body: Schema.ref("AccountabilityPropose"),
                responses: [(201, "已提请 / proposed", Schema.ref("Accountability")), (409, "已提请 / already proposed", Schema.ref("Error"))],
                use: propose)
        api.add(.POST, "accountability/{id}/events", summary: "确认、驳回、整改方案、复议 / a step", tag: tag,
                body: Schema.ref("AccountabilityEvent"),
                responses: [(200, "已记录 / recorded", Schema.ref("Accountability")), (404, "不存在 / not found", Schema.ref("Error")),
                            (409, "状态不允许 / not allowed now", Schema.ref("Error"))],
                pathSchemas: ["id": Schema.uuid], use: event)
    }

    static func month(_ text: String?) throws -> AssessmentPeriod {
        guard let text, text.count == 7, let period = try? AssessmentPeriod("\(text)/\(text)") else {
            throw DubanError.invalid("month", "月份格式应为 yyyy-mm / month must be yyyy-mm")
        }
        return period
    }

    /// Readers see every unit; a unit operator sees its own unit's actions only.
    static func visible(_ row: AccountabilityRecord, to actor: Actor) -> Bool {
        AssessmentRoutes.readers.contains(actor.role) || (actor.role == .unitOperator && actor.unitID == row.unitID)
    }

    static func rows(state: String?, unit: UUID?, actor: Actor, on db: any Database) async throws -> [AccountabilityRecord] {
        guard AssessmentRoutes.readers.contains(actor.role) || actor.role == .unitOperator else { throw DubanError.forbidden }
        let query = AccountabilityRecord.query(on: db).sort(\.$proposedAt, .descending).limit(200)
        if let state {
            let value = try Check.enumeration(state, "state", as: AccountabilityState.self).rawValue
            query.filter(\.$state == value)
        }
        if actor.role == .unitOperator { query.filter(\.$unitID == actor.unitID) } else if let unit { query.filter(\.$unitID == unit) }
        return try await query.all()
    }

    static func dtos(_ rows: [AccountabilityRecord], on db: any Database) async throws -> [AccountabilityDTO] {
        let names = try await LedgerPages.unitNames(rows.map(\.unitID), on: db)
        let now = Date()
        return try rows.map { try AccountabilityService.dto($0, unit: names[$0.unitID] ?? "", now: now) }
    }

    @Sendable static func list(_ req: Request) async throws -> [AccountabilityDTO] {
        let actor = try req.requireActor()
        let unit = try req.query[String.self, at: "unitId"].map { try Check.uuid($0, "unitId") }
        return try await dtos(try await rows(state: req.query[String.self, at: "state"], unit: unit, actor: actor, on: req.db), on: req.db)
    }

    static func load(_ req: Request, actor: Actor, on db: any Database) async throws -> AccountabilityRecord {
        let id = try req.idParameter(what: "责任追究 / action")
        guard let row = try await AccountabilityRecord.find(id, on: db), visible(row, to: actor) else {
            throw DubanError.notFound("责任追究 / action")
        }
        return row
    }

    @Sendable static func get(_ req: Request) async throws -> AccountabilityDTO {
        let actor = try req.requireActor()
        return try await dtos([try await load(req, actor: actor, on: req.db)], on: req.db)[0]
    }

    @Sendable static func evaluate(_ req: Request) async throws -> [AccountabilityDTO] {
        try req.requireRole(.admin, .supervisor)
        let month = try month(try req.decodeJSON(EvaluateInput.self).month)
        let calculator = req.application.calendarStore.calculator
        let rows = try await req.write { db in try await AccountabilityService.evaluate(month: month, now: Date(), calculator: calculator, on: db) }
        return try await dtos(rows, on: req.db)
    }

    @Sendable static func propose(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor)
        let input = try req.decodeJSON(ProposeInput.self)
        let unitID = try Check.uuid(input.unitId, "unitId")
        let trigger = try Check.enumeration(input.trigger ?? "", "trigger", as: AccountabilityTrigger.self)
        let month = try month(input.month)
        let note = try Check.text(input.note ?? "", "note", max: 2000)
        let row = try await req.write { db in
            guard let unit = try await Unit.find(unitID, on: db) else { throw DubanError.invalid("unitId", "单位不存在 / no such unit") }
            return try await AccountabilityService.propose(trigger: trigger, unit: unit, month: month, note: note, actor: actor, now: Date(), on: db)
        }
        return try await dtos([row], on: req.db)[0].encodeResponse(status: .created, for: req)
    }

    @Sendable static func event(_ req: Request) async throws -> AccountabilityDTO {
        let actor = try req.requireActor()
        let event = try req.decodeJSON(EventInput.self).parsed()
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let row = try await load(req, actor: actor, on: db)
            return try await AccountabilityService.apply(event, to: row, actor: actor, now: Date(), calculator: calculator, on: db)
        }
    }
}
