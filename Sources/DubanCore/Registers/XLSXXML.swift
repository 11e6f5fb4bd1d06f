import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's SAX `XMLParser` over one package part, turning its failures into
/// ``XLSXError/malformedXML(part:line:reason:)``.
enum XLSXXML {
    /// Parses `data` with `handler`. A part holding a DOCTYPE is refused before parsing: spreadsheet parts
    /// never carry one, and it is the door to entity-expansion attacks ("billion laughs"). External entities
    /// are never resolved. The first syntax error stops the parse (swift-corelibs-foundation's `parse()`
    /// recovers from some errors, such as an unclosed element, and still returns `true`, so the handler's
    /// own record is what counts).
    static func parse(_ data: Data, part: String, handler: XLSXXMLHandler) throws(XLSXError) {
        if doctypeMarkers.contains(where: { data.range(of: $0) != nil }) {
            throw .malformedXML(part: part, line: 1, reason: "DOCTYPE not allowed / 不允许 DOCTYPE")
        }
        // Fed as a stream: given a whole `Data`, Foundation hands libxml2 one chunk, and libxml2 refuses any
        // chunk over 10 MB ("huge input lookup") — a sheet of some 25,000 register rows.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let ok = parser.parse()
        if let failure = handler.failure { throw failure }
        if let syntax = handler.syntaxError { throw .malformedXML(part: part, line: syntax.line, reason: syntax.reason) }
        if !ok {
            let code = parser.parserError.map { ($0 as NSError).code } ?? 0
            throw .malformedXML(part: part, line: parser.lineNumber, reason: "XML error \(code)")
        }
    }

    /// `<!DOCTYPE` in UTF-8 and in UTF-16 of either byte order (parts may be UTF-16, ECMA-376 Part 2, 8.1.4).
    private static let doctypeMarkers: [Data] = [
        Data("<!DOCTYPE".utf8),
        Data("<!DOCTYPE".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        Data("<!DOCTYPE".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
    ]

    /// `row` for `x:row` or `row`: parts written by the OpenXML SDK use prefixes.
    static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    /// The value of the attribute whose local name is `name` (and, when `prefixed`, which has a prefix:
    /// `r:id`), whatever prefix the writer chose.
    static func attribute(_ name: String, in attributes: [String: String], prefixed: Bool = false) -> String? {
        if !prefixed, let value = attributes[name] { return value }
        for (key, value) in attributes where key.contains(":") && localName(key) == name { return value }
        return nil
    }
}

/// The base of the parsers' delegates: records the first syntax error, lets a subclass stop the parse with
/// a typed error, and declares every callback the subclasses use (so that their overrides are what
/// `XMLParser` calls through the protocol).
class XLSXXMLHandler: NSObject, XMLParserDelegate {
    /// A content error found by the subclass; the parse stops at once.
    var failure: XLSXError?
    /// The first XML syntax error, with its line.
    var syntaxError: (line: Int, reason: String)?

    func fail(_ parser: XMLParser, _ error: XLSXError) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    /// libxml2 reports warnings through the same callback: 27, 93, 97–100, 102, 106, 107 are its `XML_WAR_*`
    /// codes (a relative namespace URI, an unknown `xml:lang`…), 200–299 its namespace errors (an undeclared
    /// prefix). None changes what the text says, so they are not fatal; everything else is.
    static let tolerated: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let code = (parseError as NSError).code
        guard syntaxError == nil, failure == nil, !Self.tolerated.contains(code), !(200...299).contains(code) else { return }
        syntaxError = (parser.lineNumber, "XML error \(code)")
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {}

    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        self.parser(parser, foundCharacters: whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }
}
