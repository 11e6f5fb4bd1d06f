import DubanCore
import Fluent
import Vapor

/// `/api/v1/units`: the unit directory with alias look-up, search and keyset pagination.
enum UnitRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Directory"
        let unit = Schema.ref("Unit")
        api.add(.GET, "units", summary: "列出单位 / list units", tag: tag,
                query: [.init(name: "q", schema: Schema.string(maxLength: 200), description: "名称或别名包含 / name or alias contains"),
                        .init(name: "kind", schema: Schema.enumeration(UnitKind.allCases.map(\.rawValue)), description: "单位类别 / kind"),
                        .init(name: "parentId", schema: Schema.uuid, description: "上级单位 / parent"),
                        .limit, .cursor],
                responses: [(200, "单位列表 / a page of units", Schema.page(of: "Unit"))], use: list)
        api.add(.POST, "units", summary: "登记单位 / create a unit", tag: tag, body: Schema.ref("UnitCreate"),
                responses: [(201, "已登记 / created", unit), (409, "名称、别名或代码重复 / duplicate", Schema.ref("Error")),
                            (404, "上级单位不存在或不在本单位范围内 / parent not found or outside your unit", Schema.ref("Error"))],
                roles: Roles.unitEditors, use: create)
        api.add(.GET, "units/lookup", summary: "按名称或别名查找单位 / resolve a name or alias", tag: tag,
                query: [.init(name: "name", schema: Schema.string(maxLength: 200, minLength: 1), required: true,
                              description: "名称或任一别名 / name or any alias")],
                responses: [(200, "单位 / the unit", unit), (404, "无此单位 / no such unit", Schema.ref("Error"))],
                use: lookup)
        api.add(.GET, "units/{id}", summary: "查看单位 / get a unit", tag: tag,
                responses: [(200, "单位 / the unit", unit), (404, "不存在 / not found", Schema.ref("Error"))], use: get)
        api.add(.PATCH, "units/{id}", summary: "修改单位 / change a unit", tag: tag, body: Schema.ref("UnitPatch"),
                responses: [(200, "已修改 / changed", unit), (404, "不存在 / not found", Schema.ref("Error")),
                            (409, "重复 / duplicate", Schema.ref("Error"))], roles: Roles.unitEditors, use: update)
        api.add(.DELETE, "units/{id}", summary: "删除单位 / delete a unit", tag: tag,
                responses: [(204, "已删除 / deleted", nil), (404, "不存在 / not found", Schema.ref("Error")),
                            (409, "仍被引用 / still in use", Schema.ref("Error"))], roles: Roles.admin, use: delete)
    }

    @Sendable static func list(_ req: Request) async throws -> ListPage<UnitDTO> {
        let actor = try req.requireActor()
        let page = try PageRequest(req)
        let query = Unit.query(on: req.db)
        if actor.role.isUnitScoped { query.filter(\.$path =~ actor.unitPath.encoded) }
        if let kind = req.query[String.self, at: "kind"], !kind.isEmpty {
            query.filter(\.$kind == (try Check.enumeration(kind, "kind", as: UnitKind.self)).rawValue)
        }
        if let parent = req.query[String.self, at: "parentId"], !parent.isEmpty {
            query.filter(\.$parent.$id == (try Check.uuid(parent, "parentId")))
        }
        if let q = try req.queryText("q") {
            let key = TextNormalization.nameKey(q)
            // Names are mirrored in unit_aliases, so one look-up there covers names and aliases.
            let matching = try await UnitAlias.query(on: req.db).filter(\.$aliasKey ~~ key).limit(5000).all(\.$unit.$id)
            query.filter(\.$id ~~ Array(Set(matching)))
        }
        let (units, next) = try await page.fetch(query.with(\.$aliases), orderedBy: \.$name, id: \.$id)
        return ListPage(items: units.map { UnitDTO($0, aliases: $0.aliases) }, nextCursor: next)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let dto = try await create(req, input: try req.decodeJSON(UnitCreate.self))
        let response = try await dto.encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/units/\(dto.id.text)")
        return response
    }

    /// Shared by the API and the new-unit form.
    static func create(_ req: Request, input: UnitCreate) async throws -> UnitDTO {
        let actor = try req.requireActor()
        let definition = try UnitService.validate(input)
        let parentPath: UnitPath?
        if let parentID = definition.parentID {
            guard let parent = try await Unit.find(parentID, on: req.db) else {
                throw DubanError.invalid("parentId", "上级单位不存在 / parent unit not found")
            }
            parentPath = parent.unitPath
        } else {
            parentPath = nil
        }
        try enforce(DirectoryAccess.create(role: actor.role, actorUnit: actor.unitPath, parent: parentPath, kind: definition.kind),
                    what: "上级单位 / parent unit")
        return try await req.write { db in try await UnitService.create(definition, actor: actor.auditName, on: db) }
    }

    @Sendable static func get(_ req: Request) async throws -> UnitDTO {
        let (actor, unit) = try await load(req)
        try enforce(DirectoryAccess.read(role: actor.role, actorUnit: actor.unitPath, target: unit.unitPath), what: "单位 / unit")
        return UnitDTO(unit, aliases: try await unit.$aliases.get(on: req.db))
    }

    @Sendable static func lookup(_ req: Request) async throws -> UnitDTO {
        let actor = try req.requireActor()
        guard let name = try req.queryText("name") else {
            throw DubanError.invalid("name", "请提供 name / name is required", code: "missing_field")
        }
        guard let alias = try await UnitAlias.query(on: req.db)
            .filter(\.$aliasKey == TextNormalization.nameKey(name)).with(\.$unit).first() else {
            throw DubanError.notFound("单位 / unit")
        }
        try enforce(DirectoryAccess.read(role: actor.role, actorUnit: actor.unitPath, target: alias.unit.unitPath),
                    what: "单位 / unit")
        return UnitDTO(alias.unit, aliases: try await alias.unit.$aliases.get(on: req.db))
    }

    @Sendable static func update(_ req: Request) async throws -> UnitDTO {
        try await update(req, patch: try req.decodeJSON(UnitPatch.self))
    }

    /// Shared by the API and the edit form.
    static func update(_ req: Request, patch: UnitPatch) async throws -> UnitDTO {
        let (actor, unit) = try await load(req)
        try enforce(DirectoryAccess.update(role: actor.role, actorUnit: actor.unitPath, target: unit.unitPath), what: "单位 / unit")
        if actor.role != .admin, patch.parentId != nil || patch.kind != nil || patch.name != nil {
            // Names, kinds and the tree are the admin's: a unit edits only its contacts and aliases.
            throw DubanError(.forbidden, code: "forbidden", message: "只有管理员可修改单位名称、类别和上级 / admins only",
                             field: patch.name != nil ? "name" : (patch.kind != nil ? "kind" : "parentId"))
        }
        let id = try unit.requireID()
        return try await req.write { db in
            guard let fresh = try await Unit.find(id, on: db) else { throw DubanError.notFound("单位 / unit") }
            return try await UnitService.update(fresh, patch: patch, actor: actor.auditName, on: db)
        }
    }

    @Sendable static func delete(_ req: Request) async throws -> HTTPStatus {
        let (actor, unit) = try await load(req)
        try enforce(DirectoryAccess.read(role: actor.role, actorUnit: actor.unitPath, target: unit.unitPath), what: "单位 / unit")
        try enforce(DirectoryAccess.delete(role: actor.role), what: "单位 / unit")
        let id = try unit.requireID()
        try await req.write { db in
            guard let fresh = try await Unit.find(id, on: db) else { throw DubanError.notFound("单位 / unit") }
            try await UnitService.delete(fresh, actor: actor.auditName, on: db)
        }
        return .noContent
    }

    private static func load(_ req: Request) async throws -> (Actor, Unit) {
        let actor = try req.requireActor()
        let id = try req.idParameter(what: "单位 / unit")
        guard let unit = try await Unit.find(id, on: req.db) else { throw DubanError.notFound("单位 / unit") }
        return (actor, unit)
    }

    static func enforce(_ decision: DirectoryAccess.Decision, what: String) throws {
        switch decision {
        case .allow: return
        case .notVisible: throw DubanError.notFound(what)
        case .forbidden: throw DubanError.forbidden
        }
    }
}
