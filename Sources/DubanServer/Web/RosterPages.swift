import DubanCore
import Fluent
import Vapor

/// Admin edits of people and coordination bodies on their pages. Units and people are typed by name
/// (any alias of a unit works) rather than picked from thousand-row lists.
enum RosterPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.post("people", roles: Roles.admin, use: createPerson)
        pages.post("people", ":id", roles: Roles.admin, use: savePerson)
        pages.post("people", ":id", "posts", roles: Roles.admin, use: addPost)
        pages.post("bodies", ":id", roles: Roles.admin, use: saveBody)
        pages.post("bodies", ":id", "members", roles: Roles.admin, use: addMember)
        pages.post("bodies", ":id", "members", ":memberId", "remove", roles: Roles.admin, use: removeMember)
    }

    /// The unit with this name or alias, or a 422 naming `field`.
    static func unitID(named name: String?, field: String, on db: any Database) async throws -> UUID? {
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let alias = try await UnitAlias.query(on: db).filter(\.$aliasKey == TextNormalization.nameKey(name)).first() else {
            throw DubanError.invalid(field, "找不到单位“\(name)” / no unit of that name")
        }
        return alias.$unit.id
    }

    /// The one person with this name, or a 422 naming `field`.
    static func personID(named name: String?, field: String, on db: any Database) async throws -> UUID? {
        guard let raw = name, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let people = try await Person.query(on: db).filter(\.$name == TextNormalization.clean(raw)).limit(2).all()
        guard people.count == 1, let id = people.first?.id else {
            throw DubanError.invalid(field, people.isEmpty ? "找不到人员“\(raw)” / no such person" : "有同名人员，请通过接口指定 / several people share this name")
        }
        return id
    }

    struct PersonForm: Content {
        var name: String?
        var phone: String?
        var note: String?
    }

    @Sendable static func createPerson(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PersonForm.self)
        let actor = try req.requireRole(.admin)
        let name = try Check.text(form.name ?? "", "name", max: 100)
        let person = try await req.write { db in
            let person = Person()
            person.name = name
            person.phone = try Check.phone(form.phone)
            try await person.create(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "person",
                                      entityID: try person.requireID().text, before: PersonDTO?.none,
                                      after: try await PersonRoutes.dto(person, on: db))
            return person
        }
        return req.redirect(to: "/people/\(try person.requireID().text)?saved=1")
    }

    @Sendable static func savePerson(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PersonForm.self)
        let id = try req.idParameter(what: "人员 / person")
        return try await req.formAction(back: "/people/\(id.text)", rerender: WebRoutes.personPage) {
            _ = try await PersonRoutes.update(req, input: PersonInput(name: form.name, phone: form.phone ?? "", note: form.note ?? ""))
        }
    }

    struct PostForm: Content {
        var unit: String?
        var title: String?
        var from: String?
        var to: String?
        var source: String?
    }

    @Sendable static func addPost(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PostForm.self)
        let id = try req.idParameter(what: "人员 / person")
        return try await req.formAction(back: "/people/\(id.text)", rerender: WebRoutes.personPage) {
            guard let unit = try await unitID(named: form.unit, field: "unit", on: req.db) else {
                throw DubanError.invalid("unit", "请填写单位 / unit is required", code: "missing_field")
            }
            _ = try await PersonRoutes.addPost(req, input: PostInput(
                unitId: unit.uuidString, title: form.title ?? "", from: form.from ?? "",
                to: form.to.flatMap { $0.isEmpty ? nil : $0 }, source: form.source))
        }
    }

    struct BodyForm: Content {
        var name: String?
        var kind: String?
        var document: String?
        var documentDate: String?
        var hostUnit: String?
        var officeDirector: String?
    }

    @Sendable static func saveBody(_ req: Request) async throws -> Response {
        let form = try req.content.decode(BodyForm.self)
        let id = try req.idParameter(what: "机构 / body")
        return try await req.formAction(back: "/bodies/\(id.text)", rerender: WebRoutes.bodyPage) {
            let host = try await unitID(named: form.hostUnit, field: "hostUnit", on: req.db)
            let director = try await personID(named: form.officeDirector, field: "officeDirector", on: req.db)
            _ = try await BodyRoutes.update(req, input: BodyInput(
                name: form.name, kind: form.kind, document: form.document ?? "", documentDate: form.documentDate ?? "",
                hostUnitId: host?.uuidString ?? "", officeDirectorId: director?.uuidString ?? ""))
        }
    }

    struct MemberForm: Content {
        var person: String?
        var unit: String?
        var title: String?
        var role: String?
    }

    @Sendable static func addMember(_ req: Request) async throws -> Response {
        let form = try req.content.decode(MemberForm.self)
        let id = try req.idParameter(what: "机构 / body")
        return try await req.formAction(back: "/bodies/\(id.text)", rerender: WebRoutes.bodyPage) {
            let person = try await personID(named: form.person, field: "person", on: req.db)
            let unit = try await unitID(named: form.unit, field: "unit", on: req.db)
            _ = try await BodyRoutes.addMember(req, input: BodyMemberInput(
                personId: person?.uuidString, unitId: unit?.uuidString, title: form.title, role: form.role ?? ""))
        }
    }

    @Sendable static func removeMember(_ req: Request) async throws -> Response {
        let id = try req.idParameter(what: "机构 / body")
        _ = try await BodyRoutes.removeMember(req)
        return req.redirect(to: "/bodies/\(id.text)?saved=1")
    }
}
