@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Vapor
import XCTVapor
import XCTest

/// Sign-in hardening (issue #11): lockout after wrong passwords, session expiry and rotation, security
/// headers on every response, CSRF on every state-changing route and form.
final class AuthHardeningTests: XCTestCase {
    private func signIn(_ app: Application, _ username: String, _ password: String) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/auth/token", json: ["username": username, "password": password])
    }

    /// 5 wrong passwords lock the username for 15 minutes (the right password too), other users are
    /// unaffected, the web form obeys the same lock, and the lock ends on time.
    func testWrongPasswordsLockTheUsernameTemporarily() async throws {
        try await TestApp.run { app in
            for attempt in 1...5 {
                let res = try await signIn(app, "operator", "wrong-\(attempt)")
                XCTAssertEqual(res.status, .unauthorized, "attempt \(attempt)")
            }
            var res = try await signIn(app, "operator", "duban-operator-2026")
            XCTAssertEqual(res.status, .tooManyRequests, res.body.string)
            XCTAssertEqual(res.errorBody?.code, "login_locked")
            let retry = try XCTUnwrap(res.headers.first(name: .retryAfter).flatMap(Int.init))
            XCTAssertTrue((890...900).contains(retry), "about 15 minutes: \(retry)")
            // The username is locked in any spelling, and through the login page as well.
            res = try await signIn(app, "OPERATOR", "duban-operator-2026")
            XCTAssertEqual(res.status, .tooManyRequests)
            var browser = WebTests.Browser(app: app)
            let page = try await browser.get("/login")
            let csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let form = try await browser.post("/login", form: ["username": "operator", "password": "duban-operator-2026", "_csrf": csrf])
            XCTAssertEqual(form.status, .tooManyRequests)
            XCTAssertTrue(form.body.string.contains("登录失败次数过多"))
            // Someone else signs in as usual.
            res = try await signIn(app, "operator2", "duban-operator-2026")
            XCTAssertEqual(res.status, .ok)
            // Fifteen minutes after the last failure the lock is over: failures 16 minutes old do not lock.
            let limits = try await LoginThrottle.limits(on: app.db)
            XCTAssertEqual(limits, LoginLimits.standard)
            let throttle = LoginThrottle()
            let now = Date()
            for _ in 1...5 { throttle.recordFailure(username: "x", address: "a", now: now.addingTimeInterval(-16 * 60), limits: limits) }
            XCTAssertNil(throttle.lockedUntil(username: "x", address: "b", now: now, limits: limits))
            XCTAssertNotNil(throttle.lockedUntil(username: "x", address: "b", now: now.addingTimeInterval(-120), limits: limits))
        }
    }

    /// An address that keeps failing is stopped whatever usernames it tries (limit lowered by the admin).
    func testAnAddressSprayingUsernamesIsStopped() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            var res = try await app.send(.PUT, "/api/v1/settings/\(LoginThrottle.maxAddressFailuresKey)", token: admin, json: ["value": 3])
            XCTAssertEqual(res.status, .ok, res.body.string)
            for name in ["a1", "a2", "a3"] {
                res = try await signIn(app, name, "guess-guess")
                XCTAssertEqual(res.status, .unauthorized)
            }
            res = try await signIn(app, "supervisor", "duban-supervisor-2026")
            XCTAssertEqual(res.status, .tooManyRequests, "the address is stopped for every username")
            res = try await app.send(.PUT, "/api/v1/settings/\(LoginThrottle.maxAddressFailuresKey)", token: admin, json: ["value": 0])
            XCTAssertEqual(res.status, .unprocessableEntity, "out of range")
        }
    }

    /// The pure rule: the 5th failure in 15 minutes locks until 15 minutes after it; spread-out failures do not.
    func testLockoutRule() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let five = (0..<5).map { t0.addingTimeInterval(Double($0) * 60) }
        XCTAssertNil(LoginLockout.lockedUntil(now: t0.addingTimeInterval(200), failures: Array(five.prefix(4)), limit: 5,
                                              windowSeconds: 900, lockoutSeconds: 900))
        XCTAssertEqual(LoginLockout.lockedUntil(now: t0.addingTimeInterval(300), failures: five, limit: 5, windowSeconds: 900,
                                                lockoutSeconds: 900), t0.addingTimeInterval(240 + 900))
        XCTAssertNil(LoginLockout.lockedUntil(now: t0.addingTimeInterval(240 + 900), failures: five, limit: 5, windowSeconds: 900,
                                              lockoutSeconds: 900), "the lock ends exactly 15 minutes after the last failure")
        let spread = (0..<5).map { t0.addingTimeInterval(Double($0) * 300) }  // 0, 5, 10, 15, 20 minutes
        XCTAssertNil(LoginLockout.lockedUntil(now: t0.addingTimeInterval(1_201), failures: spread, limit: 5, windowSeconds: 900,
                                              lockoutSeconds: 900), "only 4 fall in any 15 minutes")
    }

    /// A new session id at sign-in (the old one is worthless), and the server ends a session at its expiry.
    func testSessionsRotateAtSignInAndExpire() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            _ = try await browser.get("/login")
            let planted = try XCTUnwrap(browser.cookie)
            try await browser.login("supervisor")
            let signedIn = try XCTUnwrap(browser.cookie)
            XCTAssertNotEqual(planted, signedIn)
            var home = try await browser.get("/")
            XCTAssertEqual(home.status, .ok)
            // The pre-login id does not carry the sign-in.
            var old = WebTests.Browser(app: app, cookie: planted)
            let oldHome = try await old.get("/")
            XCTAssertEqual(oldHome.status, .seeOther)
            // Expiry: 8 hours after sign-in (the stored expiry, moved into the past here).
            let records = try await SessionRecord.query(on: app.db).all()
            let mine = try XCTUnwrap(records.first { $0.data["userID"] != nil })
            let expires = try XCTUnwrap(mine.data[ActorMiddleware.sessionExpiryKey].flatMap(Double.init))
            XCTAssertEqual(expires, Date().timeIntervalSince1970 + 8 * 3600, accuracy: 120)
            mine.data[ActorMiddleware.sessionExpiryKey] = String(Int(Date().timeIntervalSince1970) - 1)
            try await mine.save(on: app.db)
            home = try await browser.get("/")
            XCTAssertEqual(home.status, .seeOther)
            XCTAssertEqual(home.headers.first(name: .location), "/login")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .cookie, value: signedIn)
            let api = try await app.send(.GET, "/api/v1/me", headers: headers)
            XCTAssertEqual(api.status, .unauthorized)
        }
    }

    /// CSP with frame-ancestors 'none', nosniff and a referrer policy on pages, API answers, errors,
    /// redirects and static files.
    func testSecurityHeadersOnEveryResponse() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            var html = HTTPHeaders()
            html.replaceOrAdd(name: .accept, value: "text/html")
            let probes: [(String, String?, HTTPHeaders, UInt)] = [
                ("/login", nil, html, 200), ("/", nil, html, 303), ("/duban.css", nil, [:], 200), ("/healthz", nil, [:], 200),
                ("/api/v1/me", token, [:], 200), ("/api/v1/me", nil, [:], 401), ("/no/such/page", nil, html, 404),
                ("/api/v1/items/not-an-id", token, [:], 404), ("/openapi.json", nil, [:], 200), ("/metrics", nil, [:], 200),
            ]
            for (path, token, headers, status) in probes {
                let res = try await app.send(.GET, path, token: token, headers: headers)
                XCTAssertEqual(res.status.code, status, path)
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                XCTAssertTrue(csp.contains("frame-ancestors 'none'"), path)
                XCTAssertTrue(csp.contains("default-src 'self'"), path)
                XCTAssertFalse(csp.contains("unsafe-inline"), path)
                XCTAssertEqual(res.headers.first(name: "X-Content-Type-Options"), "nosniff", path)
                XCTAssertEqual(res.headers.first(name: "X-Frame-Options"), "DENY", path)
                XCTAssertEqual(res.headers.first(name: "Referrer-Policy"), "same-origin", path)
            }
        }
    }

    /// Every state-changing route of the live router refuses a signed-in browser session without the
    /// CSRF token (forms: `_csrf`; API: `X-CSRF-Token`), before the handler runs.
    func testEveryStateChangingRouteNeedsTheCSRFTokenWithASession() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            try await browser.login("admin")
            let cookie = try XCTUnwrap(browser.cookie)
            let before = try await AuditEntry.query(on: app.db).count()
            let routes = app.routes.all.filter { [HTTPMethod.POST, .PUT, .PATCH, .DELETE].contains($0.method) }
            XCTAssertGreaterThan(routes.count, 80)
            for route in routes {
                let path = AccessMatrixTests.concretePath(route, missing: UUID())
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .cookie, value: cookie)
                let isAPI = path.hasPrefix("/api/")
                headers.contentType = isAPI ? .json : .urlEncodedForm
                let body = ByteBuffer(string: isAPI ? "{}" : "a=1")
                let res = try await app.send(route.method, path, headers: headers, body: body)
                XCTAssertEqual(res.status, .forbidden, "\(route.method) \(path)")
                if isAPI { XCTAssertEqual(res.errorBody?.code, "csrf", "\(route.method) \(path)") }
            }
            let after = try await AuditEntry.query(on: app.db).count()
            XCTAssertEqual(after, before, "nothing was changed")
            // Control: with the token the same session gets through (sign out).
            let page = try await browser.get("/")
            let token = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let out = try await browser.post("/logout", form: ["_csrf": token])
            XCTAssertEqual(out.status, .seeOther)
        }
    }

    /// Every POST form in every template carries the CSRF field (a form without it would fail for
    /// every signed-in user, which is how a form added without it would be noticed too late).
    func testEveryPostFormInTheTemplatesCarriesTheToken() throws {
        let views = TestApp.root + "Resources/Views/"
        let files = try FileManager.default.contentsOfDirectory(atPath: views).filter { $0.hasSuffix(".leaf") }
        var forms = 0
        for file in files {
            let text = try String(contentsOfFile: views + file, encoding: .utf8)
            var rest = Substring(text)
            while let start = rest.range(of: "<form") {
                let tail = rest[start.lowerBound...]
                guard let end = tail.range(of: "</form>") else { XCTFail("\(file): unclosed form"); break }
                let form = tail[..<end.upperBound]
                if form.prefix(200).lowercased().contains(#"method="post""#) {
                    forms += 1
                    XCTAssertTrue(form.contains(##"name="_csrf" value="#(layout.csrf)""##), "\(file): \(form.prefix(120))")
                }
                rest = tail[end.upperBound...]
            }
        }
        XCTAssertGreaterThan(forms, 30)
    }

    /// A request that gets no answer (here a handler that waits 5 s, as a query on a connection cut by
    /// the database would) is answered 503 `request_timeout` at the deadline, as JSON; other requests
    /// are unaffected.
    func testAnUnansweredRequestGets503AtTheDeadline() async throws {
        try await TestApp.run(demo: false, adjust: { $0.requestTimeout = 1 }) { app in
            app.get("test-slow") { _ async throws -> String in
                try await Task.sleep(nanoseconds: 5_000_000_000)
                return "late"
            }
            let started = Date()
            let res = try await app.send(.GET, "/test-slow")
            let elapsed = Date().timeIntervalSince(started)
            XCTAssertEqual(res.status, .serviceUnavailable)
            XCTAssertEqual(res.errorBody?.code, "request_timeout")
            XCTAssertEqual(res.headers.first(name: .retryAfter), "5")
            XCTAssertGreaterThanOrEqual(elapsed, 1)
            XCTAssertLessThan(elapsed, 4, "answered at the 1 s deadline, not when the handler finished")
            let health = try await app.send(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
        }
    }

}
