/// Fixed limits of the Office Open XML spreadsheet format as Excel implements it ("Excel specifications and
/// limits"). They are facts of the file format, not policy: the writer refuses to produce a sheet Excel
/// cannot open. Policy limits for reading uploads are in ``XLSXReadLimits``.
public enum XLSXFormat {
    /// Rows in one sheet (Excel 2007+: 1,048,576).
    public static let maximumRows = 1_048_576
    /// Columns in one sheet (Excel 2007+: 16,384, column `XFD`).
    public static let maximumColumns = 16_384
    /// Characters (UTF-16 code units) in one cell (Excel: 32,767).
    public static let maximumCellLength = 32_767
    /// Characters in a sheet name (Excel: 31).
    public static let maximumSheetNameLength = 31
    /// Characters a sheet name may not contain (Excel).
    public static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    /// Largest column width Excel accepts, in character units.
    public static let maximumColumnWidth = 255.0
}
