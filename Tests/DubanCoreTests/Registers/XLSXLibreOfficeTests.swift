@testable import DubanCore
import Foundation
import XCTest

/// Round trips through a real spreadsheet application. Skipped, with a message, only when LibreOffice is not
/// installed (`apt-get install -y libreoffice-calc`); the committed fixture in ``XLSXReaderTests`` covers a
/// foreign file either way.
final class XLSXLibreOfficeTests: XCTestCase {
    private func soffice() throws -> URL {
        guard let soffice = XLSXTestSupport.libreOffice() else {
            throw XCTSkip("LibreOffice (soffice/libreoffice) is not on PATH: install libreoffice-calc to run this check")
        }
        return soffice
    }

    /// CSV import filter: comma (44), double quote (34), UTF-8 (76), start at line 1.
    private static let csvImport = "CSV:44,34,76,1"
    /// CSV export filter with the same tokens, so the output is UTF-8.
    private static let csvExport = "csv:Text - txt - csv (StarCalc):44,34,76,1"

    func testReadsAWorkbookLibreOfficeMadeFromCSV() throws {
        let soffice = try soffice()
        let work = try XLSXTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // Column 序号 and 面积 are numbers to LibreOffice; the rest stays text.
        let csv = "序号,单位(建筑)名称,面积,隐患基本情况\n"
            + "1,武汉市第五人民医院,12,\"1、住院楼, 门诊楼\n2、防火门损坏\"\n"
            + "2,建桥街\"汉\"商场,3.5,\n"
            + "3,,-7,疏散通道堵塞\n"
        let input = work.appendingPathComponent("register.csv")
        try Data(csv.utf8).write(to: input)
        let output = try XLSXTestSupport.convert(input, to: "xlsx", extension: "xlsx", infilter: Self.csvImport,
                                                 in: work, using: soffice)
        let sheets = try XLSXReader.sheets(from: Data(contentsOf: output))
        XCTAssertEqual(sheets.count, 1)
        XCTAssertEqual(sheets[0].rows, [
            ["序号", "单位(建筑)名称", "面积", "隐患基本情况"],
            ["1", "武汉市第五人民医院", "12", "1、住院楼, 门诊楼\n2、防火门损坏"],
            ["2", "建桥街\"汉\"商场", "3.5", ""],
            ["3", "", "-7", "疏散通道堵塞"],
        ])
        // The numbers really were numbers in LibreOffice's file (no t="s"), and still read as written.
        let sheetXML = try sheetPart(of: Data(contentsOf: output))
        XCTAssertTrue(sheetXML.contains("<v>3.5</v>"), sheetXML)
    }

    func testLibreOfficeOpensOurWorkbook() throws {
        let soffice = try soffice()
        let work = try XLSXTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        // Everything but the carriage return (LibreOffice turns CR LF in a cell into LF) goes through as is.
        let awkward = XLSXRoundTripTests.awkwardCells.filter { !$0.unicodeScalars.contains("\r") }
        let header = ["序号", "内容", "备注"]
        let rows = awkward.enumerated().map { ["\($0.offset + 1)", $0.element, "备注"] } + [["0012", "1.50", "=A1"]]
        let data = try XLSXWriter.workbook(sheets: [XLSXSheet(name: "台账", header: header, rows: rows),
                                                    XLSXSheet(name: "第二页", header: ["x"], rows: [])])
        let input = work.appendingPathComponent("ours.xlsx")
        try data.write(to: input)
        let output = try XLSXTestSupport.convert(input, to: Self.csvExport, extension: "csv", in: work, using: soffice)
        let text = try String(contentsOf: output, encoding: .utf8)
        // LibreOffice exports the first sheet. Text cells stay text: "0012" and "=A1" are not evaluated.
        XCTAssertEqual(try CSV.parse(text), [header] + rows)
    }

    /// The first worksheet's XML of a workbook, through the reader's ZIP directory.
    private func sheetPart(of data: Data) throws -> String {
        let directory = try XLSXZipDirectory(data: data, limits: XLSXReadLimits())
        let entry = try XCTUnwrap(directory.entry("xl/worksheets/sheet1.xml"))
        return String(decoding: try directory.contents(of: entry, limits: XLSXReadLimits(), budget: .max), as: UTF8.self)
    }
}
