import DubanCore
import Fluent
import Vapor

/// The hotline's pages: the call takers' desk (major events on top until acknowledged, the intake form,
/// today's cases), the hotline panel of a case's page, and the public form and status page.
enum HotlinePages {
    static func register(signedIn pages: any RoutesBuilder, public app: Application) {
        pages.get("hotline", use: desk)
        pages.post("hotline", roles: HotlineRoutes.hotlineDesk, use: record)
        pages.post("hotline", ":id", "acknowledge", roles: HotlineRoutes.hotlineDesk, use: acknowledge)
        pages.post("hotline", ":id", "contacts", roles: Roles.hotlineContact, use: contact)
        pages.post("hotline", ":id", "follow-up", roles: HotlineRoutes.hotlineDesk, use: followUp)
        pages.post("hotline", ":id", "evaluation", roles: [.evaluator], use: evaluate)
        app.get("report", use: publicForm)
        app.post("report", use: publicSubmit)
        app.get("track", use: track)
    }

    struct DeskPage: Encodable {
        var majorEvents: [HotlineCaseDTO]
        var hasMajorEvents: Bool
        var types: [WebRoutes.Option]
        var categories: [WebRoutes.Option]
        var urgencies: [WebRoutes.Option]
        var recent: [ItemDTO]
    }

    @Sendable static func desk(_ req: Request) async throws -> Response {
        try await deskPage(req, error: nil, status: .ok)
    }

    static func deskPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        try req.requireRole(.admin, .dispatcher, .supervisor)
        let majors = try await HotlineRoutes.majorEvents(req)
        var query = LedgerListQuery(limit: 20)
        query.kind = .hotline
        let now = Date()
        let recent = try await query.run(on: req.db).rows.map { try LedgerService.dto($0, now: now) }
        let categories = try await HotlineService.categories(on: req.db).filter(\.active)
        let content = DeskPage(
            majorEvents: majors, hasMajorEvents: !majors.isEmpty,
            types: HotlineCaseType.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .complaint) },
            categories: categories.map { .init(value: $0.code, label: $0.name + ($0.majorEvent ? "（重大事件）" : ""), selected: $0.code == "other") },
            urgencies: [.init(value: "", label: "按类别默认", selected: true)]
                + HotlineUrgency.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: false) },
            recent: recent)
        let notice = req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil
        return try await req.render("hotline", title: Strings.table(Language.of(req))["hotline"] ?? "", content, error: error,
                                    notice: notice, status: status)
    }

    struct IntakeForm: Content {
        var type: String?
        var callerName: String?
        var callerPhone: String?
        var area: String?
        var confidential: String?
        var place: String?
        var whatHappened: String?
        var demand: String?
        var categoryCode: String?
        var urgency: String?
        var unit: String?
        var closeReason: String?
    }

    @Sendable static func record(_ req: Request) async throws -> Response {
        let form = try req.content.decode(IntakeForm.self)
        do {
            let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
            let unit = try await RosterPages.unitID(named: form.unit, field: "unit", on: req.db)
            let input = HotlineIntakeInput(
                type: form.type ?? "", callerName: form.callerName, callerPhone: form.callerPhone, area: form.area,
                confidential: form.confidential == "true", receivedAt: nil, place: form.place, whatHappened: form.whatHappened ?? "",
                demand: form.demand, categoryCode: form.categoryCode ?? "", urgency: (form.urgency ?? "").isEmpty ? nil : form.urgency,
                unitId: unit?.uuidString, closeReason: form.closeReason)
            let calculator = req.application.calendarStore.calculator
            let now = Date()
            let id = try await req.write { db in
                try await HotlineService.intake(input, channel: "phone", actor: actor, submitterKey: nil, now: now,
                                                calculator: calculator, on: db).0.requireID()
            }
            return req.redirect(to: "/items/\(id.text)?saved=1")
        } catch let error as DubanError where error.status.code < 500 && error.status != .forbidden {
            return try await deskPage(req, error: error.message + (error.field.map { "（\($0)）" } ?? ""), status: error.status)
        }
    }

    @Sendable static func acknowledge(_ req: Request) async throws -> Response {
        _ = try await HotlineRoutes.acknowledge(req)
        return req.redirect(to: "/hotline")
    }

    struct ContactForm: Content {
        var at: String?
        var staff: String?
        var reached: String?
        var note: String?
    }

    @Sendable static func contact(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ContactForm.self)
        let id = try req.idParameter(what: "工单 / case")
        return try await req.formAction(back: "/items/\(id.text)", rerender: LedgerPages.itemPage) {
            let actor = try req.requireRole(.admin, .unitOperator)
            let input = HotlineContactInput(at: form.at, staff: form.staff ?? "", reached: form.reached == "true", note: form.note)
            let now = Date()
            try await req.write { db in
                let (hotline, item) = try await HotlineRoutes.load(req, actor: actor, on: db)
                _ = try await HotlineService.addContact(hotline, item: item, input: input, actor: actor, now: now, on: db)
            }
        }
    }

    struct FollowUpForm: Content { var satisfaction: String? }

    @Sendable static func followUp(_ req: Request) async throws -> Response {
        let form = try req.content.decode(FollowUpForm.self)
        let id = try req.idParameter(what: "工单 / case")
        return try await req.formAction(back: "/items/\(id.text)", rerender: LedgerPages.itemPage) {
            let actor = try req.requireRole(.admin, .dispatcher, .supervisor)
            let satisfaction = try Check.enumeration(form.satisfaction ?? "", "satisfaction", as: HotlineSatisfaction.self)
            let calculator = req.application.calendarStore.calculator
            let now = Date()
            try await req.write { db in
                let (hotline, item) = try await HotlineRoutes.load(req, actor: actor, on: db)
                try await HotlineService.followUp(hotline, item: item, satisfaction: satisfaction, actor: actor, now: now,
                                                  calculator: calculator, on: db)
            }
        }
    }

    struct EvaluationForm: Content {
        var verdict: String?
        var note: String?
    }

    @Sendable static func evaluate(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EvaluationForm.self)
        let id = try req.idParameter(what: "工单 / case")
        return try await req.formAction(back: "/items/\(id.text)", rerender: LedgerPages.itemPage) {
            let actor = try req.requireRole(.evaluator)
            let verdict = try Check.enumeration(form.verdict ?? "", "verdict", as: EvaluatorVerdict.self)
            let note = try Check.text(form.note ?? "", "note", max: 2000)
            let calculator = req.application.calendarStore.calculator
            let now = Date()
            try await req.write { db in
                let (hotline, item) = try await HotlineRoutes.load(req, actor: actor, on: db)
                try await HotlineService.evaluate(hotline, item: item, verdict: verdict, note: note, deadline: nil, actor: actor, now: now,
                                                  calculator: calculator, on: db)
            }
        }
    }

    /// The hotline panel of an item's page, for the viewer.
    struct Panel: Encodable {
        var hotline: HotlineCaseDTO
        var categoryName: String
        var callerShown: Bool
        var canContact: Bool
        var canFollowUp: Bool
        var canEvaluate: Bool
        var satisfactions: [WebRoutes.Option]
    }

    static func panel(_ req: Request, item: ItemDTO, actor: Actor) async throws -> Panel? {
        guard item.kind == .hotline else { return nil }
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        let dto: HotlineCaseDTO? = try await req.write { db in
            guard let hotline = try await HotlineCase.find(item.id, on: db), let row = try await LedgerItem.find(item.id, on: db) else { return nil }
            return try await HotlineService.dto(hotline, item: row, actor: actor, now: now, calculator: calculator, on: db)
        }
        guard let dto else { return nil }
        let categories = try await HotlineService.categories(on: req.db)
        return Panel(
            hotline: dto, categoryName: categories.first { $0.code == dto.categoryCode }?.name ?? dto.categoryCode,
            callerShown: dto.caller.view != .hidden,
            canContact: [.signedFor, .inProgress].contains(item.state) && item.assignedUnitId == actor.unitID && actor.role == .unitOperator,
            canFollowUp: item.state == .submitted && dto.evaluation != "pending" && HotlineRoutes.hotlineDesk.contains(actor.role),
            canEvaluate: dto.evaluation == "pending" && actor.role == .evaluator,
            satisfactions: HotlineSatisfaction.allCases.map { .init(value: $0.rawValue, label: $0.rawValue, selected: $0 == .satisfied) })
    }

    // MARK: Public

    struct PublicForm: Encodable {
        var types: [WebRoutes.Option]
        var trackingCode: String?
    }

    @Sendable static func publicForm(_ req: Request) async throws -> Response {
        try await req.render("report", title: Strings.table(Language.of(req))["report"] ?? "",
                             PublicForm(types: publicTypes, trackingCode: req.query[String.self, at: "code"]))
    }

    static let publicTypes = HotlineCaseType.allCases.map { WebRoutes.Option(value: $0.rawValue, label: $0.chinese, selected: $0 == .complaint) }

    struct PublicFormInput: Content {
        var type: String?
        var name: String?
        var phone: String?
        var place: String?
        var whatHappened: String?
        var demand: String?
        var confidential: String?
    }

    @Sendable static func publicSubmit(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PublicFormInput.self)
        do {
            let phone = try Check.text(form.phone ?? "", "phone", max: 30)
            guard phone.filter(\.isNumber).count >= 7 else { throw DubanError.invalid("phone", "请填写可联系的电话 / give a phone number") }
            let what = try Check.text(form.whatHappened ?? "", "whatHappened", max: 4000)
            let code = try await PublicHotlineRoutes.category(nil, text: what + (form.demand ?? ""), on: req.db)
            let input = HotlineIntakeInput(type: form.type ?? "complaint", callerName: form.name, callerPhone: phone,
                                           confidential: form.confidential == "true", place: form.place, whatHappened: what,
                                           demand: form.demand, categoryCode: code)
            let hotline = try await PublicHotlineRoutes.submitCase(input, channel: "web", ip: req.remoteAddress?.ipAddress ?? "unknown",
                                                                   phone: phone, req: req)
            return req.redirect(to: "/report?code=\(hotline.trackingCode)")
        } catch let error as DubanError where error.status.code < 500 {
            return try await req.render("report", title: Strings.table(Language.of(req))["report"] ?? "",
                                        PublicForm(types: publicTypes, trackingCode: nil),
                                        error: error.message + (error.field.map { "（\($0)）" } ?? ""), status: error.status)
        }
    }

    struct TrackPage: Encodable {
        var result: PublicCaseDTO?
        var asked: Bool
    }

    @Sendable static func track(_ req: Request) async throws -> Response {
        let title = Strings.table(Language.of(req))["track"] ?? ""
        guard let code = req.query[String.self, at: "code"], !code.isEmpty else {
            return try await req.render("track", title: title, TrackPage(result: nil, asked: false))
        }
        req.parameters.set("code", to: code)
        let result = try? await PublicHotlineRoutes.status(req)
        return try await req.render("track", title: title, TrackPage(result: result, asked: true),
                                    status: result == nil ? .notFound : .ok)
    }
}
