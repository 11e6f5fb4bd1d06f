import DubanCore
import Vapor

struct BodyMemberDTO: Content, Equatable {
    var id: UUID
    var personId: UUID?
    var personName: String?
    var unitId: UUID?
    var unitName: String?
    var title: String?
    var role: String

    static let schema = Schema.object([
        ("id", Schema.uuid), ("personId", Schema.uuid), ("personName", Schema.string()), ("unitId", Schema.uuid),
        ("unitName", Schema.string()), ("title", Schema.string()), ("role", Schema.string()),
    ], required: ["id", "role"])
}

/// A coordination body with its roster in document order.
struct BodyDTO: Content, Equatable {
    var id: UUID
    var name: String
    var kind: BodyKind
    var document: String?
    var documentDate: String?
    var hostUnitId: UUID?
    var hostUnitName: String?
    var officeDirectorId: UUID?
    var officeDirectorName: String?
    var members: [BodyMemberDTO]

    static let schema = Schema.object([
        ("id", Schema.uuid), ("name", Schema.string()), ("kind", Schema.enumeration(BodyKind.allCases.map(\.rawValue))),
        ("document", Schema.string()), ("documentDate", Schema.date), ("hostUnitId", Schema.uuid),
        ("hostUnitName", Schema.string()), ("officeDirectorId", Schema.uuid), ("officeDirectorName", Schema.string()),
        ("members", Schema.array(Schema.ref("BodyMember"))),
    ], required: ["id", "name", "kind", "members"])
}

struct BodyInput: Content {
    var name: String?
    var kind: String?
    var document: String?
    var documentDate: String?
    var hostUnitId: String?
    var officeDirectorId: String?

    static let schema = Schema.object([
        ("name", Schema.string(maxLength: 200, minLength: 1)),
        ("kind", Schema.enumeration(BodyKind.allCases.map(\.rawValue))),
        ("document", Schema.string(maxLength: 100)), ("documentDate", Schema.date),
        ("hostUnitId", Schema.uuid), ("officeDirectorId", Schema.uuid),
    ])
}

struct BodyMemberInput: Content {
    var personId: String?
    var unitId: String?
    var title: String?
    var role: String

    static let schema = Schema.object([
        ("personId", Schema.uuid), ("unitId", Schema.uuid), ("title", Schema.string(maxLength: 100)),
        ("role", Schema.string(maxLength: 50, minLength: 1)),
    ], required: ["role"])
}
