@testable import DubanServer
import DubanCore
import Fluent
import SQLKit
import Vapor
import XCTVapor
import XCTest

/// API conventions: idempotency, audit chain, OpenAPI parity, error shape for malformed input.
final class PlatformTests: XCTestCase {
    func testIdempotencyKeyReplaysTheFirstResponse() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let body = try JSONEncoder().encode(UnitCreate(name: "幂等测试单位", kind: "other"))
            var headers = HTTPHeaders()
            headers.add(name: "Idempotency-Key", value: "create-unit-0001")
            let first = try await app.send(.POST, "/api/v1/units", token: token, headers: headers, body: ByteBuffer(data: body))
            XCTAssertEqual(first.status, .created, first.body.string)
            let second = try await app.send(.POST, "/api/v1/units", token: token, headers: headers, body: ByteBuffer(data: body))
            XCTAssertEqual(second.status, .created)
            XCTAssertEqual(second.body.string, first.body.string)
            XCTAssertEqual(second.headers.first(name: "Idempotent-Replay"), "true")
            let count = try await Unit.query(on: app.db).filter(\.$name == "幂等测试单位").count()
            XCTAssertEqual(count, 1)

            let other = try JSONEncoder().encode(UnitCreate(name: "另一个单位", kind: "other"))
            let reused = try await app.send(.POST, "/api/v1/units", token: token, headers: headers, body: ByteBuffer(data: other))
            XCTAssertEqual(reused.status, .unprocessableEntity)
            XCTAssertEqual(reused.errorBody?.code, "idempotency_key_reused")

            // Keys belong to their sender: another user's same key is a new request.
            let admin2 = try await app.send(.POST, "/api/v1/users", token: token, json: UserCreate(
                username: "admin2", displayName: "管理员二", password: "another-password", role: "admin",
                unitId: try await app.unitID("建桥街").uuidString))
            XCTAssertEqual(admin2.status, .created)
            let token2 = try await app.token("admin2", "another-password")
            let third = try await app.send(.POST, "/api/v1/units", token: token2, headers: headers, body: ByteBuffer(data: body))
            XCTAssertEqual(third.status, .conflict)  // same name, so a real second attempt, not a replay
            XCTAssertNil(third.headers.first(name: "Idempotent-Replay"))
        }
    }

    func testEveryChangeIsAuditedAndTamperingIsDetected() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let unit = try await app.unitID("建桥街")
            let res = try await app.send(.PATCH, "/api/v1/units/\(unit)", token: token, json: ["phone": "027-84840001"])
            XCTAssertEqual(res.status, .ok)
            let log = try await app.send(.GET, "/api/v1/audit?entityType=unit&entityId=\(unit.text)", token: token)
            let page = try log.content.decode(AuditPage.self)
            let entry = try XCTUnwrap(page.items.first)
            XCTAssertEqual(entry.action, "update")
            XCTAssertEqual(entry.actor, "admin(admin)")
            XCTAssertTrue(entry.after?.contains("027-84840001") ?? false)
            XCTAssertFalse(entry.before?.contains("027-84840001") ?? true)

            let intact = try await app.send(.GET, "/api/v1/audit/verify", token: token)
            XCTAssertEqual(try intact.content.decode(AuditVerification.self).ok, true)

            // Change one stored entry by hand, as someone with database access might.
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.update("audit_entries").set("after", to: #"{"phone":"110"}"#).where("seq", .equal, 5).run()
            let verdict = try await AuditLog.verify(on: app.db)
            XCTAssertEqual(verdict.firstBreak, .contentChanged(sequence: 5))
            let api = try await app.send(.GET, "/api/v1/audit/verify", token: token)
            let result = try api.content.decode(AuditVerification.self)
            XCTAssertFalse(result.ok)
            XCTAssertEqual(result.firstBrokenSeq, 5)
            let supervisor = try await app.token("supervisor")
            let denied = try await app.send(.GET, "/api/v1/audit/verify", token: supervisor)
            XCTAssertEqual(denied.status, .forbidden)
        }
    }

    func testRemovingAnEntryIsDetected() async throws {
        try await TestApp.run { app in
            let sql = try XCTUnwrap(app.db as? any SQLDatabase)
            try await sql.delete(from: "audit_entries").where("seq", .equal, 10).run()
            let verdict = try await AuditLog.verify(on: app.db)
            XCTAssertEqual(verdict.firstBreak, .gap(after: 9, found: 11))
            let total = try await AuditEntry.query(on: app.db).count()
            try await sql.delete(from: "audit_entries").where("seq", .greaterThan, total - 3).run()
            try await sql.update("audit_entries").set("seq", to: 10).where("seq", .equal, 11).run()
            let cut = try await AuditLog.verify(on: app.db)
            XCTAssertNotNil(cut.firstBreak)
        }
    }

    func testOpenAPIDocumentMatchesTheRoutes() async throws {
        try await TestApp.run(demo: false) { app in
            let res = try await app.send(.GET, "/openapi.json")
            XCTAssertEqual(res.status, .ok)
            let document = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
            XCTAssertEqual(document?["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(document?["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths where path.hasPrefix("/api/v1/") {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            var registered = Set<String>()
            for route in app.routes.all {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/v1/") else { continue }
                registered.insert("\(route.method.rawValue) \(path)")
            }
            XCTAssertFalse(registered.isEmpty)
            XCTAssertEqual(registered.subtracting(documented), [], "routes missing from /openapi.json")
            XCTAssertEqual(documented.subtracting(registered), [], "documented routes that do not exist")
            // Every $ref points at a defined schema.
            let text = res.body.string
            let schemas = try XCTUnwrap((document?["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let refs = text.components(separatedBy: "#/components/schemas/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            for ref in refs { XCTAssertNotNil(schemas[ref], "undefined schema \(ref)") }
        }
    }

    /// A public operation needs no token, but a revoked one that is sent gets 401 `invalid_token` there too
    /// (the fuzzer's admin moved itself to another unit, which ends its tokens, and then met this on every
    /// public operation): the document declares 401 on every operation, public ones included — and 414,
    /// which any URL over the limit gets.
    func testEveryOperationDeclaresARevokedTokenAndATooLongURL() async throws {
        try await TestApp.run { app in
            let res = try await app.send(.GET, "/openapi.json")
            let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any])
            let paths = try XCTUnwrap(document["paths"] as? [String: [String: [String: Any]]])
            var publicOperations: [String] = []
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let responses = try XCTUnwrap(operation["responses"] as? [String: Any], "\(method) \(path)")
                    XCTAssertNotNil(responses["401"], "\(method) \(path) does not declare 401")
                    // Any URL can be too long (the fuzzer's long query strings met it on the list operations).
                    XCTAssertNotNil(responses["414"], "\(method) \(path) does not declare 414")
                    if (operation["security"] as? [Any])?.isEmpty == true { publicOperations.append("\(method) \(path)") }
                }
            }
            XCTAssertTrue(publicOperations.contains("post /api/v1/public/hotline"), "\(publicOperations)")
            XCTAssertTrue(publicOperations.contains("get /healthz"), "\(publicOperations)")

            let token = try await app.token("admin")
            let long = try await app.send(.GET, "/api/v1/units?q=" + String(repeating: "%E8%A1%97", count: 3000), token: token)
            XCTAssertEqual(long.status, .uriTooLong)
            XCTAssertEqual(long.errorBody?.field, "url")
            let signOut = try await app.send(.DELETE, "/api/v1/auth/token", token: token)
            XCTAssertEqual(signOut.status, .noContent)
            for path in ["/healthz", "/api/v1/public/listed-hazards"] {
                let revoked = try await app.send(.GET, path, token: token)
                XCTAssertEqual(revoked.status, .unauthorized, path)
                XCTAssertEqual(revoked.errorBody?.code, "invalid_token", path)
                let without = try await app.send(.GET, path)
                XCTAssertEqual(without.status, .ok, path)
            }
            let submission: [String: String] = ["phone": "13800138000", "whatHappened": "楼道堆放杂物堵塞消防通道"]
            let withRevoked = try await app.send(.POST, "/api/v1/public/hotline", token: token, json: submission)
            XCTAssertEqual(withRevoked.status, .unauthorized)
            let anonymous = try await app.send(.POST, "/api/v1/public/hotline", json: submission)
            XCTAssertEqual(anonymous.status, .created, anonymous.body.string)
        }
    }

    func testMalformedBodiesGetClearClientErrors() async throws {
        try await TestApp.run { app in
            let token = try await app.token("admin")
            let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let bodies: [(String, [UInt8])] = [
                ("not json", Array("{name: 建桥".utf8)),
                ("truncated", Array(#"{"name":"建桥","kind":"#.utf8)),
                ("wrong type", Array(#"{"name":42,"kind":"other"}"#.utf8)),
                ("null name", Array(#"{"name":null,"kind":"other"}"#.utf8)),
                ("array", Array(#"[{"name":"a","kind":"other"}]"#.utf8)),
                ("bad kind", Array(#"{"name":"某单位","kind":"星球"}"#.utf8)),
                ("aliases not array", Array(#"{"name":"某单位","kind":"other","aliases":"x"}"#.utf8)),
                ("huge name", Array(("{\"name\":\"" + String(repeating: "汉", count: 100_000) + "\",\"kind\":\"other\"}").utf8)),
                ("invalid utf-8", [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x2C, 0x22, 0x6B,
                                   0x69, 0x6E, 0x64, 0x22, 0x3A, 0x22, 0x6F, 0x74, 0x68, 0x65, 0x72, 0x22, 0x7D]),
                ("deep nesting", Array(deep.utf8)),
                ("empty", []),
                ("control characters", Array("{\"name\":\"a\\u0000b\",\"kind\":\"other\"}".utf8)),
                ("bad parent", Array(#"{"name":"某单位","kind":"other","parentId":"not-a-uuid"}"#.utf8)),
            ]
            for (label, bytes) in bodies {
                let res = try await app.send(.POST, "/api/v1/units", token: token, body: ByteBuffer(bytes: bytes))
                XCTAssertTrue((400..<500).contains(Int(res.status.code)), "\(label): \(res.status) \(res.body.string.prefix(200))")
                XCTAssertNotNil(res.errorBody, "\(label): no error body")
            }
            let field = try await app.send(.POST, "/api/v1/units", token: token, body: ByteBuffer(string: #"{"name":42,"kind":"other"}"#))
            XCTAssertEqual(field.errorBody?.field, "name")
            let missing = try await app.send(.POST, "/api/v1/units", token: token, body: ByteBuffer(string: #"{"name":"某单位"}"#))
            XCTAssertEqual(missing.errorBody?.field, "kind")
            let huge = try await app.send(.POST, "/api/v1/units", token: token,
                                          body: ByteBuffer(string: "{\"name\":\"" + String(repeating: "汉", count: 300) + "\",\"kind\":\"other\"}"))
            XCTAssertEqual(huge.errorBody?.field, "name")
            var plain = HTTPHeaders()
            plain.contentType = .plainText
            let wrongType = try await app.send(.POST, "/api/v1/units", token: token, headers: plain, body: ByteBuffer(string: "x"))
            XCTAssertEqual(wrongType.status, .unsupportedMediaType)
            // The server is still healthy afterwards.
            let health = try await app.send(.GET, "/healthz")
            XCTAssertEqual(health.status, .ok)
        }
    }

    func testUnknownRoutesAnswerJSON404() async throws {
        try await TestApp.run(demo: false) { app in
            let res = try await app.send(.GET, "/api/v1/nothing-here")
            XCTAssertEqual(res.status, .notFound)
            XCTAssertEqual(res.errorBody?.code, "not_found")
        }
    }
}
