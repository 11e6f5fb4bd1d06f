/// One worksheet to write: a bold header row (frozen while scrolling) and rows of text cells.
/// A register exported to Excel is one sheet, its `header` the seed's columns
/// (e.g. ``MajorFireHazardRegister/columns``).
public struct XLSXSheet: Sendable, Hashable, Codable {
    /// The tab's name: 1–31 characters, none of `[]:*?/\`, not starting or ending with `'`.
    public var name: String
    /// The first row, written bold and frozen. Empty: the sheet has no header row and nothing is frozen.
    public var header: [String]
    /// The data rows, below the header. Rows may differ in length; empty strings leave the cell empty.
    public var rows: [[String]]
    /// Optional column widths in Excel character units (0–255), first column first; columns past the end of
    /// the list keep Excel's default width.
    public var columnWidths: [Double]

    public init(name: String, header: [String], rows: [[String]], columnWidths: [Double] = []) {
        self.name = name
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
    }
}
