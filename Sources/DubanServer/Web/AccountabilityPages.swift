import DubanCore
import Fluent
import Vapor

/// The 附件5 ladder's pages: the list (a unit's own, or everyone's for supervisors and leaders) with the
/// supervisor's "evaluate a month" and "propose" forms, and one action with its steps and the forms
/// the viewer may use now (from the core machine's table).
enum AccountabilityPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("accountability", use: list)
        pages.post("accountability", "evaluate", roles: Roles.supervision, use: evaluate)
        pages.post("accountability", "propose", roles: Roles.supervision, use: propose)
        pages.get("accountability", ":id", use: detail)
        pages.post("accountability", ":id", "events", use: event)
    }

    struct ListPage: Encodable {
        var rows: [AccountabilityDTO]
        var hasRows: Bool
        var states: [WebRoutes.Option]
        var unitId: String
        var canPropose: Bool
        var triggers: [WebRoutes.Option]
        var lastMonth: String
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        try await listPage(req, error: nil, status: .ok)
    }

    static func listPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let state = req.query[String.self, at: "state"].flatMap { $0.isEmpty ? nil : $0 }
        let unit = req.query[String.self, at: "unit"].flatMap(UUID.init(uuidString:))
        let rows = try await AccountabilityRoutes.dtos(
            try await AccountabilityRoutes.rows(state: state, unit: unit, actor: actor, on: req.db), on: req.db)
        let today = LocalDate(chinaTimeOf: Date())
        let last = today.map { $0.month == 1 ? String(format: "%04d-12", $0.year - 1) : String(format: "%04d-%02d", $0.year, $0.month - 1) } ?? ""
        let page = ListPage(
            rows: rows, hasRows: !rows.isEmpty,
            states: AccountabilityState.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == state) },
            unitId: unit?.uuidString ?? "", canPropose: actor.role == .admin || actor.role == .supervisor,
            triggers: AccountabilityTrigger.allCases.map {
                .init(value: $0.rawValue, label: "\($0.level.chinese) \($0.clause) \($0.clauseText)", selected: false)
            }, lastMonth: last)
        return try await req.render("accountability", title: "责任追究", page, error: error,
                                    notice: req.query[String.self, at: "saved"] != nil ? "已保存" : nil, status: status)
    }

    struct EvaluateForm: Content { var month: String? }

    @Sendable static func evaluate(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EvaluateForm.self)
        return try await req.formAction(back: "/accountability", rerender: { try await listPage($0, error: $1, status: $2) }) {
            try req.requireRole(.admin, .supervisor)
            let month = try AccountabilityRoutes.month(form.month)
            let calculator = req.application.calendarStore.calculator
            _ = try await req.write { db in try await AccountabilityService.evaluate(month: month, now: Date(), calculator: calculator, on: db) }
        }
    }

    struct ProposeForm: Content {
        var unit: String?
        var trigger: String?
        var month: String?
        var note: String?
    }

    @Sendable static func propose(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ProposeForm.self)
        return try await req.formAction(back: "/accountability", rerender: { try await listPage($0, error: $1, status: $2) }) {
            let actor = try req.requireRole(.admin, .supervisor)
            guard let unitID = try await RosterPages.unitID(named: form.unit, field: "unit", on: req.db) else {
                throw DubanError.invalid("unit", "请填写单位 / the unit is required")
            }
            let trigger = try Check.enumeration(form.trigger ?? "", "trigger", as: AccountabilityTrigger.self)
            let month = try AccountabilityRoutes.month(form.month)
            let note = try Check.text(form.note ?? "", "note", max: 2000)
            _ = try await req.write { db in
                guard let unit = try await Unit.find(unitID, on: db) else { throw DubanError.invalid("unit", "单位不存在 / no such unit") }
                return try await AccountabilityService.propose(trigger: trigger, unit: unit, month: month, note: note, actor: actor, now: Date(), on: db)
            }
        }
    }

    struct DetailPage: Encodable {
        var action: AccountabilityDTO
        var events: [WebRoutes.Option]
        var hasEvents: Bool
        var needsInterview: Bool
        var needsDocument: Bool
    }

    @Sendable static func detail(_ req: Request) async throws -> Response {
        try await detailPage(req, error: nil, status: .ok)
    }

    static func detailPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let row = try await AccountabilityRoutes.load(req, actor: actor, on: req.db)
        let dto = try await AccountabilityRoutes.dtos([row], on: req.db)[0]
        let state = AccountabilityState(rawValue: row.state) ?? .proposed
        let role: Role = actor.role == .admin ? .supervisor : actor.role
        let level = AccountabilityLevel(rawValue: row.level) ?? .letter
        let events = AccountabilityEventKind.allCases.filter { kind in
            kind.role == role && AccountabilityMachine.target(of: kind, from: state) != nil
                && (level == .interview || ![.submitPlan, .acceptPlan, .returnPlan].contains(kind))
                && (role != .unitOperator || row.unitID == actor.unitID)
        }
        let page = DetailPage(action: dto, events: events.map { .init(value: $0.rawValue, label: $0.chinese, selected: false) },
                              hasEvents: !events.isEmpty, needsInterview: events.contains(.confirm) && level == .interview,
                              needsDocument: events.contains(.submitPlan))
        return try await req.render("accountability-action", title: "\(dto.levelName) \(dto.unit)", page, error: error,
                                    notice: req.query[String.self, at: "saved"] != nil ? "已保存" : nil, status: status)
    }

    struct EventForm: Content {
        var event: String?
        var note: String?
        var interviewDate: String?
        var principalLeader: String?
        var document: String?
    }

    @Sendable static func event(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EventForm.self)
        let id = try req.idParameter(what: "责任追究 / action")
        return try await req.formAction(back: "/accountability/\(id.uuidString)", rerender: { try await detailPage($0, error: $1, status: $2) }) {
            let actor = try req.requireActor()
            let event = try AccountabilityRoutes.EventInput(
                event: form.event, note: form.note, interviewDate: (form.interviewDate ?? "").isEmpty ? nil : form.interviewDate,
                principalLeader: form.principalLeader == "true", document: form.document).parsed()
            let calculator = req.application.calendarStore.calculator
            _ = try await req.write { db in
                let row = try await AccountabilityRoutes.load(req, actor: actor, on: db)
                return try await AccountabilityService.apply(event, to: row, actor: actor, now: Date(), calculator: calculator, on: db)
            }
        }
    }
}
