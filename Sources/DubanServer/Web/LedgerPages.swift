import DubanCore
import Fluent
import SQLKit
import Vapor

/// The ledger pages: the list with filters, an item's page with its timeline and the actions the viewer
/// may take, the registration form; and the public page of listed hazards.
enum LedgerPages {
    static func register(signedIn pages: any RoutesBuilder, public app: Application) {
        pages.get("items", use: list)
        pages.get("items", "new", use: newItem)
        pages.post("items", roles: Roles.itemWriters, use: create)
        pages.get("items", ":id", use: item)
        pages.post("items", ":id", "act", use: act)
        pages.post("items", ":id", "five", roles: Roles.itemWriters, use: saveFive)
        pages.on(.POST, "items", ":id", "attachments",
                 body: .collect(maxSize: ByteCount(value: app.duban.maxAttachmentBytes + 64 * 1024)),
                 use: RoleGuard.wrap(Roles.itemWriters, upload))
        pages.post("items", ":id", "messages", roles: Roles.itemCorrespondents, use: postMessage)
        pages.post("items", ":id", "progress", roles: Roles.taskReporters, use: postProgress)
        pages.post("items", ":id", "look-back", roles: Roles.lookBack, use: scheduleLookBack)
        app.get("listed", use: listed)
    }

    struct Row: Encodable {
        var item: ItemDTO
        var unit: String?
        var card: String?
    }

    struct ListPageContent: Encodable {
        var rows: [Row]
        var empty: Bool
        var overdue: Bool
        var state: String
        var states: [WebRoutes.Option]
        var kinds: [WebRoutes.Option]
        var listed: Bool
        var nextHref: String?
        var canRegister: Bool
        var dueToday: Bool
        var open: Bool
        var unitId: String
        /// The list's filters as a query string, for the export links.
        var filterQuery: String
    }

    struct UnitName: Decodable { var id: UUID; var name: String }

    /// Names of units by id (SQL, no model building: lists and aggregates call it on every view).
    static func unitNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let rows = try await sql.raw("SELECT id, name FROM units WHERE id IN \(SQLGroupExpression(unique.map { SQLBind($0) }))")
            .all(decoding: UnitName.self)
        return Dictionary(rows.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let actor = try req.requireActor()
        let page = try await LedgerRoutes.list(req)
        let names = try await unitNames(page.items.compactMap(\.assignedUnitId), on: req.db)
        let overdue = req.query[String.self, at: "overdue"] == "true"
        let state = req.query[String.self, at: "state"] ?? ""
        let kind = req.query[String.self, at: "kind"] ?? ""
        let listed = req.query[String.self, at: "listed"] == "true"
        var query = [URLQueryItem]()
        if overdue { query.append(.init(name: "overdue", value: "true")) }
        if listed { query.append(.init(name: "listed", value: "true")) }
        if !state.isEmpty { query.append(.init(name: "state", value: state)) }
        if !kind.isEmpty { query.append(.init(name: "kind", value: kind)) }
        let dueToday = req.query[String.self, at: "due"] == "today"
        let open = req.query[String.self, at: "open"] == "true"
        let unitId = req.query[String.self, at: "unitId"] ?? ""
        if dueToday { query.append(.init(name: "due", value: "today")) }
        if open { query.append(.init(name: "open", value: "true")) }
        if !unitId.isEmpty { query.append(.init(name: "unitId", value: unitId)) }
        var filters = URLComponents()
        filters.queryItems = query
        let next = page.nextCursor.map { cursor -> String in
            var components = URLComponents()
            components.queryItems = query + [.init(name: "cursor", value: cursor)]
            return "/items?" + (components.percentEncodedQuery ?? "")
        }
        let content = ListPageContent(
            rows: page.items.map { Row(item: $0, unit: $0.assignedUnitId.flatMap { names[$0] }, card: $0.card.flatMap { $0 == .clear ? nil : $0.chinese }) },
            empty: page.items.isEmpty,
            overdue: overdue, state: state,
            states: ItemState.allCases.map { WebRoutes.Option(value: $0.rawValue, label: $0.chinese, selected: $0.rawValue == state) },
            kinds: ItemKind.allCases.map { WebRoutes.Option(value: $0.rawValue, label: kindNames[$0] ?? $0.rawValue, selected: $0.rawValue == kind) },
            listed: listed,
            nextHref: next, canRegister: ![.leader, .evaluator].contains(actor.role), dueToday: dueToday, open: open, unitId: unitId,
            filterQuery: query.isEmpty ? "" : (filters.percentEncodedQuery ?? ""))
        return try await req.render("items", title: t["ledger"] ?? "", content)
    }

    static let kindNames: [ItemKind: String] = [.hazard: "隐患", .referral: "抄送/移送", .task: "目标任务", .problem: "问题清单",
                                                .hotline: "热线工单"]

    struct NewItemPage: Encodable {
        var cadences: [WebRoutes.Option]
        var kinds: [WebRoutes.Option]
        var grades: [WebRoutes.Option]
        var fixModes: [WebRoutes.Option]
        var sources: [WebRoutes.Option]
    }

    @Sendable static func newItem(_ req: Request) async throws -> Response {
        try await newItemPage(req, error: nil, status: .ok)
    }

    static func newItemPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        try req.requireRole(.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise)
        let t = Strings.table(Language.of(req))
        let content = NewItemPage(
            cadences: ProgressCadence.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .monthly) },
            kinds: ItemKind.allCases.map { .init(value: $0.rawValue, label: kindNames[$0] ?? $0.rawValue, selected: $0 == .hazard) },
            grades: HazardGrade.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .general) },
            fixModes: FixMode.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .timeLimited) },
            sources: HazardSource.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .inspection) })
        return try await req.render("item-new", title: t["register"] ?? "", content, error: error, status: status)
    }

    struct ItemForm: Content {
        var kind: String?
        var title: String?
        var description: String?
        var location: String?
        var category: String?
        var grade: String?
        var fixMode: String?
        var source: String?
        var supervisedUnit: String?
        var findingDescription: String?
        var findingStandard: String?
        var findingClause: String?
        var findingDetermination: String?
        var deadlineText: String?
        var reportCadence: String?
        var coUnits: String?
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ItemForm.self)
        do {
            let supervised = try await RosterPages.unitID(named: form.supervisedUnit, field: "supervisedUnit", on: req.db)
            let finding = (form.findingDescription ?? "").isEmpty ? [] : [FindingDTO(
                description: form.findingDescription ?? "", standard: form.findingStandard, clause: form.findingClause,
                determination: form.findingDetermination)]
            let isTask = form.kind == ItemKind.task.rawValue
            var coUnits: [String] = []
            for line in (form.coUnits ?? "").split(whereSeparator: \.isNewline) where isTask {
                if let unit = try await RosterPages.unitID(named: String(line), field: "coUnits", on: req.db) { coUnits.append(unit.uuidString) }
            }
            let dto = try await LedgerRoutes.create(req, input: ItemInput(
                kind: form.kind, title: form.title, description: form.description, location: form.location, category: form.category,
                grade: form.grade, fixMode: form.fixMode, source: form.source, supervisedUnitId: supervised?.uuidString,
                findings: finding, deadlineText: isTask ? form.deadlineText : nil, reportCadence: isTask ? form.reportCadence : nil,
                coUnitIds: isTask ? coUnits : nil))
            return req.redirect(to: "/items/\(dto.id.text)?saved=1")
        } catch let error as DubanError where error.status.code < 500 {
            return try await newItemPage(req, error: error.message + (error.field.map { "（\($0)）" } ?? ""), status: error.status)
        }
    }

    /// One action the viewer may take, with the inputs its form needs.
    struct Action: Encodable {
        var event: String
        var label: String
        var needsUnit = false
        var needsDeadline = false
        var needsReason = false
        var needsNewDue = false
        var needsResult = false
        var needsLevel = false
        var needsTarget = false
        var needsDecision = false
    }

    static let actionLabels: [ItemEventKind: String] = [
        .assign: "交办", .reassign: "重新交办", .signFor: "签收", .return: "退回", .startWork: "开始整改",
        .requestExtension: "申请延期", .approveExtension: "批准延期", .rejectExtension: "不批准延期", .submit: "报结",
        .verifyPass: "验收通过", .verifyFail: "验收不通过", .close: "销号", .lookBackPass: "回头看：通过",
        .lookBackFail: "回头看：复发", .cancel: "撤销", .list: "挂牌督办", .escalateListing: "升级督办",
        .requestSuspension: "提请停产停业", .decideSuspension: "停产停业决定", .closeAtIntake: "受理即办结",
    ]

    static func actions(for item: ItemDTO, actor: Actor) -> [Action] {
        ItemEventKind.allCases.compactMap { kind -> Action? in
            let policy = ItemPolicy.standard(for: item.kind)
            guard ItemMachine.target(of: kind, from: item.state) != nil,
                  ItemMachine.roles(for: kind, policy: policy).contains(actor.role) else { return nil }
            switch kind {
            case .signFor, .return, .startWork, .requestExtension, .submit:
                guard item.assignedUnitId == actor.unitID else { return nil }
            case .approveExtension, .rejectExtension:
                guard item.pendingExtensionDue != nil else { return nil }
            case .list:
                guard item.grade == .major, item.listingLevel == nil else { return nil }
            case .escalateListing:
                guard item.listingLevel != nil else { return nil }
            case .verifyPass, .verifyFail, .lookBackPass, .lookBackFail:
                guard item.assignedUnitId != actor.unitID else { return nil }
            case .closeAtIntake:
                guard policy.closesAtIntake else { return nil }
            default: break
            }
            var action = Action(event: kind.rawValue, label: actionLabels[kind] ?? kind.rawValue)
            switch kind {
            case .assign, .reassign: action.needsUnit = true; action.needsDeadline = true
            case .return, .rejectExtension, .cancel, .requestSuspension, .closeAtIntake: action.needsReason = true
            case .verifyFail: action.needsReason = true; action.needsDeadline = true
            case .lookBackFail: action.needsReason = true; action.needsDeadline = true
            case .requestExtension: action.needsNewDue = true; action.needsReason = true
            case .submit: action.needsResult = true
            case .list: action.needsLevel = true; action.needsTarget = true
            case .escalateListing: action.needsTarget = true
            case .decideSuspension: action.needsDecision = true
            default: break
            }
            return action
        }
    }

    struct ItemPage: Encodable {
        var item: ItemDTO
        var assignedUnit: String?
        var supervisedUnit: String?
        var isTask: Bool
        var coUnits: String
        var cadence: String?
        var cardName: String?
        var missed: Int
        var hasAttachments: Bool
        var canUpload: Bool
        var canWrite: Bool
        var canReport: Bool
        var canScheduleLookBack: Bool
        var maxMB: Int
        var messages: [Entry]
        var progress: [Entry]
        var hotline: HotlinePages.Panel?

        struct Entry: Encodable {
            var at: String
            var author: String
            var unit: String?
            var text: String
        }
        var actions: [Action]
        var levels: [WebRoutes.Option]
        var hasTimeline: Bool
        var hasActions: Bool
        var canEditFive: Bool
        var missing: String
    }

    @Sendable static func item(_ req: Request) async throws -> Response {
        try await itemPage(req, error: nil, status: .ok)
    }

    @Sendable static func itemPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let dto = try await LedgerRoutes.get(req)
        let messages = dto.messages ?? [], progress = dto.progress ?? []
        let ids = [dto.assignedUnitId, dto.supervisedUnitId].compactMap { $0 } + (dto.coUnitIds ?? []) + (messages + progress).map(\.unitId)
        let names = try await unitNames(ids, on: req.db)
        let notice = req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil
        let allowed = actions(for: dto, actor: actor)
        let entries = { (list: [LedgerThreads.MessageDTO]) in
            list.map { ItemPage.Entry(at: $0.at, author: $0.author, unit: names[$0.unitId], text: $0.text) }
        }
        let isTask = dto.kind == .task
        let taskUnit = dto.assignedUnitId == actor.unitID || (dto.coUnitIds ?? []).contains(actor.unitID)
        let content = ItemPage(
            item: dto, assignedUnit: dto.assignedUnitId.flatMap { names[$0] }, supervisedUnit: dto.supervisedUnitId.flatMap { names[$0] },
            isTask: isTask, coUnits: (dto.coUnitIds ?? []).compactMap { names[$0] }.joined(separator: "、"),
            cadence: dto.reportCadence?.chinese, cardName: dto.card.flatMap { $0 == .clear ? nil : $0.chinese },
            missed: dto.missedReports ?? 0, hasAttachments: !(dto.attachments ?? []).isEmpty,
            canUpload: dto.state.isOpen && ![.leader, .evaluator].contains(actor.role),
            canWrite: actor.role != .evaluator,
            canReport: isTask && dto.state.isOpen && (actor.role == .admin || (actor.role == .unitOperator && taskUnit)),
            canScheduleLookBack: dto.state == .closed && [.admin, .supervisor, .dispatcher, .inspector].contains(actor.role),
            maxMB: req.application.duban.maxAttachmentBytes / 1024 / 1024,
            messages: entries(messages), progress: entries(progress),
            hotline: try await HotlinePages.panel(req, item: dto, actor: actor),
            actions: allowed,
            levels: ListingLevel.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .district) },
            hasTimeline: !(dto.timeline ?? []).isEmpty,
            hasActions: !allowed.isEmpty,
            canEditFive: dto.state.isOpen && ![.leader, .evaluator, .dispatcher].contains(actor.role),
            missing: dto.fiveImplementationsMissing.map { fiveNames[$0] ?? $0 }.joined(separator: "、"))
        return try await req.render("item", title: dto.title, content, error: error, notice: notice, status: status)
    }

    static let fiveNames = ["responsibility": "责任", "measures": "措施", "funds": "资金", "timeLimit": "时限", "emergencyPlan": "预案"]

    struct ActForm: Content {
        var event: String?
        var unit: String?
        var deadline: String?
        var reason: String?
        var newDue: String?
        var result: String?
        var level: String?
        var targetDate: String?
        var suspend: String?
    }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ActForm.self)
        let id = try req.idParameter(what: "条目 / item")
        return try await req.formAction(back: "/items/\(id.text)", rerender: itemPage) {
            let unit = try await RosterPages.unitID(named: form.unit, field: "unit", on: req.db)
            func blank(_ text: String?) -> String? { (text ?? "").isEmpty ? nil : text }
            _ = try await LedgerRoutes.act(req, input: ItemEventInput(
                event: form.event ?? "", unitId: unit?.uuidString, deadline: blank(form.deadline), reason: blank(form.reason),
                leaderSigned: nil, newDue: blank(form.newDue), result: blank(form.result),
                level: blank(form.level), targetDate: blank(form.targetDate),
                suspend: form.suspend.map { $0 == "true" }))
        }
    }

    @Sendable static func saveFive(_ req: Request) async throws -> Response {
        let five = try req.content.decode(FiveImplementations.self)
        let id = try req.idParameter(what: "条目 / item")
        return try await req.formAction(back: "/items/\(id.text)", rerender: itemPage) {
            _ = try await LedgerRoutes.update(req, input: ItemInput(fiveImplementations: five))
        }
    }

    struct UploadForm: Content {
        var file: File
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let id = try req.idParameter(what: "条目 / item")
        return try await req.formAction(back: "/items/\(id.text)", rerender: itemPage) {
            guard let form = try? req.content.decode(UploadForm.self) else {
                throw DubanError.invalid("file", "请选择要上传的文件 / choose a file to upload")
            }
            let type = form.file.contentType.map { "\($0.type)/\($0.subType)" } ?? ""
            _ = try await LedgerAttachments.add(req, name: form.file.filename, contentType: type, bytes: Data(buffer: form.file.data))
        }
    }

    struct TextForm: Content {
        var text: String?
    }

    @Sendable static func postMessage(_ req: Request) async throws -> Response {
        let form = try req.content.decode(TextForm.self)
        let id = try req.idParameter(what: "条目 / item")
        return try await req.formAction(back: "/items/\(id.text)", rerender: itemPage) {
            _ = try await LedgerThreads.postMessage(req, text: form.text ?? "")
        }
    }

    @Sendable static func postProgress(_ req: Request) async throws -> Response {
        let form = try req.content.decode(TextForm.self)
        let id = try req.idParameter(what: "条目 / item")
        return try await req.formAction(back: "/items/\(id.text)", rerender: itemPage) {
            _ = try await LedgerThreads.postProgress(req, text: form.text ?? "")
        }
    }

    @Sendable static func scheduleLookBack(_ req: Request) async throws -> Response {
        let form = try req.content.decode(TextForm.self)
        let id = try req.idParameter(what: "条目 / item")
        return try await req.formAction(back: "/items/\(id.text)", rerender: itemPage) {
            _ = try await LedgerThreads.scheduleLookBack(req, at: form.text ?? "")
        }
    }

    struct ListedPage: Encodable {
        var hazards: [LedgerRoutes.ListedHazardDTO]
        var empty: Bool
    }

    /// Public: no sign-in.
    @Sendable static func listed(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let hazards = try await LedgerRoutes.listed(req)
        return try await req.render("listed", title: t["listedHazards"] ?? "", ListedPage(hazards: hazards, empty: hazards.isEmpty))
    }
}
