@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The 附件5 ladder over real hotline cases, the supervisor's decisions, the unit's plan and appeal;
/// 议提案 against their targets; task supervision and a scheme set up as data.
final class AccountabilityTests: XCTestCase {
    func testLadderFromHotlineCasesThroughPlanAndAppeal() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let supervisor = try await app.token("supervisor")
            let jianqiao = try await app.token("operator")
            let unit = try await app.unitID("建桥街")
            // Six emergency cases (answer within 2 hours), never signed for or answered.
            var due: Date?
            for n in 0..<6 {
                let res = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                    type: "complaint", callerPhone: "1370000000\(n)", whatHappened: "燃气泄漏气味\(n)", categoryCode: "municipal_facilities",
                    urgency: "emergency", unitId: unit.uuidString))
                XCTAssertEqual(res.status, .created, res.body.string)
                let item = try await LedgerItem.find(try res.content.decode(HotlineCaseDTO.self).id, on: app.db)
                due = item?.dueAt
            }
            let day = try XCTUnwrap(LocalDate(chinaTimeOf: try XCTUnwrap(due)))
            let month = try AssessmentPeriod(firstYear: day.year, firstMonth: day.month, lastYear: day.year, lastMonth: day.month)
            let after = month.end.addingTimeInterval(86400)
            let calculator = app.calendarStore.calculator

            // A month that has not ended is refused.
            var res = try await app.send(.POST, "/api/v1/accountability/evaluate", token: supervisor,
                                         json: ["month": String(month.description.prefix(7))])
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "month")

            let created = try await AccountabilityService.evaluate(month: month, now: after, calculator: calculator, on: app.db)
            let names = try await LedgerPages.unitNames([unit], on: app.db)
            let mine = try created.filter { $0.unitID == unit }.map { try AccountabilityService.dto($0, unit: names[unit] ?? "", now: after) }
            // 0 of 6 on time: 第四条(五) (below 100 %) and 第五条(五) (below 98 %, and 6 > 5 overdue);
            // 6 unsigned past 4 working hours: 第四条(二). Nothing closed, so no 第四条(四).
            XCTAssertEqual(Set(mine.map(\.trigger)).intersection(["4.2", "4.4", "4.5", "5.5"]), ["4.2", "4.5", "5.5"])
            let interview = try XCTUnwrap(mine.first { $0.trigger == "5.5" })
            XCTAssertEqual(interview.level, "interview")
            XCTAssertEqual(interview.caseIds.count, 6)
            XCTAssertTrue(interview.summary.contains("0/6"), interview.summary)
            XCTAssertEqual(interview.state, "proposed")
            let again = try await AccountabilityService.evaluate(month: month, now: after, calculator: calculator, on: app.db)
            XCTAssertTrue(again.isEmpty, "one proposal per unit, clause and period")

            // A unit sees its own actions; another unit's operator does not.
            res = try await app.send(.GET, "/api/v1/accountability/\(interview.id)", token: try await app.token("operator2"))
            XCTAssertEqual(res.status, .notFound)
            res = try await app.send(.GET, "/api/v1/accountability", token: jianqiao)
            XCTAssertEqual(Set(try res.content.decode([AccountabilityDTO].self).map(\.unit)), ["建桥街"])

            // The unit cannot confirm; the supervisor confirms the interview held on Mon 2026-11-02 with the
            // principal leader. Plan due 7 working days later (附件5 第六条): Nov 3, 4, 5, 6, 9, 10, 11 → 11 Nov 18:00.
            let path = "/api/v1/accountability/\(interview.id)/events"
            res = try await app.send(.POST, path, token: jianqiao, json: ["event": "confirm"])
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, path, token: supervisor, json: AccountabilityRoutes.EventInput(
                event: "confirm", note: "区治庸办约谈", interviewDate: "2026-11-02", principalLeader: true))
            XCTAssertEqual(res.status, .ok, res.body.string)
            var action = try res.content.decode(AccountabilityDTO.self)
            XCTAssertEqual(action.state, "confirmed")
            XCTAssertEqual(action.planDue, "2026-11-11T18:00:00+08:00")
            XCTAssertTrue(action.principalLeader)
            let entity: String? = interview.id.uuidString
            let recipient: UUID? = unit
            let inbox = try await DubanServer.Notification.query(on: app.db).filter(\.$recipientUnitID == recipient).filter(\.$entityID == entity).count()
            XCTAssertEqual(inbox, 1, "the unit is told of the decision")
            // The unit writes its rectification plan (late: the interview was weeks ago).
            res = try await app.send(.POST, path, token: jianqiao, json: ["event": "submit_plan", "document": "一、加强值守；二、建立台账。"])
            XCTAssertEqual(res.status, .ok, res.body.string)
            action = try res.content.decode(AccountabilityDTO.self)
            XCTAssertEqual(action.state, "plan_submitted")
            XCTAssertTrue(action.planSubmittedLate)
            res = try await app.send(.POST, path, token: jianqiao, json: ["event": "appeal", "note": "不服"])
            XCTAssertEqual(res.status, .conflict, "a submitted plan accepts the action; no appeal after it")

            // The letter of 第四条(五): confirmed, appealed by the unit, granted → withdrawn.
            let letter = try XCTUnwrap(mine.first { $0.trigger == "4.5" })
            let letterPath = "/api/v1/accountability/\(letter.id)/events"
            res = try await app.send(.POST, letterPath, token: supervisor, json: ["event": "confirm"])
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.POST, letterPath, token: jianqiao, json: ["event": "appeal"])
            XCTAssertEqual(res.status, .unprocessableEntity, "an appeal gives its reasons")
            res = try await app.send(.POST, letterPath, token: jianqiao, json: ["event": "appeal", "note": "系统故障导致超时，附网络中心报备单"])
            XCTAssertEqual(try res.content.decode(AccountabilityDTO.self).state, "appealed")
            res = try await app.send(.POST, letterPath, token: supervisor, json: ["event": "grant_appeal", "note": "经核实属系统故障"])
            XCTAssertEqual(try res.content.decode(AccountabilityDTO.self).state, "withdrawn")
            XCTAssertEqual(try res.content.decode(AccountabilityDTO.self).steps.map(\.event), ["confirm", "appeal", "grant_appeal"])

            // 第四条(二) dismissed with a reason.
            let late = try XCTUnwrap(mine.first { $0.trigger == "4.2" })
            res = try await app.send(.POST, "/api/v1/accountability/\(late.id)/events", token: supervisor, json: ["event": "dismiss", "note": "已并入约谈"])
            XCTAssertEqual(try res.content.decode(AccountabilityDTO.self).state, "dismissed")

            // Item (16) of 附件7: the confirmed interview costs 10 points in its bi-monthly period.
            let today = try XCTUnwrap(LocalDate(chinaTimeOf: Date()))
            let input = try await HotlineAssessments.unitInput(for: HotlineAssessments.period(containing: today), on: app.db)
            XCTAssertEqual(input.first { $0.unit == "建桥街" }?.interviews, 1)

            // A supervisor proposes by hand for a clause no data shows; once per clause and period.
            let yongfeng = try await app.unitID("永丰街")
            let manual = AccountabilityRoutes.ProposeInput(unitId: yongfeng.uuidString, trigger: "7.2", month: "2026-10", note: "被市级媒体曝光")
            res = try await app.send(.POST, "/api/v1/accountability", token: supervisor, json: manual)
            XCTAssertEqual(res.status, .created, res.body.string)
            XCTAssertEqual(try res.content.decode(AccountabilityDTO.self).level, "accountability")
            res = try await app.send(.POST, "/api/v1/accountability", token: supervisor, json: manual)
            XCTAssertEqual(res.status, .conflict)
            res = try await app.send(.POST, "/api/v1/accountability", token: jianqiao, json: manual)
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, "/api/v1/accountability", token: supervisor,
                                     json: AccountabilityRoutes.ProposeInput(unitId: yongfeng.uuidString, trigger: "9.9", month: "2026-10", note: "x"))
            XCTAssertEqual(res.errorBody?.field, "trigger")

            // Pages: the list, and the action with the forms the viewer may use now.
            var browser = WebTests.Browser(app: app)
            try await browser.login("supervisor")
            let page = try await browser.get("/accountability")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("/accountability/\(interview.id.uuidString)"))
            XCTAssertTrue(page.body.string.contains("id=\"accountability-evaluate\""))
            let detail = try await browser.get("/accountability/\(interview.id.uuidString)")
            XCTAssertTrue(detail.body.string.contains("2026-11-11T18:00:00+08:00"))
            XCTAssertTrue(detail.body.string.contains("value=\"accept_plan\""), "the supervisor may accept the plan now")
            var unitBrowser = WebTests.Browser(app: app)
            try await unitBrowser.login("operator")
            let own = try await unitBrowser.get("/accountability/\(letter.id.uuidString)")
            XCTAssertEqual(own.status, .ok)
            XCTAssertFalse(own.body.string.contains("id=\"accountability-event\""), "nothing left for the unit on a withdrawn letter")
        }
    }

    func testProposalsAgainstTheirTargets() async throws {
        try await TestApp.run { app in
            let supervisor = try await app.token("supervisor")
            let host = try await app.unitID("建桥街")
            let co = try await app.unitID("永丰街")
            func create(_ number: String) async throws -> ProposalDTO {
                let res = try await app.send(.POST, "/api/v1/proposals", token: supervisor, json: ProposalInput(
                    number: number, kind: "npc_suggestion", title: "关于改善琴台路交通秩序的建议", proposer: "张代表",
                    hostUnitId: host.uuidString, coUnitIds: [co.uuidString], assignedOn: "2026-03-01"))
                XCTAssertEqual(res.status, .created, res.body.string)
                return try res.content.decode(ProposalDTO.self)
            }
            let first = try await create("建议第1号")
            _ = try await create("建议第2号")
            // 3 months after 2026-03-01 → 2026-06-01, end of that day.
            XCTAssertEqual(first.dueAt, "2026-06-02T00:00:00+08:00")
            var res = try await app.send(.POST, "/api/v1/proposals", token: supervisor, json: ProposalInput(
                number: "建议第1号", kind: "npc_suggestion", title: "重复", proposer: "李代表", hostUnitId: host.uuidString, assignedOn: "2026-03-01"))
            XCTAssertEqual(res.status, .conflict)
            res = try await app.send(.POST, "/api/v1/proposals", token: supervisor, json: ProposalInput(
                number: "建议第3号", kind: "motion", title: "x", proposer: "李代表", hostUnitId: host.uuidString, assignedOn: "2026-03-01"))
            XCTAssertEqual(res.errorBody?.field, "kind")

            // The co-handling unit follows the host; it does not reply. Nothing to rate before a reply.
            res = try await app.send(.POST, "/api/v1/proposals/\(first.id)/reply", token: try await app.token("operator2"), json: ["summary": "已办"])
            XCTAssertEqual(res.status, .forbidden)
            res = try await app.send(.POST, "/api/v1/proposals/\(first.id)/rating", token: supervisor, json: ["satisfaction": "satisfied"])
            XCTAssertEqual(res.status, .conflict)
            let operatorToken = try await app.token("operator")
            res = try await app.send(.POST, "/api/v1/proposals/\(first.id)/reply", token: operatorToken,
                                     json: ["summary": "已增设交通协管员", "at": "2026-05-20T10:00:00+08:00"])
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.POST, "/api/v1/proposals/\(first.id)/meeting", token: operatorToken, json: ["at": "2026-05-21T15:00:00+08:00"])
            XCTAssertEqual(res.status, .ok)
            res = try await app.send(.POST, "/api/v1/proposals/\(first.id)/rating", token: supervisor, json: ["satisfaction": "basically_satisfied"])
            XCTAssertEqual(try res.content.decode(ProposalDTO.self).satisfactionName, "基本满意")

            // By hand: replied 1/2 = 50 % (target 100 %, not met), met 1/2, satisfied (基本满意 counts) 1/1 = 100 % ≥ 95 %;
            // the second is past its 2026-06-01 deadline unreplied.
            res = try await app.send(.GET, "/api/v1/proposals/summary?year=2026", token: supervisor)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
            let overall = try XCTUnwrap(json["overall"] as? [String: Any])
            XCTAssertEqual((overall["replyRate"] as? [String: Any])?["met"] as? Bool, false)
            XCTAssertEqual((overall["satisfactionRate"] as? [String: Any])?["met"] as? Bool, true)
            XCTAssertEqual((json["overdue"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["建议第2号"])

            var browser = WebTests.Browser(app: app)
            try await browser.login("supervisor")
            let page = try await browser.get("/proposals?year=2026")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("id=\"proposal-targets\""))
            XCTAssertTrue(page.body.string.contains("50.00%（1/2）"), "the reply rate against its target")
        }
    }

    func testTaskSupervisionAndSchemeAsData() async throws {
        try await TestApp.run(tasks: true) { app in
            let supervisor = try await app.token("supervisor")
            let today = try XCTUnwrap(LocalDate(chinaTimeOf: Date()))
            let first = (today.month - 1) / 3 * 3 + 1
            let quarter = String(format: "%04d-%02d/%04d-%02d", today.year, first, today.year, first + 2)
            var res = try await app.send(.GET, "/api/v1/assessments/tasks?period=\(quarter)", token: supervisor)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let report = try JSONDecoder().decode(TaskSupervisionReport.self, from: Data(res.body.string.utf8))
            // Every task due in the quarter is on time, late, overdue or not yet due — nothing lost.
            let dueInQuarter = try await LedgerItem.query(on: app.db).filter(\.$kind == "task")
                .filter(\.$dueAt > (try AssessmentPeriod(quarter)).start).filter(\.$dueAt <= (try AssessmentPeriod(quarter)).end).count()
            XCTAssertEqual(report.units.map(\.tasksDue).reduce(0, +), dueInQuarter)
            for unit in report.units {
                XCTAssertEqual(unit.closedOnTime + unit.closedLate + unit.openOverdue + unit.openNotYetDue, unit.tasksDue, unit.unit)
            }
            res = try await app.send(.GET, "/api/v1/assessments/tasks?period=\(quarter)", token: try await app.token("operator"))
            XCTAssertEqual(res.status, .forbidden)

            // The traffic campaign's scheme ships as data and scores its own tasks.
            res = try await app.send(.GET, "/api/v1/assessments/schemes", token: supervisor)
            let schemes = try res.content.decode([SupervisionRoutes.SchemeDTO].self)
            let traffic = try XCTUnwrap(schemes.first { $0.code == "traffic-order-2018-monthly" })
            XCTAssertEqual(traffic.category, "交通秩序综合治理")
            let month = String(format: "%04d-%02d", today.year, today.month)
            res = try await app.send(.GET, "/api/v1/assessments/schemes/\(traffic.code)/scores?period=\(month)/\(month)", token: supervisor)
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.GET, "/api/v1/assessments/schemes/\(traffic.code)/scores?period=\(quarter)", token: supervisor)
            XCTAssertEqual(res.errorBody?.field, "period", "a monthly scheme scores one month")

            // A new scheme is data: a bad rule is refused with its path, a good one is stored and scores.
            var scheme = AssessmentScheme(code: "fire-2026", name: "消防隐患整改季度考核", cadence: .quarterly, totalPoints: ScorePoints(10),
                                          items: [SchemeItem(code: "F1", name: "超期事项", points: ScorePoints(10),
                                                             rule: .perOccurrence(metric: .overdueItems, points: ScorePoints(0)))])
            res = try await app.send(.PUT, "/api/v1/assessments/schemes/fire-2026", token: supervisor,
                                     json: SupervisionRoutes.SchemeInput(scheme: scheme, kind: "hazard", category: nil))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertTrue(res.errorBody?.field?.hasPrefix("scheme.items[0]") ?? false, res.body.string)
            scheme.items = [SchemeItem(code: "F1", name: "超期事项", points: ScorePoints(10),
                                       rule: .perOccurrence(metric: .overdueItems, points: ScorePoints(2)))]
            res = try await app.send(.PUT, "/api/v1/assessments/schemes/fire-2026", token: supervisor,
                                     json: SupervisionRoutes.SchemeInput(scheme: scheme, kind: "hazard", category: nil))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.GET, "/api/v1/assessments/schemes/fire-2026/scores?period=\(quarter)", token: supervisor)
            XCTAssertEqual(res.status, .ok, res.body.string)

            var browser = WebTests.Browser(app: app)
            try await browser.login("leader")
            let page = try await browser.get("/assessments/tasks?period=\(quarter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("id=\"tasks-ranking\""))
        }
    }
}
