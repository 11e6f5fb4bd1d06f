import Foundation

/// The XML of each package part: the minimum Excel and LibreOffice need (ECMA-376 Part 1, SpreadsheetML;
/// Part 2, packaging).
extension XLSXWriter {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// Cell style indices in `styles.xml`: 1 = body (text format, wrapped, top-aligned),
    /// 2 = header (the same, bold and centred).
    static let bodyStyle = 1
    static let headerStyle = 2

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(contentTypePrefix).sheet.main+xml\"/>"
        for index in 1...sheetCount {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(contentTypePrefix).worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(contentTypePrefix).styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(contentTypePrefix).sharedStrings+xml\"/>"
        return xml + "</Types>"
    }

    static let packageRelationships = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbook(_ sheets: [XLSXSheet]) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XLSXText.escapedAttribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    /// Sheets are `rId1`…`rIdN`, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for index in 1...sheetCount {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Fonts: 0 regular, 1 bold (宋体 11 pt, GB2312 charset). Fills 0 and 1 are the two Excel requires.
    /// Number format 49 is `@` (text), so a cell the user edits stays text (credit codes keep leading zeros).
    static let styles = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<fonts count=\"2\">"
        + "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "</fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyAlignment=\"1\">"
        + "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>"
        + "</cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    /// One worksheet. The header is row 1 and frozen (a pane split below it); data rows follow. Empty cells
    /// and rows without text are not written. Cell texts are registered in `strings`.
    static func worksheet(_ sheet: XLSXSheet, index: Int, selected: Bool, strings: inout SharedStrings,
                          options: XLSXWriteOptions) throws(XLSXError) -> Data {
        let hasHeader = !sheet.header.isEmpty
        let rows = hasHeader ? [sheet.header] + sheet.rows : sheet.rows
        let width = rows.map(\.count).max() ?? 0
        var xml = declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        let dimension = width > 0 && !rows.isEmpty ? "A1:\(XLSXCellReference.name(column: width, row: rows.count))" : "A1"
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if hasHeader {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (column, width) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 1
            let style = hasHeader && rowIndex == 0 ? headerStyle : bodyStyle
            var cells = ""
            for (column, raw) in row.enumerated() {
                let text = XLSXText.sanitized(raw, replacement: options.illegalCharacterReplacement)
                guard !text.isEmpty else { continue }
                if text.utf16.count > XLSXFormat.maximumCellLength {
                    let field = hasHeader && rowIndex == 0 ? "sheets[\(index)].header[\(column)]"
                        : "sheets[\(index)].rows[\(rowIndex - (hasHeader ? 1 : 0))][\(column)]"
                    throw .cellTooLong(field: field, length: text.utf16.count, maximum: XLSXFormat.maximumCellLength)
                }
                let reference = XLSXCellReference.name(column: column + 1, row: number)
                cells += "<c r=\"\(reference)\" s=\"\(style)\" t=\"s\"><v>\(strings.number(of: text))</v></c>"
            }
            if !cells.isEmpty { xml += "<row r=\"\(number)\">\(cells)</row>" }
        }
        xml += "</sheetData>"
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        return Data((xml + "</worksheet>").utf8)
    }
}
