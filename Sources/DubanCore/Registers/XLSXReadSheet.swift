/// One worksheet as read: the rows of the sheet from row 1 (usually the header). `rows[i]` is sheet row
/// `i + 1`, so an import error can name the row the user sees in Excel. Missing rows and cells inside are
/// empty strings and every row has the sheet's width; rows and columns after the last one holding text are
/// not returned.
public struct XLSXReadSheet: Sendable, Hashable, Codable {
    public var name: String
    public var rows: [[String]]

    public init(name: String, rows: [[String]]) {
        self.name = name
        self.rows = rows
    }
}
