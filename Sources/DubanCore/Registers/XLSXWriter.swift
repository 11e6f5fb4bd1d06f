import Foundation

/// 台账导出 — writes registers as an Excel workbook (`.xlsx`, Office Open XML, ECMA-376; SPEC M3 "Registers:
/// import and export … as CSV and XLSX", M8 "every list exportable to CSV and XLSX"): one sheet per
/// ``XLSXSheet``, every cell a text cell through the shared-strings table, the header bold and frozen,
/// body cells wrapped and top-aligned. Opens in Excel, WPS and LibreOffice. Pure: returns the bytes.
///
/// Text is written as given with these exceptions, all documented and deliberate:
/// - characters XML 1.0 cannot carry (controls other than tab/LF/CR, U+FFFE, U+FFFF) become
///   ``XLSXWriteOptions/illegalCharacterReplacement`` (default: dropped);
/// - text shaped like Excel's `_xHHHH_` escape is protected as `_x005F_xHHHH_` so Excel shows it as typed;
/// - empty strings leave the cell empty, and ``XLSXReader`` does not return rows and columns past the last
///   one holding text.
///
/// Deterministic: the same sheets and options give the same bytes (entries in a fixed order, fixed
/// time stamps, strings numbered by first use).
public enum XLSXWriter {
    /// The workbook's bytes.
    public static func workbook(sheets: [XLSXSheet], options: XLSXWriteOptions = XLSXWriteOptions()) throws(XLSXError) -> Data {
        try XLSXZip.archive(try parts(sheets: sheets, options: options), modificationDate: options.modificationDate)
    }

    /// The package parts in the order they are zipped (`[Content_Types].xml` first, as Office does).
    static func parts(sheets: [XLSXSheet], options: XLSXWriteOptions) throws(XLSXError) -> [(path: String, data: Data)] {
        try validate(sheets)
        var strings = SharedStrings()
        var worksheets: [Data] = []
        for (index, sheet) in sheets.enumerated() {
            worksheets.append(try worksheet(sheet, index: index, selected: index == 0, strings: &strings, options: options))
        }
        var parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(contentTypes(sheetCount: sheets.count).utf8)),
            ("_rels/.rels", Data(packageRelationships.utf8)),
            ("xl/workbook.xml", Data(workbook(sheets).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: sheets.count).utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/sharedStrings.xml", Data(strings.xml.utf8)),
        ]
        for (index, data) in worksheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", data))
        }
        return parts
    }

    /// Sheet names, sizes and widths, checked before anything is built.
    static func validate(_ sheets: [XLSXSheet]) throws(XLSXError) {
        guard !sheets.isEmpty else { throw .noSheets }
        var seen: Set<String> = []
        for (index, sheet) in sheets.enumerated() {
            let field = "sheets[\(index)]"
            if let reason = sheetNameProblem(sheet.name) {
                throw .invalidSheetName(field: "\(field).name", name: sheet.name, reason: reason)
            }
            guard seen.insert(sheet.name.lowercased()).inserted else {
                throw .duplicateSheetName(field: "\(field).name", name: sheet.name)
            }
            let rowCount = (sheet.header.isEmpty ? 0 : 1) + sheet.rows.count
            if rowCount > XLSXFormat.maximumRows {
                throw .sheetTooLarge(field: "\(field).rows", count: rowCount, maximum: XLSXFormat.maximumRows)
            }
            if sheet.header.count > XLSXFormat.maximumColumns {
                throw .sheetTooLarge(field: "\(field).header", count: sheet.header.count, maximum: XLSXFormat.maximumColumns)
            }
            for (rowIndex, row) in sheet.rows.enumerated() where row.count > XLSXFormat.maximumColumns {
                throw .sheetTooLarge(field: "\(field).rows[\(rowIndex)]", count: row.count, maximum: XLSXFormat.maximumColumns)
            }
            if sheet.columnWidths.count > XLSXFormat.maximumColumns {
                throw .sheetTooLarge(field: "\(field).columnWidths", count: sheet.columnWidths.count,
                                     maximum: XLSXFormat.maximumColumns)
            }
            for (column, width) in sheet.columnWidths.enumerated()
            where !width.isFinite || width < 0 || width > XLSXFormat.maximumColumnWidth {
                throw .invalidColumnWidth(field: "\(field).columnWidths[\(column)]", width: width)
            }
        }
    }

    /// Why Excel would refuse `name` as a sheet name, or `nil`.
    static func sheetNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "不能为空 / must not be empty" }
        if name.utf16.count > XLSXFormat.maximumSheetNameLength {
            return "超过\(XLSXFormat.maximumSheetNameLength)个字符 / longer than \(XLSXFormat.maximumSheetNameLength) characters"
        }
        if name.contains(where: { XLSXFormat.forbiddenSheetNameCharacters.contains($0) }) {
            return "不能含有 [ ] : * ? / \\ / must not contain [ ] : * ? / \\"
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || !XLSXText.isXMLCharacter($0) }) {
            return "不能含有控制字符 / must not contain control characters"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return "不能以单引号开头或结尾 / must not start or end with an apostrophe"
        }
        if name.lowercased() == "history" { return "History 为 Excel 保留名称 / History is reserved by Excel" }
        return nil
    }

    /// The shared-strings table, numbered in order of first use.
    struct SharedStrings {
        private(set) var index: [String: Int] = [:]
        private(set) var ordered: [String] = []
        private(set) var uses = 0

        mutating func number(of text: String) -> Int {
            uses += 1
            if let number = index[text] { return number }
            index[text] = ordered.count
            ordered.append(text)
            return ordered.count - 1
        }

        var xml: String {
            var xml = XLSXWriter.declaration
            xml += "<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"\(uses)\" uniqueCount=\"\(ordered.count)\">"
            for text in ordered {
                let body = XLSXText.escaped(XLSXText.protectingEscapes(text))
                xml += XLSXText.needsPreserve(text) ? "<si><t xml:space=\"preserve\">\(body)</t></si>" : "<si><t>\(body)</t></si>"
            }
            xml += "</sst>"
            return xml
        }
    }
}
