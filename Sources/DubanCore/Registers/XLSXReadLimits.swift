/// Limits applied while reading an uploaded workbook, so that a hostile file (a ZIP bomb, a sheet naming cell
/// `XFD1048576`, millions of tiny entries) is refused with ``XLSXError/limitExceeded(_:actual:maximum:)``
/// instead of exhausting the server. The seeds and SPEC give no numbers; these are documented defaults that
/// callers can change.
public struct XLSXReadLimits: Sendable, Hashable, Codable {
    /// Which limit was passed.
    public enum Limit: String, Sendable, Hashable, Codable {
        case fileSize, entries, entrySize, totalSize, sheets, rows, columns, cells

        /// The limit's name for the Chinese half of messages.
        var chineseName: String {
            switch self {
            case .fileSize: return "文件大小（字节）"
            case .entries: return "压缩包条目数"
            case .entrySize: return "单个条目解压后大小（字节）"
            case .totalSize: return "解压后总大小（字节）"
            case .sheets: return "工作表数"
            case .rows: return "行数"
            case .columns: return "列数"
            case .cells: return "单元格数"
            }
        }
    }

    /// The uploaded file's size. Default 50 MiB: a register of tens of thousands of rows is a few MiB.
    public var maximumFileSize: Int
    /// Entries in the ZIP's central directory. Default 10,000: Excel and LibreOffice write about ten, plus one
    /// per sheet, image or chart.
    public var maximumEntries: Int
    /// Uncompressed size of any one part that is read (workbook, sheet, shared strings). Default 50 MiB.
    /// Checked against the declared size before inflating and against the bytes actually produced while
    /// inflating, so a lying header cannot get past it.
    public var maximumEntrySize: Int
    /// Uncompressed size of all parts read, together. Default 100 MiB (a big sheet plus its shared strings).
    /// Parts never read (images, printer settings) do not count.
    public var maximumTotalSize: Int
    /// Worksheets in the workbook. Default 100.
    public var maximumSheets: Int
    /// The highest row number in a sheet. Default 100,000 (Excel's own limit is 1,048,576; registers hold
    /// hundreds of rows).
    public var maximumRows: Int
    /// The highest column number in a sheet. Default 16,384, Excel's own limit (`XFD`), so any reference a
    /// real spreadsheet can hold is accepted; ``maximumCells`` is what bounds memory.
    public var maximumColumns: Int
    /// Cells returned for the whole workbook, counting the empty cells filled into gaps (rows × width of
    /// each sheet). Default 2,000,000 (for example 100,000 rows × 20 columns).
    public var maximumCells: Int

    public init(maximumFileSize: Int = 50 * 1_048_576, maximumEntries: Int = 10_000,
                maximumEntrySize: Int = 50 * 1_048_576, maximumTotalSize: Int = 100 * 1_048_576,
                maximumSheets: Int = 100, maximumRows: Int = 100_000, maximumColumns: Int = XLSXFormat.maximumColumns,
                maximumCells: Int = 2_000_000) {
        self.maximumFileSize = maximumFileSize
        self.maximumEntries = maximumEntries
        self.maximumEntrySize = maximumEntrySize
        self.maximumTotalSize = maximumTotalSize
        self.maximumSheets = maximumSheets
        self.maximumRows = maximumRows
        self.maximumColumns = maximumColumns
        self.maximumCells = maximumCells
    }

    /// Throws ``XLSXError/limitExceeded(_:actual:maximum:)`` when `actual` is above `maximum`.
    static func check(_ limit: Limit, _ actual: Int, _ maximum: Int) throws(XLSXError) {
        if actual > maximum { throw .limitExceeded(limit, actual: actual, maximum: maximum) }
    }
}
