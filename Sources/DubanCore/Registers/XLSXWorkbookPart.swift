import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/workbook.xml`: the sheets in tab order, each with its relationship id.
struct XLSXWorkbookPart {
    struct Sheet {
        var name: String
        var relationshipID: String
    }

    var sheets: [Sheet]

    /// Parses the workbook part; a part whose root is not `workbook` is no spreadsheet
    /// (``XLSXError/missingWorkbook``).
    static func parse(_ data: Data, part: String) throws(XLSXError) -> XLSXWorkbookPart {
        let delegate = Delegate()
        try XLSXXML.parse(data, part: part, handler: delegate)
        guard delegate.isWorkbook else { throw .missingWorkbook }
        return XLSXWorkbookPart(sheets: delegate.sheets)
    }

    private final class Delegate: XLSXXMLHandler {
        var sheets: [Sheet] = []
        var isWorkbook = false
        var depth = 0

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            let name = XLSXXML.localName(elementName)
            if depth == 1 { isWorkbook = name == "workbook" }
            // <sheets><sheet name="…" sheetId="1" r:id="rId1"/></sheets>
            if isWorkbook, depth == 3, name == "sheet" {
                sheets.append(Sheet(name: attributeDict["name"] ?? "",
                                    relationshipID: XLSXXML.attribute("id", in: attributeDict, prefixed: true) ?? ""))
            }
        }

        override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            depth -= 1
        }
    }
}
