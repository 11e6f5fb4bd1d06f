import Vapor

/// A post as the API shows it.
struct PostDTO: Content, Equatable {
    var id: UUID
    var unitId: UUID
    var unitName: String?
    var title: String
    var from: String
    var to: String?
    var source: String?

    init(_ post: Post, unitName: String?) {
        id = post.id ?? UUID()
        unitId = post.$unit.id
        self.unitName = unitName
        title = post.title
        from = post.from
        to = post.to
        source = post.source
    }

    static let schema = Schema.object([
        ("id", Schema.uuid), ("unitId", Schema.uuid), ("unitName", Schema.string()), ("title", Schema.string()),
        ("from", Schema.date), ("to", Schema.date), ("source", Schema.string()),
    ], required: ["id", "unitId", "title", "from"])
}

/// A person with the posts they held, newest first.
struct PersonDTO: Content, Equatable {
    var id: UUID
    var name: String
    var phone: String?
    var note: String?
    var posts: [PostDTO]

    static let schema = Schema.object([
        ("id", Schema.uuid), ("name", Schema.string()), ("phone", Schema.string()), ("note", Schema.string()),
        ("posts", Schema.array(Schema.ref("Post"))),
    ], required: ["id", "name", "posts"])
}

struct PersonInput: Content {
    var name: String?
    var phone: String?
    var note: String?

    static let schema = Schema.object([
        ("name", Schema.string(maxLength: 100, minLength: 1)), ("phone", Schema.string(maxLength: 40)),
        ("note", Schema.string(maxLength: 1000)),
    ])
}

struct PostInput: Content {
    var unitId: String
    var title: String
    var from: String
    var to: String?
    var source: String?

    static let schema = Schema.object([
        ("unitId", Schema.uuid), ("title", Schema.string(maxLength: 100, minLength: 1)), ("from", Schema.date),
        ("to", Schema.date), ("source", Schema.string(maxLength: 200)),
    ], required: ["unitId", "title", "from"])
}

/// Ends a tenure: `{"to":"2018-03-01"}`.
struct PostEnd: Content {
    var to: String
    static let schema = Schema.object([("to", Schema.date)], required: ["to"])
}
