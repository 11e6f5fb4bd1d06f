import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One `xl/worksheets/sheetN.xml`, kept sparse while parsing (only cells with text), then laid out as a
/// table from A1 to the last row and the last column that hold text. The value rules are listed on
/// ``XLSXReader``.
struct XLSXWorksheetPart {
    struct Row {
        var number: Int
        var cells: [(column: Int, text: String)]
    }

    /// Rows holding at least one non-empty cell, in ascending order.
    var rows: [Row]

    static func parse(_ data: Data, part: String, sheet: String, sharedStrings: [String],
                      limits: XLSXReadLimits) throws(XLSXError) -> XLSXWorksheetPart {
        let delegate = Delegate(sheet: sheet, sharedStrings: sharedStrings, limits: limits)
        try XLSXXML.parse(data, part: part, handler: delegate)
        return XLSXWorksheetPart(rows: delegate.rows)
    }

    /// The table: `rows[i]` is sheet row `i + 1`, every row as wide as the widest. Missing rows and cells are
    /// empty strings; empty rows after the last row with text, and empty columns after the last column with
    /// text, are not returned. Refuses a table of more than `cellBudget` cells.
    func table(cellBudget: Int, maximumCells: Int) throws(XLSXError) -> [[String]] {
        let height = rows.last?.number ?? 0
        let width = rows.map { $0.cells.map(\.column).max() ?? 0 }.max() ?? 0
        let (cells, overflow) = height.multipliedReportingOverflow(by: width)
        if overflow || cells > cellBudget {
            throw .limitExceeded(.cells, actual: overflow ? Int.max : maximumCells - cellBudget + cells, maximum: maximumCells)
        }
        var table = Array(repeating: Array(repeating: "", count: width), count: height)
        for row in rows {
            for cell in row.cells { table[row.number - 1][cell.column - 1] = cell.text }
        }
        return table
    }

    private final class Delegate: XLSXXMLHandler {
        let sheet: String
        let sharedStrings: [String]
        let limits: XLSXReadLimits
        var rows: [Row] = []

        private var inSheetData = false
        private var rowNumber: Int?
        private var lastRow = 0
        private var lastColumn = 0
        private var cells: [(column: Int, text: String)] = []
        // The cell being read.
        private var column: Int?
        private var type = ""
        private var value = ""
        private var hasValue = false
        private var inline = ""
        private var hasInline = false
        private var inValue = false
        private var inInline = false
        private var inInlineText = false
        private var phoneticDepth = 0

        init(sheet: String, sharedStrings: [String], limits: XLSXReadLimits) {
            self.sheet = sheet
            self.sharedStrings = sharedStrings
            self.limits = limits
        }

        private func malformed(_ parser: XMLParser, _ reason: String) {
            fail(parser, .malformedSheet(sheet: sheet, reason: reason))
        }

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard failure == nil else { return }
            switch XLSXXML.localName(elementName) {
            case "sheetData":
                inSheetData = true
            case "row" where inSheetData:
                startRow(parser, reference: attributeDict["r"])
            case "c" where rowNumber != nil:
                startCell(parser, reference: attributeDict["r"], type: attributeDict["t"] ?? "")
            case "v" where column != nil:
                inValue = true
                hasValue = true
            case "is" where column != nil:
                inInline = true
                hasInline = true
            case "rPh":
                phoneticDepth += 1
            case "t" where inInline:
                inInlineText = phoneticDepth == 0
            default:
                break
            }
        }

        override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            guard failure == nil else { return }
            switch XLSXXML.localName(elementName) {
            case "sheetData":
                inSheetData = false
            case "row" where rowNumber != nil:
                if let number = rowNumber, !cells.isEmpty { rows.append(Row(number: number, cells: cells)) }
                rowNumber = nil
            case "c" where column != nil:
                endCell(parser)
            case "v":
                inValue = false
            case "is":
                inInline = false
            case "rPh":
                phoneticDepth -= 1
            case "t":
                inInlineText = false
            default:
                break
            }
        }

        override func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inValue { value += string } else if inInlineText { inline += string }
        }



        private func startRow(_ parser: XMLParser, reference: String?) {
            var number = lastRow + 1
            if let reference {
                guard let parsed = XLSXCellReference.parse(reference), parsed.column == nil, let row = parsed.row else {
                    return malformed(parser, "bad row number \"\(reference)\" / 行号错误")
                }
                number = row
            }
            guard number <= XLSXFormat.maximumRows else {
                return malformed(parser, "row \(number) beyond \(XLSXFormat.maximumRows) / 行号超出范围")
            }
            guard number > lastRow else {
                return malformed(parser, "row \(number) out of order / 行顺序错误")
            }
            rowNumber = number
            lastRow = number
            lastColumn = 0
            cells = []
        }

        private func startCell(_ parser: XMLParser, reference: String?, type: String) {
            var number = lastColumn + 1
            if let reference {
                guard let parsed = XLSXCellReference.parse(reference), let parsedColumn = parsed.column else {
                    return malformed(parser, "bad cell reference \"\(reference)\" / 单元格引用错误")
                }
                number = parsedColumn
            }
            guard number <= XLSXFormat.maximumColumns else {
                let name = reference ?? "column \(number)"
                return malformed(parser, "cell \(name) beyond column XFD / 单元格超出列范围")
            }
            column = number
            lastColumn = number
            self.type = type
            value = ""
            hasValue = false
            inline = ""
            hasInline = false
        }

        private func endCell(_ parser: XMLParser) {
            guard let column, let row = rowNumber else { return }
            self.column = nil
            let text: String
            switch type {
            case "s":
                guard hasValue else { text = ""; break }
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                    let cell = XLSXCellReference.name(column: column, row: row)
                    return malformed(parser, "cell \(cell): no shared string \"\(value)\" / 共享字符串索引错误")
                }
                text = sharedStrings[index]
            case "inlineStr":
                text = XLSXText.decodingEscapes(inline)
            case "b":
                text = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
            case "str":
                text = XLSXText.decodingEscapes(value)
            default:
                text = hasValue ? value : hasInline ? XLSXText.decodingEscapes(inline) : ""
            }
            guard !text.isEmpty else { return }
            if column > limits.maximumColumns {
                return fail(parser, .limitExceeded(.columns, actual: column, maximum: limits.maximumColumns))
            }
            if row > limits.maximumRows {
                return fail(parser, .limitExceeded(.rows, actual: row, maximum: limits.maximumRows))
            }
            cells.append((column, text))
        }
    }
}
