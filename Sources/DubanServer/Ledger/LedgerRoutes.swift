import DubanCore
import Fluent
import SQLKit
import Vapor

/// `/api/v1/items`: the ledger (台账) — register, list, read, change, and move items through their
/// life cycle; `/api/v1/public/listed-hazards`: the public list of hazards under listed supervision.
enum LedgerRoutes {
    static func register(_ api: APIRoutes) {
        LedgerMetrics.register(api)  // before items/{id}, so "metrics" is not read as an id
        LedgerAttachments.register(api)
        LedgerThreads.register(api)
        let tag = "Ledger"
        let item = Schema.ref("Item")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", Schema.ref("Error"))
        api.add(.GET, "items", summary: "台账列表 / list items", tag: tag,
                query: listFilters + [.limit, .cursor],
                responses: [(200, "条目 / items", Schema.page(of: "Item"))], use: list)
        api.add(.GET, "items/export", summary: "导出台账列表（CSV 或 XLSX，含筛选条件，流式）/ export the filtered list", tag: tag,
                query: listFilters + [ListExport.formatParameter],
                responses: [(200, "CSV 或 XLSX / CSV or XLSX", nil)], use: export)
        api.add(.POST, "items", summary: "登记 / register an item", tag: tag, body: Schema.ref("ItemInput"),
                responses: [(201, "已登记 / registered", item)], use: create)
        api.add(.GET, "items/{id}", summary: "查看条目及时间线 / get an item with its timeline", tag: tag,
                responses: [(200, "条目 / the item", item), notFound], use: get)
        api.add(.PATCH, "items/{id}", summary: "补充或修改内容（含五落实）/ change an item's details", tag: tag,
                body: Schema.ref("ItemInput"), responses: [(200, "已修改 / changed", item), notFound,
                                                           (409, "已关闭 / closed", Schema.ref("Error"))], use: update)
        api.add(.POST, "items/{id}/events", summary: "办理：交办、签收、退回、延期、报结、验收、销号… / act on an item", tag: tag,
                body: Schema.ref("ItemEventInput"),
                responses: [(200, "已办理 / done", item), notFound, (409, "当前状态不允许 / not allowed in this state", Schema.ref("Error"))],
                use: act)
        api.add(.GET, "public/listed-hazards", summary: "挂牌督办的重大隐患（公开）/ hazards under listed supervision (public)",
                tag: tag, query: [.limit],
                responses: [(200, "挂牌隐患 / listed hazards", Schema.array(Schema.ref("ListedHazard")))], requiresAuth: false,
                use: listed)
    }

    static let listFilters: [APIOperation.QueryParameter] = [
        .init(name: "state", schema: Schema.enumeration(ItemState.allCases.map(\.rawValue)), description: "状态 / state"),
        .init(name: "kind", schema: Schema.enumeration(ItemKind.allCases.map(\.rawValue)), description: "类别 / kind"),
        .init(name: "grade", schema: Schema.enumeration(HazardGrade.allCases.map(\.rawValue)), description: "等级 / grade"),
        .init(name: "unitId", schema: Schema.uuid, description: "承办单位 / assigned unit"),
        .init(name: "overdue", schema: Schema.enumeration(["true", "false"]),
              description: "只看超期，按到期时间排序 / overdue only, by due time"),
        .init(name: "listed", schema: Schema.enumeration(["true", "false"]), description: "只看挂牌 / listed only"),
        .init(name: "due", schema: Schema.enumeration(["today"]),
              description: "今日到期（此刻至今日24时），按到期时间排序 / due today, by due time"),
        .init(name: "open", schema: Schema.enumeration(["true", "false"]), description: "只看未办结 / open only"),
    ]

    /// The units whose items a unit-scoped actor may see: its own and those below it.
    struct IDRow: Decodable { var id: UUID }

    static func scope(of actor: Actor, on db: any Database) async throws -> [UUID]? {
        guard actor.role.isUnitScoped else { return nil }
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        // The unit's subtree by its path prefix (SQL: every list and dashboard view asks).
        return try await sql.raw("SELECT id FROM units WHERE path LIKE \(bind: actor.unitPath.encoded + "%")")
            .all(decoding: IDRow.self).map(\.id)
    }

    /// The tasks that name one of `units` as a responsible unit besides the lead (`LedgerItemUnit`).
    static func sharedItems(of units: [UUID], on db: any Database) async throws -> [UUID] {
        guard !units.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        return try await sql.raw("SELECT item_id AS id FROM ledger_item_units WHERE unit_id IN \(SQLGroupExpression(units.map { SQLBind($0) }))")
            .all(decoding: IDRow.self).map(\.id)
    }

    /// A unit-scoped actor sees the items its units registered (a referral's sender), handle, are
    /// supervised as, or share as a task's responsible unit.
    static func visible(_ item: LedgerItem, to actor: Actor, on db: any Database) async throws -> Bool {
        if actor.role == .evaluator {
            // 附件6: an evaluator sees only the cases assigned to them.
            return try await HotlineCase.query(on: db).filter(\.$id == item.requireID()).filter(\.$evaluatorID == actor.userID).count() > 0
        }
        guard let units = try await scope(of: actor, on: db) else { return true }
        let own = Set(units)
        if [item.assignedUnitID, item.supervisedUnitID, item.registeringUnitID].contains(where: { $0.map(own.contains) ?? false }) {
            return true
        }
        return try await LedgerItemUnit.query(on: db).filter(\.$itemID == item.requireID()).filter(\.$unitID ~~ units).count() > 0
    }

    @Sendable static func list(_ req: Request) async throws -> ListPage<ItemDTO> {
        let page = try PageRequest(limitOnly: req)
        let now = Date()
        let query = try await listQuery(req, limit: page.limit, now: now)
        let (rows, next) = try await query.run(on: req.db)
        return ListPage(items: try rows.map { try LedgerService.dto($0, now: now) }, nextCursor: next)
    }

    /// The list's query from the request's filters and the viewer's scope (the list, its export and
    /// the dashboard's counts share it).
    static func listQuery(_ req: Request, limit: Int, now: Date) async throws -> LedgerListQuery {
        let actor = try req.requireActor()
        func parameter(_ name: String) -> String? { req.query[String.self, at: name].flatMap { $0.isEmpty ? nil : $0 } }
        var query = LedgerListQuery(limit: limit)
        if actor.role == .evaluator {
            query.scope = []
            query.sharedItems = try await HotlineCase.query(on: req.db).filter(\.$evaluatorID == actor.userID).all(\.$id).compactMap { $0 }
        } else if let units = try await scope(of: actor, on: req.db) {
            query.scope = units
            query.sharedItems = try await sharedItems(of: units, on: req.db)
        }
        query.state = try parameter("state").map { try Check.enumeration($0, "state", as: ItemState.self) }
        query.kind = try parameter("kind").map { try Check.enumeration($0, "kind", as: ItemKind.self) }
        query.grade = try parameter("grade").map { try Check.enumeration($0, "grade", as: HazardGrade.self) }
        query.unit = try parameter("unitId").map { try Check.uuid($0, "unitId") }
        query.listedOnly = parameter("listed") == "true"
        query.overdueAt = parameter("overdue") == "true" ? now : nil
        if let due = parameter("due") {
            guard due == "today" else { throw DubanError.invalid("due", "只支持 today / only today is supported") }
            // 今日到期: due from now to the end of the China-time day (the dashboard's "due today").
            if query.overdueAt == nil {
                query.overdueAt = DashboardDay.endOfToday(now)
                query.dueFrom = now
            }
        }
        query.openOnly = parameter("open") == "true"
        query.cursor = parameter("cursor")
        return query
    }

    /// `GET /api/v1/items/export`: the list with its filters, every page, as CSV or XLSX (streamed).
    @Sendable static func export(_ req: Request) async throws -> Response {
        let now = Date()
        var base = try await listQuery(req, limit: ListExport.batchSize, now: now)
        base.cursor = nil
        let query = base
        let db = req.db
        let header = ["编号", "标题", "类别", "等级", "状态", "承办单位", "到期时间", "超期", "挂牌", "登记时间"]
        return try await ListExport.stream(req, name: "items", title: "台账", header: header) { cursor in
            var page = query
            page.cursor = cursor
            let (rows, next) = try await page.run(on: db)
            let names = try await LedgerPages.unitNames(rows.compactMap(\.assignedUnitId), on: db)
            let table = try rows.map { row -> [String] in
                let dto = try LedgerService.dto(row, now: now)
                return [dto.id.text, dto.title, LedgerPages.kindNames[dto.kind] ?? dto.kind.rawValue, dto.grade.chinese, dto.stateName,
                        dto.assignedUnitId.flatMap { names[$0] } ?? "", dto.dueAt ?? "", dto.overdue ? "是" : "",
                        dto.listingLevel?.rawValue ?? "", dto.createdAt]
            }
            return (table, next)
        }
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let dto = try await create(req, input: try req.decodeJSON(ItemInput.self))
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Shared by the API and the registration form. Enterprises register their own hazards
    /// (000 阳政办(2017)43号, the "两化" system: 企业"事故隐患自查、自报、自改"); leaders and evaluators register nothing.
    static func create(_ req: Request, input: ItemInput) async throws -> ItemDTO {
        let actor = try req.requireRole(.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise)
        var fields = try LedgerService.validate(input, creating: true)
        if actor.role == .enterprise {
            fields.supervisedUnitID = .some(actor.unitID)
            if fields.source == nil { fields.source = .some(.selfInspection) }
        }
        let now = Date()
        let validated = fields
        return try await req.write { db in
            let item = try await LedgerService.create(validated, actor: actor, now: now, on: db)
            return try LedgerService.dto(item, now: now)
        }
    }

    static func load(_ req: Request, actor: Actor, on db: any Database) async throws -> LedgerItem {
        let id = try req.idParameter(what: "条目 / item")
        guard let item = try await LedgerItem.find(id, on: db), try await visible(item, to: actor, on: db) else {
            throw DubanError.notFound("条目 / item")
        }
        return item
    }

    @Sendable static func get(_ req: Request) async throws -> ItemDTO {
        let actor = try req.requireActor()
        let item = try await load(req, actor: actor, on: req.db)
        return try await LedgerService.detailed(item, now: Date(), calculator: req.application.calendarStore.calculator, on: req.db)
    }

    @Sendable static func update(_ req: Request) async throws -> ItemDTO {
        try await update(req, input: try req.decodeJSON(ItemInput.self))
    }

    static func update(_ req: Request, input: ItemInput) async throws -> ItemDTO {
        let actor = try req.requireRole(.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise)
        let fields = try LedgerService.validate(input, creating: false)
        // An enterprise reports its own hazards (000 阳政办(2017)43号: 自查、自报): it cannot move one onto another unit.
        if actor.role == .enterprise, let supervised = fields.supervisedUnitID, supervised != actor.unitID {
            throw DubanError.invalid("supervisedUnitId", "企业只能登记本单位的隐患 / an enterprise records only its own hazards")
        }
        let now = Date()
        return try await req.write { db in
            let item = try await load(req, actor: actor, on: db)
            try await LedgerService.update(item, fields: fields, actor: actor, now: now, on: db)
            return try LedgerService.dto(item, now: now)
        }
    }

    @Sendable static func act(_ req: Request) async throws -> ItemDTO {
        _ = try req.requireActor()
        return try await act(req, input: try req.decodeJSON(ItemEventInput.self))
    }

    static func act(_ req: Request, input: ItemEventInput) async throws -> ItemDTO {
        let actor = try req.requireActor()
        let event = try LedgerService.event(from: input)
        let calculator = req.application.calendarStore.calculator
        let now = Date()
        return try await req.write { db in
            let item = try await load(req, actor: actor, on: db)
            try await LedgerService.transition(item, event: event, actor: actor, now: now, calculator: calculator, on: db)
            return try LedgerService.dto(item, now: now)
        }
    }

    struct ListedHazardDTO: Content {
        var id: UUID
        var title: String
        var location: String?
        var supervisedUnit: String?
        var level: ListingLevel
        var levelName: String
        var targetDate: String?
        var state: ItemState
        var stateName: String

        static let schema = Schema.object([
            ("id", Schema.uuid), ("title", Schema.string()), ("location", Schema.string()), ("supervisedUnit", Schema.string()),
            ("level", Schema.enumeration(ListingLevel.allCases.map(\.rawValue))), ("levelName", Schema.string()),
            ("targetDate", Schema.dateTime), ("state", Schema.enumeration(ItemState.allCases.map(\.rawValue))),
            ("stateName", Schema.string()),
        ], required: ["id", "title", "level", "levelName", "state", "stateName"])
    }

    /// Public: only what listing publishes (SPEC M3 "listing is public").
    @Sendable static func listed(_ req: Request) async throws -> [ListedHazardDTO] {
        let page = try PageRequest(limitOnly: req)
        let items = try await LedgerItem.query(on: req.db).filter(\.$listingLevel != nil)
            .sort(\.$createdAt).sort(\.$id).limit(page.limit).all()
        let unitIDs = items.compactMap(\.supervisedUnitID)
        let names = Dictionary(uniqueKeysWithValues: try await Unit.query(on: req.db).filter(\.$id ~~ unitIDs).all()
            .compactMap { unit in unit.id.map { ($0, unit.name) } })
        return try items.compactMap { item in
            let facts = try LedgerService.facts(of: item)
            guard let level = facts.listingLevel, facts.state.isOpen else { return nil }
            return ListedHazardDTO(id: try item.requireID(), title: item.title, location: item.location,
                                   supervisedUnit: item.supervisedUnitID.flatMap { names[$0] }, level: level, levelName: level.chinese,
                                   targetDate: facts.listingTarget.map(ChinaTimeFormat.string), state: facts.state,
                                   stateName: facts.state.chinese)
        }
    }
}

