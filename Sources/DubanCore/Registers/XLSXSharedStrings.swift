import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `xl/sharedStrings.xml`: the strings cells of type `s` point at, by index. Rich-text runs
/// (`<si><r><t>…</t></r>…</si>`) are concatenated; phonetic guides (`<rPh>`) are left out.
enum XLSXSharedStrings {
    static func parse(_ data: Data, part: String) throws(XLSXError) -> [String] {
        let delegate = Delegate()
        try XLSXXML.parse(data, part: part, handler: delegate)
        return delegate.strings
    }

    private final class Delegate: XLSXXMLHandler {
        var strings: [String] = []
        private var text = ""
        private var inItem = false
        private var inText = false
        private var phoneticDepth = 0

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            switch XLSXXML.localName(elementName) {
            case "si": inItem = true; text = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = inItem && phoneticDepth == 0
            default: break
            }
        }

        override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?) {
            switch XLSXXML.localName(elementName) {
            case "si": strings.append(XLSXText.decodingEscapes(text)); inItem = false
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }

        override func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { text += string }
        }


    }
}
