@testable import DubanCore
import Foundation
import XCTest

final class XLSXWriterTests: XCTestCase {
    private func sheet(_ name: String) -> XLSXSheet { XLSXSheet(name: name, header: ["A"], rows: []) }

    private func writeError(_ sheets: [XLSXSheet]) -> XLSXError? {
        XLSXTestSupport.error { _ = try XLSXWriter.workbook(sheets: sheets) }
    }

    func testSheetNamesFollowExcelsRules() throws {
        // 31 characters is Excel's maximum; 32 is one too many.
        XCTAssertNoThrow(try XLSXWriter.workbook(sheets: [sheet(String(repeating: "台", count: 31))]))
        let long = writeError([sheet(String(repeating: "台", count: 32))])
        XCTAssertEqual(long?.code, "invalid_sheet_name")
        XCTAssertEqual(long?.field, "sheets[0].name")
        for bad in ["", "a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b", "'台账", "台账'", "History", "history", "a\u{1}b", "a\tb"] {
            XCTAssertEqual(writeError([sheet("ok"), sheet(bad)])?.code, "invalid_sheet_name", "name \(bad)")
            XCTAssertEqual(writeError([sheet("ok"), sheet(bad)])?.field, "sheets[1].name", "name \(bad)")
        }
        // Allowed: apostrophe inside, brackets of other kinds, spaces, Chinese punctuation.
        XCTAssertNoThrow(try XLSXWriter.workbook(sheets: [sheet("O'Brien (2017) 重大火灾隐患：台账")]))
    }

    func testDuplicateNamesAndEmptyWorkbookAreRefused() {
        XCTAssertEqual(writeError([sheet("台账"), sheet("台账")]), .duplicateSheetName(field: "sheets[1].name", name: "台账"))
        // Excel compares names without case.
        XCTAssertEqual(writeError([sheet("Sheet"), sheet("SHEET")])?.code, "duplicate_sheet_name")
        let empty = writeError([])
        XCTAssertEqual(empty, .noSheets)
        XCTAssertEqual(empty?.field, "sheets")
        XCTAssertTrue(empty?.message.contains(" / ") ?? false)
    }

    func testColumnWidthsMustBeWithinExcelsRange() {
        for width in [-1, 255.5, .nan, .infinity] {
            let error = writeError([XLSXSheet(name: "s", header: ["a", "b"], rows: [], columnWidths: [10, width])])
            XCTAssertEqual(error?.code, "invalid_column_width", "width \(width)")
            XCTAssertEqual(error?.field, "sheets[0].columnWidths[1]")
        }
        XCTAssertNoThrow(try XLSXWriter.workbook(sheets: [XLSXSheet(name: "s", header: ["a"], rows: [], columnWidths: [0, 255])]))
    }

    func testSizesBeyondExcelAreRefused() {
        // A header plus 1,048,576 data rows is 1,048,577 rows, one more than Excel's 1,048,576.
        let tall = XLSXSheet(name: "s", header: ["a"], rows: Array(repeating: [], count: 1_048_576))
        XCTAssertEqual(writeError([tall]), .sheetTooLarge(field: "sheets[0].rows", count: 1_048_577, maximum: 1_048_576))
        let wide = XLSXSheet(name: "s", header: Array(repeating: "x", count: 16_385), rows: [])
        XCTAssertEqual(writeError([wide]), .sheetTooLarge(field: "sheets[0].header", count: 16_385, maximum: 16_384))
        // 32,767 characters fit a cell; 32,768 do not. The field names the data row and column.
        let fits = XLSXSheet(name: "s", header: ["a", "b"], rows: [["1", String(repeating: "字", count: 32_767)]])
        XCTAssertNoThrow(try XLSXWriter.workbook(sheets: [fits]))
        let long = XLSXSheet(name: "s", header: ["a", "b"], rows: [["1", String(repeating: "字", count: 32_768)]])
        XCTAssertEqual(writeError([long]), .cellTooLong(field: "sheets[0].rows[0][1]", length: 32_768, maximum: 32_767))
    }

    func testPackageHoldsTheMinimalPartsInOrder() throws {
        let parts = try XLSXWriter.parts(sheets: [sheet("一"), sheet("二")], options: XLSXWriteOptions())
        XCTAssertEqual(parts.map(\.path), ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                           "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                                           "xl/worksheets/sheet2.xml"])
        let text = Dictionary(uniqueKeysWithValues: parts.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        XCTAssertTrue(text["[Content_Types].xml"]!.contains("<Override PartName=\"/xl/worksheets/sheet2.xml\""))
        XCTAssertTrue(text["xl/workbook.xml"]!.contains("<sheet name=\"一\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"二\" sheetId=\"2\" r:id=\"rId2\"/>"))
        // Two sheets are rId1 and rId2, then styles rId3 and shared strings rId4.
        XCTAssertTrue(text["xl/_rels/workbook.xml.rels"]!.contains("Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\""))
        // Styles: a bold font, wrapped text; cell style 2 uses the bold font.
        let styles = text["xl/styles.xml"]!
        XCTAssertTrue(styles.contains("<font><b/>"))
        XCTAssertTrue(styles.contains("<xf numFmtId=\"49\" fontId=\"1\""))
        XCTAssertTrue(styles.contains("wrapText=\"1\""))
        // Only the first sheet is selected.
        XCTAssertTrue(text["xl/worksheets/sheet1.xml"]!.contains("tabSelected=\"1\""))
        XCTAssertFalse(text["xl/worksheets/sheet2.xml"]!.contains("tabSelected"))
    }

    func testHeaderIsBoldAndFrozenAndCellsAreEscaped() throws {
        let awkward = XLSXSheet(name: "A&B", header: ["序号", "名称"],
                                rows: [["1", " 前导空格"], ["2", "<a> & \"b\" 'c'"], ["", "行一\r\n行二"], ["3", "_x0041_"], ["4", "a\u{0B}b\u{FFFF}"]],
                                columnWidths: [6, 40.5])
        let parts = try XLSXWriter.parts(sheets: [awkward], options: XLSXWriteOptions())
        let text = Dictionary(uniqueKeysWithValues: parts.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        XCTAssertTrue(text["xl/workbook.xml"]!.contains("name=\"A&amp;B\""))
        let sheet = text["xl/worksheets/sheet1.xml"]!
        XCTAssertTrue(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        // Header row uses style 2 (bold), data style 1; shared strings numbered by first use: 序号 0, 名称 1, "1" 2.
        XCTAssertTrue(sheet.contains("<row r=\"1\"><c r=\"A1\" s=\"2\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"2\" t=\"s\"><v>1</v></c></row>"))
        XCTAssertTrue(sheet.contains("<row r=\"2\"><c r=\"A2\" s=\"1\" t=\"s\"><v>2</v></c>"))
        // The empty first cell of data row 3 (sheet row 4) is not written.
        XCTAssertTrue(sheet.contains("<row r=\"4\"><c r=\"B4\""))
        // 6 rows (header + 5) by 2 columns.
        XCTAssertTrue(sheet.contains("<dimension ref=\"A1:B6\"/>"))
        XCTAssertTrue(sheet.contains("<col min=\"2\" max=\"2\" width=\"40.5\" customWidth=\"1\"/>"))
        let strings = text["xl/sharedStrings.xml"]!
        XCTAssertTrue(strings.contains("<si><t xml:space=\"preserve\"> 前导空格</t></si>"))
        XCTAssertTrue(strings.contains("<si><t>&lt;a&gt; &amp; \"b\" 'c'</t></si>"))
        XCTAssertTrue(strings.contains("<si><t>行一&#13;\n行二</t></si>"))
        XCTAssertTrue(strings.contains("<si><t>_x005F_x0041_</t></si>"))
        // The vertical tab and U+FFFF cannot be carried by XML and are dropped.
        XCTAssertTrue(strings.contains("<si><t>ab</t></si>"))
        // Non-empty cells: header 2 + rows 2 + 2 + 1 + 2 + 2 = 11, all different texts.
        XCTAssertTrue(strings.contains("count=\"11\" uniqueCount=\"11\""))
    }

    func testRepeatedTextIsStoredOnce() throws {
        let parts = try XLSXWriter.parts(sheets: [XLSXSheet(name: "s", header: ["区"], rows: [["建桥街"], ["建桥街"], ["建桥街"]])],
                                         options: XLSXWriteOptions())
        let strings = String(decoding: parts.first { $0.path == "xl/sharedStrings.xml" }!.data, as: UTF8.self)
        // 4 cells, 2 distinct texts.
        XCTAssertTrue(strings.contains("count=\"4\" uniqueCount=\"2\""))
    }

    func testIllegalCharactersAreDroppedOrReplaced() throws {
        let rows = [["a\u{0}b\u{1F}c\u{0C}d"]]
        let dropped = try XLSXReader.sheets(from: XLSXWriter.workbook(sheets: [XLSXSheet(name: "s", header: [], rows: rows)]))
        XCTAssertEqual(dropped.first?.rows, [["abcd"]])
        // The replacement is itself cleaned: "?\u{1}" → "?".
        let options = XLSXWriteOptions(illegalCharacterReplacement: "?\u{1}")
        let replaced = try XLSXReader.sheets(from: XLSXWriter.workbook(sheets: [XLSXSheet(name: "s", header: [], rows: rows)], options: options))
        XCTAssertEqual(replaced.first?.rows, [["a?b?c?d"]])
    }

    func testSameInputGivesSameBytes() throws {
        let sheets = [XLSXSheet(name: "重大火灾隐患", header: MajorFireHazardRegister.columns,
                                rows: (1...50).map { n in ["\(n)", "建桥街", "单位\(n)", "", "隐患 <\(n)>", "", "", "", "2017年12月31日"] },
                                columnWidths: [6, 12, 30])]
        let first = try XLSXWriter.workbook(sheets: sheets)
        let second = try XLSXWriter.workbook(sheets: sheets)
        XCTAssertEqual(first, second)
        // A ZIP whose first entry is [Content_Types].xml: local header signature, name at offset 30.
        XCTAssertEqual(Array(first.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
        XCTAssertEqual(String(decoding: first[30..<49], as: UTF8.self), "[Content_Types].xml")
        // The time stamp is the only input besides the cells: a different one changes the bytes.
        let stamped = try XLSXWriter.workbook(sheets: sheets, options: XLSXWriteOptions(modificationDate: Date(timeIntervalSince1970: 1_700_000_000)))
        XCTAssertNotEqual(first, stamped)
        XCTAssertEqual(first.count, stamped.count)
        // Default stamp 1980-01-01 00:00 is MS-DOS date 0x0021 (day 1, month 1 << 5, year 0 << 9), time 0,
        // at offsets 10 (time) and 12 (date) of the local header.
        XCTAssertEqual(Array(first[10..<14]), [0x00, 0x00, 0x21, 0x00])
    }
}
