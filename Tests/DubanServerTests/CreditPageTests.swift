@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The credit pages: the public query and lists without sign-in, the subject page with its chart and
/// forms by role, the 双公示 report.
final class CreditPageTests: XCTestCase {
    func testThePublicQueryAndListsNeedNoSignIn() async throws {
        try await TestApp.run { app in
            var browser = WebTests.Browser(app: app)
            var res = try await browser.get("/credit")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("name=\"code\""))
            let code = DemoData.demoCreditCode("91420105MA4KDEM01")
            res = try await browser.get("/credit?code=\(code)")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("武汉汉阳示范商贸有限公司"))
            XCTAssertTrue(res.body.string.contains("汉消许字"), "the published licence of the demo")
            XCTAssertTrue(res.body.string.contains("A级"))
            res = try await browser.get("/credit?code=123")
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("统一社会信用代码无效"))
            res = try await browser.get("/credit?name=%E4%B8%8D%E5%AD%98%E5%9C%A8")
            XCTAssertEqual(res.status, .notFound)
            res = try await browser.get("/credit/lists")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("id=\"decisions\""))
            XCTAssertTrue(res.body.string.contains("汉消行罚决字"), "the demo penalty is a published decision")
        }
    }

    func testRolesUseTheSubjectPage() async throws {
        try await TestApp.run { app in
            let demo = try await app.unitID("武汉汉阳示范商贸有限公司")
            var inspector = WebTests.Browser(app: app)
            try await inspector.login("inspector")
            var res = try await inspector.get("/credit/subjects")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("/credit/subjects/\(demo.uuidString)"))
            res = try await inspector.get("/credit/subjects/\(demo.text)")
            XCTAssertEqual(res.status, .ok)
            var html = res.body.string
            XCTAssertTrue(html.contains("<svg class=\"chart\""))
            XCTAssertTrue(html.contains("<polyline points=\""))
            XCTAssertTrue(html.contains("action=\"/credit/subjects/\(demo.uuidString)/records\""), "the inspector enters decisions")
            let csrf = try XCTUnwrap(WebTests.Browser.csrf(in: html))
            // A form with a missing field comes back with the field named.
            res = try await inspector.post("/credit/subjects/\(demo.text)/records", form: [
                "_csrf": csrf, "kind": "penalty_minor", "field": "fire_safety", "decisionNumber": "汉消行罚决字〔2026〕0200号",
                "decisionDate": CreditFixtures.today.description, "authority": "汉阳区消防救援大队", "legalBasis": ""])
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.body.string.contains("legalBasis"))
            res = try await inspector.post("/credit/subjects/\(demo.text)/records", form: [
                "_csrf": csrf, "kind": "penalty_minor", "field": "fire_safety", "decisionNumber": "汉消行罚决字〔2026〕0200号",
                "decisionDate": CreditFixtures.today.description, "authority": "汉阳区消防救援大队",
                "legalBasis": "《中华人民共和国消防法》第六十条", "summary": "消防设施未保持完好有效"])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            let rows = try await CreditRecordRow.query(on: app.db).filter(\.$decisionNumber == "汉消行罚决字〔2026〕0200号").all()
            let record = try XCTUnwrap(rows.first)
            res = try await inspector.post("/credit/subjects/\(demo.text)/records/\(try record.requireID().text)/publish", form: ["_csrf": csrf])
            XCTAssertEqual(res.status, .seeOther, res.body.string)

            // The enterprise objects on its page; it sees no entry form, and nothing of other subjects.
            var enterprise = WebTests.Browser(app: app)
            try await enterprise.login("enterprise")
            res = try await enterprise.get("/credit/subjects/\(demo.text)")
            html = res.body.string
            XCTAssertEqual(res.status, .ok)
            XCTAssertFalse(html.contains("action=\"/credit/subjects/\(demo.uuidString)/records\""))
            XCTAssertTrue(html.contains("/records/\(try record.requireID().uuidString)/objection"))
            let enterpriseCSRF = try XCTUnwrap(WebTests.Browser.csrf(in: html))
            res = try await enterprise.post("/credit/subjects/\(demo.text)/records/\(try record.requireID().text)/objection", form: [
                "_csrf": enterpriseCSRF, "reason": "检查当日消防设施完好", "evidence": "维保记录\n现场照片"])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            res = try await enterprise.get("/credit/publications")
            XCTAssertEqual(res.status, .forbidden)

            // The supervisor rejects it on the page; the demo's late publication is in the report.
            var supervisor = WebTests.Browser(app: app)
            try await supervisor.login("supervisor")
            res = try await supervisor.get("/credit/subjects/\(demo.text)")
            html = res.body.string
            XCTAssertTrue(html.contains("id=\"credit-objections\""))
            let objection = try await CreditObjectionRow.query(on: app.db).first()
            res = try await supervisor.post("/credit/subjects/\(demo.text)/objections/\(try XCTUnwrap(objection?.id).text)", form: [
                "_csrf": try XCTUnwrap(WebTests.Browser.csrf(in: html)), "decision": "reject", "finding": "维保记录不能证明检查当日状态"])
            XCTAssertEqual(res.status, .seeOther, res.body.string)
            res = try await supervisor.get("/credit/subjects/\(demo.text)")
            XCTAssertTrue(res.body.string.contains("异议不成立"))
            res = try await supervisor.get("/credit/publications?late=true")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("汉消行罚决字〔\(CreditFixtures.today.year)〕0031号（演示）"))
            XCTAssertTrue(res.body.string.contains("/credit/subjects"), "the navigation has the credit pages")
        }
    }
}
