@testable import DubanCore
import Foundation
import XCTest

final class XLSXRoundTripTests: XCTestCase {
    /// Cells that break naive writers, each in a row of its own with a row number in column A.
    static let awkwardCells = [
        "武汉市第五人民医院", "", " 前导空格", "尾随空格 ", "  ", "<>&\"'", "a < b && c > d", "第一行\n第二行",
        "CR LF\r\n之后", "\t制表符", "_x0041_", "_x005F_", "😀 emoji", "=1+2", "0012", "1.50", "TRUE", "&amp;",
        "]]>", "全角　空格", String(repeating: "长", count: 5_000),
    ]

    func testAwkwardCellsSurviveWriteThenRead() throws {
        let header = ["序号", "内容", "备注"]
        let rows = Self.awkwardCells.enumerated().map { ["\($0.offset + 1)", $0.element, "备注\($0.offset + 1)"] }
        let data = try XLSXWriter.workbook(sheets: [XLSXSheet(name: "台账", header: header, rows: rows)])
        let sheets = try XLSXReader.sheets(from: data)
        XCTAssertEqual(sheets.map(\.name), ["台账"])
        XCTAssertEqual(sheets[0].rows, [header] + rows)
    }

    func testThousandRowsAndSeveralSheetsInOrder() throws {
        // 1,000 data rows of 9 columns; every third cell of column D empty.
        let header = MajorFireHazardRegister.columns
        let rows = (1...1_000).map { n in
            ["\(n)", "建桥街", "单位\(n)", n % 3 == 0 ? "" : "简况\(n)", "隐患\(n)", "负责人", "监管人", "分管人", "2017年12月31日"]
        }
        let data = try XLSXWriter.workbook(sheets: [
            XLSXSheet(name: "重大火灾隐患", header: header, rows: rows),
            XLSXSheet(name: "任务分解", header: ["序号", "任务目标", "责任单位", "完成时限"], rows: [["1", "目标", "区安监局", "6月底前"]]),
            XLSXSheet(name: "空表", header: [], rows: []),
        ])
        let sheets = try XLSXReader.sheets(from: data)
        XCTAssertEqual(sheets.map(\.name), ["重大火灾隐患", "任务分解", "空表"])
        XCTAssertEqual(sheets[0].rows.count, 1_001)
        XCTAssertEqual(sheets[0].rows, [header] + rows)
        XCTAssertEqual(sheets[1].rows, [["序号", "任务目标", "责任单位", "完成时限"], ["1", "目标", "区安监局", "6月底前"]])
        XCTAssertEqual(sheets[2].rows, [])
    }

    func testEmptyRowsInsideAreKeptAndTrailingEmptiesAreNot() throws {
        // Rows and columns past the last text are not returned (documented); gaps before it are.
        let rows = [["a", "", ""], ["", "", ""], ["", "b", ""], ["", "", ""]]
        let data = try XLSXWriter.workbook(sheets: [XLSXSheet(name: "s", header: [], rows: rows)])
        XCTAssertEqual(try XLSXReader.sheets(from: data).first?.rows, [["a", ""], ["", ""], ["", "b"]])
    }

    func testRowsAreFilledToTheSheetWidth() throws {
        let data = try XLSXWriter.workbook(sheets: [XLSXSheet(name: "s", header: ["a", "b", "c"], rows: [["1"], ["1", "2", "3", "4"]])])
        XCTAssertEqual(try XLSXReader.sheets(from: data).first?.rows, [["a", "b", "c", ""], ["1", "", "", ""], ["1", "2", "3", "4"]])
    }

    func testExportedRegisterImportsThroughTheRegisterValidator() throws {
        let row = ["1", "建桥街", "武汉市第五人民医院", "简况", "隐患", "负责人", "区卫计委", "建桥街:李盛", "2017年 12月31日"]
        let data = try XLSXWriter.workbook(sheets: [XLSXSheet(name: "重大火灾隐患", header: MajorFireHazardRegister.columns, rows: [row])])
        let table = try XCTUnwrap(XLSXReader.sheets(from: data).first).rows
        guard case .success(let records) = MajorFireHazardRegister.validate(table) else { return XCTFail("refused") }
        XCTAssertEqual(records.first?["单位(建筑)名称"], "武汉市第五人民医院")
    }
}
