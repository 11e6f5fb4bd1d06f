@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// Who may call what (issue #11): every route of the live router against every role, from a table
/// written by hand from SPEC §1 and the modules' access rules. A route added without a table entry
/// fails `testEveryRouteHasAnEntryAndEveryRoleGetsItsAnswer`.
final class AccessMatrixTests: XCTestCase {
    /// The expected access to one route.
    enum Access: Equatable {
        /// No sign-in needed (public pages and API, login, Open311, health and metrics).
        case open
        /// Every signed-in role.
        case signedIn
        /// Only these roles; the others get 403, the anonymous 401 (API) or the login page.
        case roles(Set<Role>)
        /// Only a partner agency's `X-Agency-Key`; every user token gets 401.
        case agencyKey
    }

    static let hotlineDesk: Set<Role> = [.admin, .dispatcher, .supervisor]
    static let creditReaders: Set<Role> = [.admin, .supervisor, .inspector, .leader, .unitOperator, .enterprise]
    static let creditRecorders: Set<Role> = [.admin, .supervisor, .inspector]
    /// Roles that register and change ledger items (not evaluators or leaders).
    static let itemWriters: Set<Role> = [.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise]
    static let admin: Set<Role> = [.admin]
    static let supervision: Set<Role> = [.admin, .supervisor]
    static let assessors: Set<Role> = [.admin, .supervisor, .leader]
    static let siteAuditReaders: Set<Role> = [.admin, .supervisor, .leader]
    static let elevatorRegistrars: Set<Role> = [.admin, .supervisor, .inspector]
    /// Everyone but the hotline's evaluators: district roles see all elevators, unit accounts their own.
    static let elevatorReaders: Set<Role> = Set(Role.allCases).subtracting([.evaluator])
    /// Scheduled reports go to the district and the handling units, not to evaluators or enterprises.
    static let reportReaders: Set<Role> = [.admin, .supervisor, .leader, .dispatcher, .unitOperator, .inspector]
    static let elevatorIncidentRecorders: Set<Role> = [.admin, .supervisor, .inspector, .dispatcher, .unitOperator, .enterprise]

    /// The table: "METHOD /path" with Vapor's `:name` parameters. Derived from SPEC §1 (who does what),
    /// the README's access notes and each module's section; unit scoping (404 for other units' ids) is
    /// the IDOR tests' subject below.
    static let table: [String: Access] = [
        // Platform
        "GET /healthz": .open,
        "GET /metrics": .open,
        "GET /openapi.json": .open,
        // Accounts (SPEC M0: admins manage users)
        "POST /api/v1/auth/token": .open,
        "DELETE /api/v1/auth/token": .signedIn,
        "GET /api/v1/me": .signedIn,
        "GET /api/v1/users": .roles(admin),
        "POST /api/v1/users": .roles(admin),
        "GET /api/v1/users/:id": .roles(admin),
        "PATCH /api/v1/users/:id": .roles(admin),
        // Directory (README: rosters are published documents, readable by every signed-in role; only
        // admins change people and bodies; units are created by admins, inspectors and operators
        // below their own unit, DirectoryAccess)
        "GET /api/v1/units": .signedIn,
        "POST /api/v1/units": .roles([.admin, .inspector, .unitOperator]),
        "GET /api/v1/units/lookup": .signedIn,
        "GET /api/v1/units/:id": .signedIn,
        "PATCH /api/v1/units/:id": .roles([.admin, .inspector, .unitOperator]),
        "DELETE /api/v1/units/:id": .roles(admin),
        "GET /api/v1/people": .signedIn,
        "POST /api/v1/people": .roles(admin),
        "GET /api/v1/people/:id": .signedIn,
        "PATCH /api/v1/people/:id": .roles(admin),
        "DELETE /api/v1/people/:id": .roles(admin),
        "POST /api/v1/people/:id/posts": .roles(admin),
        "PATCH /api/v1/people/:id/posts/:postId": .roles(admin),
        "GET /api/v1/bodies": .signedIn,
        "POST /api/v1/bodies": .roles(admin),
        "GET /api/v1/bodies/:id": .signedIn,
        "PATCH /api/v1/bodies/:id": .roles(admin),
        "DELETE /api/v1/bodies/:id": .roles(admin),
        "POST /api/v1/bodies/:id/members": .roles(admin),
        "DELETE /api/v1/bodies/:id/members/:memberId": .roles(admin),
        // Audit (SPEC M0: supervisors read the log, admins verify the chain)
        "GET /api/v1/audit": .roles([.admin, .supervisor]),
        "GET /api/v1/audit/verify": .roles(admin),
        // Calendar (SPEC §3: deadline and day queries are public; admins correct the calendar)
        "GET /api/v1/calendar/days/:date": .open,
        "GET /api/v1/calendar/deadline": .open,
        "GET /api/v1/calendar/years": .signedIn,
        "PUT /api/v1/calendar/years/:year": .roles(admin),
        "DELETE /api/v1/calendar/years/:year": .roles(admin),
        "GET /api/v1/calendar/working-hours": .signedIn,
        "PUT /api/v1/calendar/working-hours": .roles(admin),
        "GET /api/v1/calendar/warning-lead": .signedIn,
        "PUT /api/v1/calendar/warning-lead": .roles(admin),
        // Notifications: one's own inbox; the outbox is the admin's
        "GET /api/v1/notifications": .signedIn,
        "GET /api/v1/notifications/outbox": .roles(admin),
        "POST /api/v1/notifications/:id/read": .signedIn,
        // Settings (Duban defaults: supervisors read, admins change)
        "GET /api/v1/settings": .roles([.admin, .supervisor]),
        "PUT /api/v1/settings/:key": .roles(admin),
        // Ledger (SPEC M3): everyone signed in reads (scoped); evaluators and leaders do not write
        "GET /api/v1/items": .signedIn,
        "POST /api/v1/items": .roles(itemWriters),
        "GET /api/v1/items/metrics": .signedIn,
        "GET /api/v1/items/:id": .signedIn,
        "PATCH /api/v1/items/:id": .roles(itemWriters),
        "POST /api/v1/items/:id/events": .signedIn,
        "GET /api/v1/items/:id/attachments": .signedIn,
        "POST /api/v1/items/:id/attachments": .roles(itemWriters),
        "GET /api/v1/items/:id/attachments/:attachmentId": .signedIn,
        "POST /api/v1/items/:id/messages": .roles([.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise, .leader]),
        "POST /api/v1/items/:id/progress": .roles([.admin, .unitOperator]),
        "POST /api/v1/items/:id/look-back": .roles([.admin, .supervisor, .dispatcher, .inspector]),
        "GET /api/v1/public/listed-hazards": .open,
        "GET /api/v1/registers/major-fire-hazards": .roles([.admin, .supervisor, .leader, .inspector]),
        "POST /api/v1/registers/major-fire-hazards": .roles([.admin, .supervisor, .inspector]),
        "GET /api/v1/registers/task-breakdown": .roles([.admin, .supervisor, .leader, .dispatcher]),
        "POST /api/v1/registers/task-breakdown": .roles([.admin, .supervisor, .dispatcher]),
        // Hotline (SPEC M4): the desk records, dispatches, follows up; the unit contacts; the evaluator evaluates
        "POST /api/v1/hotline/cases": .roles(hotlineDesk),
        "GET /api/v1/hotline/cases/:id": .signedIn,
        "POST /api/v1/hotline/cases/:id/acknowledge": .roles(hotlineDesk),
        "POST /api/v1/hotline/cases/:id/contacts": .roles([.admin, .unitOperator]),
        "POST /api/v1/hotline/cases/:id/dispatch": .roles(hotlineDesk),
        "POST /api/v1/hotline/cases/:id/evaluation": .roles([.evaluator]),
        "POST /api/v1/hotline/cases/:id/follow-up": .roles(hotlineDesk),
        "GET /api/v1/hotline/categories": .signedIn,
        "PUT /api/v1/hotline/categories/:code": .roles(admin),
        "PUT /api/v1/hotline/evaluators/:id": .roles(admin),
        "POST /api/v1/hotline/knowledge": .roles(hotlineDesk),
        "GET /api/v1/hotline/major-events": .roles(hotlineDesk),
        "GET /api/v1/hotline/reports/weekly": .roles([.admin, .dispatcher, .supervisor, .leader]),
        "GET /api/v1/hotline/suggest": .roles(hotlineDesk),
        "POST /api/v1/public/hotline": .open,
        "GET /api/v1/public/hotline/:code": .open,
        // Assessment (SPEC M5: supervision and leaders)
        "GET /api/v1/assessments/hotline": .roles([.admin, .supervisor, .leader]),
        // Assessment and accountability (SPEC M5; 附件5, 附件7): supervision and leaders read, supervision
        // writes; a unit operator sees its own accountability actions and proposals it hosts
        "GET /api/v1/assessments/hotline/export": .roles(assessors),
        "GET /api/v1/assessments/hotline/entries": .roles(assessors),
        "PUT /api/v1/assessments/hotline/entries/:unitId": .roles(supervision),
        "GET /api/v1/assessments/tasks": .roles(assessors),
        "GET /api/v1/assessments/schemes": .roles(assessors),
        "PUT /api/v1/assessments/schemes/:code": .roles(supervision),
        "GET /api/v1/assessments/schemes/:code/scores": .roles(assessors),
        "GET /api/v1/accountability": .roles(assessors.union([.unitOperator])),
        "GET /api/v1/accountability/:id": .signedIn,
        "POST /api/v1/accountability": .roles(supervision),
        "POST /api/v1/accountability/evaluate": .roles(supervision),
        "POST /api/v1/accountability/:id/events": .signedIn,
        "GET /api/v1/proposals": .roles(assessors.union([.unitOperator])),
        "POST /api/v1/proposals": .roles(supervision),
        "GET /api/v1/proposals/summary": .roles(assessors),
        "POST /api/v1/proposals/:id/reply": .signedIn,
        "POST /api/v1/proposals/:id/meeting": .signedIn,
        "POST /api/v1/proposals/:id/rating": .roles(supervision),
        // Elevators (SPEC M7, 成府发〔2015〕29号): district roles register and read all; use and maintenance
        // units (unit-scoped accounts) act on their own elevators; evaluators see none
        "GET /api/v1/elevators": .roles(elevatorReaders),
        "POST /api/v1/elevators": .roles(elevatorRegistrars),
        "GET /api/v1/elevators/dashboard": .roles([.admin, .supervisor, .inspector, .dispatcher, .leader]),
        "GET /api/v1/elevators/maintainers": .roles(elevatorReaders),
        "POST /api/v1/elevators/maintainers": .roles(elevatorRegistrars),
        "GET /api/v1/elevators/maintenance-overdue": .roles(elevatorReaders),
        "GET /api/v1/elevators/inspection-due": .roles(elevatorReaders),
        "POST /api/v1/elevators/drills": .roles([.admin, .supervisor, .unitOperator, .enterprise]),
        "GET /api/v1/elevators/:id": .roles(elevatorReaders),
        "DELETE /api/v1/elevators/:id": .roles(admin),
        "POST /api/v1/elevators/:id/use-unit": .roles(elevatorRegistrars),
        "POST /api/v1/elevators/:id/status": .roles([.admin, .supervisor, .inspector, .unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/stop-notice": .roles([.admin, .supervisor, .unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/maintenance": .roles([.unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/maintenance/:recordId/confirmation": .roles([.unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/maintenance/:recordId/photos": .roles([.unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/inspection-application": .roles([.admin, .supervisor, .unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/inspections": .roles(elevatorRegistrars),
        "POST /api/v1/elevators/:id/incidents": .roles(elevatorIncidentRecorders),
        "POST /api/v1/elevators/:id/incidents/:incidentId": .roles(elevatorIncidentRecorders),
        "POST /api/v1/elevators/:id/fund-requests": .roles([.admin, .supervisor, .unitOperator, .enterprise]),
        "POST /api/v1/elevators/:id/penalties": .roles(elevatorRegistrars),
        "GET /api/v1/public/elevators/:code": .open,
        "POST /api/v1/public/elevators/:code/reports": .open,
        // Site audit (SPEC M9): supervision runs it, leaders read the reports
        "GET /api/v1/site-audit/sites": .roles(siteAuditReaders),
        "POST /api/v1/site-audit/sites": .roles(supervision),
        "GET /api/v1/site-audit/sites/:id": .roles(siteAuditReaders),
        "POST /api/v1/site-audit/sites/:id/audits": .roles(supervision),
        "GET /api/v1/site-audit/sites/:id/audits": .roles(siteAuditReaders),
        "GET /api/v1/site-audit/audits/:id": .roles(siteAuditReaders),
        "POST /api/v1/site-audit/sites/:id/probes": .roles(supervision),
        "GET /api/v1/site-audit/sites/:id/availability": .roles(siteAuditReaders),
        // Dashboards, exports and scheduled reports (SPEC M8): each export answers what its list answers
        "GET /api/v1/dashboard": .signedIn,
        "GET /api/v1/items/export": .signedIn,
        "GET /api/v1/units/export": .signedIn,
        "GET /api/v1/people/export": .signedIn,
        "GET /api/v1/bodies/export": .signedIn,
        "GET /api/v1/credit/subjects/export": .roles(creditReaders),
        "GET /api/v1/elevators/export": .roles(elevatorReaders),
        "GET /api/v1/notifications/export": .signedIn,
        "GET /api/v1/reports": .roles(reportReaders),
        "GET /api/v1/reports/export": .roles(reportReaders),
        "GET /api/v1/reports/:id": .roles(reportReaders),
        // Credit (SPEC M6; README "Access": dispatchers and evaluators see none)
        "GET /api/v1/credit/rules": .signedIn,
        "PUT /api/v1/credit/rules": .roles(admin),
        "GET /api/v1/credit/subjects": .roles(creditReaders),
        "GET /api/v1/credit/subjects/:id": .roles(creditReaders),
        "POST /api/v1/credit/subjects/:id/black-list": .roles(creditReaders),
        "POST /api/v1/credit/records": .roles(creditRecorders),
        "GET /api/v1/credit/records/:id": .roles(creditReaders),
        "POST /api/v1/credit/records/:id/publish": .roles(creditRecorders),
        "POST /api/v1/credit/records/:id/objections": .roles(creditReaders),
        "POST /api/v1/credit/records/:id/repairs": .roles(creditReaders),
        "POST /api/v1/credit/objections/:id/decision": .roles(creditReaders),
        "POST /api/v1/credit/repairs/:id/decision": .roles(creditReaders),
        "POST /api/v1/credit/black-list/:id/events": .roles(creditReaders),
        "GET /api/v1/credit/publications": .roles([.admin, .supervisor, .inspector, .leader]),
        "GET /api/v1/credit/agencies": .roles(admin),
        "POST /api/v1/credit/agencies": .roles(admin),
        "DELETE /api/v1/credit/agencies/:id": .roles(admin),
        "GET /api/v1/joint/subjects/:code": .agencyKey,
        "GET /api/v1/joint/feed": .agencyKey,
        "POST /api/v1/joint/feedback": .agencyKey,
        "GET /api/v1/public/credit": .open,
        "GET /api/v1/public/credit/black-list": .open,
        "GET /api/v1/public/credit/decisions": .open,
        "GET /api/v1/public/credit/red-list": .open,
        // Open311 GeoReport v2: public by the standard (POST needs its api_key, checked by the route)
        "GET /open311/v2/:file": .open,
        "GET /open311/v2/services/:file": .open,
        "GET /open311/v2/requests/:file": .open,
        "GET /open311/v2/tokens/:file": .open,
        "POST /open311/v2/:file": .open,
        // Pages
        "GET /login": .open,
        "POST /login": .open,
        "POST /logout": .open,
        "GET /": .signedIn,
        "GET /units": .signedIn,
        "POST /units": .roles([.admin, .inspector, .unitOperator]),
        "GET /units/:id": .signedIn,
        "POST /units/:id": .roles([.admin, .inspector, .unitOperator]),
        "GET /people": .signedIn,
        "POST /people": .roles(admin),
        "GET /people/:id": .signedIn,
        "POST /people/:id": .roles(admin),
        "POST /people/:id/posts": .roles(admin),
        "GET /bodies": .signedIn,
        "GET /bodies/:id": .signedIn,
        "POST /bodies/:id": .roles(admin),
        "POST /bodies/:id/members": .roles(admin),
        "POST /bodies/:id/members/:memberId/remove": .roles(admin),
        "GET /items": .signedIn,
        "GET /items/new": .roles(itemWriters),
        "POST /items": .roles(itemWriters),
        "GET /items/:id": .signedIn,
        "POST /items/:id/act": .signedIn,
        "POST /items/:id/five": .roles(itemWriters),
        "POST /items/:id/attachments": .roles(itemWriters),
        "POST /items/:id/messages": .roles([.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise, .leader]),
        "POST /items/:id/progress": .roles([.admin, .unitOperator]),
        "POST /items/:id/look-back": .roles([.admin, .supervisor, .dispatcher, .inspector]),
        "GET /listed": .open,
        "GET /hotline": .roles(hotlineDesk),
        "POST /hotline": .roles(hotlineDesk),
        "POST /hotline/:id/acknowledge": .roles(hotlineDesk),
        "POST /hotline/:id/contacts": .roles([.admin, .unitOperator]),
        "POST /hotline/:id/follow-up": .roles(hotlineDesk),
        "POST /hotline/:id/evaluation": .roles([.evaluator]),
        "GET /report": .open,
        "POST /report": .open,
        "GET /track": .open,
        "GET /calendar": .signedIn,
        "POST /calendar/years/:year": .roles(admin),
        "POST /calendar/years/:year/revert": .roles(admin),
        "POST /calendar/working-hours": .roles(admin),
        "POST /calendar/warning-lead": .roles(admin),
        "GET /audit": .roles([.admin, .supervisor]),
        "GET /notifications": .signedIn,
        "POST /notifications/:id/read": .signedIn,
        "GET /credit": .open,
        "GET /credit/lists": .open,
        "GET /credit/subjects": .roles(creditReaders),
        "GET /credit/subjects/:id": .roles(creditReaders),
        "POST /credit/subjects/:id/records": .roles(creditRecorders),
        "POST /credit/subjects/:id/black-list": .roles(creditReaders),
        "POST /credit/subjects/:id/records/:record/publish": .roles(creditRecorders),
        "POST /credit/subjects/:id/records/:record/objection": .roles(creditReaders),
        "POST /credit/subjects/:id/records/:record/repair": .roles(creditReaders),
        "POST /credit/subjects/:id/objections/:objection": .roles(creditReaders),
        "POST /credit/subjects/:id/repairs/:repair": .roles(creditReaders),
        "POST /credit/subjects/:id/cases/:case": .roles(creditReaders),
        "GET /credit/publications": .roles([.admin, .supervisor, .inspector, .leader]),        "GET /assessments/hotline": .roles(assessors),
        // A unit operator reads its own unit's page only: for any other id, 403.
        "GET /assessments/hotline/units/:unitId": .roles(assessors),
        "POST /assessments/hotline/units/:unitId": .roles(supervision),
        "GET /assessments/tasks": .roles(assessors),
        "GET /accountability": .roles(assessors.union([.unitOperator])),
        "GET /accountability/:id": .signedIn,
        "POST /accountability/evaluate": .roles(supervision),
        "POST /accountability/propose": .roles(supervision),
        "POST /accountability/:id/events": .signedIn,
        "GET /proposals": .roles(assessors.union([.unitOperator])),
        "POST /proposals": .roles(supervision),
        "POST /proposals/:id/:step": .signedIn,
        "GET /elevators": .roles(elevatorReaders),
        "GET /elevators/:id": .roles(elevatorReaders),
        "GET /elevators/:id/label": .roles(elevatorReaders),
        "POST /elevators/:id/use-unit": .roles(elevatorRegistrars),
        "GET /e/:code": .open,
        "GET /e/:code/qr.svg": .open,
        "POST /e/:code/report": .open,
        "GET /site-audit": .roles(siteAuditReaders),
        "GET /site-audit/sites/:id": .roles(siteAuditReaders),
        "POST /site-audit/sites/:id/audits": .roles(supervision),
        "GET /site-audit/audits/:id": .roles(siteAuditReaders),
        "GET /help": .signedIn,
        "GET /help/:role": .signedIn,
        "GET /reports": .roles(reportReaders),
        "GET /reports/:id": .roles(reportReaders),
    ]

    /// One demo account per role.
    static let accounts: [(Role, String)] = Role.allCases.map { role in
        (role, DemoData.users.first { $0.role == role }!.username)
    }

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    /// A concrete path for a route: every parameter gets a well-formed value naming nothing that exists.
    static func concretePath(_ route: Route, missing: UUID) -> String {
        "/" + route.path.map { component -> String in
            guard case .parameter(let name) = component else { return component.description }
            switch name {
            case "year": return "2031"
            case "date": return "2026-10-01"
            case "file": return route.path.count == 3 ? "discovery.json" : "NO-SUCH.json"
            case "code": return "NOSUCHCODE0000000X"
            case "key": return "no.such.setting"
            default: return missing.uuidString
            }
        }.joined(separator: "/")
    }

    func testEveryRouteHasAnEntryAndEveryRoleGetsItsAnswer() async throws {
        try await TestApp.run { app in
            var tokens: [Role: String] = [:]
            for (role, username) in Self.accounts { tokens[role] = try await app.token(username) }
            let routes = app.routes.all.filter { [HTTPMethod.GET, .POST, .PUT, .PATCH, .DELETE].contains($0.method) }
            let keys = Set(routes.map(Self.key))
            let unlisted = keys.subtracting(Self.table.keys).sorted()
            XCTAssertEqual(unlisted, [], "routes without an access-matrix entry: add each to AccessMatrixTests.table")
            let stale = Set(Self.table.keys).subtracting(keys).sorted()
            XCTAssertEqual(stale, [], "table entries for routes that no longer exist")
            XCTAssertGreaterThan(routes.count, 150)

            let missing = UUID()
            var checked = 0
            // The token route revokes the token it is called with: it goes last.
            let ordered = routes.sorted { (Self.key($0) == "DELETE /api/v1/auth/token" ? 1 : 0) < (Self.key($1) == "DELETE /api/v1/auth/token" ? 1 : 0) }
            for route in ordered {
                let key = Self.key(route)
                guard let access = Self.table[key] else { continue }
                let path = Self.concretePath(route, missing: missing)
                let isAPI = path.hasPrefix("/api/")
                let isPage = !isAPI && !path.hasPrefix("/open311/") && !["/healthz", "/metrics", "/openapi.json"].contains(path)
                var principals: [Role?] = [nil]
                principals += Role.allCases.map { Optional($0) }
                for role in principals {
                    var headers = HTTPHeaders()
                    var body: ByteBuffer?
                    if route.method != .GET {
                        if isAPI {
                            headers.contentType = .json
                            body = ByteBuffer(string: "{}")
                        } else {
                            headers.contentType = .urlEncodedForm
                            body = ByteBuffer(string: "")
                        }
                    }
                    if isPage { headers.replaceOrAdd(name: .accept, value: "text/html") }
                    let token = role.flatMap { tokens[$0] }
                    let res = try await app.send(route.method, path, token: token, headers: headers, body: body)
                    checked += 1
                    let who = role?.rawValue ?? "anonymous"
                    XCTAssertLessThan(res.status.code, 500, "\(key) as \(who): \(res.status) \(res.body.string.prefix(200))")
                    // Every HTML answer, error pages included, names the icon: without it a browser asks for
                    // /favicon.ico, whose 404 is a console error (the browser check failed on one).
                    if res.headers.contentType?.subType == "html", !res.body.string.isEmpty {
                        XCTAssertTrue(res.body.string.contains(#"<link rel="icon" href="/favicon.svg""#), "\(key) as \(who): no icon link")
                    }
                    // Refused means 401/403 (or the login page): the role is checked before the body is read
                    // or the id looked up, so a wrong role learns nothing from a 404 or a validation error.
                    // Within a role, another unit's record answers 404 (the IDOR tests).
                    let denied = res.status == .unauthorized || res.status == .forbidden
                        || (isPage && role == nil && res.status.code / 100 == 3
                            && res.headers.first(name: .location) == "/login")
                    let allowed: Bool
                    switch access {
                    case .open: allowed = true
                    case .signedIn: allowed = role != nil
                    case .roles(let roles): allowed = role.map { roles.contains($0) } ?? false
                    case .agencyKey: allowed = false
                    }
                    if access == .open {
                        // Public routes must not answer as if a sign-in were missing.
                        if res.status == .forbidden, res.errorBody?.code == "forbidden" {
                            XCTFail("\(key) is public but refused \(who)")
                        }
                    } else if allowed {
                        XCTAssertFalse(denied, "\(key) should let \(who) in: \(res.status) \(res.body.string.prefix(200))")
                    } else {
                        XCTAssertTrue(denied, "\(key) should refuse \(who): \(res.status) \(res.body.string.prefix(200))")
                        XCTAssertFalse(res.status.code / 100 == 2, "\(key) as \(who): \(res.status)")
                    }
                }
            }
            XCTAssertGreaterThan(checked, 2000)
            print("access matrix: \(checked) requests over \(routes.count) routes")
        }
    }
}

/// Cross-unit reads and writes by changing ids (IDOR), caller privacy in every response, and the
/// public API's published-only view.
final class AccessIDORTests: XCTestCase {
    /// An item of 永丰街 (registered by the inspector, assigned to 永丰街) is invisible to 建桥街's
    /// operator on every item route, by id, by list and by the attachment routes; 永丰街 sees it.
    func testAnotherUnitsItemIsNotFoundOnEveryRoute() async throws {
        try await TestApp.run { app in
            let yongfeng = try await app.unitID("永丰街")
            let inspector = try await app.token("inspector")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "永丰街某仓库消防通道堵塞", category: "消防", grade: "general", source: "inspection",
                supervisedUnitId: yongfeng.uuidString,
                findings: [FindingDTO(description: "消防通道堵塞", standard: "GB50016-2014", clause: "6.4.1")]))
            XCTAssertEqual(created.status, .created, created.body.string)
            let id = try created.content.decode(ItemDTO.self).id
            let assigned = try await app.send(.POST, "/api/v1/items/\(id)/events", token: try await app.token("dispatcher"), json: ItemEventInput(
                event: "assign", unitId: yongfeng.uuidString, deadline: ChinaTimeFormat.string(Date().addingTimeInterval(10 * 86400))))
            XCTAssertEqual(assigned.status, .ok, assigned.body.string)
            let owner = try await app.token("operator2")
            let other = try await app.token("operator")
            let enterprise = try await app.token("enterprise")
            var photo = HTTPHeaders()
            photo.contentType = .jpeg
            let upload = try await app.send(.POST, "/api/v1/items/\(id)/attachments?name=a.jpg", token: owner, headers: photo,
                                            body: ByteBuffer(bytes: TestFiles.jpeg))
            XCTAssertEqual(upload.status, .created, upload.body.string)
            let attachment = try XCTUnwrap(upload.body.string.firstMatch(of: /"id":"([0-9A-Fa-f-]{36})"/)?.1)

            // The owner reaches every route (so a 404 below is the scope, not a wrong path).
            var res = try await app.send(.GET, "/api/v1/items/\(id)", token: owner)
            XCTAssertEqual(res.status, .ok)
            res = try await app.send(.GET, "/api/v1/items/\(id)/attachments/\(attachment)", token: owner)
            XCTAssertEqual(res.status, .ok)

            for (name, token) in [("建桥街 operator", other), ("enterprise", enterprise)] {
                let attempts: [(HTTPMethod, String, ByteBuffer?)] = [
                    (.GET, "/api/v1/items/\(id)", nil),
                    (.PATCH, "/api/v1/items/\(id)", ByteBuffer(string: #"{"title":"改掉"}"#)),
                    (.POST, "/api/v1/items/\(id)/events", ByteBuffer(string: #"{"event":"sign_for"}"#)),
                    (.GET, "/api/v1/items/\(id)/attachments", nil),
                    (.GET, "/api/v1/items/\(id)/attachments/\(attachment)", nil),
                    (.POST, "/api/v1/items/\(id)/messages", ByteBuffer(string: #"{"text":"看看"}"#)),
                    (.GET, "/items/\(id)", nil),
                ]
                for (method, path, body) in attempts {
                    res = try await app.send(method, path, token: token, body: body)
                    XCTAssertEqual(res.status, .notFound, "\(name) \(method) \(path): \(res.body.string.prefix(200))")
                }
                var photoHeaders = HTTPHeaders()
                photoHeaders.contentType = .jpeg
                res = try await app.send(.POST, "/api/v1/items/\(id)/attachments?name=b.jpg", token: token, headers: photoHeaders,
                                         body: ByteBuffer(bytes: TestFiles.jpeg))
                XCTAssertEqual(res.status, .notFound, "\(name) uploads to another unit's item")
                res = try await app.send(.GET, "/api/v1/items?limit=200", token: token)
                XCTAssertEqual(res.status, .ok)
                XCTAssertFalse(res.body.string.contains(id.uuidString.lowercased()) || res.body.string.contains(id.uuidString),
                               "\(name) lists another unit's item")
            }
            // Nothing changed: still assigned, no message, one attachment.
            let after = try await app.send(.GET, "/api/v1/items/\(id)", token: owner).content.decode(ItemDTO.self)
            XCTAssertEqual(after.state, .assigned)
            XCTAssertEqual(after.title, "永丰街某仓库消防通道堵塞")
            // Another unit's directory entry is hidden too.
            res = try await app.send(.GET, "/api/v1/units/\(yongfeng)", token: other)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.PATCH, "/api/v1/units/\(yongfeng)", token: other, json: ["address": "改"])
            XCTAssertEqual(res.status, .notFound)
        }
    }

    /// A hotline case sent to 永丰街 cannot be read or contacted by 建桥街, nor by an evaluator it was
    /// not assigned to.
    func testAnotherUnitsHotlineCaseIsNotFound() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let res0 = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                type: "complaint", callerName: "钱先生", callerPhone: "13700001234", place: "永丰街某路口",
                whatHappened: "路灯不亮", categoryCode: "urban_management", unitId: try await app.unitID("永丰街").uuidString))
            XCTAssertEqual(res0.status, .created, res0.body.string)
            let id = try res0.content.decode(HotlineCaseDTO.self).id
            var res = try await app.send(.GET, "/api/v1/hotline/cases/\(id)", token: try await app.token("operator2"))
            XCTAssertEqual(res.status, .ok)
            for username in ["operator", "evaluator", "enterprise"] {
                let token = try await app.token(username)
                res = try await app.send(.GET, "/api/v1/hotline/cases/\(id)", token: token)
                XCTAssertEqual(res.status, .notFound, "\(username): \(res.body.string.prefix(200))")
                res = try await app.send(.GET, "/api/v1/items/\(id)", token: token)
                XCTAssertEqual(res.status, .notFound, "\(username) reads the case as an item")
            }
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: try await app.token("operator"),
                                     json: HotlineContactInput(at: ChinaTimeFormat.string(Date()), staff: "张三", reached: true))
            XCTAssertTrue([403, 404].contains(res.status.code), "\(res.status)")
            let contacts = try await app.send(.GET, "/api/v1/hotline/cases/\(id)", token: dispatcher).content.decode(HotlineCaseDTO.self).contacts
            XCTAssertEqual(contacts.count, 0)
        }
    }

    /// Enterprise accounts read only their own credit; a street only the enterprises below it.
    func testAnotherSubjectsCreditIsNotFound() async throws {
        try await TestApp.run { app in
            let mine = try await app.unitID("武汉汉阳示范商贸有限公司")
            let other = try await CreditFixtures.enterprise(app, name: "武汉戊示范酒店有限公司", code17: "91420105MA4K8T3N7", username: "wu")
            let inspector = try await app.token("inspector")
            let record = try await CreditFixtures.enter(app, token: inspector, subject: other.id, kind: "penalty_minor", field: "fire_safety",
                                                        number: "汉消行罚决字〔2026〕0201号", decided: CreditFixtures.today)
            let enterprise = try await app.token("enterprise")
            var res = try await app.send(.GET, "/api/v1/credit/subjects/\(mine)", token: enterprise)
            XCTAssertEqual(res.status, .ok, "control: its own credit")
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(other.id)", token: enterprise)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/api/v1/credit/records/\(record.id)", token: enterprise)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/objections", token: enterprise,
                                     json: CreditObjectionInput(reason: "不是我们"))
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/credit/subjects/\(other.id)", token: enterprise)
            XCTAssertEqual(res.status, .notFound)
            // 永丰街 does not supervise enterprises under 建桥街.
            let yongfeng = try await app.token("operator2")
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(other.id)", token: yongfeng)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/api/v1/credit/records/\(record.id)", token: yongfeng)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(other.id)", token: try await app.token("operator"))
            XCTAssertEqual(res.status, .ok, "control: 建桥街 supervises it")
            // The record is not published: the public does not see it.
            res = try await app.send(.GET, "/api/v1/public/credit/decisions?limit=200")
            XCTAssertFalse(res.body.string.contains("汉消行罚决字〔2026〕0201号"))
            res = try await app.send(.GET, "/api/v1/public/credit?code=\(other.code)")
            XCTAssertFalse(res.body.string.contains("汉消行罚决字〔2026〕0201号"))
        }
    }

    /// The caller's name and phone in every response each role can get for a case: a confidential
    /// caller only to the hotline desk; an ordinary one also to the assigned unit (full while it must
    /// call) and masked to leaders; never to other units, inspectors, enterprises or the public.
    func testConfidentialCallerFieldsNeverReachRolesThatMayNotSeeThem() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let jianqiao = try await app.unitID("建桥街")
            func intake(name: String, phone: String, confidential: Bool) async throws -> HotlineCaseDTO {
                let res = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                    type: "complaint", callerName: name, callerPhone: phone, confidential: confidential, place: "建桥街某小区",
                    whatHappened: "楼道堆放杂物", categoryCode: "environment", unitId: jianqiao.uuidString))
                XCTAssertEqual(res.status, .created, res.body.string)
                return try res.content.decode(HotlineCaseDTO.self)
            }
            let secret = try await intake(name: "保密的孙女士", phone: "13912340001", confidential: true)
            let ordinary = try await intake(name: "公开的周先生", phone: "13912340002", confidential: false)
            func bodies(_ token: String?, _ id: UUID, code: String) async throws -> String {
                var text = ""
                for path in ["/api/v1/hotline/cases/\(id)", "/api/v1/items/\(id)", "/api/v1/items?limit=200", "/items/\(id)",
                             "/api/v1/hotline/reports/weekly", "/api/v1/hotline/major-events", "/api/v1/notifications",
                             "/api/v1/public/hotline/\(code)?phone4=\(code == secret.trackingCode ? "0001" : "0002")", "/track?code=\(code)"] {
                    let res = try await app.send(.GET, path, token: token)
                    XCTAssertLessThan(res.status.code, 500, path)
                    if res.status == .ok { text += res.body.string }
                }
                return text
            }
            // (role account, sees the confidential caller, sees the ordinary caller in full, sees it masked)
            let expectations: [(String?, Bool, Bool, Bool)] = [
                ("admin", true, true, false), ("dispatcher", true, true, false), ("supervisor", true, true, false),
                ("operator", false, true, false),     // the assigned unit, which must call the caller back
                ("operator2", false, false, false), ("inspector", false, false, false), ("enterprise", false, false, false),
                ("evaluator", false, false, false),   // no evaluation assigned: the case is not theirs
                ("leader", false, false, true), (nil, false, false, false),
            ]
            for (username, seesSecret, seesOpen, seesMasked) in expectations {
                let token = try await username.asyncMap { try await app.token($0) }
                let who = username ?? "public"
                let secretText = try await bodies(token, secret.id, code: secret.trackingCode)
                XCTAssertEqual(secretText.contains("13912340001"), seesSecret, "\(who): confidential phone")
                XCTAssertEqual(secretText.contains("孙女士"), seesSecret, "\(who): confidential name")
                if !seesSecret {
                    XCTAssertFalse(secretText.contains("保*****"), "\(who): not even a masked confidential name")
                    XCTAssertFalse(secretText.contains("****0001"), "\(who): not even a masked confidential phone")
                }
                let openText = try await bodies(token, ordinary.id, code: ordinary.trackingCode)
                XCTAssertEqual(openText.contains("13912340002"), seesOpen, "\(who): ordinary phone")
                XCTAssertEqual(openText.contains("公开的周先生"), seesOpen, "\(who): ordinary name")
                XCTAssertEqual(openText.contains("139****0002"), seesMasked, "\(who): masked phone")
            }
        }
    }

    /// Each state of the public listing: only listed, open major hazards are public.
    func testPublicListedHazardsShowOnlyListedItems() async throws {
        try await TestApp.run { app in
            let res = try await app.send(.GET, "/api/v1/public/listed-hazards?limit=200")
            XCTAssertEqual(res.status, .ok)
            let inspector = try await app.token("inspector")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "未挂牌的一般隐患XYZ", category: "消防", grade: "general", source: "inspection",
                supervisedUnitId: try await app.unitID("建桥街").uuidString,
                findings: [FindingDTO(description: "灭火器过期", standard: "GB50140-2005", clause: "6.1")]))
            XCTAssertEqual(created.status, .created, created.body.string)
            let after = try await app.send(.GET, "/api/v1/public/listed-hazards?limit=200")
            XCTAssertFalse(after.body.string.contains("未挂牌的一般隐患XYZ"))
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
