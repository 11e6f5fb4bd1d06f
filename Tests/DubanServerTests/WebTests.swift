@testable import DubanServer
import Fluent
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// The server-rendered shell: login with session cookie, CSRF on every form, pages by role.
final class WebTests: XCTestCase {
    /// A browser-like client: keeps the session cookie, reads the CSRF token from forms.
    struct Browser {
        let app: Application
        var cookie: String?

        mutating func get(_ path: String) async throws -> XCTHTTPResponse {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .accept, value: "text/html")
            if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
            let res = try await app.send(.GET, path, headers: headers)
            remember(res)
            return res
        }

        mutating func post(_ path: String, form: [String: String]) async throws -> XCTHTTPResponse {
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            headers.replaceOrAdd(name: .accept, value: "text/html")
            if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
            let body = form.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            }.joined(separator: "&")
            let res = try await app.send(.POST, path, headers: headers, body: ByteBuffer(string: body))
            remember(res)
            return res
        }

        /// A multipart form with one file, as a browser's file input sends it.
        mutating func upload(_ path: String, csrf: String, filename: String, type: String, bytes: [UInt8]) async throws -> XCTHTTPResponse {
            let boundary = "----duban\(UUID().uuidString)"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            headers.replaceOrAdd(name: .accept, value: "text/html")
            if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n")
            body.writeString("Content-Type: \(type)\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n--\(boundary)--\r\n")
            let res = try await app.send(.POST, path, headers: headers, body: body)
            remember(res)
            return res
        }

        private mutating func remember(_ res: XCTHTTPResponse) {
            if let value = res.headers.setCookie?["duban_session"] {
                cookie = "duban_session=\(value.string)"
                if let expires = value.expires, expires < Date() { return }  // the cookie of a destroyed session
                XCTAssertTrue(value.isHTTPOnly)
                XCTAssertTrue(value.isSecure)
                XCTAssertEqual(value.sameSite, .lax)
            }
        }

        static func csrf(in html: String) -> String? {
            guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }

        mutating func login(_ username: String) async throws {
            let page = try await get("/login")
            let token = try XCTUnwrap(Self.csrf(in: page.body.string))
            let password = DemoData.users.first { $0.username == username }?.password ?? ""
            let res = try await post("/login", form: ["username": username, "password": password, "_csrf": token])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
        }
    }

    func testLoginRotatesTheSessionAndPagesRender() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            let redirect = try await browser.get("/units")
            XCTAssertEqual(redirect.status, .seeOther)
            XCTAssertEqual(redirect.headers.first(name: .location), "/login")
            _ = try await browser.get("/login")
            let before = browser.cookie
            try await browser.login("admin")
            XCTAssertNotEqual(browser.cookie, before, "session id must change at sign-in")
            for path in ["/", "/units", "/people", "/bodies", "/units?q=%E5%BB%BA%E6%A1%A5", "/?lang=en"] {
                let res = try await browser.get(path)
                XCTAssertEqual(res.status, .ok, path)
                XCTAssertTrue(res.body.string.contains("<html"), path)
            }
            let units = try await browser.get("/units")
            XCTAssertTrue(units.body.string.contains("建桥街"))
            XCTAssertEqual(units.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'"), true)
            let english = try await browser.get("/units?lang=en")
            XCTAssertTrue(english.body.string.contains("Units"))
            let unit = try await app.unitID("建桥街")
            let detail = try await browser.get("/units/\(unit)")
            XCTAssertEqual(detail.status, .ok)
            let body = try await Body.query(on: app.db).first()
            let bodyPage = try await browser.get("/bodies/\(try XCTUnwrap(body?.id))")
            XCTAssertEqual(bodyPage.status, .ok)
        }
    }

    func testFormsWithoutTheCSRFTokenAreRejected() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            // Login itself needs the token of the login page.
            _ = try await browser.get("/login")
            let forged = try await browser.post("/login", form: ["username": "admin", "password": "duban-admin-2026"])
            XCTAssertEqual(forged.status, .forbidden)
            try await browser.login("admin")
            let unit = try await app.unitID("建桥街")
            let noToken = try await browser.post("/units/\(unit)", form: ["phone": "027-11111111"])
            XCTAssertEqual(noToken.status, .forbidden)
            let wrongToken = try await browser.post("/units/\(unit)", form: ["phone": "027-11111111", "_csrf": "forged"])
            XCTAssertEqual(wrongToken.status, .forbidden)
            let stored = try await Unit.find(unit, on: app.db)
            XCTAssertNotEqual(stored?.phone, "027-11111111")

            let page = try await browser.get("/units/\(unit)")
            let token = try XCTUnwrap(Browser.csrf(in: page.body.string))
            let saved = try await browser.post("/units/\(unit)", form: ["phone": "027-11111111", "_csrf": token, "name": "建桥街", "kind": "street"])
            XCTAssertEqual(saved.status, .seeOther, saved.body.string)
            let updated = try await Unit.find(unit, on: app.db)
            XCTAssertEqual(updated?.phone, "027-11111111")

            // The session cookie alone does not authorise API writes either.
            var headers = HTTPHeaders()
            headers.contentType = .json
            headers.replaceOrAdd(name: .cookie, value: browser.cookie ?? "")
            let api = try await app.send(.PATCH, "/api/v1/units/\(unit)", headers: headers, body: ByteBuffer(string: #"{"phone":"027-2"}"#))
            XCTAssertEqual(api.status, .forbidden)
            XCTAssertEqual(api.errorBody?.code, "csrf")
            headers.replaceOrAdd(name: "X-CSRF-Token", value: token)
            let allowed = try await app.send(.PATCH, "/api/v1/units/\(unit)", headers: headers, body: ByteBuffer(string: #"{"phone":"027-22222222"}"#))
            XCTAssertEqual(allowed.status, .ok, allowed.body.string)
        }
    }

    func testOperatorPagesAreScopedToItsUnit() async throws {
        try await TestApp.run { app in
            var browser = Browser(app: app)
            try await browser.login("operator")
            let units = try await browser.get("/units")
            XCTAssertTrue(units.body.string.contains("建桥街"))
            XCTAssertFalse(units.body.string.contains("永丰街"))
            let other = try await app.unitID("永丰街")
            let denied = try await browser.get("/units/\(other)")
            XCTAssertEqual(denied.status, .notFound)
            let logout = try await browser.get("/")
            let token = try XCTUnwrap(Browser.csrf(in: logout.body.string))
            let out = try await browser.post("/logout", form: ["_csrf": token])
            XCTAssertEqual(out.status, .seeOther)
            let after = try await browser.get("/units")
            XCTAssertEqual(after.status, .seeOther)
        }
    }
}

/// The calendar page: everyone reads it and computes deadlines; admins correct a year there.
final class CalendarPageTests: XCTestCase {
    func testAdminCorrectsAYearOnThePage() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            try await browser.login("admin")
            let page = try await browser.get("/calendar?year=2026")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("国庆节"))
            let calc = try await browser.get("/calendar?start=2026-09-24T10:00&amount=1&unit=working_days")
            XCTAssertTrue(calc.body.string.contains("2026-09-28T18:00:00+08:00"), calc.body.string)
            let token = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let saved = try await browser.post("/calendar/years/2027", form: [
                "_csrf": token, "holidays": "2027-01-01 元旦\n2027-01-02 元旦\n2027-01-03 元旦", "workdays": ""])
            XCTAssertEqual(saved.status, .seeOther, saved.body.string)
            let day = try await app.send(.GET, "/api/v1/calendar/days/2027-01-01").content.decode(DayDTO.self)
            XCTAssertFalse(day.workday)
            let bad = try await browser.post("/calendar/years/2027", form: ["_csrf": token, "holidays": "2027-13-01 错误", "workdays": ""])
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.string.contains("holidays.0.date"))
            let hours = try await browser.post("/calendar/working-hours", form: ["_csrf": token, "periods": "08:30-12:00, 14:00-17:30"])
            XCTAssertEqual(hours.status, .seeOther)
            XCTAssertEqual(app.calendarStore.calculator.workingHours.periods.map(\.description), ["08:30–12:00", "14:00–17:30"])
        }
    }

    func testOperatorSeesNoAdminForms() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            try await browser.login("operator")
            let page = try await browser.get("/calendar")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("/calendar/working-hours"))
            let token = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let denied = try await browser.post("/calendar/years/2027", form: ["_csrf": token, "holidays": "2027-01-01 元旦"])
            XCTAssertEqual(denied.status, .forbidden)
            let inbox = try await browser.get("/notifications")
            XCTAssertEqual(inbox.status, .ok)
        }
    }
}

/// Admin edits of people and rosters on their pages.
final class RosterPageTests: XCTestCase {
    func testAdminEditsAPersonAndARoster() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            try await browser.login("admin")
            let list = try await browser.get("/people")
            let token = try XCTUnwrap(WebTests.Browser.csrf(in: list.body.string))
            let created = try await browser.post("/people", form: ["_csrf": token, "name": "测试干部", "phone": "027-84840000"])
            XCTAssertEqual(created.status, .seeOther)
            let location = try XCTUnwrap(created.headers.first(name: .location)).components(separatedBy: "?")[0]
            let post = try await browser.post(location + "/posts", form: [
                "_csrf": token, "unit": "区安监局", "title": "副局长", "from": "2018-01-05", "to": ""])
            XCTAssertEqual(post.status, .seeOther, post.body.string)
            let page = try await browser.get(location)
            XCTAssertTrue(page.body.string.contains("副局长"))
            let badUnit = try await browser.post(location + "/posts", form: ["_csrf": token, "unit": "不存在的局", "title": "x", "from": "2018-01-05"])
            XCTAssertEqual(badUnit.status, .unprocessableEntity)
            XCTAssertTrue(badUnit.body.string.contains("不存在的局"))

            let found = try await Body.query(on: app.db).filter(\.$document == "阳政办(2018)5号").first()
            let body = try XCTUnwrap(found)
            let bodyID = try body.requireID()
            let before = try await BodyRoutes.dto(body, on: app.db).members.count
            let added = try await browser.post("/bodies/\(bodyID)/members", form: [
                "_csrf": token, "role": "成员", "person": "测试干部", "unit": "区安监局", "title": "副局长"])
            XCTAssertEqual(added.status, .seeOther, added.body.string)
            let members = try await BodyRoutes.dto(body, on: app.db).members
            XCTAssertEqual(members.count, before + 1)
            let member = try XCTUnwrap(members.last)
            XCTAssertEqual(member.personName, "测试干部")
            let removed = try await browser.post("/bodies/\(bodyID)/members/\(member.id)/remove", form: ["_csrf": token])
            XCTAssertEqual(removed.status, .seeOther)
            let after = try await BodyRoutes.dto(body, on: app.db).members.count
            XCTAssertEqual(after, before)
            let renamed = try await browser.post("/bodies/\(bodyID)", form: [
                "_csrf": token, "name": body.name, "kind": "委员会", "document": "阳政办(2018)5号", "documentDate": "2018-01-20",
                "hostUnit": "区工商质监局", "officeDirector": "测试干部"])
            XCTAssertEqual(renamed.status, .seeOther, renamed.body.string)
            let fresh = try await Body.find(bodyID, on: app.db)
            let updated = try await BodyRoutes.dto(try XCTUnwrap(fresh), on: app.db)
            XCTAssertEqual(updated.hostUnitName, "汉阳区工商和质监局")
            XCTAssertEqual(updated.officeDirectorName, "测试干部")
            let unknown = try await browser.post("/bodies/\(bodyID)", form: [
                "_csrf": token, "name": body.name, "kind": "委员会", "hostUnit": "不存在的局"])
            XCTAssertEqual(unknown.status, .unprocessableEntity)
            XCTAssertTrue(unknown.body.string.contains("hostUnit"))
        }
    }
}

/// The audit page and role-based navigation.
final class AuditPageTests: XCTestCase {
    func testAuditPageIsForAdminsAndSupervisors() async throws {
        try await TestApp.run { app in
            var admin = WebTests.Browser(app: app)
            try await admin.login("admin")
            let home = try await admin.get("/")
            XCTAssertTrue(home.body.string.contains("href=\"/audit\""))
            let verified = try await admin.get("/audit?verify=1")
            XCTAssertEqual(verified.status, .ok)
            XCTAssertTrue(verified.body.string.contains("审计链完整"))
            var operatorBrowser = WebTests.Browser(app: app)
            try await operatorBrowser.login("operator")
            let operatorHome = try await operatorBrowser.get("/")
            XCTAssertFalse(operatorHome.body.string.contains("href=\"/audit\""))
            let denied = try await operatorBrowser.get("/audit")
            XCTAssertEqual(denied.status, .forbidden)
        }
    }

    func testAuditVerifyCommandNamesTheBrokenEntry() async throws {
        try await TestApp.run { app in
            let intact = try await DubanApp.verifyAudit(app) { _ in }
            XCTAssertTrue(intact.ok)
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.update("audit_entries").set("actor", to: "someone-else").where("seq", .equal, 7).run()
            let broken = try await DubanApp.verifyAudit(app) { _ in }
            XCTAssertFalse(broken.ok)
            XCTAssertTrue(broken.report.contains("entry 7"), broken.report)
        }
    }
}

/// The ledger pages: register through the form, act through the item page, the public listed page.
final class LedgerPageTests: XCTestCase {
    func testInspectorRegistersAndSupervisorAssignsThroughThePages() async throws {
        try await TestApp.run { app in
            var inspector = WebTests.Browser(app: app)
            try await inspector.login("inspector")
            let form = try await inspector.get("/items/new")
            XCTAssertEqual(form.status, .ok)
            let token = try XCTUnwrap(WebTests.Browser.csrf(in: form.body.string))
            let created = try await inspector.post("/items", form: [
                "_csrf": token, "kind": "hazard", "title": "仓库堆放易燃物", "grade": "general", "fixMode": "time_limited",
                "source": "inspection", "supervisedUnit": "示范商贸（演示企业）", "findingDescription": "堵塞疏散通道",
                "findingStandard": "GB50016-2014", "findingClause": "5.5.17"])
            XCTAssertEqual(created.status, .seeOther, created.body.string)
            let location = try XCTUnwrap(created.headers.first(name: .location)).components(separatedBy: "?")[0]
            let page = try await inspector.get(location)
            XCTAssertTrue(page.body.string.contains("GB50016-2014"))
            XCTAssertFalse(page.body.string.contains("value=\"assign\""), "inspectors do not assign")

            var supervisor = WebTests.Browser(app: app)
            try await supervisor.login("supervisor")
            let item = try await supervisor.get(location)
            XCTAssertTrue(item.body.string.contains("value=\"assign\""))
            let csrf = try XCTUnwrap(WebTests.Browser.csrf(in: item.body.string))
            let assigned = try await supervisor.post(location + "/act", form: [
                "_csrf": csrf, "event": "assign", "unit": "建桥街道办事处", "deadline": "2099-01-31T18:00"])
            XCTAssertEqual(assigned.status, .seeOther, assigned.body.string)
            let bad = try await supervisor.post(location + "/act", form: ["_csrf": csrf, "event": "close"])
            XCTAssertEqual(bad.status, .conflict)

            var operatorBrowser = WebTests.Browser(app: app)
            try await operatorBrowser.login("operator")
            let mine = try await operatorBrowser.get(location)
            XCTAssertTrue(mine.body.string.contains("value=\"sign_for\""), "建桥街 may sign for it")
            let list = try await operatorBrowser.get("/items")
            XCTAssertTrue(list.body.string.contains("仓库堆放易燃物"))

            let publicPage = try await app.send(.GET, "/listed")
            XCTAssertEqual(publicPage.status, .ok)
            XCTAssertTrue(publicPage.body.string.contains("武汉市第五医院") || publicPage.body.string.contains("重大火灾隐患"))
        }
    }

    func testUnitUploadsEvidenceWritesAndReportsThroughThePages() async throws {
        try await TestApp.run { app in
            var supervisor = WebTests.Browser(app: app)
            try await supervisor.login("supervisor")
            var page = try await supervisor.get("/items/new")
            var csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let created = try await supervisor.post("/items", form: [
                "_csrf": csrf, "kind": "task", "title": "完善堤防安全防护设施", "deadlineText": "2099年12月底",
                "reportCadence": "weekly", "coUnits": "永丰街"])
            XCTAssertEqual(created.status, .seeOther, created.body.string)
            let location = try XCTUnwrap(created.headers.first(name: .location)).components(separatedBy: "?")[0]
            page = try await supervisor.get(location)
            csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            XCTAssertTrue(page.body.string.contains("2099年12月底"))
            let assigned = try await supervisor.post(location + "/act", form: ["_csrf": csrf, "event": "assign", "unit": "建桥街"])
            XCTAssertEqual(assigned.status, .seeOther, assigned.body.string)

            var street = WebTests.Browser(app: app)
            try await street.login("operator")
            page = try await street.get(location)
            XCTAssertTrue(page.body.string.contains("2099-12-31T18:00:00+08:00"), "the deadline text gave the date")
            XCTAssertTrue(page.body.string.contains("永丰街"), "the responsible unit is named")
            csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            var res = try await street.upload(location + "/attachments", csrf: csrf, filename: "护栏.jpg", type: "image/jpeg", bytes: TestFiles.jpeg)
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            res = try await street.upload(location + "/attachments", csrf: csrf, filename: "假照片.jpg", type: "image/jpeg", bytes: TestFiles.pdf)
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("file"), "the page names the field")
            res = try await street.upload(location + "/attachments", csrf: "wrong", filename: "护栏.jpg", type: "image/jpeg", bytes: TestFiles.jpeg)
            XCTAssertEqual(res.status, .forbidden, "a multipart form is CSRF-checked too")
            res = try await street.post(location + "/progress", form: ["_csrf": csrf, "text": "已完成护栏采购"])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            res = try await street.post(location + "/messages", form: ["_csrf": csrf, "text": "请协调永丰街提供施工场地"])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            page = try await street.get(location)
            for text in ["护栏.jpg", "已完成护栏采购", "请协调永丰街提供施工场地"] {
                XCTAssertTrue(page.body.string.contains(text), text)
            }
            XCTAssertFalse(page.body.string.contains("假照片.jpg"))
            let list = try await supervisor.get("/items?kind=task")
            XCTAssertTrue(list.body.string.contains("完善堤防安全防护设施"))
            let hazards = try await supervisor.get("/items?kind=hazard&listed=true")
            XCTAssertFalse(hazards.body.string.contains("完善堤防安全防护设施"))
        }
    }
}
