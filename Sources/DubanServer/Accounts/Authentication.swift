import Crypto
import DubanCore
import Fluent
import Vapor

/// Identifies the actor from `Authorization: Bearer …` or the session cookie. Never rejects by itself:
/// routes decide with `requireActor()` / `requireRole()`.
struct ActorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard let actor = try await Self.actor(forToken: bearer.token, on: request) else {
                throw DubanError(.unauthorized, code: "invalid_token", message: "令牌无效或已过期 / invalid or expired token")
            }
            request.actor = actor
        } else if request.hasSession, let raw = request.session.data["userID"], let id = UUID(uuidString: raw) {
            // A session ends at its expiry (set at sign-in), whatever the browser does with the cookie.
            let expires = request.session.data[Self.sessionExpiryKey].flatMap(Double.init)
            if let expires, Date().timeIntervalSince1970 < expires {
                request.actor = try await Self.actor(userID: id, viaSession: true, on: request.db)
            }
            if request.actor == nil { request.session.data["userID"] = nil }
        }
        return try await next.respond(to: request)
    }

    /// Session data key: the sign-in's expiry, seconds since 1970.
    static let sessionExpiryKey = "expires"

    static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func actor(forToken token: String, on request: Request) async throws -> Actor? {
        guard token.count <= 200 else { return nil }
        guard let record = try await APIToken.query(on: request.db)
            .filter(\.$tokenHash == tokenHash(token)).first(),
            record.expiresAt > Date() else { return nil }
        return try await actor(userID: record.$user.id, viaSession: false, on: request.db)
    }

    static func actor(userID: UUID, viaSession: Bool, on db: any Database) async throws -> Actor? {
        guard let user = try await User.query(on: db).filter(\.$id == userID).with(\.$unit).first(),
              user.active, let id = user.id, let unitID = user.unit.id else { return nil }
        return Actor(userID: id, username: user.username, displayName: user.displayName, role: user.roleValue,
                     unitID: unitID, unitName: user.unit.name, unitPath: UnitPath(encoded: user.unit.path),
                     viaSession: viaSession)
    }
}

extension Request {
    /// Whether the request carried a session cookie (reading `session` would otherwise create one).
    var hasSession: Bool { cookies[application.sessions.configuration.cookieName] != nil }
}

/// Password hashing with bcrypt at the configured cost.
enum Passwords {
    static func hash(_ password: String, cost: Int) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// Password rule for new and changed passwords: 8–128 characters.
    static func validate(_ password: String, field: String = "password") throws {
        guard (8...128).contains(password.count) else {
            throw DubanError.invalid(field, "密码长度应为8–128个字符 / password must have 8–128 characters")
        }
    }
}

/// Random bearer tokens and CSRF tokens.
enum Secrets {
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
