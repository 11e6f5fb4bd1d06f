@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Records that arise by themselves from the ledger, and the credit deadlines the scheduler runs
/// (the statement window, the end of a listing). Time passes by sweeping at chosen instants.
final class CreditSchedulerTests: XCTestCase {
    private func records(_ app: Application, _ subject: UUID) async throws -> [CreditRecordDTO] {
        try await CreditFixtures.detail(app, subject, token: try await app.token("supervisor")).records
    }

    func testHazardsOfAnEnterpriseBecomeRecordsOnce() async throws {
        try await TestApp.run { app in
            let company = try await CreditFixtures.enterprise(app, name: "武汉庚示范仓储有限公司", code17: "91420105MA4K8T3P2", username: "geng")
            // Self-reported (自查自报): no points lost for reporting.
            let own = try await app.send(.POST, "/api/v1/items", token: company.token, json: ItemInput(kind: "hazard", title: "灭火器过期"))
            XCTAssertEqual(own.status, .created, own.body.string)
            let ownPath = "/api/v1/items/\(try own.content.decode(ItemDTO.self).id)"
            var res = try await app.send(.POST, ownPath + "/events", token: try await app.token("dispatcher"), json: ItemEventInput(
                event: "assign", unitId: company.id.uuidString, deadline: ChinaTimeFormat.string(Date().addingTimeInterval(86400))))
            XCTAssertEqual(res.status, .ok, res.body.string)
            var found = try await records(app, company.id)
            XCTAssertEqual(found.count, 0)

            // Found by an inspector: a general hazard record at assignment, once, even when returned and reassigned.
            let due = Date().addingTimeInterval(90)
            let path = try await CreditFixtures.hazard(app, subject: company.id, deadline: due)
            found = try await records(app, company.id)
            XCTAssertEqual(found.map(\.kind), [.generalHazard])
            XCTAssertEqual(found.first?.points, -2)
            XCTAssertEqual(found.first?.legalBasis, "GB50016-2014 6.4.1")
            XCTAssertNotNil(found.first?.publishedAt, "published at once")
            res = try await app.send(.POST, path + "/events", token: try await app.token("operator"), json: ItemEventInput(
                event: "return", reason: "不属于本街道职责"))
            XCTAssertEqual(res.status, .ok, res.body.string)
            res = try await app.send(.POST, path + "/events", token: try await app.token("dispatcher"), json: ItemEventInput(
                event: "reassign", unitId: try await app.unitID("建桥街").uuidString, deadline: ChinaTimeFormat.string(due)))
            XCTAssertEqual(res.status, .ok, res.body.string)
            found = try await records(app, company.id)
            XCTAssertEqual(found.count, 1)

            // Not fixed by its deadline (the scheduler's overdue event): 隐患逾期未整改, once.
            let scheduler = Scheduler(instance: "credit-test")
            _ = try await scheduler.sweep(now: due.addingTimeInterval(60), app: app)
            _ = try await scheduler.sweep(now: due.addingTimeInterval(3600), app: app)
            found = try await records(app, company.id)
            XCTAssertEqual(found.map(\.kind).sorted { $0.rawValue < $1.rawValue }, [.generalHazard, .hazardOverdue])
            XCTAssertEqual(found.first { $0.kind == .hazardOverdue }?.points, -5)

            // A hazard of a unit that is not an enterprise makes no record (and is no credit subject).
            _ = try await CreditFixtures.hazard(app, subject: try await app.unitID("建桥街"))
            res = try await app.send(.GET, "/api/v1/credit/subjects/\(try await app.unitID("建桥街"))", token: try await app.token("supervisor"))
            XCTAssertEqual(res.status, .notFound)
            let all = try await CreditRecordRow.query(on: app.db).filter(\.$source == "ledger").count()
            XCTAssertEqual(all, 2)
        }
    }

    func testStatementWindowAndListingTermRunOnTheScheduler() async throws {
        try await TestApp.run { app in
            let company = try await CreditFixtures.enterprise(app, name: "武汉辛示范化工有限公司", code17: "91420105MA4K8T3P3", username: "xin")
            let supervisor = try await app.token("supervisor")
            // Responsibility for an accident meets the black-list condition by itself (SPEC A3).
            _ = try await CreditFixtures.enter(app, token: supervisor, subject: company.id, kind: "accident_responsibility",
                                               field: "work_safety", number: "汉应急事故认定〔2026〕2号", decided: CreditFixtures.today,
                                               publishedAt: Date())
            var res = try await app.send(.POST, "/api/v1/credit/subjects/\(company.id)/black-list", token: supervisor)
            XCTAssertEqual(res.status, .created, res.body.string)
            let caseID = try res.content.decode(BlackListCaseDTO.self).id
            res = try await app.send(.POST, "/api/v1/credit/black-list/\(caseID)/events", token: supervisor,
                                     json: BlackListEventInput(event: "notify"))
            let notified = try res.content.decode(BlackListCaseDTO.self)
            XCTAssertEqual(notified.reasons.map(\.code), ["accident_responsibility"])
            let statementDue = try XCTUnwrap(notified.statementDue.flatMap(ChinaTimeFormat.parse))

            // The window closes without a statement: the scheduler tells the supervisors.
            let scheduler = Scheduler(instance: "credit-test")
            _ = try await scheduler.sweep(now: statementDue.addingTimeInterval(60), app: app)
            let told = try await Notification.query(on: app.db).filter(\.$subject ~~ "陈述申辩期已届满").count()
            XCTAssertGreaterThan(told, 0)
            // Then the decision, at that time.
            let decided = statementDue.addingTimeInterval(3600)
            let actor = try await CreditFixtures.actor(app, "supervisor")
            let calculator = app.calendarStore.calculator
            try await app.db.write(gate: app.writeGate) { db in
                let found = try await BlackListCaseRow.find(caseID, on: db)
                let row = try XCTUnwrap(found)
                try await CreditBlackList.act(row, input: BlackListEventInput(event: "list", decisionDocument: "汉信黑〔2026〕2号"),
                                              actor: actor, now: decided, calculator: calculator, on: db)
            }
            var subject = try await CreditFixtures.detail(app, company.id, token: supervisor)
            let listing = try XCTUnwrap(subject.blackListCases.first)
            XCTAssertEqual(listing.state, .listed)
            let ends = try XCTUnwrap(listing.listingEndsOn.flatMap(LocalDate.init))

            // Three years on, the listing ends by itself (期满移出) and the partners' feed says so.
            _ = try await scheduler.sweep(now: ends.chinaDate().addingTimeInterval(-3600), app: app)
            subject = try await CreditFixtures.detail(app, company.id, token: supervisor)
            XCTAssertEqual(subject.blackListCases.first?.state, .listed, "not before its term")
            _ = try await scheduler.sweep(now: ends.chinaDate().addingTimeInterval(60), app: app)
            subject = try await CreditFixtures.detail(app, company.id, token: supervisor)
            XCTAssertEqual(subject.blackListCases.first?.state, .removed)
            XCTAssertEqual(subject.blackListCases.first?.removal, .expired)
            let changes = try await CreditListChange.query(on: app.db).filter(\.$subjectUnitID == company.id)
                .filter(\.$list == "black").sort(\.$at).all().map(\.change)
            XCTAssertEqual(changes, ["entered", "removed"])
            let expiredBy = try await AuditEntry.query(on: app.db).filter(\.$entityType == CreditBlackList.entity)
                .filter(\.$actor == "scheduler").count()
            XCTAssertEqual(expiredBy, 1)
        }
    }

    func testALatePublicationIsReportedToTheRecordingUnit() async throws {
        try await TestApp.run { app in
            let company = try await CreditFixtures.enterprise(app, name: "武汉壬示范印刷有限公司", code17: "91420105MA4K8T3P4", username: "ren")
            let record = try await CreditFixtures.enter(app, token: try await app.token("inspector"), subject: company.id,
                                                        kind: "licensing_decision", field: "fire_safety", number: "汉消许字〔2026〕第0077号",
                                                        decided: CreditFixtures.today)
            let due = try XCTUnwrap(record.publicationDueAt.flatMap(ChinaTimeFormat.parse))
            _ = try await Scheduler(instance: "credit-test").sweep(now: due.addingTimeInterval(60), app: app)
            let fire = try await app.unitID("区消防大队")
            let late = try await Notification.query(on: app.db).filter(\.$recipientUnitID == fire).filter(\.$subject ~~ "双公示逾期").first()
            XCTAssertTrue(late?.subject.contains("汉消许字〔2026〕第0077号") ?? false)
        }
    }
}
