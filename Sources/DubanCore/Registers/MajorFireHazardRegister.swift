/// 重大火灾隐患台账 — the register of major fire hazards under listed supervision, in exactly the columns
/// of 000 阳政办(2017)45号 附件 (2017年区级重大火灾隐患情况统计表).
public enum MajorFireHazardRegister {
    /// The header row, in the seed's order. 序号 is the row number and is not stored.
    public static let columns = ["序号", "行政辖区", "单位(建筑)名称", "单位简况", "隐患基本情况", "单位负责人",
                                 "消防监管责任人", "街道分管副主任", "计划整改完毕时间"]

    /// The stored columns (all but 序号).
    public static var fields: ArraySlice<String> { columns.dropFirst() }

    /// Columns a row must fill.
    public static let required: Set<String> = ["行政辖区", "单位(建筑)名称", "隐患基本情况", "计划整改完毕时间"]

    /// Every problem of a file; nothing is imported while there is one.
    public struct Invalid: Error, Equatable, Sendable {
        public var errors: [RowError]
    }

    public struct RowError: Equatable, Sendable, CustomStringConvertible {
        /// 1-based row of the data (the header is row 0).
        public var row: Int
        public var column: String
        public var message: String

        public var description: String { "第\(row)行「\(column)」：\(message)" }
    }

    /// Checks a parsed file: the header must be the seed's, every row as long as the header and the
    /// required columns filled. Returns the rows as column → value, or every error found.
    public static func validate(_ table: [[String]]) -> Result<[[String: String]], Invalid> {
        guard let header = table.first else {
            return .failure(Invalid(errors: [RowError(row: 0, column: "序号", message: "文件为空 / empty file")]))
        }
        let clean = header.map { TextNormalization.clean($0) }
        guard clean == columns else {
            return .failure(Invalid(errors: [RowError(row: 0, column: clean.first { !columns.contains($0) } ?? "序号",
                                                      message: "表头应为：\(columns.joined(separator: ","))")]))
        }
        var errors: [RowError] = []
        var rows: [[String: String]] = []
        for (index, raw) in table.dropFirst().enumerated() {
            let number = index + 1
            if raw.allSatisfy({ TextNormalization.clean($0).isEmpty }) { continue }
            guard raw.count == columns.count else {
                errors.append(RowError(row: number, column: columns[min(raw.count, columns.count - 1)],
                                       message: "应有\(columns.count)列，实有\(raw.count)列"))
                continue
            }
            var row: [String: String] = [:]
            for (column, value) in zip(columns, raw) where column != "序号" {
                let text = TextNormalization.clean(value)
                if required.contains(column) && text.isEmpty {
                    errors.append(RowError(row: number, column: column, message: "不能为空"))
                } else if text.count > 4000 {
                    errors.append(RowError(row: number, column: column, message: "超过4000字"))
                }
                row[column] = text
            }
            if let due = row["计划整改完毕时间"], !due.isEmpty, plannedCompletion(due) == nil {
                errors.append(RowError(row: number, column: "计划整改完毕时间", message: "无法识别日期「\(due)」"))
            }
            rows.append(row)
        }
        return errors.isEmpty ? .success(rows) : .failure(Invalid(errors: errors))
    }

    /// "2017年 12月31日", "2017年12月31日", "2017-12-31", "2017.12.31" → the date.
    public static func plannedCompletion(_ text: String) -> LocalDate? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count == 3 else { return nil }
        return LocalDate(year: digits[0], month: digits[1], day: digits[2])
    }
}
