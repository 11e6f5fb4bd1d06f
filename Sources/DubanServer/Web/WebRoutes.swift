import DubanCore
import Fluent
import Vapor

/// Server-rendered pages. Every page but the login page needs a signed-in user; the pages call the
/// same handlers and services as the API, so rules and access checks exist once.
enum WebRoutes {
    static func register(_ app: Application) throws {
        app.get("login", use: loginPage)
        app.post("login", use: login)
        app.post("logout", use: logout)
        let pages = app.grouped(SignedInPages())
        pages.get(use: home)
        pages.get("units", use: units)
        pages.post("units", roles: Roles.unitEditors, use: createUnit)
        pages.get("units", ":id", use: unit)
        pages.post("units", ":id", roles: Roles.unitEditors, use: saveUnit)
        pages.get("people", use: people)
        pages.get("people", ":id", use: person)
        pages.get("bodies", use: bodies)
        pages.get("bodies", ":id", use: body)
        RosterPages.register(pages)
        LedgerPages.register(signedIn: pages, public: app)
        HotlinePages.register(signedIn: pages, public: app)
        CalendarPages.register(pages)
        AuditPages.register(pages)
        NotificationPages.register(pages)
        CreditPages.register(signedIn: pages, public: app)
        AssessmentPages.register(pages)
        AccountabilityPages.register(pages)
        SupervisionPages.register(pages)
        ElevatorPages.register(signedIn: pages, public: app)
        SiteAuditPages.register(pages)
        ReportPages.register(pages)
        HelpPages.register(pages)
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
    }

    struct LoginPage: Encodable {
        var username: String
    }

    @Sendable static func loginPage(_ req: Request) async throws -> Response {
        if req.actor != nil { return req.redirect(to: "/") }
        let t = Strings.table(Language.of(req))
        return try await req.render("login", title: t["login"] ?? "", LoginPage(username: ""))
    }

    @Sendable static func login(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let t = Strings.table(Language.of(req))
        let username = String((form.username ?? "").prefix(64))
        let password = String((form.password ?? "").prefix(128))
        var found: UUID?
        let ok: Bool
        do {
            ok = try await LoginThrottle.attempt(req, username: username) {
                guard let user = try await User.query(on: req.db).filter(\.$username == username).first(), user.active,
                      Passwords.verify(password, hash: user.passwordHash), let id = user.id else { return false }
                found = id
                return true
            }
        } catch {
            guard let error = error as? DubanError, error.code == "login_locked" else { throw error }
            let response = try await req.render("login", title: t["login"] ?? "", LoginPage(username: username),
                                                error: error.message, status: .tooManyRequests)
            if let seconds = error.retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
            return response
        }
        guard ok, let id = found else {
            return try await req.render("login", title: t["login"] ?? "", LoginPage(username: username),
                                        error: t["wrongLogin"], status: .unauthorized)
        }
        // A new session id at sign-in: a session id planted before login is worthless after it.
        if let old = req.session.id {
            try await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.session.data["userID"] = id.uuidString
        req.session.data[ActorMiddleware.sessionExpiryKey] = String(Int(Date().timeIntervalSince1970 + req.application.duban.sessionLifetime))
        _ = req.csrfToken
        return req.redirect(to: "/")
    }

    @Sendable static func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: "/login")
    }

    struct HomePage: Encodable {
        var units: Int
        var people: Int
        var bodies: Int
        var dashboard: DashboardDTO
        var trend: TrendChart?
        var byUnit: BarChart?
        var ranking: BarChart?
        var credit: BarChart?
        var hasByUnit: Bool
        var hasRanking: Bool
    }

    /// 首页看板: the role's dashboard (``Dashboard``) with server-drawn SVG charts.
    @Sendable static func home(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let actor = try req.requireRole(Dashboard.roles)
        let unitQuery = Unit.query(on: req.db)
        if actor.role.isUnitScoped { unitQuery.filter(\.$path =~ actor.unitPath.encoded) }
        let dashboard = try await Dashboard.build(req, actor: actor, now: Date())
        typealias Bar = (label: String, value: Double, display: String, href: String?)
        var trend: TrendChart?
        var byUnit: BarChart?
        if let work = dashboard.work {
            let labels: [String] = work.weeks.map { String($0.week.dropFirst(5)) }
            let opened: [Int] = work.weeks.map(\.opened)
            let closed: [Int] = work.weeks.map(\.closed)
            trend = TrendChart(label: "近\(work.weeks.count)周每周登记与销号", labels: labels,
                               series: [("登记", "rgb(161,40,29)", opened), ("销号", "rgb(46,111,64)", closed)])
            let rows: [Bar] = work.overdueByUnit.map { figure -> Bar in (figure.label, Double(figure.count), "\(figure.count)", figure.href) }
            byUnit = BarChart(label: "超期未办结（按承办单位）", rows: rows, maximum: Double(work.overdueByUnit.map(\.count).max() ?? 0))
        }
        var ranking: BarChart?
        if let rank = dashboard.rank {
            let rows: [Bar] = rank.rows.map { row -> Bar in ("\(row.rank). \(row.unit)", row.totalValue, row.total, nil) }
            ranking = BarChart(label: "热线考评总分 \(rank.period)", rows: rows, maximum: 105)
        }
        var credit: BarChart?
        if let grades = dashboard.credit {
            let rows: [Bar] = grades.map { figure -> Bar in (figure.label, Double(figure.count), "\(figure.count)", figure.href) }
            credit = BarChart(label: "企业信用等级分布", rows: rows, maximum: Double(grades.map(\.count).max() ?? 0))
        }
        let content = HomePage(units: try await unitQuery.count(), people: try await Person.query(on: req.db).count(),
                               bodies: try await Body.query(on: req.db).count(), dashboard: dashboard, trend: trend, byUnit: byUnit,
                               ranking: ranking, credit: credit, hasByUnit: !(dashboard.work?.overdueByUnit.isEmpty ?? true),
                               hasRanking: !(dashboard.rank?.rows.isEmpty ?? true))
        return try await req.render("home", title: t["home"] ?? "", content)
    }

    struct UnitRow: Encodable {
        var unit: UnitDTO
        var kindName: String
    }

    struct UnitsPage: Encodable {
        var q: String
        var kind: String
        var kinds: [Option]
        var rows: [UnitRow]
        var nextHref: String?
        var canCreate: Bool
        var parents: [Option]
        var empty: Bool { rows.isEmpty }

        enum CodingKeys: String, CodingKey { case q, kind, kinds, rows, nextHref, canCreate, parents, empty }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(q, forKey: .q); try c.encode(kind, forKey: .kind); try c.encode(kinds, forKey: .kinds)
            try c.encode(rows, forKey: .rows); try c.encodeIfPresent(nextHref, forKey: .nextHref)
            try c.encode(canCreate, forKey: .canCreate); try c.encode(parents, forKey: .parents); try c.encode(empty, forKey: .empty)
        }
    }

    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    @Sendable static func units(_ req: Request) async throws -> Response {
        try await unitsPage(req, error: nil)
    }

    static func unitsPage(_ req: Request, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Language.of(req)
        let t = Strings.table(lang)
        let actor = try req.requireActor()
        let q = (try? req.queryText("q")) ?? nil
        let kind = req.query[String.self, at: "kind"] ?? ""
        let page = try await UnitRoutes.list(req)
        var next: String?
        if let cursor = page.nextCursor {
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "cursor", value: cursor)]
                + (q.map { [URLQueryItem(name: "q", value: $0)] } ?? [])
                + (kind.isEmpty ? [] : [URLQueryItem(name: "kind", value: kind)])
            next = "/units?" + (components.percentEncodedQuery ?? "")
        }
        let canCreate = actor.role == .admin || actor.role == .unitOperator || actor.role == .inspector
        var parents: [Option] = []
        if canCreate {
            let query = Unit.query(on: req.db).filter(\.$kind != UnitKind.enterprise.rawValue)
            if actor.role.isUnitScoped { query.filter(\.$path =~ actor.unitPath.encoded) }
            parents = try await query.sort(\.$name).limit(500).all().compactMap { unit in
                unit.id.map { Option(value: $0.text, label: unit.name, selected: $0 == actor.unitID) }
            }
        }
        let content = UnitsPage(
            q: q ?? "", kind: kind,
            kinds: UnitKind.allCases.map { Option(value: $0.rawValue, label: Strings.kindName($0, lang), selected: $0.rawValue == kind) },
            rows: page.items.map { UnitRow(unit: $0, kindName: Strings.kindName($0.kind, lang)) },
            nextHref: next, canCreate: canCreate, parents: parents)
        return try await req.render("units", title: t["units"] ?? "", content, error: error, status: status)
    }

    struct UnitForm: Content {
        var name: String?
        var kind: String?
        var parentId: String?
        var aliases: String?
        var creditCode: String?
        var address: String?
        var phone: String?

        var aliasList: [String] {
            (aliases ?? "").split(whereSeparator: { $0.isNewline || $0 == "，" || $0 == "," })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    @Sendable static func createUnit(_ req: Request) async throws -> Response {
        let form = try req.content.decode(UnitForm.self)
        do {
            let dto = try await UnitRoutes.create(req, input: UnitCreate(
                name: form.name ?? "", kind: form.kind ?? "", parentId: form.parentId.flatMap { $0.isEmpty ? nil : $0 },
                aliases: form.aliasList, creditCode: form.creditCode, address: form.address, phone: form.phone))
            return req.redirect(to: "/units/\(dto.id.text)?saved=1")
        } catch let error as DubanError where error.status.code < 500 {
            return try await unitsPage(req, error: error.message, status: error.status)
        }
    }

    struct UnitPage: Encodable {
        var unit: UnitDTO
        var kindName: String
        var parentName: String?
        var aliasesText: String
        var canEdit: Bool
        var isAdmin: Bool
        var kinds: [Option]
        var children: [UnitDTO]
        var posts: [PostRow]
        var hasChildren: Bool
        var hasPosts: Bool
    }

    struct PostRow: Encodable {
        var personId: String
        var personName: String
        var title: String
        var from: String
        var to: String?
    }

    @Sendable static func unit(_ req: Request) async throws -> Response {
        try await unitPage(req, error: nil, notice: req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil)
    }

    static func unitPage(_ req: Request, error: String?, notice: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Language.of(req)
        let actor = try req.requireActor()
        let dto = try await UnitRoutes.get(req)
        let parent = try await dto.parentId.asyncMap { try await Unit.find($0, on: req.db) } ?? nil
        let children = try await Unit.query(on: req.db).filter(\.$parent.$id == dto.id).sort(\.$name).limit(200)
            .with(\.$aliases).all().map { UnitDTO($0, aliases: $0.aliases) }
        let posts = try await Post.query(on: req.db).filter(\.$unit.$id == dto.id).with(\.$person).sort(\.$from, .descending)
            .limit(200).all()
        let canEdit = DirectoryAccess.update(role: actor.role, actorUnit: actor.unitPath,
                                             target: UnitPath(encoded: (try await Unit.find(dto.id, on: req.db))?.path ?? "")) == .allow
        let content = UnitPage(
            unit: dto, kindName: Strings.kindName(dto.kind, lang), parentName: parent?.name,
            aliasesText: dto.aliases.joined(separator: "\n"), canEdit: canEdit, isAdmin: actor.role == .admin,
            kinds: UnitKind.allCases.map { Option(value: $0.rawValue, label: Strings.kindName($0, lang), selected: $0 == dto.kind) },
            children: children,
            posts: posts.map { PostRow(personId: $0.person.id?.text ?? "", personName: $0.person.name, title: $0.title, from: $0.from, to: $0.to) },
            hasChildren: !children.isEmpty, hasPosts: !posts.isEmpty)
        return try await req.render("unit", title: dto.name, content, error: error, notice: notice, status: status)
    }

    @Sendable static func saveUnit(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = try req.content.decode(UnitForm.self)
        let admin = actor.role == .admin
        let patch = UnitPatch(
            name: admin ? form.name : nil, kind: admin ? form.kind : nil, parentId: nil,
            aliases: form.aliasList, creditCode: form.creditCode, address: form.address ?? "", phone: form.phone ?? "")
        do {
            let dto = try await UnitRoutes.update(req, patch: patch)
            return req.redirect(to: "/units/\(dto.id.text)?saved=1")
        } catch let error as DubanError where error.status.code < 500 && error.status != .notFound {
            return try await unitPage(req, error: error.message, notice: nil, status: error.status)
        }
    }

    struct PeoplePage: Encodable {
        var q: String
        var empty: Bool
        var isAdmin: Bool
        var items: [PersonDTO]
        var nextHref: String?
    }

    @Sendable static func people(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let page = try await PersonRoutes.list(req)
        let q = (try? req.queryText("q", max: 100)) ?? nil
        let next = page.nextCursor.map { "/people?cursor=\($0)" + (q.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map { "&q=\($0)" } ?? "") }
        return try await req.render("people", title: t["people"] ?? "", PeoplePage(q: q ?? "", empty: page.items.isEmpty, isAdmin: req.actor?.role == .admin, items: page.items, nextHref: next))
    }

    struct PersonPage: Encodable {
        var person: PersonDTO
        var isAdmin: Bool
    }

    @Sendable static func person(_ req: Request) async throws -> Response {
        try await personPage(req, error: nil, status: .ok)
    }

    @Sendable static func personPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let dto = try await PersonRoutes.get(req)
        let notice = req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil
        return try await req.render("person", title: dto.name, PersonPage(person: dto, isAdmin: actor.role == .admin),
                                    error: error, notice: notice, status: status)
    }

    struct BodiesPage: Encodable {
        var q: String
        var empty: Bool
        var items: [BodyDTO]
        var nextHref: String?
    }

    @Sendable static func bodies(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let page = try await BodyRoutes.list(req)
        let q = (try? req.queryText("q")) ?? nil
        let next = page.nextCursor.map { "/bodies?cursor=\($0)" + (q.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map { "&q=\($0)" } ?? "") }
        return try await req.render("bodies", title: t["bodies"] ?? "", BodiesPage(q: q ?? "", empty: page.items.isEmpty, items: page.items, nextHref: next))
    }

    struct BodyPage: Encodable {
        var body: BodyDTO
        var isAdmin: Bool
        var kinds: [Option]
    }

    @Sendable static func body(_ req: Request) async throws -> Response {
        try await bodyPage(req, error: nil, status: .ok)
    }

    @Sendable static func bodyPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let dto = try await BodyRoutes.get(req)
        let notice = req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil
        let kinds = BodyKind.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == dto.kind) }
        return try await req.render("body", title: dto.name, BodyPage(body: dto, isAdmin: actor.role == .admin, kinds: kinds),
                                    error: error, notice: notice, status: status)
    }
}

/// Sends visitors who are not signed in to the login page.
struct SignedInPages: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.actor != nil else { return request.redirect(to: "/login") }
        return try await next.respond(to: request)
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
