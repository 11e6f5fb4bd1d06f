import Foundation

/// 台账导入 — reads the worksheets of an `.xlsx` upload (SPEC M3 "Registers: import and export … as CSV and
/// XLSX") — written by ``XLSXWriter``, Excel, WPS or LibreOffice — as tables of text, e.g. for
/// ``MajorFireHazardRegister/validate(_:)``, which takes `sheets[0].rows` as it is. Pure: works on the
/// uploaded bytes in memory.
///
/// The package is found the Open Packaging way: `_rels/.rels` names the workbook (default
/// `xl/workbook.xml`), the workbook lists its sheets in tab order and its relationships name each sheet's
/// part and the shared-strings part. Chart sheets and macro sheets are skipped; hidden sheets are included.
///
/// Rows: `rows[i]` is sheet row `i + 1`, from A1 to the last row and last column holding text; missing rows
/// and cells are empty strings, every row as wide as the widest.
///
/// Cell values (ECMA-376 Part 1, 18.3.1.4 `c`, 18.18.11 ST_CellType):
/// - shared strings (`t="s"`, rich-text runs concatenated, phonetic guides left out), inline strings
///   (`t="inlineStr"`) and formula text results (`t="str"`): the text, with Excel's `_xHHHH_` escapes decoded;
/// - numbers: `<v>` exactly as written (`1`, not `1.0`; `3.5`; `1E-3`). A date is a number with a date
///   style and is returned as its serial number text (`43100` for 2017-12-31): styles are not read;
/// - booleans (`t="b"`): `TRUE` / `FALSE`, as Excel shows them; errors (`t="e"`): their text (`#N/A`);
/// - formulas: their cached value; the formula itself is ignored.
///
/// Everything outside ``XLSXReadLimits`` or malformed is refused with an ``XLSXError`` whose field is `file`.
public enum XLSXReader {
    /// The worksheets in tab order. Throws ``XLSXError`` (field `file`) for anything that is not a readable
    /// workbook within `limits`; never traps on malformed input.
    public static func sheets(from data: Data, limits: XLSXReadLimits = XLSXReadLimits()) throws(XLSXError) -> [XLSXReadSheet] {
        var package = Package(zip: try XLSXZipDirectory(data: data, limits: limits), limits: limits)
        let workbookPath = try package.workbookPath()
        guard let workbookData = try package.part(workbookPath) else { throw .missingWorkbook }
        let workbook = try XLSXWorkbookPart.parse(workbookData, part: workbookPath)
        try XLSXReadLimits.check(.sheets, workbook.sheets.count, limits.maximumSheets)
        let relationships = try package.relationships(of: workbookPath)

        var sharedStrings: [String] = []
        if let strings = relationships.first(where: { $0.kind == "sharedStrings" && !$0.external }) {
            let path = try package.resolve(strings.target, from: workbookPath)
            guard let stringsData = try package.part(path) else { throw .missingPart(path) }
            sharedStrings = try XLSXSharedStrings.parse(stringsData, part: path)
        }

        var result: [XLSXReadSheet] = []
        var cellBudget = limits.maximumCells
        for sheet in workbook.sheets {
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw .missingPart("\(workbookPath)#\(sheet.relationshipID)")
            }
            guard relationship.kind == "worksheet", !relationship.external else { continue }
            let path = try package.resolve(relationship.target, from: workbookPath)
            guard let sheetData = try package.part(path) else { throw .missingPart(path) }
            let part = try XLSXWorksheetPart.parse(sheetData, part: path, sheet: sheet.name,
                                                   sharedStrings: sharedStrings, limits: limits)
            let rows = try part.table(cellBudget: cellBudget, maximumCells: limits.maximumCells)
            cellBudget -= rows.count * (rows.first?.count ?? 0)
            result.append(XLSXReadSheet(name: sheet.name, rows: rows))
        }
        return result
    }

    /// The ZIP plus what has been inflated so far (for the total-size limit).
    private struct Package {
        let zip: XLSXZipDirectory
        let limits: XLSXReadLimits
        var budget: Int

        init(zip: XLSXZipDirectory, limits: XLSXReadLimits) {
            self.zip = zip
            self.limits = limits
            budget = limits.maximumTotalSize
        }

        /// The part's bytes, or `nil` when the package has no such entry.
        mutating func part(_ path: String) throws(XLSXError) -> Data? {
            guard let entry = zip.entry(path) else { return nil }
            let data = try zip.contents(of: entry, limits: limits, budget: budget)
            budget -= data.count
            return data
        }

        /// The relationships of `source`; none when it has no `.rels` part.
        mutating func relationships(of source: String) throws(XLSXError) -> [XLSXRelationship] {
            let path = XLSXPartPath.relationships(of: source)
            guard let data = try part(path) else { return [] }
            return try XLSXRelationship.parse(data, part: path)
        }

        func resolve(_ target: String, from source: String) throws(XLSXError) -> String {
            guard let path = XLSXPartPath.resolve(target, from: source) else { throw .unsafeEntryPath(target) }
            return path
        }

        /// The workbook part named by the package relationships (`officeDocument`), or `xl/workbook.xml`
        /// when the package has no `_rels/.rels`.
        mutating func workbookPath() throws(XLSXError) -> String {
            guard zip.entry("_rels/.rels") != nil else { return "xl/workbook.xml" }
            let relationships = try relationships(of: "")
            guard let document = relationships.first(where: { $0.kind == "officeDocument" && !$0.external }) else {
                throw .missingWorkbook
            }
            return try resolve(document.target, from: "")
        }
    }
}
