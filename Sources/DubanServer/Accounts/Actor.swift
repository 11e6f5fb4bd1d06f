import DubanCore
import Vapor

/// The authenticated person behind a request.
struct Actor: Sendable {
    var userID: UUID
    var username: String
    var displayName: String
    var role: Role
    var unitID: UUID
    var unitName: String
    var unitPath: UnitPath
    /// True when authenticated by the session cookie (browser), false for a bearer token.
    var viaSession: Bool

    /// How audit entries name this actor.
    var auditName: String { "\(username)(\(role.rawValue))" }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The actor, or 401.
    @discardableResult
    func requireActor() throws -> Actor {
        guard let actor else { throw DubanError.unauthenticated }
        return actor
    }

    /// The actor if it holds one of `roles`, else 401/403.
    @discardableResult
    func requireRole(_ roles: Role...) throws -> Actor {
        try requireRole(roles)
    }

    @discardableResult
    func requireRole(_ roles: [Role]) throws -> Actor {
        let actor = try requireActor()
        guard roles.contains(actor.role) else { throw DubanError.forbidden }
        return actor
    }
}
