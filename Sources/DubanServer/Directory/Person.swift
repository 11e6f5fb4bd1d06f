import Fluent
import Vapor

/// A person of the directory; the posts they held over time are `Post`s.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "note") var note: String?
    @Children(for: \.$person) var posts: [Post]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// 任职 — a post held by a person in a unit from one date to another (`to` nil: still held).
/// Kept after the person moves on, so audits can name who held a post at the time.
final class Post: Model, @unchecked Sendable {
    static let schema = "posts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "title") var title: String
    /// yyyy-mm-dd (China time).
    @Field(key: "from_date") var from: String
    @OptionalField(key: "to_date") var to: String?
    @OptionalField(key: "source") var source: String?

    init() {}
}

/// 议事协调机构 — a coordination body (领导小组, 委员会, 联席会议, 指挥部) with its host unit and office director.
final class Body: Model, @unchecked Sendable {
    static let schema = "bodies"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    /// The document that set it up or adjusted it (阳政办(2017)47号).
    @OptionalField(key: "document") var document: String?
    @OptionalField(key: "document_date") var documentDate: String?
    @OptionalParent(key: "host_unit_id") var hostUnit: Unit?
    @OptionalParent(key: "office_director_id") var officeDirector: Person?
    @Children(for: \.$body) var members: [BodyMember]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A member of a coordination body: the person (when named), the unit and post they represent, and
/// their role in the body (组长, 副组长, 成员, 召集人…).
final class BodyMember: Model, @unchecked Sendable {
    static let schema = "body_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "body_id") var body: Body
    @OptionalParent(key: "person_id") var person: Person?
    @OptionalParent(key: "unit_id") var unit: Unit?
    @OptionalField(key: "title") var title: String?
    @Field(key: "role") var role: String
    @Field(key: "position") var position: Int

    init() {}
}

struct CreatePeopleAndBodies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Person.schema)
            .id()
            .field("name", .string, .required)
            .field("phone", .string)
            .field("note", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(Post.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id))
            .field("title", .string, .required)
            .field("from_date", .string, .required)
            .field("to_date", .string)
            .field("source", .string)
            .create()
        try await database.schema(Body.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("document", .string)
            .field("document_date", .string)
            .field("host_unit_id", .uuid, .references(Unit.schema, .id))
            .field("office_director_id", .uuid, .references(Person.schema, .id))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(BodyMember.schema)
            .id()
            .field("body_id", .uuid, .required, .references(Body.schema, .id, onDelete: .cascade))
            .field("person_id", .uuid, .references(Person.schema, .id))
            .field("unit_id", .uuid, .references(Unit.schema, .id))
            .field("title", .string)
            .field("role", .string, .required)
            .field("position", .int, .required)
            .create()
        try await database.createIndex("idx_people_name_id", on: Person.schema, columns: ["name", "id"])
        try await database.createIndex("idx_posts_person", on: Post.schema, columns: ["person_id"])
        try await database.createIndex("idx_posts_unit", on: Post.schema, columns: ["unit_id"])
        try await database.createIndex("idx_bodies_name_id", on: Body.schema, columns: ["name", "id"])
        try await database.createIndex("idx_body_members_body", on: BodyMember.schema, columns: ["body_id", "position"])
        try await database.createIndex("idx_body_members_person", on: BodyMember.schema, columns: ["person_id"])
    }

    func revert(on database: any Database) async throws {
        for schema in [BodyMember.schema, Body.schema, Post.schema, Person.schema] {
            try await database.schema(schema).delete()
        }
    }
}
