@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Who sees what of credit (SPEC §4 security, issue #7 item 7): an enterprise only its own; the public
/// only what is published; partners only with their key.
final class CreditAccessTests: XCTestCase {
    func testEnterprisesSeeOnlyTheirOwnCredit() async throws {
        try await TestApp.run { app in
            let a = try await CreditFixtures.enterprise(app, name: "武汉甲示范物流有限公司", code17: "91420105MA4K8T3N3", username: "jia")
            let b = try await CreditFixtures.enterprise(app, name: "武汉乙示范酒店有限公司", code17: "91420105MA4K8T3N4", username: "yi")
            let inspector = try await app.token("inspector")
            let record = try await CreditFixtures.enter(app, token: inspector, subject: b.id, kind: "penalty_minor", field: "fire_safety",
                                                        number: "汉消行罚决字〔2026〕0101号", decided: CreditFixtures.today)

            // A sees itself, and nothing of B: not found, so ids reveal nothing.
            var res = try await app.send(.GET, "/api/v1/credit/subjects/\(a.id)", token: a.token)
            XCTAssertEqual(res.status, .ok)
            for path in ["/api/v1/credit/subjects/\(b.id)", "/api/v1/credit/records/\(record.id)"] {
                res = try await app.send(.GET, path, token: a.token)
                XCTAssertEqual(res.status, .notFound, path)
            }
            res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/objections", token: a.token,
                                     json: CreditObjectionInput(reason: "不是我们的"))
            XCTAssertEqual(res.status, .notFound)
            let list = try await app.send(.GET, "/api/v1/credit/subjects", token: a.token).content.decode(ListPage<CreditSubjectSummaryDTO>.self)
            XCTAssertEqual(list.items.map(\.id), [a.id])
            // An enterprise neither enters nor publishes decisions.
            res = try await app.send(.POST, "/api/v1/credit/records", token: a.token, json: CreditRecordInput(
                subjectId: a.id.uuidString, kind: "commendation", decisionNumber: "自表〔2026〕1号", decisionDate: CreditFixtures.today.description,
                authority: "自己", legalBasis: "无"))
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/publish", token: b.token)
            XCTAssertEqual(res.status, .forbidden)
            // B's own record: B objects; B cannot decide its objection.
            res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/objections", token: b.token,
                                     json: CreditObjectionInput(reason: "检查时通道已清理", evidence: ["现场照片"]))
            XCTAssertEqual(res.status, .created, res.body.string)
            let objection = try res.content.decode(CreditObjectionDTO.self)
            for token in [b.token, inspector] {
                res = try await app.send(.POST, "/api/v1/credit/objections/\(objection.id)/decision", token: token,
                                         json: CreditDecisionInput(decision: "uphold", finding: "x"))
                XCTAssertEqual(res.status, .forbidden)
            }
            res = try await app.send(.POST, "/api/v1/credit/objections/\(objection.id)/decision", token: a.token,
                                     json: CreditDecisionInput(decision: "uphold", finding: "x"))
            XCTAssertEqual(res.status, .notFound)

            // The supervising street reads its enterprises; another street does not; the hotline roles not at all.
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(b.id)", token: try await app.token("operator"))
            XCTAssertEqual(res.status, .ok)
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(b.id)", token: try await app.token("operator2"))
            XCTAssertEqual(res.status, .notFound)
            for role in ["dispatcher", "evaluator"] {
                res = try await app.send(.GET, "/api/v1/credit/subjects", token: try await app.token(role))
                XCTAssertEqual(res.status, .forbidden, role)
            }
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(b.id)", token: try await app.token("leader"))
            XCTAssertEqual(res.status, .ok)
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(b.id)")
            XCTAssertEqual(res.status, .unauthorized)
            // Hazard records cannot be entered; the subject must be an enterprise.
            res = try await app.send(.POST, "/api/v1/credit/records", token: inspector, json: CreditRecordInput(
                subjectId: b.id.uuidString, kind: "major_hazard", decisionNumber: "x", decisionDate: CreditFixtures.today.description,
                authority: "x", legalBasis: "x"))
            XCTAssertEqual(res.errorBody?.field, "kind")
            res = try await app.send(.POST, "/api/v1/credit/records", token: inspector, json: CreditRecordInput(
                subjectId: try await app.unitID("建桥街").uuidString, kind: "penalty_minor", decisionNumber: "x",
                decisionDate: CreditFixtures.today.description, authority: "x", legalBasis: "x"))
            XCTAssertEqual(res.errorBody?.field, "subjectId")
            res = try await app.send(.POST, "/api/v1/credit/records", token: inspector, json: CreditRecordInput(
                subjectId: b.id.uuidString, kind: "penalty_minor", decisionNumber: "x",
                decisionDate: CreditFixtures.today.adding(days: 1)!.description, authority: "x", legalBasis: "x"))
            XCTAssertEqual(res.errorBody?.code, "decision_in_future")
            XCTAssertEqual(res.errorBody?.field, "decisionDate")
        }
    }

    func testThePublicSeesOnlyWhatIsPublished() async throws {
        try await TestApp.run { app in
            let a = try await CreditFixtures.enterprise(app, name: "武汉丙示范商场有限公司", code17: "91420105MA4K8T3N5", username: "bing")
            let b = try await CreditFixtures.enterprise(app, name: "武汉丁示范宾馆有限公司", code17: "91420105MA4K8T3N6", username: "ding")
            let inspector = try await app.token("inspector")
            let record = try await CreditFixtures.enter(app, token: inspector, subject: b.id, kind: "penalty_minor", field: "fire_safety",
                                                        number: "汉消行罚决字〔2026〕0102号", decided: CreditFixtures.today)
            let name = b.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            var view = try await app.send(.GET, "/api/v1/public/credit?name=\(name)").content.decode(PublicCreditDTO.self)
            XCTAssertEqual(view.grade, .a, "100 − 5 is still A")
            XCTAssertEqual(view.records.count, 0, "not published yet")
            var res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/publish", token: inspector)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertFalse(try res.content.decode(CreditRecordDTO.self).publicationLate)
            view = try await CreditFixtures.publicView(app, code: b.code)
            XCTAssertEqual(view.records.map(\.decisionNumber), ["汉消行罚决字〔2026〕0102号"])
            let decisions = try await app.send(.GET, "/api/v1/public/credit/decisions").content.decode(ListPage<PublicCreditRecordDTO>.self)
            XCTAssertEqual(decisions.items.first?.decisionNumber, "汉消行罚决字〔2026〕0102号", "newest publication first")
            XCTAssertEqual(decisions.items.first?.subjectName, b.name)
            // Under objection: withdrawn from the public until decided.
            res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/objections", token: b.token,
                                     json: CreditObjectionInput(reason: "处罚对象错误"))
            XCTAssertEqual(res.status, .created, res.body.string)
            view = try await CreditFixtures.publicView(app, code: b.code)
            XCTAssertEqual(view.records.count, 0)
            let afterObjection = try await app.send(.GET, "/api/v1/public/credit/decisions").content.decode(ListPage<PublicCreditRecordDTO>.self)
            XCTAssertFalse(afterObjection.items.contains { $0.decisionNumber == "汉消行罚决字〔2026〕0102号" })
            // The red list: a clean enterprise is on it; one penalised within 24 months is not.
            var names: [String] = []
            var cursor: String?
            repeat {
                let page = try await app.send(.GET, "/api/v1/public/credit/red-list?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                    .content.decode(ListPage<PublicRedListEntryDTO>.self)
                names += page.items.map(\.name)
                cursor = page.nextCursor
            } while cursor != nil
            XCTAssertTrue(names.contains(a.name))
            XCTAssertFalse(names.contains(b.name))
            XCTAssertFalse(names.contains("武汉汉阳示范商贸有限公司"), "the demo enterprise has a penalty")
            // The query takes exactly one of code and name, a valid code, and finds enterprises only.
            for (query, status, field) in [("", 422, "code"), ("code=\(a.code)&name=x", 422, "name"), ("code=91420105MA4K8T3N50", 422, "code"),
                                           ("code=\(DemoData.demoCreditCode("91420105MA4K8T3N9"))", 404, nil),
                                           ("name=%E5%BB%BA%E6%A1%A5%E8%A1%97", 404, nil)] {
                res = try await app.send(.GET, "/api/v1/public/credit?" + query)
                XCTAssertEqual(Int(res.status.code), status, query)
                if let field { XCTAssertEqual(res.errorBody?.field, field, query) }
            }
        }
    }

    func testPartnersNeedTheirOwnKey() async throws {
        try await TestApp.run { app in
            let a = try await CreditFixtures.enterprise(app, name: "武汉戊示范建材有限公司", code17: "91420105MA4K8T3N7", username: "wu")
            let admin = try await app.token("admin")
            var res = try await app.send(.GET, "/api/v1/joint/feed")
            XCTAssertEqual(res.status, .unauthorized)
            XCTAssertEqual(res.errorBody?.code, "agency_key_required")
            res = try await app.send(.GET, "/api/v1/joint/subjects/\(a.code)", token: admin)
            XCTAssertEqual(res.errorBody?.code, "agency_key_required", "a user's token is not a partner's key")
            var wrong = HTTPHeaders()
            wrong.add(name: JointRoutes.header, value: "dbk_guess")
            res = try await app.send(.GET, "/api/v1/joint/feed", headers: wrong)
            XCTAssertEqual(res.errorBody?.code, "invalid_agency_key")

            res = try await app.send(.POST, "/api/v1/credit/agencies", token: try await app.token("supervisor"),
                                     json: CreditAgencyInput(name: "某保险公司", kind: "insurer"))
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, "/api/v1/credit/agencies", token: admin, json: CreditAgencyInput(name: "某保险公司", kind: "lender"))
            XCTAssertEqual(res.errorBody?.field, "kind")
            res = try await app.send(.POST, "/api/v1/credit/agencies", token: admin, json: CreditAgencyInput(name: "汉阳平安保险", kind: "insurer"))
            XCTAssertEqual(res.status, .created, res.body.string)
            let created = try res.content.decode(CreditAgencyCreated.self)
            XCTAssertTrue(created.key.hasPrefix(created.agency.keyHint))
            let listed = try await app.send(.GET, "/api/v1/credit/agencies", token: admin)
            XCTAssertFalse(listed.body.string.contains(created.key), "the key is shown once only")
            let stored = try await CreditAgency.query(on: app.db).first()
            XCTAssertNotEqual(stored?.keyHash, created.key)

            var headers = HTTPHeaders()
            headers.add(name: JointRoutes.header, value: created.key)
            res = try await app.send(.GET, "/api/v1/joint/subjects/\(a.code)", headers: headers)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(JointSubjectDTO.self).score, 100)
            res = try await app.send(.GET, "/api/v1/joint/subjects/NOTACODE", headers: headers)
            XCTAssertEqual(res.errorBody?.field, "code")
            res = try await app.send(.GET, "/api/v1/joint/subjects/\(DemoData.demoCreditCode("91420105MA4K8T3N9"))", headers: headers)
            XCTAssertEqual(res.status, .notFound)
            // Feedback names a real change of that subject, a known stage, a past date.
            var post = headers
            post.contentType = .json
            func feedback(_ input: JointFeedbackInput) async throws -> XCTHTTPResponse {
                try await app.send(.POST, "/api/v1/joint/feedback", headers: post, body: ByteBuffer(data: try JSONEncoder().encode(input)))
            }
            res = try await feedback(JointFeedbackInput(creditCode: a.code, changeId: UUID().uuidString, measure: "上浮保费"))
            XCTAssertEqual(res.errorBody?.field, "changeId")
            res = try await feedback(JointFeedbackInput(creditCode: a.code, stage: "done", measure: "上浮保费"))
            XCTAssertEqual(res.errorBody?.field, "stage")
            res = try await feedback(JointFeedbackInput(creditCode: a.code, measure: "上浮保费",
                                                        takenOn: CreditFixtures.today.adding(days: 3)!.description))
            XCTAssertEqual(res.errorBody?.field, "takenOn")
            res = try await feedback(JointFeedbackInput(creditCode: a.code, stage: "responded", measure: "已接收名单，启动费率复核"))
            XCTAssertEqual(res.status, .created, res.body.string)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == JointRoutes.entity).first()
            XCTAssertEqual(audited?.actor, "agency:汉阳平安保险")

            res = try await app.send(.DELETE, "/api/v1/credit/agencies/\(created.agency.id)", token: admin)
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertFalse(try res.content.decode(CreditAgencyDTO.self).active)
            res = try await app.send(.GET, "/api/v1/joint/feed", headers: headers)
            XCTAssertEqual(res.errorBody?.code, "invalid_agency_key", "a revoked key")
        }
    }

    func testRulesAreAdjustableAndValidated() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            var res = try await app.send(.GET, "/api/v1/credit/rules", token: try await app.token("inspector"))
            let shown = try res.content.decode(CreditRulesDTO.self)
            XCTAssertTrue(shown.isDefault)
            XCTAssertEqual(shown.rules, CreditRules.defaults)
            var rules = CreditRules.defaults
            rules.objection.reviewWorkingDays = 10
            res = try await app.send(.PUT, "/api/v1/credit/rules", token: try await app.token("supervisor"), json: rules)
            XCTAssertEqual(res.status, .forbidden)
            var bad = rules
            bad.gradeBands.b = 95
            res = try await app.send(.PUT, "/api/v1/credit/rules", token: admin, json: bad)
            XCTAssertEqual(res.errorBody?.field, "gradeBands")
            res = try await app.send(.PUT, "/api/v1/credit/rules", token: admin, json: rules)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let saved = try res.content.decode(CreditRulesDTO.self)
            XCTAssertEqual(saved.changes.map(\.path), ["objection.reviewWorkingDays"])
            // The objection review limit follows the rules (issue #7: "a configurable number of working days").
            let a = try await CreditFixtures.enterprise(app, name: "武汉己示范科技有限公司", code17: "91420105MA4K8T3N8", username: "ji")
            let record = try await CreditFixtures.enter(app, token: admin, subject: a.id, kind: "penalty_minor", field: "other",
                                                        number: "汉市监罚〔2026〕9号", decided: CreditFixtures.today)
            res = try await app.send(.POST, "/api/v1/credit/records/\(record.id)/objections", token: a.token,
                                     json: CreditObjectionInput(reason: "金额有误"))
            XCTAssertEqual(try res.content.decode(CreditObjectionDTO.self).reviewRule, "10个工作日")
            // New bands apply at once: 95 is B when A starts at 96, and the grade's measure is taken.
            rules.gradeBands.a = 96
            res = try await app.send(.PUT, "/api/v1/credit/rules", token: admin, json: rules)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let stored = try await CreditStandingRow.find(a.id, on: app.db)
            XCTAssertEqual(stored?.grade, "B")
            let reminded = try await CreditMeasureRow.query(on: app.db).filter(\.$subjectUnitID == a.id)
                .filter(\.$measure == CreditMeasure.reminder.rawValue).count()
            XCTAssertEqual(reminded, 1)
        }
    }
}
