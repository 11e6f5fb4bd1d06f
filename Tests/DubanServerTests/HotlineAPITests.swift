@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The hotline over HTTP (issue #5): each path of a case, repeats, lateness, privacy, the public side
/// and Open311.
final class HotlineAPITests: XCTestCase {
    private func intake(_ app: Application, token: String, _ input: HotlineIntakeInput) async throws -> HotlineCaseDTO {
        let res = try await app.send(.POST, "/api/v1/hotline/cases", token: token, json: input)
        XCTAssertEqual(res.status, .created, res.body.string)
        return try res.content.decode(HotlineCaseDTO.self)
    }

    private func event(_ app: Application, _ id: UUID, token: String, _ input: ItemEventInput) async throws -> XCTHTTPResponse {
        try await app.send(.POST, "/api/v1/items/\(id)/events", token: token, json: input)
    }

    private func photo(_ app: Application, _ id: UUID, token: String) async throws {
        var headers = HTTPHeaders()
        headers.contentType = .jpeg
        let res = try await app.send(.POST, "/api/v1/items/\(id)/attachments?name=site.jpg", token: token, headers: headers,
                                     body: ByteBuffer(bytes: TestFiles.jpeg))
        XCTAssertEqual(res.status, .created, res.body.string)
    }

    func testEnquiryAnsweredFromTheKnowledgeBaseClosesAtIntake() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let suggestions = try await app.send(.GET, "/api/v1/hotline/suggest?text=" + "区长专线电话号码是多少".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                                                 token: dispatcher).content.decode(HotlineRoutes.Suggestions.self)
            let answer = try XCTUnwrap(suggestions.answers.first)
            XCTAssertTrue(answer.answer.contains("13871112345"))
            let dto = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "enquiry", callerName: "李女士", callerPhone: "13800001111", whatHappened: "询问区长专线电话", categoryCode: "other",
                closeReason: answer.answer))
            XCTAssertEqual(dto.item.state, .closed)
            XCTAssertEqual(dto.resolution, "knowledge")
            XCTAssertEqual(dto.item.timeline?.map(\.event), [.closeAtIntake])
            let operatorToken = try await app.token("operator")
            let res = try await app.send(.POST, "/api/v1/hotline/cases", token: operatorToken, json: HotlineIntakeInput(
                type: "enquiry", whatHappened: "x", categoryCode: "other"))
            XCTAssertEqual(res.status, .forbidden, "only the hotline desk records calls")
            let bad = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                type: "enquiry", whatHappened: "x", categoryCode: "no_such_category"))
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertEqual(bad.errorBody?.field, "categoryCode")
        }
    }

    /// Dispatched, signed, contacted, replied with the photo the category needs, followed up satisfied.
    func testComplaintHandledAndClosedSatisfied() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let street = try await app.token("operator")
            let jianqiao = try await app.unitID("建桥街")
            let dto = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerName: "王先生", callerPhone: "138-7111-2345", place: "汉阳区建桥街某小区门口",
                whatHappened: "小区门口占道经营，堵塞人行道", demand: "请清理", categoryCode: "urban_management", unitId: jianqiao.uuidString))
            XCTAssertEqual(dto.item.state, .assigned)
            XCTAssertTrue(dto.trackingCode.hasPrefix("RX"))
            let id = dto.id
            var res = try await event(app, id, token: street, ItemEventInput(event: "sign_for"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await event(app, id, token: street, ItemEventInput(event: "start_work"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            // Reply before reaching the caller is refused.
            res = try await event(app, id, token: street, ItemEventInput(event: "submit", result: "已清理"))
            XCTAssertEqual(res.errorBody?.code, "contact_required")
            // A failed call, then another 29 minutes later is refused; 30 minutes later is fine.
            let first = Date().addingTimeInterval(-3600)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: street,
                                     json: HotlineContactInput(at: ChinaTimeFormat.string(first), staff: "张三", reached: false))
            XCTAssertEqual(res.status, .created, res.body.string)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: street,
                                     json: HotlineContactInput(at: ChinaTimeFormat.string(first.addingTimeInterval(29 * 60)), staff: "张三", reached: true))
            XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: street,
                                     json: HotlineContactInput(at: ChinaTimeFormat.string(first.addingTimeInterval(30 * 60)), staff: "张三", reached: true))
            XCTAssertEqual(res.status, .created, res.body.string)
            // 城市管理 needs site photos (附件2).
            res = try await event(app, id, token: street, ItemEventInput(event: "submit", result: "已清理占道摊点"))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.code, HotlineError.photosRequired(category: "城市管理", minimum: 1).code)
            try await photo(app, id, token: street)
            res = try await event(app, id, token: street, ItemEventInput(event: "submit", result: "已清理占道摊点"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/follow-up", token: dispatcher, json: ["satisfaction": "满意"])
            XCTAssertEqual(res.status, .ok, res.body.string)
            let closed = try res.content.decode(HotlineCaseDTO.self)
            XCTAssertEqual(closed.item.state, .closed)
            XCTAssertEqual(closed.satisfaction, .satisfied)
            XCTAssertEqual(closed.contacts.count, 2)
        }
    }

    /// 不满意 → the evaluator (who sees only their cases, and no confidential caller) → reasonable → back
    /// to the unit, supervision told; the second time → unreasonable → closed.
    func testDissatisfiedCasesGoToTheEvaluator() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let street = try await app.token("operator")
            let evaluator = try await app.token("evaluator")
            let jianqiao = try await app.unitID("建桥街")
            let dto = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerName: "赵女士", callerPhone: "13912345678", confidential: true, place: "建桥街某餐馆",
                whatHappened: "楼下餐馆油烟太大", categoryCode: "environment", unitId: jianqiao.uuidString))
            let other = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerPhone: "13700000000", whatHappened: "另一件事", categoryCode: "other", unitId: jianqiao.uuidString))
            let id = dto.id
            for name in ["sign_for", "start_work"] {
                let res = try await event(app, id, token: street, ItemEventInput(event: name))
                XCTAssertEqual(res.status, .ok, res.body.string)
            }
            let contact = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: street,
                                             json: HotlineContactInput(staff: "李四", reached: true))
            XCTAssertEqual(contact.status, .created, contact.body.string)
            var res = try await event(app, id, token: street, ItemEventInput(event: "submit", result: "已责令安装油烟净化器"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            // Before assignment the evaluator sees nothing at all.
            res = try await app.send(.GET, "/api/v1/hotline/cases/\(id)", token: evaluator)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/follow-up", token: dispatcher, json: ["satisfaction": "不满意"])
            XCTAssertEqual(res.status, .ok, res.body.string)
            XCTAssertEqual(try res.content.decode(HotlineCaseDTO.self).evaluation, "pending")
            let list = try await app.send(.GET, "/api/v1/items", token: evaluator).content.decode(ListPage<ItemDTO>.self)
            XCTAssertEqual(list.items.map(\.id), [id], "the evaluator's list holds their assignment only")
            res = try await app.send(.GET, "/api/v1/hotline/cases/\(other.id)", token: evaluator)
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/api/v1/hotline/cases/\(id)", token: evaluator)
            XCTAssertEqual(res.status, .ok)
            XCTAssertEqual(try res.content.decode(HotlineCaseDTO.self).caller.view, .hidden)
            XCTAssertFalse(res.body.string.contains("13912345678") || res.body.string.contains("赵"), "no confidential identity")
            // Reasonable: back to the unit, a rework, supervision told.
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/evaluation", token: evaluator,
                                     json: HotlineEvaluationInput(verdict: "reasonable", note: "现场核查油烟仍超标"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let reopened = try res.content.decode(HotlineCaseDTO.self)
            XCTAssertEqual(reopened.item.state, .inProgress)
            XCTAssertEqual(reopened.item.reworks, 1)
            let told = try await Notification.query(on: app.db).filter(\.$subject ~~ "合理诉求重办").count()
            XCTAssertGreaterThan(told, 0)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/evaluation", token: evaluator,
                                     json: HotlineEvaluationInput(verdict: "unreasonable", note: "再评"))
            XCTAssertEqual(res.status, .forbidden, "no pending evaluation")
            // Handled again, dissatisfied again, found unreasonable: closed.
            res = try await event(app, id, token: street, ItemEventInput(event: "submit", result: "已安装净化器并复测达标"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/follow-up", token: dispatcher, json: ["satisfaction": "不满意"])
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/evaluation", token: evaluator,
                                     json: HotlineEvaluationInput(verdict: "unreasonable", note: "复测达标，诉求超出法定标准"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            let closed = try res.content.decode(HotlineCaseDTO.self)
            XCTAssertEqual(closed.item.state, .closed)
            XCTAssertEqual(closed.resolution, "unreasonable")
            // The unit operator never saw the confidential caller either.
            res = try await app.send(.GET, "/api/v1/hotline/cases/\(id)", token: street)
            XCTAssertEqual(try res.content.decode(HotlineCaseDTO.self).caller.view, .hidden)
            XCTAssertFalse(res.body.string.contains("13912345678"))
        }
    }

    /// 重复投诉: the same phone and category within the window → 二次督办件, sent to the first unit.
    func testRepeatComplaintBecomesSecondSupervision() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let yongfeng = try await app.unitID("永丰街")
            let first = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerPhone: "13871112345", place: "永丰街某工地", whatHappened: "夜间施工噪音扰民",
                categoryCode: "environment", unitId: yongfeng.uuidString))
            XCTAssertFalse(first.secondSupervision)
            let again = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerPhone: "+86 138 7111 2345", place: "永丰街某工地", whatHappened: "工地夜间还在施工",
                categoryCode: "environment"))
            XCTAssertEqual(again.repeatOf, first.id)
            XCTAssertTrue(again.secondSupervision)
            XCTAssertEqual(again.item.assignedUnitId, yongfeng, "sent to the first-responsible unit")
            let otherCategory = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerPhone: "13871112345", whatHappened: "路灯不亮", categoryCode: "municipal_facilities"))
            XCTAssertNil(otherCategory.repeatOf, "another matter")
        }
    }

    /// Lateness is recorded on the timeline (these facts feed the 附件7 score): a sign-for after 4 working
    /// hours and a return after 1 working day.
    func testLateSignForAndLateReturnAreRecorded() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let jianqiao = try await app.unitID("建桥街")
            let calculator = app.calendarStore.calculator
            let late = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "help", callerPhone: "13600000000", whatHappened: "井盖缺失", categoryCode: "municipal_facilities", unitId: jianqiao.uuidString))
            let returned = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "help", callerPhone: "13600000001", whatHappened: "下水道堵塞", categoryCode: "municipal_facilities", unitId: jianqiao.uuidString))
            let foundUser = try await User.query(on: app.db).filter(\.$username == "operator").first()
            let streetUser = try XCTUnwrap(foundUser)
            let actor = Actor(userID: try streetUser.requireID(), username: "operator", displayName: "", role: .unitOperator,
                              unitID: jianqiao, unitName: "", unitPath: UnitPath(ids: []), viaSession: false)
            for (id, event) in [(late.id, ItemEvent.signFor), (returned.id, .return(reason: "不属本街职责", leaderSigned: false))] {
                let foundItem = try await LedgerItem.find(id, on: app.db)
                let item = try XCTUnwrap(foundItem)
                let assignedAt = try XCTUnwrap(try LedgerService.facts(of: item).assignedAt)
                let afterTwoWorkingDays = try calculator.due(from: assignedAt, amount: 2, unit: .workingDays).due
                try await LedgerService.transition(item, event: event, actor: actor, now: afterTwoWorkingDays, calculator: calculator, on: app.db)
            }
            for id in [late.id, returned.id] {
                let dto = try await app.send(.GET, "/api/v1/items/\(id)", token: dispatcher).content.decode(ItemDTO.self)
                XCTAssertEqual(dto.timeline?.last?.late, true, dto.timeline?.last?.event.rawValue ?? "")
            }
        }
    }

    /// 附件1 二(二)2: a major event is announced at once to the units the call taker names besides the duty
    /// offices; a unit that does not exist is refused by name and nothing is recorded.
    func testMajorEventIsAnnouncedToTheConcernedUnitsThatExist() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let yongfeng = try await app.unitID("永丰街")
            let bad = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                type: "help", callerPhone: "13300000009", whatHappened: "仓库起火，浓烟很大", categoryCode: "safety_accident",
                concernedUnitIds: [yongfeng.uuidString, UUID().uuidString]))
            XCTAssertEqual(bad.status, .unprocessableEntity, bad.body.string)
            XCTAssertEqual(bad.errorBody?.field, "concernedUnitIds")
            let inbox = { () async throws -> [NotificationDTO] in
                try await app.send(.GET, "/api/v1/notifications?limit=100", token: try await app.token("operator2"))
                    .content.decode(ListPage<NotificationDTO>.self).items
            }
            let before = try await inbox()
            XCTAssertFalse(before.contains { $0.subject.hasPrefix("重大事件") }, "the refused call announced nothing")
            let major = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "help", callerPhone: "13300000009", whatHappened: "仓库起火，浓烟很大", categoryCode: "safety_accident",
                concernedUnitIds: [yongfeng.uuidString]))
            XCTAssertTrue(major.majorEvent)
            let notices = try await inbox().filter { $0.subject == "重大事件：\(major.item.title)" }
            XCTAssertEqual(notices.count, 1)
            XCTAssertEqual(notices.first?.entityId, major.id.text)
        }
    }

    /// 附件1 二(十): the week's serious cases for the leaders — a major event and a 二次督办件, not a routine case.
    func testWeeklySeriousCaseReport() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let yongfeng = try await app.unitID("永丰街")
            let major = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "help", callerPhone: "13300000001", whatHappened: "厂房起火", categoryCode: "safety_accident", unitId: yongfeng.uuidString))
            XCTAssertTrue(major.majorEvent)
            let routine = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerPhone: "13300000002", place: "永丰街某路口", whatHappened: "垃圾未清运", categoryCode: "urban_management",
                unitId: yongfeng.uuidString))
            let repeatCase = try await intake(app, token: dispatcher, HotlineIntakeInput(
                type: "complaint", callerPhone: "13300000002", place: "永丰街某路口", whatHappened: "垃圾还是没人清运", categoryCode: "urban_management"))
            XCTAssertTrue(repeatCase.secondSupervision)
            let leader = try await app.token("leader")
            let res = try await app.send(.GET, "/api/v1/hotline/reports/weekly", token: leader)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let report = try res.content.decode(HotlineRoutes.WeeklyReport.self)
            let ids = Set(report.entries.map(\.caseId))
            XCTAssertTrue(ids.contains(major.id))
            XCTAssertTrue(ids.contains(repeatCase.id))
            XCTAssertFalse(ids.contains(routine.id))
            let operatorToken = try await app.token("operator")
            let denied = try await app.send(.GET, "/api/v1/hotline/reports/weekly", token: operatorToken)
            XCTAssertEqual(denied.status, .forbidden)
        }
    }

    func testAdminsKeepTheCategoryList() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let dispatcher = try await app.token("dispatcher")
            let body = HotlineRoutes.CategoryInput(name: "占道经营", urgency: "general", defaultUnit: "区城管委", photoRequired: true,
                                                   majorEvent: false, keywords: ["占道", "摆摊"], active: true)
            var res = try await app.send(.PUT, "/api/v1/hotline/categories/street_vending", token: dispatcher, json: body)
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.PUT, "/api/v1/hotline/categories/Bad-Code", token: admin, json: body)
            XCTAssertEqual(res.errorBody?.field, "code")
            res = try await app.send(.PUT, "/api/v1/hotline/categories/street_vending", token: admin, json: body)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let list = try await app.send(.GET, "/api/v1/hotline/categories", token: dispatcher).content.decode([HotlineRoutes.CategoryDTO].self)
            XCTAssertTrue(list.contains { $0.code == "street_vending" && $0.photoRequired })
            let text = "门口有人摆摊占道".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let suggested = try await app.send(.GET, "/api/v1/hotline/suggest?text=\(text)", token: dispatcher).content.decode(HotlineRoutes.Suggestions.self)
            XCTAssertTrue(suggested.categories.contains { $0.code == "street_vending" && $0.matched.contains("摆摊") }, "\(suggested.categories)")
        }
    }

    func testPublicFormStatusAndLimits() async throws {
        try await TestApp.run { app in
            let res = try await app.send(.POST, "/api/v1/public/hotline", json: PublicSubmissionInput(
                name: "陈先生", phone: "13512345678", place: "晴川街某路口", whatHappened: "路口红绿灯坏了，车辆乱行", confidential: true))
            XCTAssertEqual(res.status, .created, res.body.string)
            let code = try res.content.decode(PublicSubmissionResult.self).trackingCode
            var status = try await app.send(.GET, "/api/v1/public/hotline/\(code)?phone4=5678")
            XCTAssertEqual(status.status, .ok, status.body.string)
            XCTAssertEqual(try status.content.decode(PublicCaseDTO.self).status, "open")
            XCTAssertFalse(status.body.string.contains("陈") || status.body.string.contains("13512345678") || status.body.string.contains("晴川街"),
                           "no identity, no place")
            status = try await app.send(.GET, "/api/v1/public/hotline/\(code)?phone4=0000")
            XCTAssertEqual(status.status, .notFound, "a wrong phone looks like an unknown code")
            status = try await app.send(.GET, "/api/v1/public/hotline/RX-nonsense?phone4=5678")
            XCTAssertEqual(status.status, .notFound)
            // The limit: 5 per IP per hour (Duban default); the 6th is refused.
            for n in 1...4 {
                let ok = try await app.send(.POST, "/api/v1/public/hotline", json: PublicSubmissionInput(phone: "1351234\(1000 + n)", whatHappened: "第\(n)件"))
                XCTAssertEqual(ok.status, .created, ok.body.string)
            }
            let refused = try await app.send(.POST, "/api/v1/public/hotline", json: PublicSubmissionInput(phone: "13512349999", whatHappened: "第6件"))
            XCTAssertEqual(refused.status, .tooManyRequests)
            let badPhone = try await app.send(.POST, "/api/v1/public/hotline", json: PublicSubmissionInput(phone: "12", whatHappened: "x"))
            XCTAssertEqual(badPhone.status, .unprocessableEntity)
            XCTAssertEqual(badPhone.errorBody?.field, "phone")
        }
    }

    /// An Open311 client: services, post a request, read it back — GeoReport v2 field names, JSON and XML.
    func testOpen311ClientFlow() async throws {
        try await TestApp.run { app in
            var res = try await app.send(.GET, "/open311/v2/services.json")
            XCTAssertEqual(res.status, .ok)
            let services = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
            XCTAssertTrue(services.contains { $0["service_code"] as? String == "municipal_facilities" })
            XCTAssertFalse(services.contains { $0["service_code"] as? String == "natural_disaster" }, "major events are phoned in")
            res = try await app.send(.GET, "/open311/v2/services/municipal_facilities.xml")
            XCTAssertTrue(res.body.string.contains("<service_definition>"), res.body.string)

            func post(_ form: String) async throws -> XCTHTTPResponse {
                var headers = HTTPHeaders()
                headers.contentType = .urlEncodedForm
                return try await app.send(.POST, "/open311/v2/requests.json", headers: headers, body: ByteBuffer(string: form))
            }
            res = try await post("api_key=wrong&service_code=municipal_facilities&lat=30.55&long=114.27&phone=13512340000")
            XCTAssertEqual(res.status, .forbidden)
            let errors = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
            XCTAssertEqual(errors.first?["code"] as? Int, 403)
            res = try await post("api_key=\(DemoHotline.open311Key)&service_code=municipal_facilities&phone=13512340000")
            XCTAssertEqual(res.status, .badRequest, "no location")
            let description = "路灯不亮".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            res = try await post("api_key=\(DemoHotline.open311Key)&service_code=municipal_facilities&lat=30.55&long=114.27&phone=13512340000&description=\(description)")
            XCTAssertEqual(res.status, .created, res.body.string)
            let created = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
            let id = try XCTUnwrap(created.first?["service_request_id"] as? String)
            res = try await app.send(.GET, "/open311/v2/requests/\(id).json")
            XCTAssertEqual(res.status, .ok)
            let read = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [[String: Any]])
            let request = try XCTUnwrap(read.first)
            XCTAssertEqual(request["service_request_id"] as? String, id)
            XCTAssertEqual(request["status"] as? String, "open")
            XCTAssertEqual(request["service_code"] as? String, "municipal_facilities")
            XCTAssertEqual(request["description"] as? String, "路灯不亮")
            for key in ["requested_datetime", "expected_datetime", "address", "lat", "long", "media_url", "agency_responsible"] {
                XCTAssertTrue(request.keys.contains(key), key)
            }
            XCTAssertFalse(res.body.string.contains("13512340000"), "no caller")
            res = try await app.send(.GET, "/open311/v2/requests/\(id).xml")
            XCTAssertTrue(res.body.string.contains("<service_request_id>\(id)</service_request_id>"))
            res = try await app.send(.GET, "/open311/v2/tokens/\(id).json")
            XCTAssertEqual(res.status, .ok)
            res = try await app.send(.GET, "/open311/v2/requests/RX00000000-000000-0.json")
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/open311/v2/servicerequestupdates.json")
            XCTAssertEqual(res.status, .ok)
            res = try await app.send(.GET, "/open311/v2/services.csv")
            XCTAssertEqual(res.status, .badRequest)
        }
    }
}

/// The hotline's pages: the desk with major events on top, the case panel, the public form and status.
final class HotlinePageTests: XCTestCase {
    func testDeskRecordsACallAndMajorEventsStayOnTopUntilAcknowledged() async throws {
        try await TestApp.run { app in
            var desk = WebTests.Browser(app: app)
            try await desk.login("dispatcher")
            var page = try await desk.get("/hotline")
            XCTAssertEqual(page.status, .ok)
            var csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let recorded = try await desk.post("/hotline", form: [
                "_csrf": csrf, "type": "complaint", "callerName": "周先生", "callerPhone": "13811112222", "place": "鹦鹉大道某路段",
                "whatHappened": "道路积水严重，车辆无法通行", "categoryCode": "natural_disaster", "unit": "区城管委"])
            XCTAssertEqual(recorded.status, .seeOther, recorded.body.string)
            let location = try XCTUnwrap(recorded.headers.first(name: .location)).components(separatedBy: "?")[0]
            page = try await desk.get(location)
            XCTAssertTrue(page.body.string.contains("周先生"), "the hotline desk sees the caller")
            page = try await desk.get("/hotline")
            XCTAssertTrue(page.body.string.contains("道路积水严重"), "a major event is on top")
            csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let id = location.split(separator: "/").last.map(String.init) ?? ""
            let acked = try await desk.post("/hotline/\(id)/acknowledge", form: ["_csrf": csrf])
            XCTAssertEqual(acked.status, .seeOther)
            page = try await desk.get("/hotline")
            XCTAssertFalse(page.body.string.contains("role=\"alert\">\n<h2>"), "no banner once acknowledged")
            XCTAssertFalse(page.body.string.contains("section class=\"card major\""))
            let bad = try await desk.post("/hotline", form: ["_csrf": csrf, "type": "complaint", "whatHappened": "", "categoryCode": "other"])
            XCTAssertEqual(bad.status, .unprocessableEntity)

            var street = WebTests.Browser(app: app)
            try await street.login("operator")
            let other = try await street.get("/hotline")
            XCTAssertEqual(other.status, .forbidden, "the desk is the hotline's")
        }
    }

    func testPublicFormAndStatusPage() async throws {
        try await TestApp.run { app in
            var citizen = WebTests.Browser(app: app)
            var page = try await citizen.get("/report")
            XCTAssertEqual(page.status, .ok)
            let csrf = try XCTUnwrap(WebTests.Browser.csrf(in: page.body.string))
            let sent = try await citizen.post("/report", form: ["_csrf": csrf, "type": "complaint", "name": "吴女士", "phone": "13900001234",
                                                                "place": "琴断口街某小区", "whatHappened": "小区路灯坏了好几天"])
            XCTAssertEqual(sent.status, .seeOther, sent.body.string)
            let back = try XCTUnwrap(sent.headers.first(name: .location))
            let code = try XCTUnwrap(back.components(separatedBy: "code=").last)
            page = try await citizen.get(back)
            XCTAssertTrue(page.body.string.contains(code))
            page = try await citizen.get("/track?code=\(code)&phone4=1234")
            XCTAssertEqual(page.status, .ok)
            XCTAssertFalse(page.body.string.contains("吴女士") || page.body.string.contains("13900001234"))
            page = try await citizen.get("/track?code=\(code)&phone4=9999")
            XCTAssertEqual(page.status, .notFound)
        }
    }
}
