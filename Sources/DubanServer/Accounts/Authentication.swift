import Crypto
import DubanCore
import Fluent
import SQLKit
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
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(token.utf8)) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The signed-in user with its unit, in one statement (every request reads it).
    struct ActorRow: Decodable {
        var userId: UUID
        var username: String
        var displayName: String
        var role: String
        var active: Bool
        var unitId: UUID
        var unitName: String
        var unitPath: String
        var expiresAt: Date?

        enum CodingKeys: String, CodingKey {
            case userId = "user_id", username, displayName = "display_name", role, active, unitId = "unit_id"
            case unitName = "unit_name", unitPath = "unit_path", expiresAt = "expires_at"
        }
    }

    static let actorColumns: SQLQueryString = """
        SELECT u.id AS user_id, u.username, u.display_name, u.role, u.active, n.id AS unit_id, n.name AS unit_name, n.path AS unit_path
        """

    static func actor(forToken token: String, on request: Request) async throws -> Actor? {
        guard token.count <= 200, let sql = request.db as? any SQLDatabase else { return nil }
        let row = try await sql.raw(actorColumns + """
            , t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN units n ON n.id = u.unit_id
            WHERE t.token_hash = \(bind: tokenHash(token))
            """).first(decoding: ActorRow.self)
        guard let row, let expires = row.expiresAt, expires > Date() else { return nil }
        return actor(row, viaSession: false)
    }

    static func actor(userID: UUID, viaSession: Bool, on db: any Database) async throws -> Actor? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let row = try await sql.raw(actorColumns + " FROM users u JOIN units n ON n.id = u.unit_id WHERE u.id = \(bind: userID)")
            .first(decoding: ActorRow.self)
        return row.flatMap { actor($0, viaSession: viaSession) }
    }

    private static func actor(_ row: ActorRow, viaSession: Bool) -> Actor? {
        guard row.active else { return nil }
        return Actor(userID: row.userId, username: row.username, displayName: row.displayName,
                     role: User.role(stored: row.role), unitID: row.unitId, unitName: row.unitName,
                     unitPath: UnitPath(encoded: row.unitPath), viaSession: viaSession)
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
