@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Attachments, referral threads, tasks with their cards, and the adjustable defaults (issue #4).
final class LedgerWorkTests: XCTestCase {
    private func upload(_ app: Application, _ path: String, token: String, name: String, type: HTTPMediaType,
                        bytes: [UInt8]) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.contentType = type
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await app.send(.POST, path + "/attachments?name=" + query, token: token, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// A hazard registered by `token` and assigned by the dispatcher.
    private func hazard(_ app: Application, token: String, assignTo unit: UUID) async throws -> String {
        let created = try await app.send(.POST, "/api/v1/items", token: token, json: ItemInput(kind: "hazard", title: "配电箱无防护"))
        XCTAssertEqual(created.status, .created, created.body.string)
        let path = "/api/v1/items/\(try created.content.decode(ItemDTO.self).id)"
        let due = ChinaTimeFormat.string(Date().addingTimeInterval(10 * 86400))
        let assigned = try await app.send(.POST, path + "/events", token: try await app.token("dispatcher"),
                                          json: ItemEventInput(event: "assign", unitId: unit.uuidString, deadline: due))
        XCTAssertEqual(assigned.status, .ok, assigned.body.string)
        return path
    }

    func testAttachmentsAreCheckedStoredAndScoped() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let jianqiao = try await app.token("operator")
            let yongfeng = try await app.token("operator2")
            let path = try await hazard(app, token: inspector, assignTo: try await app.unitID("建桥街"))

            var res = try await upload(app, path, token: jianqiao, name: "现场.jpg", type: .plainText, bytes: Array("hello".utf8))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.code, "type_not_allowed")
            XCTAssertEqual(res.errorBody?.field, "contentType")
            res = try await upload(app, path, token: jianqiao, name: "现场.jpg", type: .jpeg, bytes: TestFiles.pdf)
            XCTAssertEqual(res.errorBody?.code, "content_mismatch", "a PDF claiming to be a JPEG")
            XCTAssertEqual(res.errorBody?.field, "file")
            res = try await upload(app, path, token: jianqiao, name: "现场.jpg", type: .jpeg, bytes: [])
            XCTAssertEqual(res.errorBody?.code, "empty_file")
            res = try await upload(app, path, token: jianqiao, name: "../../etc/passwd", type: .jpeg, bytes: TestFiles.jpeg)
            XCTAssertEqual(res.errorBody?.field, "name")
            let tooBig = TestFiles.jpeg + [UInt8](repeating: 0, count: app.duban.maxAttachmentBytes)
            res = try await upload(app, path, token: jianqiao, name: "大.jpg", type: .jpeg, bytes: tooBig)
            XCTAssertEqual(res.status, .payloadTooLarge)
            XCTAssertEqual(res.errorBody?.code, "too_large")
            res = try await upload(app, path, token: yongfeng, name: "别人的.jpg", type: .jpeg, bytes: TestFiles.jpeg)
            XCTAssertEqual(res.status, .notFound, "another street cannot attach to the item")

            res = try await upload(app, path, token: jianqiao, name: "整改后 照片.png", type: .png, bytes: TestFiles.png)
            XCTAssertEqual(res.status, .created, res.body.string)
            let photo = try res.content.decode(LedgerAttachments.AttachmentDTO.self)
            XCTAssertTrue(photo.photo)
            XCTAssertEqual(photo.size, TestFiles.png.count)
            res = try await upload(app, path, token: jianqiao, name: "整改报告.pdf", type: .init(type: "application", subType: "pdf"),
                                   bytes: TestFiles.pdf)
            XCTAssertEqual(res.status, .created, res.body.string)

            let list = try await app.send(.GET, path + "/attachments", token: inspector).content.decode([LedgerAttachments.AttachmentDTO].self)
            XCTAssertEqual(list.map(\.name), ["整改后 照片.png", "整改报告.pdf"])
            let file = try await app.send(.GET, path + "/attachments/\(photo.id)", token: inspector)
            XCTAssertEqual(file.status, .ok)
            XCTAssertEqual(Array(file.body.readableBytesView), TestFiles.png)
            XCTAssertEqual(file.headers.first(name: .contentType), "image/png")
            XCTAssertEqual(file.headers.first(name: "X-Content-Type-Options"), "nosniff")
            XCTAssertTrue(file.headers.first(name: .contentDisposition)?.contains("attachment") ?? false)
            let denied = try await app.send(.GET, path + "/attachments/\(photo.id)", token: yongfeng)
            XCTAssertEqual(denied.status, .notFound)
            // The item's page data carries the list, and each upload is audited.
            let item = try await app.send(.GET, path, token: inspector).content.decode(ItemDTO.self)
            XCTAssertEqual(item.attachments?.count, 2)
            let audited = try await AuditEntry.query(on: app.db).filter(\.$entityType == "ledger_attachment").count()
            XCTAssertEqual(audited, 2)
        }
    }

    func testReferralThreadReachesBothSidesAndNamesTheContact() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let inspector = try await app.token("inspector")  // 区消防大队 sends the referral (002 篇1)
            let jianqiao = try await app.token("operator")
            let yongfeng = try await app.token("operator2")
            let jianqiaoID = try await app.unitID("建桥街")
            let fireID = try await app.unitID("区消防大队")
            let firstPerson = try await Person.query(on: app.db).first()
            let person = try XCTUnwrap(firstPerson)

            // The street names its person answering for referrals.
            var res = try await app.send(.PATCH, "/api/v1/units/\(jianqiaoID)", token: jianqiao,
                                         json: UnitPatch(referralContactId: UUID().uuidString))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "referralContactId")
            res = try await app.send(.PATCH, "/api/v1/units/\(jianqiaoID)", token: admin,
                                     json: UnitPatch(referralContactId: try person.requireID().uuidString))
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(UnitDTO.self).referralContactId, person.id)

            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "referral", title: "某餐馆违规使用液化气钢瓶", description: "检查发现，按职责移送街道查处"))
            let path = "/api/v1/items/\(try created.content.decode(ItemDTO.self).id)"
            res = try await app.send(.POST, path + "/events", token: inspector, json: ItemEventInput(
                event: "assign", unitId: jianqiaoID.uuidString, deadline: ChinaTimeFormat.string(Date().addingTimeInterval(7 * 86400))))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let itemID = String(path.split(separator: "/").last ?? "").lowercased()
            let assignedNotice = try await Notification.query(on: app.db).filter(\.$recipientUnitID == jianqiaoID)
                .filter(\.$entityID == itemID).first()
            XCTAssertTrue(assignedNotice?.body.contains("抄送移送责任人：\(person.name)") ?? false, assignedNotice?.body ?? "no notice")

            // The receiver writes; the sender is told, and both read the same thread. Others see nothing.
            res = try await app.send(.POST, path + "/messages", token: jianqiao, json: ["text": "已派执法队员现场核查"])
            XCTAssertEqual(res.status, .created, res.body.string)
            res = try await app.send(.POST, path + "/messages", token: inspector, json: ["text": "请于查处后反馈处罚决定书编号"])
            XCTAssertEqual(res.status, .created, res.body.string)
            res = try await app.send(.POST, path + "/messages", token: inspector, json: ["text": "   "])
            XCTAssertEqual(res.errorBody?.field, "text")
            let senderNotices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == fireID).filter(\.$subject ~~ "留言").count()
            XCTAssertEqual(senderNotices, 1)
            for token in [jianqiao, inspector] {
                let item = try await app.send(.GET, path, token: token).content.decode(ItemDTO.self)
                XCTAssertEqual(item.messages?.map(\.text), ["已派执法队员现场核查", "请于查处后反馈处罚决定书编号"])
            }
            res = try await app.send(.GET, path, token: yongfeng)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.POST, path + "/messages", token: yongfeng, json: ["text": "插话"])
            XCTAssertEqual(res.status, .notFound)

            // Handling reported; the sender verifies; closing reports back to the sender (002 篇1).
            for event in ["sign_for", "start_work"] {
                res = try await app.send(.POST, path + "/events", token: jianqiao, json: ItemEventInput(event: event))
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            res = try await app.send(.POST, path + "/events", token: jianqiao, json: ItemEventInput(event: "submit", result: "已责令停用并处罚款"))
            XCTAssertEqual(res.status, .ok, "a referral's result needs no photo: \(res.body.string)")
            for event in ["verify_pass", "close"] {
                res = try await app.send(.POST, path + "/events", token: inspector, json: ItemEventInput(event: event))
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            let feedback = try await Notification.query(on: app.db).filter(\.$recipientUnitID == fireID).filter(\.$subject == "已销号").count()
            XCTAssertEqual(feedback, 1)
        }
    }

    func testTaskUnitsReportProgressAndCardsEscalate() async throws {
        try await TestApp.run { app in
            let supervisor = try await app.token("supervisor")
            let jianqiao = try await app.token("operator")
            let yongfeng = try await app.token("operator2")
            let jianqiaoID = try await app.unitID("建桥街")
            let yongfengID = try await app.unitID("永丰街")
            let calculator = app.calendarStore.calculator
            let now = Date()
            let year = try XCTUnwrap(LocalDate(chinaTimeOf: now)).year

            var res = try await app.send(.POST, "/api/v1/items", token: supervisor, json: ItemInput(
                kind: "hazard", title: "x", deadlineText: "5月底"))
            XCTAssertEqual(res.errorBody?.field, "kind", "task fields are for tasks only")
            res = try await app.send(.POST, "/api/v1/items", token: supervisor, json: ItemInput(
                kind: "task", title: "完善堤防安全防护设施", deadlineText: "12月底", reportCadence: "fortnightly"))
            XCTAssertEqual(res.errorBody?.field, "reportCadence")
            res = try await app.send(.POST, "/api/v1/items", token: supervisor, json: ItemInput(
                kind: "task", title: "完善堤防安全防护设施", deadlineText: "\(year + 1)年12月底", reportCadence: "monthly",
                coUnitIds: [yongfengID.uuidString]))
            XCTAssertEqual(res.status, .created, res.body.string)
            let task = try res.content.decode(ItemDTO.self)
            let path = "/api/v1/items/\(task.id)"
            // Assigned without a date: the deadline text gives it, at the close of that working day.
            res = try await app.send(.POST, path + "/events", token: supervisor, json: ItemEventInput(event: "assign", unitId: jianqiaoID.uuidString))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let assigned = try res.content.decode(ItemDTO.self)
            XCTAssertEqual(assigned.dueAt, "\(year + 1)-12-31T18:00:00+08:00")
            XCTAssertEqual(assigned.deadlineText, "\(year + 1)年12月底")

            // The responsible unit sees the task and reports; a unit with no part in it cannot.
            let seen = try await app.send(.GET, path, token: yongfeng)
            XCTAssertEqual(seen.status, .ok)
            XCTAssertEqual(try seen.content.decode(ItemDTO.self).coUnitIds, [yongfengID])
            let listed = try await app.send(.GET, "/api/v1/items?kind=task", token: yongfeng).content.decode(ListPage<ItemDTO>.self)
            XCTAssertEqual(listed.items.map(\.id), [task.id])

            // A month without a report: yellow, to the lead and the responsible unit.
            let found = try await LedgerItem.find(task.id, on: app.db)
            let item = try XCTUnwrap(found)
            let facts = try LedgerService.facts(of: item)
            let assignedAt = try XCTUnwrap(facts.assignedAt)
            let monthLater = try calculator.due(from: assignedAt, amount: 1, unit: .months).due.addingTimeInterval(60)
            var report = try await TaskCards.sweep(now: assignedAt.addingTimeInterval(86400), calculator: calculator, on: app.db)
            XCTAssertEqual(report, TaskCards.Report(), "on track the day after")
            report = try await TaskCards.sweep(now: monthLater, calculator: calculator, on: app.db)
            XCTAssertEqual(report.issued, 1)
            let yellow = try await Notification.query(on: app.db).filter(\.$subject ~~ "黄牌").all()
            XCTAssertEqual(Set(yellow.compactMap(\.recipientUnitID)), [jianqiaoID, yongfengID])
            report = try await TaskCards.sweep(now: monthLater.addingTimeInterval(60), calculator: calculator, on: app.db)
            XCTAssertEqual(report.issued, 0, "the same card is not issued twice")
            // Not acted on within 2 working days: escalated to the supervisors.
            report = try await TaskCards.sweep(now: monthLater.addingTimeInterval(6 * 86400), calculator: calculator, on: app.db)
            XCTAssertEqual(report.escalated, 1)
            let escalations = try await Notification.query(on: app.db).filter(\.$subject ~~ "督办升级").count()
            XCTAssertGreaterThan(escalations, 0)

            // A report by the responsible unit acts on later cards; another unit cannot report.
            let other = try await app.token("inspector")
            res = try await app.send(.POST, path + "/progress", token: other, json: ["text": "进展"])
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, path + "/progress", token: yongfeng, json: ["text": "已完成永丰桥段护栏采购"])
            XCTAssertEqual(res.status, .created, res.body.string)
            // Past the deadline: red, and when the unit reports at once it is not escalated.
            let late = try XCTUnwrap(facts.deadline).addingTimeInterval(3600)
            report = try await TaskCards.sweep(now: late, calculator: calculator, on: app.db)
            XCTAssertEqual(report.issued, 1)
            let card = try await LedgerItem.find(task.id, on: app.db)?.card
            XCTAssertEqual(card, TaskCard.red.rawValue)
            res = try await app.send(.POST, path + "/progress", token: jianqiao, json: ["text": "主体工程完工，待验收"])
            XCTAssertEqual(res.status, .created, res.body.string)
            report = try await TaskCards.sweep(now: late.addingTimeInterval(10 * 86400), calculator: calculator, on: app.db)
            XCTAssertEqual(report.escalated, 0)
            let detail = try await app.send(.GET, path, token: supervisor).content.decode(ItemDTO.self)
            XCTAssertEqual(detail.progress?.count, 2)
            XCTAssertEqual(detail.card, .red)
        }
    }

    func testAdjustableDefaultsAreAdminsAndValidated() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let supervisor = try await app.token("supervisor")
            let list = try await app.send(.GET, "/api/v1/settings", token: supervisor).content.decode([SettingsRoutes.SettingDTO].self)
            XCTAssertEqual(list.first { $0.key == TaskCards.escalationSettingKey }?.value, 2)
            XCTAssertTrue(list.allSatisfy(\.isDefault))
            var res = try await app.send(.PUT, "/api/v1/settings/\(TaskCards.escalationSettingKey)", token: supervisor, json: ["value": 3])
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.PUT, "/api/v1/settings/\(TaskCards.escalationSettingKey)", token: admin, json: ["value": 0])
            XCTAssertEqual(res.errorBody?.field, "value")
            res = try await app.send(.PUT, "/api/v1/settings/nope", token: admin, json: ["value": 3])
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.PUT, "/api/v1/settings/\(TaskCards.escalationSettingKey)", token: admin, json: ["value": 5])
            XCTAssertEqual(res.status, .ok, res.body.string)
            let saved = try res.content.decode(SettingsRoutes.SettingDTO.self)
            XCTAssertEqual(saved.value, 5)
            XCTAssertFalse(saved.isDefault)
            let days = try await TaskCards.escalationWorkingDays(on: app.db)
            XCTAssertEqual(days, 5)
        }
    }
}
