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

/// Role sets named once for the route guards (`roles:` on a route), from SPEC §1 and the modules'
/// access rules; a module's own finer rule (its unit, its record) still applies in the handler.
enum Roles {
    static let admin: [Role] = [.admin]
    static let supervision: [Role] = [.admin, .supervisor]
    /// Admins, and inspectors and operators below their own unit (DirectoryAccess).
    static let unitEditors: [Role] = [.admin, .inspector, .unitOperator]
    /// Roles that register and change ledger items (not evaluators or leaders).
    static let itemWriters: [Role] = [.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise]
    /// Everyone on a ledger item's thread (evaluators only see hotline cases).
    static let itemCorrespondents: [Role] = itemWriters + [.leader]
    static let taskReporters: [Role] = [.admin, .unitOperator]
    static let lookBack: [Role] = [.admin, .supervisor, .dispatcher, .inspector]
    static let hotlineContact: [Role] = [.admin, .unitOperator]
}
