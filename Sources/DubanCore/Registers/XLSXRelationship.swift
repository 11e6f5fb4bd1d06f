import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One `<Relationship>` of a `.rels` part. `type` is matched by its last segment (`worksheet`,
/// `sharedStrings`, `officeDocument`) so that transitional and strict OOXML namespaces both work.
struct XLSXRelationship: Equatable {
    var id: String
    var type: String
    var target: String
    var external: Bool

    /// `worksheet` for `http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet`.
    var kind: Substring { type.split(separator: "/").last ?? "" }

    /// Parses a `.rels` part.
    static func parse(_ data: Data, part: String) throws(XLSXError) -> [XLSXRelationship] {
        let delegate = Delegate()
        try XLSXXML.parse(data, part: part, handler: delegate)
        return delegate.relationships
    }

    private final class Delegate: XLSXXMLHandler {
        var relationships: [XLSXRelationship] = []

        override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            guard XLSXXML.localName(elementName) == "Relationship" else { return }
            relationships.append(XLSXRelationship(id: attributeDict["Id"] ?? "", type: attributeDict["Type"] ?? "",
                                                  target: attributeDict["Target"] ?? "",
                                                  external: attributeDict["TargetMode"] == "External"))
        }
    }
}
