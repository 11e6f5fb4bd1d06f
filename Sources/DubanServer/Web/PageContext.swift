import DubanCore
import Vapor

/// What every page's layout needs: language, strings, the signed-in user, navigation, CSRF token.
struct Layout: Encodable {
    var lang: String
    var otherLang: String
    var t: [String: String]
    var title: String
    var user: UserBadge?
    var nav: [NavItem]
    var csrf: String
    var path: String

    struct UserBadge: Encodable {
        var name: String
        var role: String
        var unit: String
    }

    struct NavItem: Encodable {
        var href: String
        var label: String
        var active: Bool
    }

    init(_ req: Request, title: String) {
        let language = Language.of(req)
        let table = Strings.table(language)
        lang = language.htmlLang
        otherLang = language == .zh ? "en" : "zh"
        t = table
        self.title = title
        csrf = req.csrfToken
        path = req.url.path
        if let actor = req.actor {
            user = UserBadge(name: actor.displayName, role: Strings.roleName(actor.role, language), unit: actor.unitName)
            var items: [(String, String)] = [("/", "home"), ("/items", "ledger"), ("/units", "units"), ("/people", "people"), ("/bodies", "bodies"),
                                             ("/calendar", "calendar"), ("/notifications", "notifications")]
            if CreditService.readers.contains(actor.role) { items.insert(("/credit/subjects", "credit"), at: 2) }
            if ElevatorService.districtReaders.contains(actor.role) || actor.role.isUnitScoped { items.insert(("/elevators", "elevators"), at: 2) }
            // Navigation by role: the audit log is for those who may read it.
            if AssessmentRoutes.readers.contains(actor.role) { items.insert(("/assessments/hotline", "assessment"), at: 2) }
            if actor.role == .unitOperator { items.insert(("/accountability", "accountability"), at: 2) }
            if [.admin, .supervisor, .leader].contains(actor.role) { items.append(("/site-audit", "siteAudit")) }
            if ScheduledReports.readers.contains(actor.role) { items.append(("/reports", "reports")) }
            items.append(("/help", "help"))
            if actor.role == .admin || actor.role == .supervisor { items.append(("/audit", "audit")) }
            if [.admin, .dispatcher, .supervisor].contains(actor.role) { items.insert(("/hotline", "hotline"), at: 2) }
            nav = items.map { NavItem(href: $0.0, label: table[$0.1] ?? $0.1,
                                      active: $0.0 == "/" ? req.url.path == "/" : req.url.path.hasPrefix($0.0)) }
        } else {
            user = nil
            nav = []
        }
    }
}

/// A page: the layout plus the page's own data.
struct PageView<Content: Encodable>: Encodable {
    var layout: Layout
    var page: Content
    var error: String?
    var notice: String?
}

extension Request {
    func render<C: Encodable>(_ template: String, title: String, _ content: C, error: String? = nil,
                              notice: String? = nil, status: HTTPResponseStatus = .ok) async throws -> Response {
        let context = PageView(layout: Layout(self, title: title), page: content, error: error, notice: notice)
        let response = try await view.render(template, context).encodeResponse(for: self)
        response.status = status
        if let lang = query[String.self, at: "lang"], Language(rawValue: lang) != nil {
            response.cookies["lang"] = HTTPCookies.Value(string: lang, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}

extension Request {
    /// Runs a form's action and redirects to `back` with a "saved" notice; a client error (other than
    /// not found) re-renders the page with the message and the field at fault instead.
    func formAction(back: String, rerender: (Request, String, HTTPResponseStatus) async throws -> Response,
                    _ action: () async throws -> Void) async throws -> Response {
        do {
            try await action()
            return redirect(to: back + (back.contains("?") ? "&" : "?") + "saved=1")
        } catch let error as DubanError where error.status.code < 500 && error.status != .notFound {
            return try await rerender(self, error.message + (error.field.map { "（\($0)）" } ?? ""), error.status)
        }
    }
}
