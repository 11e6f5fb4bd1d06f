@testable import DubanCore
import Foundation
import XCTest

final class XLSXStreamWriterTests: XCTestCase {
    func testCRC32OfTheCheckString() {
        // The standard check value of CRC-32/ISO-HDLC (the ZIP CRC).
        var crc = StreamCRC32()
        crc.update(Array("123456789".utf8))
        XCTAssertEqual(crc.value, 0xCBF4_3926)
        var split = StreamCRC32()
        split.update(Array("1234".utf8))
        split.update(Array("56789".utf8))
        XCTAssertEqual(split.value, 0xCBF4_3926, "incremental updates give the same CRC")
    }

    func testStreamedWorkbookReadsBackRowForRow() throws {
        var writer = try XLSXStreamWriter(sheetName: "台账")
        let header = ["编号", "标题", "备注"]
        let rows = [["1", "住院楼 <防火门> & 消防栓", " 前后空格 "], ["2", "", "第三列"], ["3", "_x0041_ 像转义", "多行\n第二行"]]
        var bytes = writer.start(header: header)
        bytes += writer.append(Array(rows.prefix(1)))
        bytes += writer.append(Array(rows.dropFirst()))
        bytes += writer.finish()
        let sheets = try XLSXReader.sheets(from: Data(bytes))
        XCTAssertEqual(sheets.map(\.name), ["台账"])
        XCTAssertEqual(sheets.first?.rows, [header] + rows)
    }

    func testAnEmptyListIsAWorkbookWithItsHeader() throws {
        var writer = try XLSXStreamWriter(sheetName: "空")
        let bytes = writer.start(header: ["a"]) + writer.append([]) + writer.finish()
        XCTAssertEqual(try XLSXReader.sheets(from: Data(bytes)).first?.rows, [["a"]])
    }

    func testInvalidSheetNameIsRefused() {
        XCTAssertThrowsError(try XLSXStreamWriter(sheetName: "a/b"))
    }
}
