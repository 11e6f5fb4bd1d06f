import DubanCore
import Fluent
import Vapor

/// `/api/v1/bodies`: coordination bodies (领导小组, 委员会, 联席会议, 指挥部) and their rosters.
/// Readable by every signed-in role; changed by admins.
enum BodyRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Directory"
        let body = Schema.ref("Body")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", Schema.ref("Error"))
        api.add(.GET, "bodies", summary: "列出议事协调机构 / list coordination bodies", tag: tag,
                query: [.init(name: "q", schema: Schema.string(maxLength: 200), description: "名称包含 / name contains"),
                        .init(name: "kind", schema: Schema.enumeration(BodyKind.allCases.map(\.rawValue)), description: "类别 / kind"),
                        .limit, .cursor],
                responses: [(200, "列表 / a page of bodies", Schema.page(of: "Body"))], use: list)
        api.add(.POST, "bodies", summary: "登记议事协调机构 / create a body", tag: tag, body: Schema.ref("BodyInput"),
                responses: [(201, "已登记 / created", body)], use: create)
        api.add(.GET, "bodies/{id}", summary: "查看机构及成员 / get a body with its roster", tag: tag,
                responses: [(200, "机构 / the body", body), notFound], use: get)
        api.add(.PATCH, "bodies/{id}", summary: "修改机构 / change a body", tag: tag, body: Schema.ref("BodyInput"),
                responses: [(200, "已修改 / changed", body), notFound], use: update)
        api.add(.DELETE, "bodies/{id}", summary: "撤销机构 / delete a body", tag: tag,
                responses: [(204, "已删除 / deleted", nil), notFound], use: delete)
        api.add(.POST, "bodies/{id}/members", summary: "增加成员 / add a member", tag: tag, body: Schema.ref("BodyMemberInput"),
                responses: [(201, "已增加 / added", body), notFound], roles: Roles.admin, use: addMember)
        api.add(.DELETE, "bodies/{id}/members/{memberId}", summary: "移除成员 / remove a member", tag: tag,
                responses: [(200, "已移除 / removed", body), notFound], use: removeMember)
    }

    static func dto(_ body: Body, on db: any Database) async throws -> BodyDTO {
        let id = try body.requireID()
        let members = try await BodyMember.query(on: db).filter(\.$body.$id == id).sort(\.$position)
            .with(\.$person).with(\.$unit).all()
        let host = try await body.$hostUnit.get(on: db)
        let director = try await body.$officeDirector.get(on: db)
        return BodyDTO(
            id: id, name: body.name, kind: BodyKind(rawValue: body.kind) ?? .leadingGroup, document: body.document,
            documentDate: body.documentDate, hostUnitId: host?.id, hostUnitName: host?.name,
            officeDirectorId: director?.id, officeDirectorName: director?.name,
            members: members.map {
                BodyMemberDTO(id: $0.id ?? UUID(), personId: $0.person?.id, personName: $0.person?.name,
                              unitId: $0.unit?.id, unitName: $0.unit?.name, title: $0.title, role: $0.role)
            })
    }

    @Sendable static func list(_ req: Request) async throws -> ListPage<BodyDTO> {
        try req.requireActor()
        let page = try PageRequest(req)
        let query = Body.query(on: req.db)
        if let q = try req.queryText("q") { query.filter(\.$name ~~ q) }
        if let kind = req.query[String.self, at: "kind"], !kind.isEmpty {
            query.filter(\.$kind == (try Check.enumeration(kind, "kind", as: BodyKind.self)).rawValue)
        }
        let (bodies, next) = try await page.fetch(query, orderedBy: \.$name, id: \.$id)
        var items: [BodyDTO] = []
        for body in bodies { items.append(try await dto(body, on: req.db)) }
        return ListPage(items: items, nextCursor: next)
    }

    /// Applies a validated input to `body`; on create `name` and `kind` are required.
    private static func apply(_ input: BodyInput, to body: Body, creating: Bool, on db: any Database) async throws {
        if creating || input.name != nil { body.name = try Check.text(input.name ?? "", "name") }
        if creating || input.kind != nil {
            body.kind = try Check.enumeration(input.kind ?? "", "kind", as: BodyKind.self).rawValue
        }
        if let document = input.document { body.document = try Check.optionalText(document, "document", max: 100) }
        if let date = input.documentDate { body.documentDate = try Check.optionalDate(date, "documentDate") }
        if let host = input.hostUnitId {
            if host.isEmpty { body.$hostUnit.id = nil } else {
                let id = try Check.uuid(host, "hostUnitId")
                guard try await Unit.find(id, on: db) != nil else {
                    throw DubanError.invalid("hostUnitId", "单位不存在 / unit not found")
                }
                body.$hostUnit.id = id
            }
        }
        if let director = input.officeDirectorId {
            if director.isEmpty { body.$officeDirector.id = nil } else {
                let id = try Check.uuid(director, "officeDirectorId")
                guard try await Person.find(id, on: db) != nil else {
                    throw DubanError.invalid("officeDirectorId", "人员不存在 / person not found")
                }
                body.$officeDirector.id = id
            }
        }
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin)
        let input = try req.decodeJSON(BodyInput.self)
        let result = try await req.write { db in
            let body = Body()
            try await apply(input, to: body, creating: true, on: db)
            try await body.create(on: db)
            let after = try await dto(body, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "body",
                                      entityID: after.id.text, before: BodyDTO?.none, after: after)
            return after
        }
        return try await result.encodeResponse(status: .created, for: req)
    }

    @Sendable static func get(_ req: Request) async throws -> BodyDTO {
        try req.requireActor()
        return try await dto(try await load(req, on: req.db), on: req.db)
    }

    @Sendable static func update(_ req: Request) async throws -> BodyDTO {
        try await update(req, input: try req.decodeJSON(BodyInput.self))
    }

    /// Shared by the API and the body page.
    static func update(_ req: Request, input: BodyInput) async throws -> BodyDTO {
        let actor = try req.requireRole(.admin)
        return try await req.write { db in
            let body = try await load(req, on: db)
            let before = try await dto(body, on: db)
            try await apply(input, to: body, creating: false, on: db)
            try await body.save(on: db)
            let after = try await dto(body, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "body",
                                      entityID: after.id.text, before: before, after: after)
            return after
        }
    }

    @Sendable static func delete(_ req: Request) async throws -> HTTPStatus {
        let actor = try req.requireRole(.admin)
        try await req.write { db in
            let body = try await load(req, on: db)
            let before = try await dto(body, on: db)
            try await body.delete(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .delete, entityType: "body",
                                      entityID: before.id.text, before: before, after: BodyDTO?.none)
        }
        return .noContent
    }

    @Sendable static func addMember(_ req: Request) async throws -> Response {
        let result = try await addMember(req, input: try req.decodeJSON(BodyMemberInput.self))
        return try await result.encodeResponse(status: .created, for: req)
    }

    /// Shared by the API and the body page.
    static func addMember(_ req: Request, input: BodyMemberInput) async throws -> BodyDTO {
        let actor = try req.requireRole(.admin)
        let role = try Check.text(input.role, "role", max: 50)
        let title = try Check.optionalText(input.title, "title", max: 100)
        let personID = try input.personId.map { try Check.uuid($0, "personId") }
        let unitID = try input.unitId.map { try Check.uuid($0, "unitId") }
        guard personID != nil || unitID != nil else {
            throw DubanError.invalid("personId", "成员须有人员或单位 / a member needs a person or a unit", code: "missing_field")
        }
        let result = try await req.write { db in
            let body = try await load(req, on: db)
            if let personID, try await Person.find(personID, on: db) == nil {
                throw DubanError.invalid("personId", "人员不存在 / person not found")
            }
            if let unitID, try await Unit.find(unitID, on: db) == nil {
                throw DubanError.invalid("unitId", "单位不存在 / unit not found")
            }
            let before = try await dto(body, on: db)
            let member = BodyMember()
            member.$body.id = try body.requireID()
            member.$person.id = personID
            member.$unit.id = unitID
            member.title = title
            member.role = role
            member.position = before.members.count + 1
            try await member.create(on: db)
            let after = try await dto(body, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "body",
                                      entityID: after.id.text, before: before, after: after)
            return after
        }
        return result
    }

    @Sendable static func removeMember(_ req: Request) async throws -> BodyDTO {
        let actor = try req.requireRole(.admin)
        let memberID = try req.idParameter("memberId", what: "成员 / member")
        return try await req.write { db in
            let body = try await load(req, on: db)
            guard let member = try await BodyMember.query(on: db).filter(\.$id == memberID)
                .filter(\.$body.$id == body.requireID()).first() else { throw DubanError.notFound("成员 / member") }
            let before = try await dto(body, on: db)
            try await member.delete(on: db)
            let after = try await dto(body, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "body",
                                      entityID: after.id.text, before: before, after: after)
            return after
        }
    }

    private static func load(_ req: Request, on db: any Database) async throws -> Body {
        let id = try req.idParameter(what: "机构 / body")
        guard let body = try await Body.find(id, on: db) else { throw DubanError.notFound("机构 / body") }
        return body
    }
}
