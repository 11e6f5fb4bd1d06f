import DubanCore
import Fluent
import Vapor

/// `/api/v1/people`: people and the posts they held over time. Rosters are published documents, so
/// every signed-in role reads them; only admins change them.
enum PersonRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Directory"
        let person = Schema.ref("Person")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", Schema.ref("Error"))
        api.add(.GET, "people", summary: "列出人员 / list people", tag: tag,
                query: [.init(name: "q", schema: Schema.string(maxLength: 100), description: "姓名包含 / name contains"),
                        .limit, .cursor],
                responses: [(200, "人员列表 / a page of people", Schema.page(of: "Person"))], use: list)
        api.add(.POST, "people", summary: "登记人员 / create a person", tag: tag, body: Schema.ref("PersonInput"),
                responses: [(201, "已登记 / created", person)], use: create)
        api.add(.GET, "people/{id}", summary: "查看人员及任职 / get a person with posts", tag: tag,
                responses: [(200, "人员 / the person", person), notFound], use: get)
        api.add(.PATCH, "people/{id}", summary: "修改人员 / change a person", tag: tag, body: Schema.ref("PersonInput"),
                responses: [(200, "已修改 / changed", person), notFound], use: update)
        api.add(.DELETE, "people/{id}", summary: "删除人员 / delete a person", tag: tag,
                responses: [(204, "已删除 / deleted", nil), notFound, (409, "仍被引用 / still in use", Schema.ref("Error"))],
                use: delete)
        api.add(.POST, "people/{id}/posts", summary: "登记任职 / add a post", tag: tag, body: Schema.ref("PostInput"),
                responses: [(201, "已登记 / created", person), notFound], roles: Roles.admin, use: addPost)
        api.add(.PATCH, "people/{id}/posts/{postId}", summary: "结束任职 / end a post", tag: tag, body: Schema.ref("PostEnd"),
                responses: [(200, "已修改 / changed", person), notFound], use: endPost)
    }

    static func dto(_ person: Person, on db: any Database) async throws -> PersonDTO {
        let id = try person.requireID()
        let posts = try await Post.query(on: db).filter(\.$person.$id == id).with(\.$unit).all()
        let sorted = posts.sorted { ($0.to ?? "9999", $0.from) > ($1.to ?? "9999", $1.from) }
        return PersonDTO(id: id, name: person.name, phone: person.phone, note: person.note,
                         posts: sorted.map { PostDTO($0, unitName: $0.unit.name) })
    }

    @Sendable static func list(_ req: Request) async throws -> ListPage<PersonDTO> {
        try req.requireActor()
        let page = try PageRequest(req)
        let query = Person.query(on: req.db)
        if let q = try req.queryText("q", max: 100) { query.filter(\.$name ~~ q) }
        let (people, next) = try await page.fetch(query, orderedBy: \.$name, id: \.$id)
        var items: [PersonDTO] = []
        for person in people { items.append(try await dto(person, on: req.db)) }
        return ListPage(items: items, nextCursor: next)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin)
        let input = try req.decodeJSON(PersonInput.self)
        let name = try Check.text(input.name ?? "", "name", max: 100)
        let phone = try Check.phone(input.phone)
        let note = try Check.optionalText(input.note, "note", max: 1000)
        let result = try await req.write { db in
            let person = Person()
            person.name = name
            person.phone = phone
            person.note = note
            try await person.create(on: db)
            let result = try await dto(person, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "person",
                                      entityID: result.id.text, before: PersonDTO?.none, after: result)
            return result
        }
        return try await result.encodeResponse(status: .created, for: req)
    }

    @Sendable static func get(_ req: Request) async throws -> PersonDTO {
        try req.requireActor()
        return try await dto(try await load(req, on: req.db), on: req.db)
    }

    @Sendable static func update(_ req: Request) async throws -> PersonDTO {
        try await update(req, input: try req.decodeJSON(PersonInput.self))
    }

    /// Shared by the API and the person page.
    static func update(_ req: Request, input: PersonInput) async throws -> PersonDTO {
        let actor = try req.requireRole(.admin)
        let name = try input.name.map { try Check.text($0, "name", max: 100) }
        let phone = try input.phone.map { try Check.phone($0) }
        let note = try input.note.map { try Check.optionalText($0, "note", max: 1000) }
        return try await req.write { db in
            let person = try await load(req, on: db)
            let before = try await dto(person, on: db)
            if let name { person.name = name }
            if let phone { person.phone = phone }
            if let note { person.note = note }
            try await person.save(on: db)
            let after = try await dto(person, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "person",
                                      entityID: after.id.text, before: before, after: after)
            return after
        }
    }

    @Sendable static func delete(_ req: Request) async throws -> HTTPStatus {
        let actor = try req.requireRole(.admin)
        try await req.write { db in
            let person = try await load(req, on: db)
            let id = try person.requireID()
            let memberships = try await BodyMember.query(on: db).filter(\.$person.$id == id).count()
            let directorships = try await Body.query(on: db).filter(\.$officeDirector.$id == id).count()
            if memberships + directorships > 0 {
                throw DubanError.conflict("该人员在议事协调机构名单中 / the person is on a roster", code: "in_use")
            }
            let before = try await dto(person, on: db)
            try await person.delete(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .delete, entityType: "person",
                                      entityID: id.text, before: before, after: PersonDTO?.none)
        }
        return .noContent
    }

    @Sendable static func addPost(_ req: Request) async throws -> Response {
        let result = try await addPost(req, input: try req.decodeJSON(PostInput.self))
        return try await result.encodeResponse(status: .created, for: req)
    }

    /// Shared by the API and the person page.
    static func addPost(_ req: Request, input: PostInput) async throws -> PersonDTO {
        let actor = try req.requireRole(.admin)
        let unitID = try Check.uuid(input.unitId, "unitId")
        let title = try Check.text(input.title, "title", max: 100)
        let from = try Check.date(input.from, "from")
        let to = try Check.optionalDate(input.to, "to")
        if let to, to < from { throw DubanError.invalid("to", "离任日期早于任职日期 / to is before from") }
        let source = try Check.optionalText(input.source, "source")
        let result = try await req.write { db in
            let person = try await load(req, on: db)
            guard try await Unit.find(unitID, on: db) != nil else {
                throw DubanError.invalid("unitId", "单位不存在 / unit not found")
            }
            let before = try await dto(person, on: db)
            let post = Post()
            post.$person.id = try person.requireID()
            post.$unit.id = unitID
            post.title = title
            post.from = from
            post.to = to
            post.source = source
            try await post.create(on: db)
            let after = try await dto(person, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "person",
                                      entityID: after.id.text, before: before, after: after)
            return after
        }
        return result
    }

    @Sendable static func endPost(_ req: Request) async throws -> PersonDTO {
        let actor = try req.requireRole(.admin)
        let input = try req.decodeJSON(PostEnd.self)
        let to = try Check.date(input.to, "to")
        let postID = try req.idParameter("postId", what: "任职 / post")
        return try await req.write { db in
            let person = try await load(req, on: db)
            guard let post = try await Post.query(on: db).filter(\.$id == postID)
                .filter(\.$person.$id == person.requireID()).first() else { throw DubanError.notFound("任职 / post") }
            if to < post.from { throw DubanError.invalid("to", "离任日期早于任职日期 / to is before from") }
            let before = try await dto(person, on: db)
            post.to = to
            try await post.save(on: db)
            let after = try await dto(person, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "person",
                                      entityID: after.id.text, before: before, after: after)
            return after
        }
    }

    private static func load(_ req: Request, on db: any Database) async throws -> Person {
        let id = try req.idParameter(what: "人员 / person")
        guard let person = try await Person.find(id, on: db) else { throw DubanError.notFound("人员 / person") }
        return person
    }
}
