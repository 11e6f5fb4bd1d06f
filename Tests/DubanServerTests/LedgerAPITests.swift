@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// A major fire hazard from inspection to 销号 through every role (issue #4), over HTTP.
final class LedgerAPITests: XCTestCase {
    func testMajorHazardFromInspectionToClosureThroughEveryRole() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let supervisor = try await app.token("supervisor")
            let dispatcher = try await app.token("dispatcher")
            let jianqiao = try await app.token("operator")
            let yongfeng = try await app.token("operator2")
            let jianqiaoID = try await app.unitID("建桥街")
            let yongfengID = try await app.unitID("永丰街")
            let enterprise = try await app.unitID("武汉汉阳示范商贸有限公司")
            let china = { (days: Double) in ChinaTimeFormat.string(Date().addingTimeInterval(days * 86400)) }

            // 1. The inspector registers a major hazard with its findings.
            let registered = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "商场疏散通道堵塞、自动喷水灭火系统瘫痪", description: "消防检查发现",
                location: "汉阳区建桥街", category: "消防", grade: "major", fixMode: "time_limited", source: "inspection",
                supervisedUnitId: enterprise.uuidString,
                findings: [FindingDTO(description: "自动喷水灭火系统无法启动", standard: "GB50016-2014", clause: "8.4.1",
                                      determination: "GA653-2006 6.1.7.1")]))
            XCTAssertEqual(registered.status, .created, registered.body.string)
            let item = try registered.content.decode(ItemDTO.self)
            XCTAssertEqual(item.state, .registered)
            XCTAssertEqual(item.fiveImplementationsMissing.count, 5)
            let path = "/api/v1/items/\(item.id)"

            func act(_ token: String, _ input: ItemEventInput) async throws -> XCTHTTPResponse {
                try await app.send(.POST, path + "/events", token: token, json: input)
            }
            func event(_ name: String, unit: UUID? = nil, deadline: String? = nil, reason: String? = nil,
                       newDue: String? = nil, result: String? = nil, level: String? = nil,
                       target: String? = nil) -> ItemEventInput {
                ItemEventInput(event: name, unitId: unit?.uuidString, deadline: deadline, reason: reason, leaderSigned: nil,
                               newDue: newDue, result: result, level: level, targetDate: target, suspend: nil)
            }
            /// A site photo uploaded by `token`'s unit.
            func photo(_ token: String, _ name: String) async throws {
                var headers = HTTPHeaders()
                headers.contentType = .jpeg
                let r = try await app.send(.POST, path + "/attachments?name=" + name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                                           token: token, headers: headers, body: ByteBuffer(bytes: TestFiles.jpeg))
                XCTAssertEqual(r.status, .created, r.body.string)
            }

            // 2. A major hazard cannot be assigned before all five implementations are in place (003 仙游).
            let early = try await act(dispatcher, event("assign", unit: yongfengID, deadline: china(30)))
            XCTAssertEqual(early.status, .unprocessableEntity)
            XCTAssertEqual(early.errorBody?.code, "five_implementations_missing")
            let five = try await app.send(.PATCH, path, token: inspector, json: ItemInput(fiveImplementations: FiveImplementations(
                responsibility: "企业法定代表人张某", measures: "修复喷淋系统，清理通道", funds: "企业自筹20万元",
                timeLimit: "30日内", emergencyPlan: "整改期间专人值守")))
            XCTAssertEqual(five.status, .ok, five.body.string)

            // 3. Assigned to the wrong street, returned with a reason, reassigned.
            var res = try await act(dispatcher, event("assign", unit: yongfengID, deadline: china(30)))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await act(jianqiao, event("sign_for"))
            XCTAssertEqual(res.status, .forbidden)
            XCTAssertEqual(res.errorBody?.code, "not_assigned_unit")
            res = try await act(yongfeng, event("return", reason: "该商场位于建桥街辖区"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await act(supervisor, event("reassign", unit: jianqiaoID, deadline: china(30)))
            XCTAssertEqual(res.status, .ok, res.body.string)
            // 永丰街 no longer sees it.
            do { let r = try await app.send(.GET, path, token: yongfeng); XCTAssertEqual(r.status, .notFound, r.body.string) }

            // 4. Signed for and in progress.
            do { let r = try await act(jianqiao, event("sign_for")); XCTAssertEqual(r.status, .ok, r.body.string) }
            do { let r = try await act(jianqiao, event("start_work")); XCTAssertEqual(r.status, .ok, r.body.string) }

            // 5. Extensions: one refused, two approved, the third refused by the rule.
            do { let r = try await act(jianqiao, event("request_extension", reason: "设备采购", newDue: china(40))); XCTAssertEqual(r.status, .ok, r.body.string) }
            res = try await act(jianqiao, event("approve_extension"))
            XCTAssertEqual(res.status, .forbidden, "only supervisors approve")
            do { let r = try await act(supervisor, event("reject_extension", reason: "理由不充分")); XCTAssertEqual(r.status, .ok, r.body.string) }
            for days in [45.0, 60.0] {
                do { let r = try await act(jianqiao, event("request_extension", reason: "设备采购", newDue: china(days))); XCTAssertEqual(r.status, .ok, r.body.string) }
                res = try await act(supervisor, event("approve_extension"))
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            XCTAssertEqual(try res.content.decode(ItemDTO.self).extensionsApproved, 2)
            res = try await act(jianqiao, event("request_extension", reason: "再次延期", newDue: china(90)))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.code, "extension_limit_reached")

            // 6. Submitted, verification fails (someone other than the unit verifies), submitted again, passes.
            res = try await act(jianqiao, event("submit", result: "已整改"))
            XCTAssertEqual(res.errorBody?.code, "evidence_required")
            // The inspector's own photo is not the unit's evidence.
            try await photo(inspector, "检查照片.jpg")
            res = try await act(jianqiao, event("submit", result: "已整改"))
            XCTAssertEqual(res.errorBody?.code, "evidence_required")
            try await photo(jianqiao, "喷淋系统修复后.jpg")
            do { let r = try await act(jianqiao, event("submit", result: "已修复喷淋系统")); XCTAssertEqual(r.status, .ok, r.body.string) }
            res = try await act(jianqiao, event("verify_pass"))
            XCTAssertEqual(res.status, .forbidden)
            do { let r = try await act(inspector, event("verify_fail", reason: "末端试水压力不足")); XCTAssertEqual(r.status, .ok, r.body.string) }
            res = try await act(jianqiao, event("submit", result: "更换水泵"))
            XCTAssertEqual(res.errorBody?.code, "evidence_required", "the photo of the failed report does not count again")
            try await photo(jianqiao, "更换水泵.jpg")
            do { let r = try await act(jianqiao, event("submit", result: "更换水泵")); XCTAssertEqual(r.status, .ok, r.body.string) }
            do { let r = try await act(inspector, event("verify_pass")); XCTAssertEqual(r.status, .ok, r.body.string) }
            res = try await act(supervisor, event("close"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(ItemDTO.self).state, .closed)

            // 7. A look-back is scheduled; it finds the hazard back: reopened, a second rework; then closed for good.
            res = try await app.send(.POST, path + "/look-back", token: jianqiao, json: ["at": china(90)])
            XCTAssertEqual(res.status, .forbidden, "the unit that fixed it does not schedule its own look-back")
            res = try await app.send(.POST, path + "/look-back", token: supervisor, json: ["at": china(90)])
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertNotNil(try res.content.decode(ItemDTO.self).lookBackDueAt)
            res = try await act(inspector, event("look_back_fail", deadline: china(20), reason: "通道再次堵塞"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let reopened = try res.content.decode(ItemDTO.self)
            XCTAssertEqual(reopened.state, .inProgress)
            XCTAssertEqual(reopened.reworks, 2)
            try await photo(jianqiao, "通道已清理.jpg")
            do { let r = try await act(jianqiao, event("submit", result: "清理通道并设专人巡查")); XCTAssertEqual(r.status, .ok, r.body.string) }
            do { let r = try await act(inspector, event("verify_pass")); XCTAssertEqual(r.status, .ok, r.body.string) }
            do { let r = try await act(supervisor, event("close")); XCTAssertEqual(r.status, .ok, r.body.string) }
            res = try await act(supervisor, event("close"))
            XCTAssertEqual(res.status, .conflict)
            XCTAssertEqual(res.errorBody?.code, "invalid_state")

            // The timeline and the audit log hold every transition.
            let detail = try await app.send(.GET, path, token: supervisor).content.decode(ItemDTO.self)
            let timeline = try XCTUnwrap(detail.timeline)
            let transitions = try await AuditEntry.query(on: app.db).filter(\.$entityID == item.id.text)
                .filter(\.$action == "transition").count()
            XCTAssertEqual(timeline.count, transitions)
            XCTAssertEqual(timeline.map(\.event), [
                .assign, .return, .reassign, .signFor, .startWork, .requestExtension, .rejectExtension,
                .requestExtension, .approveExtension, .requestExtension, .approveExtension, .submit, .verifyFail, .submit,
                .verifyPass, .close, .lookBackFail, .submit, .verifyPass, .close,
            ])
            let audit = try await AuditLog.verify(on: app.db)
            XCTAssertNil(audit.firstBreak)
            // The deadlines the machine asked for are watched; closing ended them.
            let open = try await WatchedDeadline.query(on: app.db).filter(\.$entityID == item.id.text)
                .filter(\.$state ~~ ["pending", "warned"]).count()
            XCTAssertEqual(open, 0)
        }
    }

    /// Found by the fuzzer: a change naming a unit that does not exist answered 500 (the foreign key).
    /// An enterprise keeps its self-reported hazards on its own record, as when it registers them.
    func testChangingTheSupervisedUnitNamesAnExistingUnitAndAnEnterpriseKeepsItsOwn() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let company = try await app.unitID("武汉汉阳示范商贸有限公司")
            let street = try await app.unitID("建桥街")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "消防通道堆放杂物", grade: "general", supervisedUnitId: company.uuidString))
            let path = "/api/v1/items/\(try created.content.decode(ItemDTO.self).id)"
            var res = try await app.send(.PATCH, path, token: inspector, json: ItemInput(supervisedUnitId: UUID().uuidString))
            XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
            XCTAssertEqual(res.errorBody?.field, "supervisedUnitId")
            res = try await app.send(.GET, path, token: inspector)
            XCTAssertEqual(try res.content.decode(ItemDTO.self).supervisedUnitId, company, "the refused change wrote nothing")
            res = try await app.send(.PATCH, path, token: inspector, json: ItemInput(supervisedUnitId: street.uuidString))
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(ItemDTO.self).supervisedUnitId, street)

            let enterprise = try await app.token("enterprise")
            let own = try await app.send(.POST, "/api/v1/items", token: enterprise, json: ItemInput(
                kind: "hazard", title: "配电箱未上锁", grade: "general"))
            XCTAssertEqual(own.status, .created, own.body.string)
            let ownItem = try own.content.decode(ItemDTO.self)
            let ownPath = "/api/v1/items/\(ownItem.id)"
            for moved in [street.uuidString, ""] {
                res = try await app.send(.PATCH, ownPath, token: enterprise, json: ItemInput(supervisedUnitId: moved))
                XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
                XCTAssertEqual(res.errorBody?.field, "supervisedUnitId")
            }
            res = try await app.send(.PATCH, ownPath, token: enterprise, json: ItemInput(
                title: "配电箱未上锁（已加锁）", supervisedUnitId: ownItem.supervisedUnitId?.uuidString))
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(ItemDTO.self).supervisedUnitId, ownItem.supervisedUnitId)
        }
    }

    func testOverdueListIsOrderedScopedAndPaged() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let supervisor = try await app.token("supervisor")
            let jianqiaoID = try await app.unitID("建桥街")
            let yongfengID = try await app.unitID("永丰街")
            // Five items due in 1–2 seconds (the rules refuse a deadline already past), one due next month.
            var dueSoon: [UUID] = []
            for n in 0..<6 {
                let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                    kind: "hazard", title: "一般隐患\(n)", grade: "general"))
                let id = try created.content.decode(ItemDTO.self).id
                let unit = n % 2 == 0 ? jianqiaoID : yongfengID
                let due = ChinaTimeFormat.string(Date().addingTimeInterval(n == 5 ? 30 * 86400 : 1.2 + Double(n) * 0.1))
                let res = try await app.send(.POST, "/api/v1/items/\(id)/events", token: supervisor, json: ItemEventInput(
                    event: "assign", unitId: unit.uuidString, deadline: due))
                XCTAssertEqual(res.status, .ok, res.body.string)
                if n < 5 { dueSoon.append(id) }
            }
            try await Task.sleep(for: .seconds(2))
            var seen: [ItemDTO] = []
            var cursor: String?
            repeat {
                let res = try await app.send(.GET, "/api/v1/items?overdue=true&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
                                             token: supervisor)
                XCTAssertEqual(res.status, .ok, res.body.string)
                let page = try res.content.decode(ListPage<ItemDTO>.self)
                seen += page.items
                cursor = page.nextCursor
            } while cursor != nil
            // Deadlines are whole seconds, so ties are broken by id.
            let expected = seen.sorted { ($0.dueAt ?? "", $0.id.uuidString) < ($1.dueAt ?? "", $1.id.uuidString) }.map(\.id)
            XCTAssertEqual(seen.map(\.id), expected, "earliest deadline first")
            XCTAssertEqual(Set(seen.map(\.id)), Set(dueSoon), "every overdue item once, none other")
            XCTAssertEqual(seen.count, dueSoon.count)
            XCTAssertTrue(seen.allSatisfy(\.overdue))
            // 永丰街's operator sees only 永丰街's overdue items.
            let operator2 = try await app.token("operator2")
            let scoped = try await app.send(.GET, "/api/v1/items?overdue=true", token: operator2).content.decode(ListPage<ItemDTO>.self)
            XCTAssertEqual(Set(scoped.items.map(\.id)), [dueSoon[1], dueSoon[3]])
            let oneUnit = try await app.send(.GET, "/api/v1/items?overdue=true&unitId=\(jianqiaoID)", token: supervisor)
                .content.decode(ListPage<ItemDTO>.self)
            XCTAssertEqual(Set(oneUnit.items.map(\.id)), [dueSoon[0], dueSoon[2], dueSoon[4]])
        }
    }

    func testListingIsPublicUntilTheItemCloses() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let supervisor = try await app.token("supervisor")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "某市场重大火灾隐患", location: "汉阳区永丰街", grade: "major",
                fiveImplementations: FiveImplementations(responsibility: "张某", measures: "整改", funds: "10万元",
                                                         timeLimit: "年底前", emergencyPlan: "值守")))
            let id = try created.content.decode(ItemDTO.self).id
            let target = ChinaTimeFormat.string(Date().addingTimeInterval(60 * 86400))
            let general = try await app.token("leader")
            let denied = try await app.send(.POST, "/api/v1/items/\(id)/events", token: general,
                                            json: ItemEventInput(event: "list", level: "district", targetDate: target))
            XCTAssertEqual(denied.status, .forbidden)
            let listed = try await app.send(.POST, "/api/v1/items/\(id)/events", token: supervisor,
                                            json: ItemEventInput(event: "list", level: "district", targetDate: target))
            XCTAssertEqual(listed.status, .ok, listed.body.string)
            let page = try await app.send(.GET, "/api/v1/public/listed-hazards")
            XCTAssertEqual(page.status, .ok)
            let hazards = try page.content.decode([LedgerRoutes.ListedHazardDTO].self)
            let mine = hazards.filter { $0.id == id }
            XCTAssertEqual(mine.map(\.title), ["某市场重大火灾隐患"])
            XCTAssertEqual(mine.first?.levelName, "区级")
            XCTAssertFalse(page.body.string.contains("张某"), "the public sees only what listing publishes")
            let cancelled = try await app.send(.POST, "/api/v1/items/\(id)/events", token: supervisor,
                                               json: ItemEventInput(event: "cancel", reason: "重复登记"))
            XCTAssertEqual(cancelled.status, .ok, cancelled.body.string)
            let after = try await app.send(.GET, "/api/v1/public/listed-hazards").content.decode([LedgerRoutes.ListedHazardDTO].self)
            XCTAssertFalse(after.contains { $0.id == id })
            XCTAssertEqual(after.count, hazards.count - 1)
        }
    }
}

/// The register of 000 阳政办(2017)45号 附件: imported and exported field for field, all or nothing.
final class RegisterTests: XCTestCase {
    func testDemoRegisterExportsTheSeedRowsFieldForField() async throws {
        try await TestApp.run { app in
            let supervisor = try await app.token("supervisor")
            let res = try await app.send(.GET, "/api/v1/registers/major-fire-hazards", token: supervisor)
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(res.headers.contentType?.subType, "csv")
            let table = try CSV.parse(res.body.string)
            XCTAssertEqual(table.first, MajorFireHazardRegister.columns)
            let seed = try DemoData.listedHazardRows(resourcesDirectory: TestApp.root + "Resources/")
            XCTAssertEqual(seed.count, 8)
            XCTAssertEqual(table.count, 9)
            for (index, row) in table.dropFirst().enumerated() {
                XCTAssertEqual(row[0], String(index + 1))
                XCTAssertEqual(Array(row.dropFirst()), MajorFireHazardRegister.fields.map { seed[index][$0] ?? "" }, "row \(index + 1)")
            }
            // The listed hazards are public.
            let listed = try await app.send(.GET, "/api/v1/public/listed-hazards").content.decode([LedgerRoutes.ListedHazardDTO].self)
            XCTAssertEqual(listed.count, 8)
            // Each row's 单位(建筑)名称 resolved to its unit in the directory (by name or alias).
            XCTAssertTrue(listed.allSatisfy { $0.supervisedUnit != nil }, "\(listed.map(\.supervisedUnit))")
        }
    }

    func testImportRoundTripsAndOneBadRowImportsNothing() async throws {
        try await TestApp.run(demo: true) { app in
            let inspector = try await app.token("inspector")
            let good = ["1", "永丰街", "某仓库", "砖混结构", "1、疏散通道堵塞,防火门损坏;\n2、\"消防\"设施瘫痪", "负责人:王某", "区安监局:赵某",
                        "永丰街:钱某", "2018年6月30日"]
            var bad = good
            bad[0] = "2"
            bad[2] = ""
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            let rejected = try await app.send(.POST, "/api/v1/registers/major-fire-hazards", token: inspector, headers: headers,
                                              body: ByteBuffer(string: CSV.encode([MajorFireHazardRegister.columns, good, bad])))
            XCTAssertEqual(rejected.status, .unprocessableEntity)
            let errors = try rejected.content.decode(RegisterRoutes.RowErrors.self)
            XCTAssertEqual(errors.rows.map(\.row), [2])
            XCTAssertEqual(errors.rows.first?.column, "单位(建筑)名称")
            let before = try await LedgerItem.query(on: app.db).count()
            XCTAssertEqual(before, 8, "nothing imported")

            let accepted = try await app.send(.POST, "/api/v1/registers/major-fire-hazards", token: inspector, headers: headers,
                                              body: ByteBuffer(string: CSV.encode([MajorFireHazardRegister.columns, good], byteOrderMark: true)))
            XCTAssertEqual(accepted.status, .created, accepted.body.string)
            let exported = try CSV.parse(try await app.send(.GET, "/api/v1/registers/major-fire-hazards", token: inspector).body.string)
            XCTAssertEqual(exported.last.map { Array($0.dropFirst()) }, Array(good.dropFirst()))
            let operatorToken = try await app.token("operator")
            let denied = try await app.send(.POST, "/api/v1/registers/major-fire-hazards", token: operatorToken, headers: headers,
                                            body: ByteBuffer(string: CSV.encode([MajorFireHazardRegister.columns, good])))
            XCTAssertEqual(denied.status, .forbidden)
        }
    }

    /// The same register as an XLSX workbook: the seed's 8 rows go out and come back in field for field;
    /// a workbook with one bad row imports nothing; a file that is not a workbook is a clear 400.
    func testXLSXRoundTripsTheSeedRows() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let res = try await app.send(.GET, "/api/v1/registers/major-fire-hazards?format=xlsx", token: inspector)
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(res.headers.contentType?.subType, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let workbook = Data(res.body.readableBytesView)
            let sheet = try XCTUnwrap(try XLSXReader.sheets(from: workbook).first)
            XCTAssertEqual(sheet.name, "重大火灾隐患情况统计表")
            let seed = try DemoData.listedHazardRows(resourcesDirectory: TestApp.root + "Resources/")
            XCTAssertEqual(sheet.rows.count, 9)
            for (index, row) in sheet.rows.dropFirst().enumerated() {
                XCTAssertEqual(Array(row.dropFirst()), MajorFireHazardRegister.fields.map { seed[index][$0] ?? "" }, "row \(index + 1)")
            }
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: RegisterRoutes.xlsxType)
            var broken = sheet.rows
            broken[3][2] = ""
            let bad = try XLSXWriter.workbook(sheets: [XLSXSheet(name: "表", header: broken[0], rows: Array(broken.dropFirst()))])
            var answer = try await app.send(.POST, "/api/v1/registers/major-fire-hazards", token: inspector, headers: headers, body: ByteBuffer(data: bad))
            XCTAssertEqual(answer.status, .unprocessableEntity)
            XCTAssertEqual(try answer.content.decode(RegisterRoutes.RowErrors.self).rows.map(\.row), [3])
            let count = try await LedgerItem.query(on: app.db).count()
            XCTAssertEqual(count, 8, "nothing imported")
            answer = try await app.send(.POST, "/api/v1/registers/major-fire-hazards", token: inspector, headers: headers, body: ByteBuffer(data: workbook))
            XCTAssertEqual(answer.status, .created, answer.body.string)
            XCTAssertEqual(try answer.content.decode(RegisterRoutes.ImportResult.self).imported, 8)
            let again = try await app.send(.GET, "/api/v1/registers/major-fire-hazards?format=xlsx", token: inspector)
            let rows = try XCTUnwrap(try XLSXReader.sheets(from: Data(again.body.readableBytesView)).first).rows
            XCTAssertEqual(rows.count, 17)
            XCTAssertEqual(rows[9...].map { Array($0.dropFirst()) }, sheet.rows.dropFirst().map { Array($0.dropFirst()) })
            answer = try await app.send(.POST, "/api/v1/registers/major-fire-hazards", token: inspector, headers: headers,
                                        body: ByteBuffer(bytes: [0x50, 0x4B, 0x03, 0x04, 0, 1, 2, 3]))
            XCTAssertEqual(answer.status, .badRequest)
            XCTAssertEqual(answer.errorBody?.field, "file")
            answer = try await app.send(.GET, "/api/v1/registers/major-fire-hazards?format=pdf", token: inspector)
            XCTAssertEqual(answer.errorBody?.field, "format")
        }
    }
}

/// 升级督办: a listed hazard still open after its target date is escalated one level by the scheduler.
final class LedgerEscalationTests: XCTestCase {
    func testOverdueListingEscalatesOneLevelAndTellsSupervisors() async throws {
        try await TestApp.run { app in
            let inspector = try await app.token("inspector")
            let supervisor = try await app.token("supervisor")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "某厂房重大火灾隐患", grade: "major"))
            let id = try created.content.decode(ItemDTO.self).id
            let target = Date().addingTimeInterval(3600)
            let listed = try await app.send(.POST, "/api/v1/items/\(id)/events", token: supervisor, json: ItemEventInput(
                event: "list", level: "district", targetDate: ChinaTimeFormat.string(target)))
            XCTAssertEqual(listed.status, .ok, listed.body.string)
            let report = try await Scheduler(instance: "test").sweep(now: target.addingTimeInterval(60), app: app)
            XCTAssertGreaterThanOrEqual(report.fired, 1)
            let item = try await app.send(.GET, "/api/v1/items/\(id)", token: supervisor).content.decode(ItemDTO.self)
            XCTAssertEqual(item.listingLevel, .city)
            XCTAssertEqual(item.timeline?.last?.event, .escalateListing)
            XCTAssertEqual(item.timeline?.last?.actor, "scheduler(supervisor)")
            let supervisorUnit = try await app.unitID("汉阳区人民政府督查室")
            let notices = try await Notification.query(on: app.db).filter(\.$recipientUnitID == supervisorUnit)
                .filter(\.$subject ~~ "升级督办").count()
            XCTAssertEqual(notices, 1)
            // The new target is watched: once it passes too, the listing goes up again, to the province.
            let later = try await Scheduler(instance: "test").sweep(now: target.addingTimeInterval(31 * 86400), app: app)
            XCTAssertGreaterThanOrEqual(later.fired, 1)
            let again = try await app.send(.GET, "/api/v1/items/\(id)", token: supervisor).content.decode(ItemDTO.self)
            XCTAssertEqual(again.listingLevel, .province)
        }
    }
}

/// The ledger's metrics and the 100 % rates of 003 仙游.
final class LedgerMetricsTests: XCTestCase {
    func testMetricsCountTheDemoRegisterAndFollowChanges() async throws {
        try await TestApp.run { app in
            let supervisor = try await app.token("supervisor")
            var metrics = try await app.send(.GET, "/api/v1/items/metrics", token: supervisor).content.decode(LedgerMetricsDTO.self)
            XCTAssertEqual(metrics.total, 8)
            XCTAssertEqual(metrics.majorHazards, 8)
            XCTAssertEqual(metrics.majorListed, 8)
            XCTAssertEqual(metrics.listedRate, 1.0)
            XCTAssertEqual(metrics.fiveImplementationsRate, 0.0, "the register gives only 责任 and 时限")
            XCTAssertEqual(metrics.byState.map(\.key), ["registered"])
            XCTAssertEqual(metrics.byCategory.first?.count, 8)

            let inspector = try await app.token("inspector")
            let created = try await app.send(.POST, "/api/v1/items", token: inspector, json: ItemInput(
                kind: "hazard", title: "另一重大隐患", category: "消防", grade: "major",
                fiveImplementations: FiveImplementations(responsibility: "a", measures: "b", funds: "c", timeLimit: "d", emergencyPlan: "e")))
            XCTAssertEqual(created.status, .created)
            metrics = try await app.send(.GET, "/api/v1/items/metrics", token: supervisor).content.decode(LedgerMetricsDTO.self)
            XCTAssertEqual(metrics.majorHazards, 9)
            XCTAssertEqual(metrics.majorWithFiveImplementations, 1)
            XCTAssertEqual(metrics.listedRate ?? 0, 8.0 / 9.0, accuracy: 1e-9)

            // A street sees only its own part of the ledger.
            let operatorToken = try await app.token("operator2")
            let scoped = try await app.send(.GET, "/api/v1/items/metrics", token: operatorToken).content.decode(LedgerMetricsDTO.self)
            XCTAssertLessThan(scoped.total, metrics.total)
        }
    }
}
