import DubanCore
import XCTest

/// The task-breakdown table of 001 阳政办(2018)11号 附件.
final class TaskBreakdownRegisterTests: XCTestCase {
    func testUnitCellsSplitAsTheTableWritesThem() {
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "区委宣传部"), ["区委宣传部"])
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "区民政局 区残联"), ["区民政局", "区残联"])
        // Row 8: a bracketed sub-unit stays with its unit.
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "城管委 区建设局 (建管站) 区交通大队"), ["城管委", "区建设局 (建管站)", "区交通大队"])
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "公安汉阳分局 (区交通大队)"), ["公安汉阳分局 (区交通大队)"])
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "公安汉阳分局(区交通大队)、区城管委"), ["公安汉阳分局(区交通大队)", "区城管委"])
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "区水务局，武汉市路灯管理服务中心；区园林局"),
                       ["区水务局", "武汉市路灯管理服务中心", "区园林局"])
        XCTAssertEqual(TaskBreakdownRegister.unitNames(in: "  "), [])
    }

    func testOneBadRowReportsItsRowAndColumn() {
        let header = TaskBreakdownRegister.columns
        let good = ["1", "在主流媒体宣传报道汉阳文明交通工作", "区委宣传部", "5月底"]
        let noUnit = ["2", "组织交通安全宣传日", "", "5月底"]
        let short = ["3", "规范电动自行车销售市场"]
        guard case .failure(let invalid) = TaskBreakdownRegister.layout.validate([header, good, noUnit, short]) else {
            return XCTFail("accepted a file with bad rows")
        }
        XCTAssertEqual(invalid.errors, [
            RegisterLayout.RowError(row: 2, column: "责任单位", message: "不能为空"),
            RegisterLayout.RowError(row: 3, column: "责任单位", message: "应有4列，实有2列"),
        ])
        guard case .success(let rows) = TaskBreakdownRegister.layout.validate([header, good, ["4", "长期坚持的任务", "区文化局", ""]]) else {
            return XCTFail("refused good rows")
        }
        XCTAssertEqual(rows.map { $0["完成时限"] }, ["5月底", ""], "完成时限 may be empty")
        XCTAssertEqual(rows.first?["序号"], nil, "序号 is the row number, not stored")
    }
}
