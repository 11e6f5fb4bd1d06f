/// 重大火灾隐患台账 — the register of major fire hazards under listed supervision, in exactly the columns
/// of 000 阳政办(2017)45号 附件 (2017年区级重大火灾隐患情况统计表).
public enum MajorFireHazardRegister {
    /// The header row, in the seed's order. 序号 is the row number and is not stored.
    public static let columns = ["序号", "行政辖区", "单位(建筑)名称", "单位简况", "隐患基本情况", "单位负责人",
                                 "消防监管责任人", "街道分管副主任", "计划整改完毕时间"]

    public static let layout = RegisterLayout(
        columns: columns, required: ["行政辖区", "单位(建筑)名称", "隐患基本情况", "计划整改完毕时间"],
        check: { row in
            guard let due = row["计划整改完毕时间"], !due.isEmpty, plannedCompletion(due) == nil else { return [] }
            return [("计划整改完毕时间", "无法识别日期「\(due)」")]
        })

    /// The stored columns (all but 序号).
    public static var fields: [String] { layout.fields }

    public typealias Invalid = RegisterLayout.Invalid
    public typealias RowError = RegisterLayout.RowError

    /// Checks a parsed file: the header must be the seed's, every row as long as the header, the
    /// required columns filled and the planned date readable.
    public static func validate(_ table: [[String]]) -> Result<[[String: String]], Invalid> {
        layout.validate(table)
    }

    /// "2017年 12月31日", "2017年12月31日", "2017-12-31", "2017.12.31" → the date.
    public static func plannedCompletion(_ text: String) -> LocalDate? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count == 3 else { return nil }
        return LocalDate(year: digits[0], month: digits[1], day: digits[2])
    }
}
