import DubanCore
import Vapor

struct UserDTO: Content, Equatable {
    var id: UUID
    var username: String
    var displayName: String
    var role: Role
    var unitId: UUID
    var active: Bool

    init(_ user: User) {
        id = user.id ?? UUID()
        username = user.username
        displayName = user.displayName
        role = user.roleValue
        unitId = user.$unit.id
        active = user.active
    }

    static let schema = Schema.object([
        ("id", Schema.uuid), ("username", Schema.string()), ("displayName", Schema.string()),
        ("role", Schema.enumeration(Role.allCases.map(\.rawValue))), ("unitId", Schema.uuid), ("active", Schema.boolean),
    ], required: ["id", "username", "displayName", "role", "unitId", "active"])
}

struct UserCreate: Content {
    var username: String
    var displayName: String
    var password: String
    var role: String
    var unitId: String

    static let schema = Schema.object([
        ("username", Schema.string(maxLength: 64, minLength: 2, pattern: "^[A-Za-z0-9_.-]+$")),
        ("displayName", Schema.string(maxLength: 100, minLength: 1)),
        ("password", Schema.string(maxLength: 128, minLength: 8)),
        ("role", Schema.enumeration(Role.allCases.map(\.rawValue))), ("unitId", Schema.uuid),
    ], required: ["username", "displayName", "password", "role", "unitId"])
}

struct UserPatch: Content {
    var displayName: String?
    var password: String?
    var role: String?
    var unitId: String?
    var active: Bool?

    static let schema = Schema.object([
        ("displayName", Schema.string(maxLength: 100, minLength: 1)),
        ("password", Schema.string(maxLength: 128, minLength: 8)),
        ("role", Schema.enumeration(Role.allCases.map(\.rawValue))), ("unitId", Schema.uuid), ("active", Schema.boolean),
    ])
}

struct TokenRequest: Content {
    var username: String
    var password: String

    static let schema = Schema.object([
        ("username", Schema.string(maxLength: 64, minLength: 1)), ("password", Schema.string(maxLength: 128, minLength: 1)),
    ], required: ["username", "password"])
}

struct TokenResponse: Content {
    var token: String
    var expiresAt: Date
    var user: UserDTO

    static let schema = Schema.object([
        ("token", Schema.string()), ("expiresAt", Schema.dateTime), ("user", Schema.ref("User")),
    ], required: ["token", "expiresAt", "user"])
}

/// `GET /api/v1/me`.
struct MeDTO: Content {
    var user: UserDTO
    var unitName: String

    static let schema = Schema.object([("user", Schema.ref("User")), ("unitName", Schema.string())],
                                      required: ["user", "unitName"])
}
