@testable import DubanCore
import Foundation
import XCTest

/// Reading workbooks this module did not write: a committed LibreOffice file and hand-written parts in the
/// shapes Excel, WPS and the OpenXML SDK produce.
final class XLSXReaderTests: XCTestCase {
    private func read(_ data: Data, limits: XLSXReadLimits = XLSXReadLimits()) throws -> [XLSXReadSheet] {
        try XLSXReader.sheets(from: data, limits: limits)
    }

    private func readError(_ data: Data, limits: XLSXReadLimits = XLSXReadLimits(),
                           file: StaticString = #filePath, line: UInt = #line) -> XLSXError? {
        XLSXTestSupport.error({ _ = try XLSXReader.sheets(from: data, limits: limits) }, file: file, line: line)
    }

    /// Fixtures/xlsx/libreoffice-register.xlsx was made by LibreOffice 7.4 from libreoffice-register.fods
    /// beside it (`soffice --headless --convert-to xlsx`). LibreOffice wrote: shared strings with
    /// xml:space="preserve"; rich-text runs split by script (单位 / ( / 建筑 / ) / 名称); a row gap (no row 3);
    /// a cell gap (no B4); a lone cell in F5; the date 2017-12-31 as the number 43100 without a date
    /// style; the boolean TRUE as the number 1; a formula with its cached value.
    func testReadsTheCommittedLibreOfficeWorkbook() throws {
        let data = try Data(contentsOf: XLSXTestSupport.fixtures.appendingPathComponent("libreoffice-register.xlsx"))
        let sheets = try read(data)
        XCTAssertEqual(sheets.map(\.name), ["隐患台账", "其他"])
        // Widest row reaches column F (6); last row with text is 5.
        XCTAssertEqual(sheets[0].rows, [
            ["序号", "行政辖区", "单位(建筑)名称", "计划整改完毕时间", "", ""],
            // 2017-12-31 is serial 43100: 2018-01-01 is 36526 (2000-01-01) + 18 × 365 + 5 leap days = 43101.
            ["1", "建桥街", "武汉市第五人民医院", "43100", "", ""],
            ["", "", "", "", "", ""],
            ["2.5", "", "A&B <c> \"引号\"", "第一行\n第二行", "", ""],
            ["", "", "", "", "", "远处"],
        ])
        XCTAssertEqual(sheets[1].rows, [["1", "3", "合计"]])
    }

    func testExcelStyleCellTypes() throws {
        // Shared strings: 0 plain, 1 rich text with a phonetic guide (left out), 2 with an escaped CR.
        let strings = "<si><t>甲</t></si>"
            + "<si><r><rPr><b/></rPr><t>武汉</t></r><r><t xml:space=\"preserve\"> 第五</t></r><rPh sb=\"0\" eb=\"1\"><t>wuhan</t></rPh></si>"
            + "<si><t>行一_x000D_行二</t></si>"
        let cells = "<row r=\"1\">"
            + "<c r=\"A1\" t=\"s\"><v>0</v></c>"
            + "<c r=\"B1\" t=\"s\"><v>1</v></c>"
            + "<c r=\"C1\" t=\"s\"><v>2</v></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>内联</t></is></c>"
            + "<c r=\"E1\" t=\"inlineStr\"><is><r><t>分</t></r><r><t>段</t></r></is></c>"
            + "<c r=\"F1\"><v>1</v></c>"
            + "<c r=\"G1\" t=\"n\"><v>3.5</v></c>"
            + "<c r=\"H1\" s=\"3\"><v>1.0000000000000001E-3</v></c>"
            + "<c r=\"I1\" t=\"b\"><v>1</v></c>"
            + "<c r=\"J1\" t=\"b\"><v>0</v></c>"
            + "<c r=\"K1\" t=\"e\"><v>#N/A</v></c>"
            + "<c r=\"L1\" t=\"str\"><f>A1&amp;\"x\"</f><v>甲x</v></c>"
            + "<c r=\"M1\"><f>1+1</f><v>2</v></c>"
            + "<c r=\"N1\" s=\"1\"/>"
            + "</row>"
        let rows = try read(XLSXTestSupport.package(sheetData: cells, sharedStrings: strings))[0].rows
        // N1 is a styled empty cell: it is not text, so the sheet is 13 columns wide (A–M).
        XCTAssertEqual(rows, [["甲", "武汉 第五", "行一\r行二", "内联", "分段", "1", "3.5", "1.0000000000000001E-3",
                               "TRUE", "FALSE", "#N/A", "甲x", "2"]])
    }

    func testGapsKeepSheetRowNumbers() throws {
        // Rows 1, 2 and 5 (A1, C1, B2, D5); rows 3–4 and cells B1, A2, … are missing.
        let cells = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c></row>"
            + "<row r=\"2\"><c r=\"B2\"><v>7</v></c></row>"
            + "<row r=\"5\"><c r=\"D5\" t=\"inlineStr\"><is><t>d</t></is></c></row>"
        let rows = try read(XLSXTestSupport.package(sheetData: cells))[0].rows
        XCTAssertEqual(rows, [["a", "", "c", ""], ["", "7", "", ""], ["", "", "", ""], ["", "", "", ""], ["", "", "", "d"]])
        // rows[4] is sheet row 5, as the import error report will say.
        XCTAssertEqual(rows[4][3], "d")
    }

    func testReferencesMayBeOmittedAndElementsPrefixed() throws {
        // Without r, a row follows the previous row and a cell the previous cell. OpenXML SDK writers use
        // an x: prefix for the main namespace.
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheet = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"\(main)\"><x:sheetData>"
            + "<x:row><x:c t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c><x:c r=\"C1\"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>"
            + "<x:row r=\"3\"><x:c><x:v>5</x:v></x:c></x:row><x:row><x:c><x:v>6</x:v></x:c></x:row>"
            + "</x:sheetData></x:worksheet>"
        var package = XLSXTestSupport.package(sheetData: "")
        package = XLSXTestSupport.storedZip(try entries(of: package).map { $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, Data(sheet.utf8)) : $0 })
        XCTAssertEqual(try read(package)[0].rows, [["a", "", "3", "4"], ["", "", "", ""], ["5", "", "", ""], ["6", "", "", ""]])
    }

    func testSheetXMLLargerThanTenMegabytes() throws {
        // libxml2 refuses a single input chunk over 10,000,000 bytes; a sheet of some 25,000 register rows
        // is that big. 11,000,000 spaces between two rows make the part that big cheaply.
        let padding = String(repeating: " ", count: 11_000_000)
        let cells = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\(padding)<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>"
        XCTAssertEqual(try read(XLSXTestSupport.package(sheetData: cells))[0].rows, [["1"], ["2"]])
    }

    func testSheetOrderComesFromTheWorkbookNotThePartNames() throws {
        // The workbook lists sheet2.xml's relationship first; the rels use an absolute target for one
        // sheet; a chart sheet is skipped; a hidden sheet is read.
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let workbook = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
            + "<sheet name=\"第二\" sheetId=\"2\" r:id=\"rId9\"/><sheet name=\"图表\" sheetId=\"3\" r:id=\"rId3\"/>"
            + "<sheet name=\"第一\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/></sheets></workbook>"
        let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId9\" Type=\"\(rel)/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(rel)/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>"
        let sheet = { (text: String) in
            Data("<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(text)</t></is></c></row></sheetData></worksheet>".utf8)
        }
        let zip = XLSXTestSupport.storedZip([
            ("xl/workbook.xml", Data(workbook.utf8)), ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
            ("xl/worksheets/sheet1.xml", sheet("一")), ("xl/worksheets/sheet2.xml", sheet("二")),
        ])
        // No _rels/.rels: the workbook is found at its conventional name.
        let sheets = try read(zip)
        XCTAssertEqual(sheets.map(\.name), ["第二", "第一"])
        XCTAssertEqual(sheets.map(\.rows), [[["二"]], [["一"]]])
    }

    func testPackagesThatAreNoWorkbook() {
        // A ZIP of something else entirely.
        XCTAssertEqual(readError(XLSXTestSupport.storedZip([("readme.txt", Data("hi".utf8))])), .missingWorkbook)
        // A Word document: the package relationship points at a part whose root is not <workbook>.
        let rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
        let docx = XLSXTestSupport.storedZip([("_rels/.rels", Data(rels.utf8)),
                                              ("word/document.xml", Data("<w:document xmlns:w=\"urn:w\"/>".utf8))])
        let error = readError(docx)
        XCTAssertEqual(error, .missingWorkbook)
        XCTAssertEqual(error?.field, "file")
    }

    func testBrokenReferencesInsideThePackage() {
        // A shared-string index past the table (one string, index 1).
        let badIndex = XLSXTestSupport.package(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>", sharedStrings: "<si><t>a</t></si>")
        XCTAssertEqual(readError(badIndex)?.code, "malformed_sheet")
        // Rows must ascend.
        let backwards = XLSXTestSupport.package(sheetData: "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")
        XCTAssertEqual(readError(backwards)?.code, "malformed_sheet")
        // Lower-case or absolute references are not cell references.
        for reference in ["a1", "$A$1", "A1:B2", "1A", "A0", ""] {
            let bad = XLSXTestSupport.package(sheetData: "<row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row>")
            XCTAssertEqual(readError(bad)?.code, "malformed_sheet", "reference \(reference)")
        }
        // A sheet relationship whose part is missing.
        var entries = (try? entries(of: XLSXTestSupport.package(sheetData: ""))) ?? []
        entries.removeAll { $0.0 == "xl/worksheets/sheet1.xml" }
        XCTAssertEqual(readError(XLSXTestSupport.storedZip(entries)), .missingPart("xl/worksheets/sheet1.xml"))
    }

    /// The entries of a stored ZIP made by `XLSXTestSupport`, read back through the reader's directory.
    private func entries(of zip: Data) throws -> [(String, Data)] {
        let directory = try XLSXZipDirectory(data: zip, limits: XLSXReadLimits())
        return try directory.entries.values.sorted { $0.dataOffset < $1.dataOffset }.map { entry in
            (entry.path, try directory.contents(of: entry, limits: XLSXReadLimits(), budget: .max))
        }
    }
}
