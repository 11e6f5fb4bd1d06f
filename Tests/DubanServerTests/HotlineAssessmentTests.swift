@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The 附件7 score from the database equals the score of the same cases through the CLI's file path.
final class HotlineAssessmentTests: XCTestCase {
    func testDatabaseAndFilePathsGiveIdenticalScores() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let jianqiao = try await app.token("operator")
            let yongfeng = try await app.token("operator2")
            let streets = [("建桥街", jianqiao), ("永丰街", yongfeng)]
            for (index, (name, token)) in streets.enumerated() {
                let unit = try await app.unitID(name)
                for n in 0..<3 {
                    let res = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                        type: "complaint", callerPhone: "1380000\(index)\(n)00", whatHappened: "投诉\(name)\(n)", categoryCode: "environment",
                        unitId: unit.uuidString))
                    let id = try res.content.decode(HotlineCaseDTO.self).id
                    guard n > 0 else { continue }  // the first case of each street stays unsigned
                    for event in ["sign_for", "start_work"] {
                        _ = try await app.send(.POST, "/api/v1/items/\(id)/events", token: token, json: ItemEventInput(event: event))
                    }
                    _ = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/contacts", token: token, json: HotlineContactInput(staff: "王", reached: true))
                    let replied = try await app.send(.POST, "/api/v1/items/\(id)/events", token: token, json: ItemEventInput(event: "submit", result: "已处理"))
                    XCTAssertEqual(replied.status, .ok, replied.body.string)
                    let satisfaction = index == 1 && n == 2 ? "不满意" : "满意"
                    let followed = try await app.send(.POST, "/api/v1/hotline/cases/\(id)/follow-up", token: dispatcher, json: ["satisfaction": satisfaction])
                    XCTAssertEqual(followed.status, .ok, followed.body.string)
                }
            }
            let today = try XCTUnwrap(LocalDate(chinaTimeOf: Date()))
            let month = String(format: "%04d-%02d", today.year, today.month)
            let period = "\(month)/\(month)"
            var exported = Data()
            let fromDatabase = try await HotlineAssessmentCommand.fromDatabase(app: app, period: period, units: nil) { exported = $0 }
            XCTAssertEqual(exported.split(separator: 0x0A).count, 6, "six cases assigned this month")
            let fromFile = try HotlineAssessmentCommand.fromFiles(period: period, cases: exported, units: nil, root: TestApp.root)
            XCTAssertEqual(String(decoding: fromDatabase, as: UTF8.self), String(decoding: fromFile, as: UTF8.self))
            let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: fromDatabase) as? [String: Any])
            let units = try XCTUnwrap(result["units"] as? [[String: Any]])
            XCTAssertEqual(Set(units.compactMap { $0["unit"] as? String }), ["建桥街", "永丰街"])
            // 永丰街: 1 dissatisfied of 2 rated → 50 % → −25 on item 13 (SPEC A2: below 60 %).
            let yongfengScore = try XCTUnwrap(units.first { $0["unit"] as? String == "永丰街" })
            let items = try XCTUnwrap(yongfengScore["items"] as? [String: Any])
            XCTAssertEqual(items["13"] as? Double, 5)
            let api = try await app.send(.GET, "/api/v1/assessments/hotline?period=\(period)", token: try await app.token("supervisor"))
            XCTAssertEqual(api.status, .ok)
            XCTAssertEqual(api.body.string, String(decoding: fromDatabase, as: UTF8.self))
            let bad = try await app.send(.GET, "/api/v1/assessments/hotline?period=2026-13/2026-14", token: try await app.token("supervisor"))
            XCTAssertEqual(bad.errorBody?.field, "period")
        }
    }

    /// The assessor's entries (items 1–6, 11, 15, 16) change the score, are checked field by field,
    /// reach the file path through `--export-units`, and show on the pages with the export.
    func testAssessorEntriesExportAndPages() async throws {
        try await TestApp.run { app in
            let dispatcher = try await app.token("dispatcher")
            let supervisor = try await app.token("supervisor")
            let jianqiao = try await app.unitID("建桥街")
            for n in 0..<2 {
                let res = try await app.send(.POST, "/api/v1/hotline/cases", token: dispatcher, json: HotlineIntakeInput(
                    type: "complaint", callerPhone: "1390000000\(n)", whatHappened: "路灯不亮\(n)", categoryCode: "municipal_facilities",
                    unitId: jianqiao.uuidString))
                XCTAssertEqual(res.status, .created, res.body.string)
            }
            let today = try XCTUnwrap(LocalDate(chinaTimeOf: Date()))
            let period = HotlineAssessments.period(containing: today).description
            let path = "/api/v1/assessments/hotline/entries/\(jianqiao.uuidString)?period=\(period)"

            // Each sub-item is capped at its points: (1) is worth 1, so 1.5 is refused, naming the field.
            var res = try await app.send(.PUT, path, token: supervisor, json: AssessmentEntryInput(organisation: [1.5, 0, 0, 0, 0, 0]))
            XCTAssertEqual(res.status, .unprocessableEntity)
            XCTAssertEqual(res.errorBody?.field, "organisation[0]")
            res = try await app.send(.PUT, path, token: supervisor, json: AssessmentEntryInput(organisation: [0, 0, 0]))
            XCTAssertEqual(res.errorBody?.field, "organisation")
            res = try await app.send(.PUT, path, token: supervisor, json: AssessmentEntryInput(cityDeductions: 0.125))
            XCTAssertEqual(res.errorBody?.field, "cityDeductions", "points have at most 2 decimals")
            res = try await app.send(.PUT, path, token: try await app.token("operator"), json: AssessmentEntryInput())
            XCTAssertEqual(res.status, .forbidden, "a unit does not score itself")
            res = try await app.send(.PUT, path, token: supervisor, json: AssessmentEntryInput(
                organisation: [0.5, 0, 0, 1, 0, 0], cityDeductions: 0.5, bonusCases: 7, disciplineReferrals: 1, note: "查台帐：无值守记录"))
            XCTAssertEqual(res.status, .ok, res.body.string)

            // By hand: (1)–(6) 10 − 0.5 − 1 = 8.5; (11) 10 − 2 × 0.5 = 9; bonus 7 cases capped at 5;
            // penalty 1 referral × 5 = 5.
            res = try await app.send(.GET, "/api/v1/assessments/hotline?period=\(period)", token: supervisor)
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
            let line = try XCTUnwrap((json["units"] as? [[String: Any]])?.first { $0["unit"] as? String == "建桥街" })
            let items = try XCTUnwrap(line["items"] as? [String: Any])
            XCTAssertEqual(items["1-6"] as? Double, 8.5)
            XCTAssertEqual(items["11"] as? Double, 9)
            XCTAssertEqual(line["bonus"] as? Double, 5)
            XCTAssertEqual(line["penalty"] as? Double, 5)
            XCTAssertEqual(line["cases"] as? Int, 2)
            // The line has exactly the properties the OpenAPI document declares for a unit's score (it once declared
            // none, with no others allowed, so every scored unit broke the schema).
            guard case .object(let properties)? = AssessmentRoutes.unitScoreSchema["properties"],
                  case .object(let itemProperties)? = properties.first(where: { $0.0 == "items" })?.1["properties"] else {
                return XCTFail("unit score schema without properties")
            }
            XCTAssertEqual(Set(line.keys), Set(properties.map(\.0)))
            XCTAssertEqual(Set(items.keys), Set(itemProperties.map(\.0)))

            // The database path hands its unit input to the file path, which scores the same.
            var cases = Data(), units = Data()
            let fromDatabase = try await HotlineAssessmentCommand.fromDatabase(app: app, period: period, units: nil,
                                                                               export: { cases = $0 }, exportUnits: { units = $0 })
            XCTAssertTrue(String(decoding: units, as: UTF8.self).contains("\"organisationDeductions\":1.5"))
            let fromFile = try HotlineAssessmentCommand.fromFiles(period: period, cases: cases, units: units, root: TestApp.root)
            XCTAssertEqual(String(decoding: fromDatabase, as: UTF8.self), String(decoding: fromFile, as: UTF8.self))
            XCTAssertEqual(res.body.string, String(decoding: fromDatabase, as: UTF8.self))

            // Exports: CSV with a BOM and the ranking; XLSX with the same cells.
            res = try await app.send(.GET, "/api/v1/assessments/hotline/export?period=\(period)&format=csv", token: supervisor)
            XCTAssertEqual(res.status, .ok)
            let csv = String(decoding: Data(buffer: res.body).dropFirst(3), as: UTF8.self)
            let rows = try CSV.parse(csv)
            XCTAssertEqual(rows.first?.first, "排名")
            let csvLine = try XCTUnwrap(rows.first { $0.count > 1 && $0[1] == "建桥街" })
            XCTAssertEqual(csvLine[2], "8.5", "item (1)–(6)")
            res = try await app.send(.GET, "/api/v1/assessments/hotline/export?period=\(period)&format=xlsx", token: supervisor)
            XCTAssertEqual(res.status, .ok)
            let sheet = try XCTUnwrap(try XLSXReader.sheets(from: Data(buffer: res.body)).first)
            XCTAssertEqual(sheet.rows, rows)
            res = try await app.send(.GET, "/api/v1/assessments/hotline/export?period=\(period)&format=pdf", token: supervisor)
            XCTAssertEqual(res.errorBody?.field, "format")
            res = try await app.send(.GET, "/api/v1/assessments/hotline/export?period=\(period)", token: try await app.token("operator"))
            XCTAssertEqual(res.status, .forbidden)

            // Pages: the ranking with its chart and links; the unit's deductions link to their cases;
            // the assessor's form saves; a unit sees its own line only.
            var browser = WebTests.Browser(app: app)
            try await browser.login("supervisor")
            let query = period.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            res = try await browser.get("/assessments/hotline?period=\(query)")
            XCTAssertEqual(res.status, .ok)
            XCTAssertTrue(res.body.string.contains("id=\"assessment-chart\""))
            XCTAssertTrue(res.body.string.contains(". 建桥街：</title>") == false && res.body.string.contains(". 建桥街："), "a bar titled with the unit and its total")
            XCTAssertTrue(res.body.string.contains("/assessments/hotline/units/\(jianqiao.uuidString)?period=\(query)"))
            let unitPath = "/assessments/hotline/units/\(jianqiao.uuidString)?period=\(query)"
            res = try await browser.get(unitPath)
            XCTAssertEqual(res.status, .ok)
            var html = res.body.string
            XCTAssertTrue(html.contains("查台帐：无值守记录"))
            XCTAssertTrue(html.contains("id=\"assessment-entry\""))
            let csrf = try XCTUnwrap(WebTests.Browser.csrf(in: html))
            res = try await browser.post(unitPath, form: ["_csrf": csrf, "org0": "2", "note": "x"])
            XCTAssertEqual(res.status, .unprocessableEntity, "(1) is worth 1 point")
            XCTAssertTrue(res.body.string.contains("organisation[0]"))
            res = try await browser.post(unitPath, form: ["_csrf": csrf, "org0": "1", "org5": "3", "bonusCases": "1", "note": "复查"])
            XCTAssertEqual(res.status, .seeOther)
            res = try await app.send(.GET, "/api/v1/assessments/hotline/entries?period=\(period)", token: supervisor)
            let entries = try res.content.decode([AssessmentEntryDTO].self)
            XCTAssertEqual(entries.map(\.organisation), [[1, 0, 0, 0, 0, 3]])
            XCTAssertEqual(entries.first?.cityDeductions, 0, "an empty field is no deduction")
            var operatorBrowser = WebTests.Browser(app: app)
            try await operatorBrowser.login("operator")
            res = try await operatorBrowser.get(unitPath)
            XCTAssertEqual(res.status, .ok, "建桥街's operator reads its own line")
            html = res.body.string
            XCTAssertFalse(html.contains("id=\"assessment-entry\""), "but cannot enter scores")
            res = try await operatorBrowser.get("/assessments/hotline/units/\(try await app.unitID("永丰街").uuidString)?period=\(query)")
            XCTAssertEqual(res.status, .forbidden)
            res = try await operatorBrowser.get("/assessments/hotline?period=\(query)")
            XCTAssertEqual(res.status, .forbidden)
        }
    }
}
