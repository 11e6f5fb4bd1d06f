import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Helpers shared by the Open311 tests, independent of the code under test.
enum Open311TestSupport {
    /// An instant from ISO 8601 with an offset, read by Foundation's own parser.
    static func instant(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try XCTUnwrap(formatter.date(from: text), "not ISO 8601: \(text)", file: file, line: line)
    }

    /// The bytes as UTF-8 text.
    static func text(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(String(data: data, encoding: .utf8), "not UTF-8", file: file, line: line)
    }

    /// Fails unless `data` is a well-formed XML document according to Foundation's `XMLParser`;
    /// returns the text of every element whose name is `element`, in document order.
    @discardableResult
    static func assertWellFormedXML(_ data: Data, collecting element: String = "",
                                    file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let collector = TextCollector(element: element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        let parsed = parser.parse()
        XCTAssertTrue(parsed, "XML not well-formed: \(String(describing: parser.parserError))", file: file, line: line)
        return collector.texts
    }

    /// Decodes `data` with `JSONSerialization`, failing when it is not JSON.
    static func jsonObject(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }
}

/// Collects the character data of the elements with one name.
private final class TextCollector: NSObject, XMLParserDelegate {
    let element: String
    private(set) var texts: [String] = []
    private var current: String?

    init(element: String) {
        self.element = element
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if elementName == element { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        if elementName == element, let current {
            texts.append(current)
            self.current = nil
        }
    }
}
