/// The columns of a register (a table the offices keep in Excel and exchange as files) and how a file
/// of it is checked: the header must be exactly the columns, every row as long as the header, required
/// cells filled; then the register's own check of each row. Nothing is imported while any row is wrong.
public struct RegisterLayout: Sendable {
    /// The header row, in the source's order. A first column 序号 is the row number and is not stored.
    public var columns: [String]
    /// Columns a row must fill.
    public var required: Set<String>
    /// The register's own checks of one cleaned row: (column, message) for each problem.
    public var check: @Sendable ([String: String]) -> [(column: String, message: String)]

    public init(columns: [String], required: Set<String>,
                check: @escaping @Sendable ([String: String]) -> [(column: String, message: String)] = { _ in [] }) {
        self.columns = columns
        self.required = required
        self.check = check
    }

    /// The stored columns (all but 序号).
    public var fields: [String] { columns.filter { $0 != "序号" } }

    /// Every problem of a file.
    public struct Invalid: Error, Equatable, Sendable {
        public var errors: [RowError]

        public init(errors: [RowError]) {
            self.errors = errors
        }
    }

    public struct RowError: Equatable, Sendable, CustomStringConvertible {
        /// 1-based row of the data (the header is row 0).
        public var row: Int
        public var column: String
        public var message: String

        public init(row: Int, column: String, message: String) {
            self.row = row
            self.column = column
            self.message = message
        }

        public var description: String { "第\(row)行「\(column)」：\(message)" }
    }

    /// Checks a parsed file. Returns the rows as column → cleaned value, or every error found. Blank
    /// rows are skipped but keep their numbers, so errors name the row as the file shows it.
    public func validate(_ table: [[String]]) -> Result<[[String: String]], Invalid> {
        guard let header = table.first else {
            return .failure(Invalid(errors: [RowError(row: 0, column: columns[0], message: "文件为空 / empty file")]))
        }
        let clean = header.map { TextNormalization.clean($0) }
        guard clean == columns else {
            return .failure(Invalid(errors: [RowError(row: 0, column: clean.first { !columns.contains($0) } ?? columns[0],
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
            errors += check(row).map { RowError(row: number, column: $0.column, message: $0.message) }
            rows.append(row)
        }
        return errors.isEmpty ? .success(rows) : .failure(Invalid(errors: errors))
    }
}
