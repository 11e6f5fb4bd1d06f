@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// Exports (issue #9): a list's export is the list with its filters, every page; large ones stream.
final class ExportTests: XCTestCase {
    /// The ids of every page of `/api/v1/items?<query>`, in list order.
    static func listIDs(_ app: Application, _ query: String, token: String) async throws -> [String] {
        var ids: [String] = []
        var cursor: String?
        repeat {
            let res = try await app.send(.GET, "/api/v1/items?limit=200&" + query
                + (cursor.map { "&cursor=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? ""), token: token)
            XCTAssertEqual(res.status, .ok, res.body.string)
            let page = try res.content.decode(ListPage<ItemDTO>.self)
            ids += page.items.map(\.id.text)
            cursor = page.nextCursor
        } while cursor != nil
        return ids
    }

    func testFilteredExportIsTheListInCSVAndXLSX() async throws {
        try await TestApp.run { app in
            let supervisor = try await app.token("supervisor")
            let jianqiao = try await app.unitID("建桥街"), yongfeng = try await app.unitID("永丰街")
            try await DashboardTests.insertMany(app, unit: jianqiao, count: 7)
            try await DashboardTests.insertMany(app, unit: yongfeng, count: 3)
            let query = "overdue=true&unitId=\(jianqiao.text)"
            let listed = try await Self.listIDs(app, query, token: supervisor)
            XCTAssertGreaterThanOrEqual(listed.count, 7)

            let csv = try await app.send(.GET, "/api/v1/items/export?format=csv&" + query, token: supervisor)
            XCTAssertEqual(csv.status, .ok, csv.body.string)
            XCTAssertEqual(csv.headers.first(name: .contentType), "text/csv; charset=utf-8")
            XCTAssertTrue(csv.headers.first(name: .contentDisposition)?.contains("items-") ?? false)
            let table = try CSV.parse(csv.body.string)
            XCTAssertEqual(table.first, ["编号", "标题", "类别", "等级", "状态", "承办单位", "到期时间", "超期", "挂牌", "登记时间"])
            XCTAssertEqual(table.dropFirst().map { $0[0] }, listed, "the same rows in the same order")
            XCTAssertTrue(table.dropFirst().allSatisfy { $0[5] == "建桥街" && $0[7] == "是" })
            XCTAssertTrue(table.contains { $0[1] == "批量隐患 0，含逗号" })

            let xlsx = try await app.send(.GET, "/api/v1/items/export?format=xlsx&" + query, token: supervisor)
            XCTAssertEqual(xlsx.status, .ok)
            XCTAssertEqual(xlsx.headers.first(name: .contentType), RegisterRoutes.xlsxType)
            let sheets = try XLSXReader.sheets(from: Data(buffer: xlsx.body))
            XCTAssertEqual(sheets.first?.name, "台账")
            XCTAssertEqual(sheets.first?.rows.dropFirst().map { $0[0] }, listed)
            // The same cells as the CSV (the reader drops trailing empty cells, 挂牌 being empty here).
            func trimmed(_ row: [String]) -> [String] { var row = row; while row.last == "" { row.removeLast() }; return row }
            XCTAssertEqual(sheets.first.map { $0.rows.map(trimmed) }, table.map(trimmed))

            // 永丰街's operator exports only what its own list shows.
            let operator2 = try await app.token("operator2")
            let own = try await app.send(.GET, "/api/v1/items/export?overdue=true", token: operator2)
            let ownIDs = try CSV.parse(own.body.string).dropFirst().map { $0[0] }
            let ownList = try await Self.listIDs(app, "overdue=true", token: operator2)
            XCTAssertEqual(ownIDs, ownList)
            XCTAssertFalse(Set(ownIDs).contains { listed.contains($0) }, "none of 建桥街's items")

            // Bad input is the client's error, naming the field.
            let badFormat = try await app.send(.GET, "/api/v1/items/export?format=pdf", token: supervisor)
            XCTAssertEqual(badFormat.status, .unprocessableEntity)
            XCTAssertEqual(try badFormat.content.decode(ErrorEnvelope.self).error.field, "format")
            let badState = try await app.send(.GET, "/api/v1/items/export?state=lost", token: supervisor)
            XCTAssertEqual(badState.status, .unprocessableEntity)
            let anonymous = try await app.send(.GET, "/api/v1/items/export")
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }

    func testLargeExportStreamsInChunks() async throws {
        try await TestApp.run { app in
            let jianqiao = try await app.unitID("永丰街")
            let supervisor = try await app.token("supervisor")
            let before = try await Self.listIDs(app, "overdue=true&unitId=\(jianqiao.text)", token: supervisor).count
            try await DashboardTests.insertMany(app, unit: jianqiao, count: 20_000)
            app.http.server.configuration.hostname = "127.0.0.1"
            app.http.server.configuration.port = 0
            try await app.server.start(address: nil)
            do {
                let port = try XCTUnwrap(app.http.server.shared.localAddress?.port)
                let res = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/api/v1/items/export?format=csv&overdue=true&unitId=\(jianqiao.text)")) {
                    $0.headers.bearerAuthorization = .init(token: supervisor)
                }
                XCTAssertEqual(res.status, .ok)
                // Chunked: the length is not known up front because rows are written as they are read.
                XCTAssertEqual(res.headers.first(name: .transferEncoding), "chunked")
                XCTAssertNil(res.headers.first(name: .contentLength))
                let body = try XCTUnwrap(res.body.map { String(buffer: $0) })
                let rows = try CSV.parse(body)
                XCTAssertEqual(rows.count, 1 + before + 20_000)
                XCTAssertEqual(Set(rows.dropFirst().map { $0[0] }).count, before + 20_000, "no row twice")
                let xlsx = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/api/v1/items/export?format=xlsx&overdue=true&unitId=\(jianqiao.text)")) {
                    $0.headers.bearerAuthorization = .init(token: supervisor)
                }
                XCTAssertEqual(xlsx.headers.first(name: .transferEncoding), "chunked")
                let sheet = try XLSXReader.sheets(from: Data(buffer: try XCTUnwrap(xlsx.body))).first
                XCTAssertEqual(sheet?.rows.count, 1 + before + 20_000)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }
}

extension ExportTests {
    func testEveryPagedListExportsItsFilteredRows() async throws {
        try await TestApp.run(elevators: true) { app in
            let supervisor = try await app.token("supervisor")
            // Units matching 街 (a filter), every page of the list against the export's ids.
            var listed: [String] = []
            var cursor: String?
            repeat {
                let res = try await app.send(.GET, "/api/v1/units?limit=7&q=%E8%A1%97" + (cursor.map { "&cursor=\($0)" } ?? ""), token: supervisor)
                let page = try res.content.decode(ListPage<UnitDTO>.self)
                listed += page.items.map(\.id.text)
                cursor = page.nextCursor
            } while cursor != nil
            XCTAssertGreaterThan(listed.count, 7, "more than one page")
            let csv = try await app.send(.GET, "/api/v1/units/export?q=%E8%A1%97", token: supervisor)
            XCTAssertEqual(csv.status, .ok, csv.body.string)
            let rows = try CSV.parse(csv.body.string)
            XCTAssertEqual(rows.first?.prefix(2), ["编号", "名称"])
            XCTAssertEqual(rows.dropFirst().map { $0[0] }, listed)
            XCTAssertTrue(rows.dropFirst().allSatisfy { $0[1].contains("街") || !$0[4].isEmpty })

            // The other lists: the export has exactly the list's rows (all pages).
            for (list, type) in [("people", "p"), ("bodies", "b"), ("credit/subjects", "c"), ("elevators", "e"), ("notifications", "n"), ("reports", "r")] {
                var count = 0
                var next: String?
                repeat {
                    let res = try await app.send(.GET, "/api/v1/\(list)?limit=200" + (next.map { "&cursor=\($0)" } ?? ""), token: supervisor)
                    XCTAssertEqual(res.status, .ok, "\(list) \(res.body.string)")
                    struct Page: Decodable { var items: [Item]; var nextCursor: String?; struct Item: Decodable { var id: UUID } }
                    let page = try res.content.decode(Page.self)
                    count += page.items.count
                    next = page.nextCursor
                } while next != nil
                let file = try await app.send(.GET, "/api/v1/\(list)/export?format=xlsx", token: supervisor)
                XCTAssertEqual(file.status, .ok, list)
                let sheet = try XLSXReader.sheets(from: Data(buffer: file.body)).first
                XCTAssertEqual((sheet?.rows.count ?? 0) - 1, count, "\(list) (\(type))")
            }
            // Access follows the list: an enterprise may not list elevators of the district… nor export them.
            let evaluator = try await app.token("evaluator")
            let listStatus = try await app.send(.GET, "/api/v1/credit/subjects", token: evaluator).status
            let exportStatus = try await app.send(.GET, "/api/v1/credit/subjects/export", token: evaluator).status
            XCTAssertEqual(listStatus, .forbidden)
            XCTAssertEqual(exportStatus, listStatus)
        }
    }
}
