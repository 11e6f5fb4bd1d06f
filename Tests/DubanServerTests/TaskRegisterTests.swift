@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Task-breakdown tables in and out (001 阳政办(2018)10号/11号), and the demo's tasks.
final class TaskRegisterTests: XCTestCase {
    private func csv(_ rows: [[String]]) -> ByteBuffer {
        ByteBuffer(string: CSV.encode([TaskBreakdownRegister.columns] + rows, byteOrderMark: true))
    }

    func testImportAssignsEachRowAndOneBadRowImportsNothing() async throws {
        try await TestApp.run { app in
            let supervisor = try await app.token("supervisor")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "text/csv")
            let bad = csv([
                ["1", "在主流媒体宣传报道文明交通工作", "区委宣传部", "2099年5月底"],
                ["2", "规范电动自行车销售市场", "区工商质监局 火星局", "2099年5月底"],
                ["3", "组织交通安全宣传日活动", "团区委", "2018年5月底"],
                ["4", "完善路口绿化设施", "", "6月底"],
            ])
            var res = try await app.send(.POST, "/api/v1/registers/task-breakdown", token: supervisor, headers: headers, body: bad)
            XCTAssertEqual(res.status, .unprocessableEntity, res.body.string)
            var errors = try res.content.decode(RegisterRoutes.RowErrors.self)
            XCTAssertEqual(errors.rows.map(\.row), [4], "the layout check reports first: the empty unit cell")
            res = try await app.send(.POST, "/api/v1/registers/task-breakdown", token: supervisor, headers: headers,
                                     body: csv(Array([["1", "在主流媒体宣传报道文明交通工作", "区委宣传部", "2099年5月底"],
                                                      ["2", "规范电动自行车销售市场", "区工商质监局 火星局", "2099年5月底"],
                                                      ["3", "组织交通安全宣传日活动", "团区委", "2018年5月底"]])))
            errors = try res.content.decode(RegisterRoutes.RowErrors.self)
            XCTAssertEqual(errors.rows.map { "\($0.row)\($0.column)" }, ["2责任单位", "3完成时限"])
            XCTAssertTrue(errors.rows[0].message.contains("火星局"))
            let none = try await LedgerItem.query(on: app.db).filter(\.$kind == ItemKind.task.rawValue).count()
            XCTAssertEqual(none, 0, "nothing imported")

            let good = [
                ["1", "在主流媒体宣传报道汉阳文明交通工作", "区委宣传部", "2099年5月底"],
                ["2", "加强渣土车源头管理;道路施工规范打围。", "城管委 区建设局 (建管站) 区交通大队", "2099年6月底"],
                ["3", "长期坚持的宣传教育", "街道", ""],
            ]
            res = try await app.send(.POST, "/api/v1/registers/task-breakdown?cadence=weekly", token: supervisor, headers: headers, body: csv(good))
            XCTAssertEqual(res.status, .created, res.body.string)
            let ids = try res.content.decode(RegisterRoutes.ImportResult.self).ids
            XCTAssertEqual(ids.count, 3)
            let second = try await app.send(.GET, "/api/v1/items/\(ids[1])", token: supervisor).content.decode(ItemDTO.self)
            XCTAssertEqual(second.state, .assigned)
            let (city, building, traffic) = (try await app.unitID("区城管委"), try await app.unitID("区建设局"), try await app.unitID("区交通大队"))
            XCTAssertEqual(second.assignedUnitId, city)
            XCTAssertEqual(Set(second.coUnitIds ?? []), [building, traffic])
            XCTAssertEqual(second.dueAt, "2099-06-30T18:00:00+08:00")
            XCTAssertEqual(second.reportCadence, .weekly)
            let third = try await app.send(.GET, "/api/v1/items/\(ids[2])", token: supervisor).content.decode(ItemDTO.self)
            XCTAssertNil(third.dueAt, "no 完成时限: a task without a date")
            let streets = try await Unit.query(on: app.db).filter(\.$kind == UnitKind.street.rawValue).count()
            XCTAssertEqual((third.coUnitIds?.count ?? 0) + 1, streets, "街道 means every street")

            // Exported field for field, with the row numbers.
            res = try await app.send(.GET, "/api/v1/registers/task-breakdown", token: supervisor)
            XCTAssertEqual(res.status, .ok)
            let table = try CSV.parse(res.body.string)
            XCTAssertEqual(table, [TaskBreakdownRegister.columns] + good)
            res = try await app.send(.GET, "/api/v1/registers/task-breakdown", token: try await app.token("operator"))
            XCTAssertEqual(res.status, .forbidden)
        }
    }

    func testDemoReplaysTheTwoNoticesAndExportsThe11号TableExactly() async throws {
        try await TestApp.run(tasks: true) { app in
            let supervisor = try await app.token("supervisor")
            let tasks = try await LedgerItem.query(on: app.db).filter(\.$kind == ItemKind.task.rawValue).all()
            XCTAssertEqual(tasks.count, 97 + 12)
            XCTAssertTrue(tasks.allSatisfy { $0.state == ItemState.signedFor.rawValue }, "assigned and signed for")
            XCTAssertTrue(tasks.contains { $0.card != nil }, "the sweep issued cards")
            let res = try await app.send(.GET, "/api/v1/registers/task-breakdown", token: supervisor)
            let table = try CSV.parse(res.body.string)
            let url = URL(fileURLWithPath: app.directory.resourcesDirectory + "demo/tasks-2018-11.json")
            let seed = try JSONDecoder().decode(DemoTasks.TrafficTable.self, from: try Data(contentsOf: url))
            let exported = table.filter { row in seed.rows.contains { $0["任务目标"] == row[1] } }
            XCTAssertEqual(exported.count, 12)
            for (row, original) in zip(exported, seed.rows) {
                XCTAssertEqual(Array(row.dropFirst()), TaskBreakdownRegister.layout.fields.map { original[$0] ?? "" })
            }
            // 11号 row 8: the first unit leads, the others share the task.
            let row8 = try XCTUnwrap(tasks.first { $0.details == seed.rows[7]["任务目标"] })
            let city = try await app.unitID("区城管委")
            XCTAssertEqual(row8.assignedUnitID, city)
            XCTAssertEqual(row8.deadlineText, "6月底")
        }
    }
}
