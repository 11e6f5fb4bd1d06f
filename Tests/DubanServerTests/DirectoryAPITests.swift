@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

final class DirectoryAPITests: XCTestCase {
    func testHealthAndMetrics() async throws {
        try await TestApp.run(demo: false) { app in
            let health = try await app.send(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.body.string, #"{"status":"ok"}"#)
            let metrics = try await app.send(.GET, "/metrics")
            XCTAssertEqual(metrics.status, .ok)
            XCTAssertTrue(metrics.body.string.contains("http_requests_total"), metrics.body.string)
        }
    }

    func testTokenAndMe() async throws {
        try await TestApp.run { app in
            let wrong = try await app.send(.POST, "/api/v1/auth/token", json: ["username": "admin", "password": "wrong-password"])
            XCTAssertEqual(wrong.status, .unauthorized)
            XCTAssertEqual(wrong.errorBody?.code, "invalid_credentials")
            do { let res = try await app.send(.GET, "/api/v1/me"); XCTAssertEqual(res.status, .unauthorized) }
            let bogus = try await app.send(.GET, "/api/v1/me", token: "not-a-token")
            XCTAssertEqual(bogus.status, .unauthorized)
            XCTAssertEqual(bogus.errorBody?.code, "invalid_token")
            let token = try await app.token("operator")
            let me = try await app.send(.GET, "/api/v1/me", token: token)
            XCTAssertEqual(me.status, .ok)
            let dto = try me.content.decode(MeDTO.self)
            XCTAssertEqual(dto.user.role, .unitOperator)
            XCTAssertEqual(dto.unitName, "建桥街")
            do { let res = try await app.send(.DELETE, "/api/v1/auth/token", token: token); XCTAssertEqual(res.status, .noContent) }
            do { let res = try await app.send(.GET, "/api/v1/me", token: token); XCTAssertEqual(res.status, .unauthorized) }
        }
    }

    func testAliasLookupResolvesTheSeedsSpellings() async throws {
        try await TestApp.run { app in
            let token = try await app.token("dispatcher")
            let cases = [("区科技经信局", "汉阳区科技和经信局"), ("区科技和经信局", "汉阳区科技和经信局"),
                         ("建桥街道办事处", "建桥街"), ("建桥街", "建桥街"), (" 永丰街 ", "永丰街"),
                         ("区信息网络中心", "汉阳区城市数字化信息网络中心")]
            for (spelling, expected) in cases {
                let query = spelling.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let res = try await app.send(.GET, "/api/v1/units/lookup?name=\(query)", token: token)
                XCTAssertEqual(res.status, .ok, spelling)
                XCTAssertEqual(try res.content.decode(UnitDTO.self).name, expected, spelling)
            }
            let missing = try await app.send(.GET, "/api/v1/units/lookup?name=%E4%B8%8D%E5%AD%98%E5%9C%A8", token: token)
            XCTAssertEqual(missing.status, .notFound)
            let noName = try await app.send(.GET, "/api/v1/units/lookup", token: token)
            XCTAssertEqual(noName.status, .unprocessableEntity)
            XCTAssertEqual(noName.errorBody?.field, "name")
        }
    }

    func testAliasesCannotBeShared() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let res = try await app.send(.POST, "/api/v1/units", token: token,
                                         json: UnitCreate(name: "新设局", kind: "department", aliases: ["区科技经信局"]))
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.field, "aliases.0")
        }
    }

    /// A unit that records still name (here a ledger item it is supervised as) is not deleted: 409 `in_use`,
    /// not the database's foreign-key failure as a 500 (the fuzzer found one); a unit nothing names is.
    func testDeletingAUnitThatRecordsNameIsAConflict() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let parent = try await app.unitID("建桥街").uuidString
            func create(_ name: String) async throws -> String {
                let res = try await app.send(.POST, "/api/v1/units", token: token, json: ["name": name, "kind": "enterprise", "parentId": parent])
                XCTAssertEqual(res.status, .created, res.body.string)
                return try res.content.decode(UnitDTO.self).id.uuidString
            }
            let named = try await create("某五金加工厂")
            let item = try await app.send(.POST, "/api/v1/items", token: token,
                                          json: ["kind": "hazard", "title": "配电箱未上锁", "supervisedUnitId": named])
            XCTAssertEqual(item.status, .created, item.body.string)
            let refused = try await app.send(.DELETE, "/api/v1/units/\(named)", token: token)
            XCTAssertEqual(refused.status, .conflict, refused.body.string)
            XCTAssertEqual(refused.errorBody?.code, "in_use")
            let still = try await app.send(.GET, "/api/v1/units/\(named)", token: token)
            XCTAssertEqual(still.status, .ok)
            let unnamed = try await create("某新设商铺")
            let deleted = try await app.send(.DELETE, "/api/v1/units/\(unnamed)", token: token)
            XCTAssertEqual(deleted.status, .noContent, deleted.body.string)
        }
    }

    func testCreditCodeIsCheckedAndUnique() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let parent = try await app.unitID("建桥街").uuidString
            func create(_ name: String, _ code: String) async throws -> XCTHTTPResponse {
                try await app.send(.POST, "/api/v1/units", token: token,
                                   json: ["name": name, "kind": "enterprise", "parentId": parent, "creditCode": code])
            }
            let bad = try await create("某商贸有限公司", "914403001922038217")
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertEqual(bad.errorBody?.field, "creditCode")
            XCTAssertEqual(bad.errorBody?.code, "invalid_credit_code")
            let short = try await create("某商贸有限公司", "91440300192203821")
            XCTAssertEqual(short.errorBody?.field, "creditCode")
            let good = try await create("华为技术有限公司", "914403001922038216")
            XCTAssertEqual(good.status, .created, good.body.string)
            XCTAssertEqual(try good.content.decode(UnitDTO.self).creditCode, "914403001922038216")
            let duplicate = try await create("另一家公司", "914403001922038216")
            XCTAssertEqual(duplicate.status, .conflict)
            XCTAssertEqual(duplicate.errorBody?.field, "creditCode")
        }
    }

    func testUnitOperatorSeesAndChangesOnlyItsOwnUnit() async throws {
        try await TestApp.run { app in
            let token = try await app.token("operator")  // 建桥街
            let own = try await app.unitID("建桥街")
            let other = try await app.unitID("永丰街")
            do { let res = try await app.send(.GET, "/api/v1/units/\(other)", token: token); XCTAssertEqual(res.status, .notFound) }
            do { let res = try await app.send(.PATCH, "/api/v1/units/\(other)", token: token, json: ["phone": "027-84840000"]); XCTAssertEqual(res.status, .notFound) }
            // Only admins delete units: the role is refused before the id is looked up.
            do { let res = try await app.send(.DELETE, "/api/v1/units/\(other)", token: token); XCTAssertEqual(res.status, .forbidden) }
            do { let res = try await app.send(.GET, "/api/v1/units/lookup?name=%E6%B0%B8%E4%B8%B0%E8%A1%97", token: token); XCTAssertEqual(res.status, .notFound) }
            let list = try await app.send(.GET, "/api/v1/units?limit=200", token: token)
            let page = try list.content.decode(ListPage<UnitDTO>.self)
            XCTAssertFalse(page.items.contains { $0.id == other })
            XCTAssertTrue(page.items.contains { $0.id == own })
            let units = try await Unit.query(on: app.db).all()
            let ownPath = units.first { $0.id == own }?.path ?? "?"
            for item in page.items {
                XCTAssertTrue(units.first { $0.id == item.id }?.path.hasPrefix(ownPath) ?? false, item.name)
            }

            let changed = try await app.send(.PATCH, "/api/v1/units/\(own)", token: token, json: ["phone": "027-84841234"])
            XCTAssertEqual(changed.status, .ok, changed.body.string)
            XCTAssertEqual(try changed.content.decode(UnitDTO.self).phone, "027-84841234")
            let rename = try await app.send(.PATCH, "/api/v1/units/\(own)", token: token, json: ["name": "改名街"])
            XCTAssertEqual(rename.status, .forbidden)
            XCTAssertEqual(rename.errorBody?.field, "name")

            // It may register a community under itself, not under 永丰街.
            let below = try await app.send(.POST, "/api/v1/units", token: token,
                                           json: ["name": "测试社区", "kind": "committee", "parentId": own.uuidString])
            XCTAssertEqual(below.status, .created, below.body.string)
            let elsewhere = try await app.send(.POST, "/api/v1/units", token: token,
                                               json: ["name": "测试社区二", "kind": "committee", "parentId": other.uuidString])
            XCTAssertEqual(elsewhere.status, .notFound)

            // A supervisor reads everything and changes nothing.
            let supervisor = try await app.token("supervisor")
            do { let res = try await app.send(.GET, "/api/v1/units/\(other)", token: supervisor); XCTAssertEqual(res.status, .ok) }
            do { let res = try await app.send(.PATCH, "/api/v1/units/\(other)", token: supervisor, json: ["phone": "027-84840000"]); XCTAssertEqual(res.status, .forbidden) }
            do { let res = try await app.send(.GET, "/api/v1/users", token: supervisor); XCTAssertEqual(res.status, .forbidden) }
        }
    }

    func testKeysetPaginationVisitsEveryUnitOnce() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            var seen: [UUID] = []
            var cursor: String?
            repeat {
                let res = try await app.send(.GET, "/api/v1/units?limit=7" + (cursor.map { "&cursor=\($0)" } ?? ""), token: token)
                XCTAssertEqual(res.status, .ok)
                let page = try res.content.decode(ListPage<UnitDTO>.self)
                XCTAssertLessThanOrEqual(page.items.count, 7)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            let total = try await Unit.query(on: app.db).count()
            XCTAssertEqual(seen.count, total)
            XCTAssertEqual(Set(seen).count, total)
            do { let res = try await app.send(.GET, "/api/v1/units?cursor=garbage", token: token); XCTAssertEqual(res.errorBody?.field, "cursor") }
            do { let res = try await app.send(.GET, "/api/v1/units?limit=0", token: token); XCTAssertEqual(res.errorBody?.field, "limit") }
            do { let res = try await app.send(.GET, "/api/v1/units?kind=planet", token: token); XCTAssertEqual(res.errorBody?.field, "kind") }
        }
    }

    func testRostersFromTheSeedsAreLoaded() async throws {
        try await TestApp.run { app in
            let token = try await app.token("leader")
            for document in ["阳政办(2017)47号", "阳政办(2017)48号", "阳政办(2018)2号", "阳政办(2018)5号", "阳政办(2018)9号"] {
                let body = try await Body.query(on: app.db).filter(\.$document == document).first()
                let id = try XCTUnwrap(body?.id, document)
                let res = try await app.send(.GET, "/api/v1/bodies/\(id)", token: token)
                XCTAssertEqual(res.status, .ok)
                let dto = try res.content.decode(BodyDTO.self)
                XCTAssertGreaterThan(dto.members.count, 3, document)
                XCTAssertTrue(dto.members.contains { $0.personName != nil }, document)
            }
            let streets = try await Unit.query(on: app.db).filter(\.$kind == "street").count()
            XCTAssertEqual(streets, 11)
        }
    }

    func testPostsOverTime() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let unit = try await app.unitID("建桥街")
            let created = try await app.send(.POST, "/api/v1/people", token: token, json: ["name": "测试人员"])
            XCTAssertEqual(created.status, .created)
            let personID = try created.content.decode(PersonDTO.self).id
            let post = try await app.send(.POST, "/api/v1/people/\(personID)/posts", token: token,
                                          json: ["unitId": unit.uuidString, "title": "主任", "from": "2017-03-01"])
            XCTAssertEqual(post.status, .created)
            let postID = try XCTUnwrap(try post.content.decode(PersonDTO.self).posts.first?.id)
            let early = try await app.send(.PATCH, "/api/v1/people/\(personID)/posts/\(postID)", token: token, json: ["to": "2017-02-01"])
            XCTAssertEqual(early.errorBody?.field, "to")
            let ended = try await app.send(.PATCH, "/api/v1/people/\(personID)/posts/\(postID)", token: token, json: ["to": "2018-02-28"])
            XCTAssertEqual(ended.status, .ok)
            XCTAssertEqual(try ended.content.decode(PersonDTO.self).posts.first?.to, "2018-02-28")
            let badDate = try await app.send(.POST, "/api/v1/people/\(personID)/posts", token: token,
                                             json: ["unitId": unit.uuidString, "title": "主任", "from": "2017-02-30"])
            XCTAssertEqual(badDate.errorBody?.field, "from")
        }
    }
}
