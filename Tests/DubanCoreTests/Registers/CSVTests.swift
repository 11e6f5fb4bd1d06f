import DubanCore
import XCTest

final class CSVTests: XCTestCase {
    func testRoundTripOfAwkwardFields() throws {
        let rows = [["序号", "隐患基本情况"], ["1", "1、住院楼, 门诊楼\n2、\"防火门\"损坏"], ["2", ""], ["3", " 前后空格 "]]
        let text = CSV.encode(rows, byteOrderMark: true)
        XCTAssertTrue(text.hasPrefix("\u{FEFF}序号,隐患基本情况\r\n"))
        XCTAssertEqual(try CSV.parse(text), rows)
    }

    func testLineEndsAndEmptyFields() throws {
        XCTAssertEqual(try CSV.parse("a,b\nc,\n"), [["a", "b"], ["c", ""]])
        XCTAssertEqual(try CSV.parse("a,b\r\n,d"), [["a", "b"], ["", "d"]])
        XCTAssertEqual(try CSV.parse(""), [])
    }

    func testMalformedQuotesAreReportedWithTheLine() {
        XCTAssertThrowsError(try CSV.parse("a,b\n\"open,c")) { XCTAssertEqual($0 as? CSV.ParseError, .unterminatedQuote(line: 2)) }
        XCTAssertThrowsError(try CSV.parse("a\n\"x\"y,z")) { XCTAssertEqual($0 as? CSV.ParseError, .textAfterQuote(line: 2)) }
    }

    func testRegisterValidationNamesRowAndColumn() {
        let header = MajorFireHazardRegister.columns
        let good = ["1", "建桥街", "武汉市第五人民医院", "简况", "隐患", "负责人", "区卫计委", "建桥街:李盛", "2017年 12月31日"]
        var missing = good
        missing[2] = " "
        var badDate = good
        badDate[8] = "年底前"
        let result = MajorFireHazardRegister.validate([header, good, missing, badDate, Array(good.prefix(5))])
        guard case .failure(let invalid) = result else { return XCTFail("accepted") }
        let errors = invalid.errors
        XCTAssertEqual(errors.map(\.row), [2, 3, 4])
        XCTAssertEqual(errors.map(\.column), ["单位(建筑)名称", "计划整改完毕时间", "单位负责人"])
        guard case .success(let rows) = MajorFireHazardRegister.validate([header, good]) else { return XCTFail("refused") }
        XCTAssertEqual(rows.first?["单位(建筑)名称"], "武汉市第五人民医院")
        XCTAssertEqual(MajorFireHazardRegister.plannedCompletion("2017年 12月31日"), LocalDate(year: 2017, month: 12, day: 31))
        guard case .failure(let header) = MajorFireHazardRegister.validate([["序号", "名称"]]) else { return XCTFail() }
        XCTAssertEqual(header.errors.first?.row, 0)
    }
}
