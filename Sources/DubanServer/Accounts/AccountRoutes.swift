import DubanCore
import Fluent
import Vapor

/// Bearer tokens (`POST /api/v1/auth/token`, SPEC §3) and user administration.
enum AccountRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Accounts"
        let user = Schema.ref("User")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", Schema.ref("Error"))
        api.add(.POST, "auth/token", summary: "以用户名和密码换取令牌 / exchange credentials for a bearer token", tag: tag,
                body: Schema.ref("TokenRequest"),
                responses: [(200, "令牌 / the token", Schema.ref("TokenResponse")),
                            (401, "用户名或密码错误 / wrong credentials", Schema.ref("Error")),
                            (429, "登录失败过多，临时锁定 / temporarily locked after failed sign-ins", Schema.ref("Error"))],
                requiresAuth: false, use: issueToken)
        api.add(.DELETE, "auth/token", summary: "注销当前令牌 / revoke the current token", tag: tag,
                responses: [(204, "已注销 / revoked", nil)], use: revokeToken)
        api.add(.GET, "me", summary: "当前用户 / the signed-in user", tag: tag,
                responses: [(200, "当前用户 / the user", Schema.ref("Me"))], use: me)
        api.add(.GET, "users", summary: "列出用户（管理员）/ list users (admin)", tag: tag,
                query: [.init(name: "q", schema: Schema.string(maxLength: 64), description: "用户名包含 / username contains"),
                        .limit, .cursor],
                responses: [(200, "用户列表 / a page of users", Schema.page(of: "User"))], use: list)
        api.add(.POST, "users", summary: "新建用户（管理员）/ create a user (admin)", tag: tag, body: Schema.ref("UserCreate"),
                responses: [(201, "已创建 / created", user), (409, "用户名已存在 / username taken", Schema.ref("Error"))],
                use: create)
        api.add(.GET, "users/{id}", summary: "查看用户（管理员）/ get a user (admin)", tag: tag,
                responses: [(200, "用户 / the user", user), notFound], use: get)
        api.add(.PATCH, "users/{id}", summary: "修改用户（管理员）/ change a user (admin)", tag: tag,
                body: Schema.ref("UserPatch"), responses: [(200, "已修改 / changed", user), notFound], use: update)
    }

    @Sendable static func issueToken(_ req: Request) async throws -> TokenResponse {
        let input = try req.decodeJSON(TokenRequest.self)
        guard input.username.count <= 64, input.password.count <= 128 else {
            throw DubanError(.unauthorized, code: "invalid_credentials", message: "用户名或密码错误 / wrong username or password")
        }
        var found: User?
        let ok = try await LoginThrottle.attempt(req, username: input.username) {
            guard let user = try await User.query(on: req.db).filter(\.$username == input.username).first(),
                  user.active, Passwords.verify(input.password, hash: user.passwordHash) else { return false }
            found = user
            return true
        }
        guard ok, let user = found else {
            throw DubanError(.unauthorized, code: "invalid_credentials", message: "用户名或密码错误 / wrong username or password")
        }
        let token = Secrets.token()
        let expires = Date().addingTimeInterval(req.application.duban.tokenLifetime)
        let userID = try user.requireID()
        try await req.write { db in
            try await APIToken(tokenHash: ActorMiddleware.tokenHash(token), userID: userID, expiresAt: expires).create(on: db)
            try await APIToken.query(on: db).filter(\.$expiresAt < Date()).delete()
        }
        return TokenResponse(token: token, expiresAt: expires, user: UserDTO(user))
    }

    @Sendable static func revokeToken(_ req: Request) async throws -> HTTPStatus {
        try req.requireActor()
        guard let bearer = req.headers.bearerAuthorization else {
            throw DubanError.badRequest("请求未使用令牌 / no bearer token in the request")
        }
        let hash = ActorMiddleware.tokenHash(bearer.token)
        try await req.write { db in try await APIToken.query(on: db).filter(\.$tokenHash == hash).delete() }
        return .noContent
    }

    @Sendable static func me(_ req: Request) async throws -> MeDTO {
        let actor = try req.requireActor()
        guard let user = try await User.find(actor.userID, on: req.db) else { throw DubanError.unauthenticated }
        return MeDTO(user: UserDTO(user), unitName: actor.unitName)
    }

    @Sendable static func list(_ req: Request) async throws -> ListPage<UserDTO> {
        try req.requireRole(.admin)
        let page = try PageRequest(req)
        let query = User.query(on: req.db)
        if let q = try req.queryText("q", max: 64) { query.filter(\.$username ~~ q) }
        let (users, next) = try await page.fetch(query, orderedBy: \.$username, id: \.$id)
        return ListPage(items: users.map(UserDTO.init), nextCursor: next)
    }

    static func validateUsername(_ name: String) throws -> String {
        guard (2...64).contains(name.count),
              name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || "_.-".unicodeScalars.contains($0) }) else {
            throw DubanError.invalid("username", "用户名为2–64位字母、数字或 _ . - / 2–64 letters, digits, _ . -")
        }
        return name
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin)
        let input = try req.decodeJSON(UserCreate.self)
        let username = try validateUsername(input.username)
        let displayName = try Check.text(input.displayName, "displayName", max: 100)
        try Passwords.validate(input.password)
        let role = try Check.enumeration(input.role, "role", as: Role.self)
        let unitID = try Check.uuid(input.unitId, "unitId")
        let hash = try Passwords.hash(input.password, cost: req.application.duban.bcryptCost)
        let dto = try await req.write { db in
            guard try await Unit.find(unitID, on: db) != nil else {
                throw DubanError.invalid("unitId", "单位不存在 / unit not found")
            }
            if try await User.query(on: db).filter(\.$username == username).first() != nil {
                throw DubanError.conflict("用户名已存在 / username taken", code: "duplicate_username", field: "username")
            }
            let user = User(username: username, displayName: displayName, passwordHash: hash, role: role, unitID: unitID)
            try await user.create(on: db)
            let dto = UserDTO(user)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "user",
                                      entityID: dto.id.text, before: UserDTO?.none, after: dto)
            return dto
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func get(_ req: Request) async throws -> UserDTO {
        try req.requireRole(.admin)
        let id = try req.idParameter(what: "用户 / user")
        guard let user = try await User.find(id, on: req.db) else { throw DubanError.notFound("用户 / user") }
        return UserDTO(user)
    }

    @Sendable static func update(_ req: Request) async throws -> UserDTO {
        let actor = try req.requireRole(.admin)
        let id = try req.idParameter(what: "用户 / user")
        let input = try req.decodeJSON(UserPatch.self)
        let displayName = try input.displayName.map { try Check.text($0, "displayName", max: 100) }
        let role = try input.role.map { try Check.enumeration($0, "role", as: Role.self) }
        let unitID = try input.unitId.map { try Check.uuid($0, "unitId") }
        if let password = input.password { try Passwords.validate(password) }
        let hash = try input.password.map { try Passwords.hash($0, cost: req.application.duban.bcryptCost) }
        return try await req.write { db in
            guard let user = try await User.find(id, on: db) else { throw DubanError.notFound("用户 / user") }
            let before = UserDTO(user)
            if let displayName { user.displayName = displayName }
            if let role { user.role = role.rawValue }
            if let unitID {
                guard try await Unit.find(unitID, on: db) != nil else {
                    throw DubanError.invalid("unitId", "单位不存在 / unit not found")
                }
                user.$unit.id = unitID
            }
            if let active = input.active { user.active = active }
            if let hash { user.passwordHash = hash }
            try await user.save(on: db)
            // A changed password, role, unit or deactivation ends the user's tokens.
            if hash != nil || role != nil || unitID != nil || input.active == false {
                try await APIToken.query(on: db).filter(\.$user.$id == id).delete()
            }
            let after = UserDTO(user)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: "user",
                                      entityID: id.text, before: before, after: after)
            return after
        }
    }
}
