import Foundation

/// 流式导出 — an `.xlsx` workbook of one sheet written piece by piece (SPEC M8 "every list exportable to
/// CSV and XLSX"; issue #9 "large exports stream and do not hold the whole result in memory"): the
/// fixed parts first, then the sheet's rows as they are read, then the ZIP directory. Cells are inline
/// strings (no shared-strings table, which would need every row first); the ZIP entries are stored, the
/// sheet's sizes and CRC in a data descriptor after it (APPNOTE 4.3.9), so nothing is buffered beyond one
/// batch of rows. Same styles as ``XLSXWriter`` (header bold and frozen, text cells).
public struct XLSXStreamWriter: Sendable {
    private struct Entry: Sendable {
        var path: [UInt8]
        var crc: UInt32
        var size: UInt32
        var offset: UInt32
        var descriptor: Bool
    }

    private let sheetName: String
    private let options: XLSXWriteOptions
    private var entries: [Entry] = []
    private var offset: UInt32 = 0
    private var sheetCRC = StreamCRC32()
    private var sheetSize: UInt32 = 0
    private var rowNumber = 0
    private var width = 0

    /// `sheetName` must be a valid Excel sheet name (≤ 31 characters, none of `[]:*?/\`).
    public init(sheetName: String, options: XLSXWriteOptions = XLSXWriteOptions()) throws(XLSXError) {
        if let reason = XLSXWriter.sheetNameProblem(sheetName) {
            throw .invalidSheetName(field: "sheetName", name: sheetName, reason: reason)
        }
        self.sheetName = sheetName
        self.options = options
    }

    /// The package parts before the sheet, the sheet's local header and its first XML with `header` as
    /// the frozen first row.
    public mutating func start(header: [String]) -> [UInt8] {
        var out: [UInt8] = []
        let sheet = XLSXSheet(name: sheetName, header: header, rows: [])
        let fixed: [(String, String)] = [
            ("[Content_Types].xml", XLSXWriter.contentTypes(sheetCount: 1)),
            ("_rels/.rels", XLSXWriter.packageRelationships),
            ("xl/workbook.xml", XLSXWriter.workbook([sheet])),
            ("xl/_rels/workbook.xml.rels", XLSXWriter.workbookRelationships(sheetCount: 1)),
            ("xl/styles.xml", XLSXWriter.styles),
            ("xl/sharedStrings.xml", XLSXWriter.declaration
                + "<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"0\" uniqueCount=\"0\"></sst>"),
        ]
        for (path, text) in fixed {
            let data = Array(text.utf8)
            var crc = StreamCRC32()
            crc.update(data)
            out += localHeader(path: path, crc: crc.value, size: UInt32(data.count), descriptor: false)
            out += data
            offset += UInt32(data.count)
        }
        out += localHeader(path: "xl/worksheets/sheet1.xml", crc: 0, size: 0, descriptor: true)
        var xml = XLSXWriter.declaration + "<worksheet xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationshipNamespace)\">"
        xml += "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
        if !header.isEmpty {
            xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>"
        out += sheetBytes(xml)
        if !header.isEmpty { out += sheetBytes(row(header, style: XLSXWriter.headerStyle)) }
        return out
    }

    /// The XML of `rows`, appended to the sheet. Rows past Excel's limit are dropped (the caller is told
    /// by ``isFull``).
    public mutating func append(_ rows: [[String]]) -> [UInt8] {
        var xml = ""
        for values in rows where !isFull {
            xml += row(values, style: XLSXWriter.bodyStyle)
        }
        return sheetBytes(xml)
    }

    /// True once the sheet holds as many rows as Excel allows.
    public var isFull: Bool { rowNumber >= XLSXFormat.maximumRows }

    /// The sheet's end, its data descriptor, the central directory and its end record.
    public mutating func finish() -> [UInt8] {
        var out = sheetBytes("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
        if let index = entries.indices.last {
            entries[index].crc = sheetCRC.value
            entries[index].size = sheetSize
        }
        out += Self.le32(0x0807_4B50) + Self.le32(sheetCRC.value) + Self.le32(sheetSize) + Self.le32(sheetSize)
        offset += 16
        let directoryStart = offset
        var directory: [UInt8] = []
        let (time, date) = dosTime
        for entry in entries {
            directory += Self.le32(0x0201_4B50) + Self.le16(20) + Self.le16(20)
            directory += Self.le16(entry.descriptor ? 0x0808 : 0x0800) + Self.le16(0) + Self.le16(time) + Self.le16(date)
            directory += Self.le32(entry.crc) + Self.le32(entry.size) + Self.le32(entry.size)
            directory += Self.le16(UInt16(entry.path.count)) + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le16(0)
            directory += Self.le32(0o100644 << 16) + Self.le32(entry.offset) + entry.path
        }
        out += directory
        out += Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(UInt16(entries.count)) + Self.le16(UInt16(entries.count))
        out += Self.le32(UInt32(directory.count)) + Self.le32(directoryStart) + Self.le16(0)
        return out
    }

    private mutating func row(_ values: [String], style: Int) -> String {
        rowNumber += 1
        width = max(width, values.count)
        var cells = ""
        for (column, raw) in values.prefix(XLSXFormat.maximumColumns).enumerated() {
            var text = XLSXText.sanitized(raw, replacement: options.illegalCharacterReplacement)
            guard !text.isEmpty else { continue }
            if text.utf16.count > XLSXFormat.maximumCellLength {
                text = String(decoding: Array(text.utf16.prefix(XLSXFormat.maximumCellLength - 1)), as: UTF16.self) + "…"
            }
            text = XLSXText.protectingEscapes(text)
            let space = XLSXText.needsPreserve(text) ? " xml:space=\"preserve\"" : ""
            cells += "<c r=\"\(XLSXCellReference.name(column: column + 1, row: rowNumber))\" s=\"\(style)\" t=\"inlineStr\"><is><t\(space)>"
                + XLSXText.escaped(text) + "</t></is></c>"
        }
        return "<row r=\"\(rowNumber)\">\(cells)</row>"
    }

    private mutating func sheetBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        sheetCRC.update(bytes)
        sheetSize &+= UInt32(truncatingIfNeeded: bytes.count)
        offset &+= UInt32(truncatingIfNeeded: bytes.count)
        return bytes
    }

    private var dosTime: (UInt16, UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: options.modificationDate)
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let date = UInt16(max((c.year ?? 1980) - 1980, 0) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        return (time, date)
    }

    private mutating func localHeader(path: String, crc: UInt32, size: UInt32, descriptor: Bool) -> [UInt8] {
        let name = Array(path.utf8)
        entries.append(Entry(path: name, crc: crc, size: size, offset: offset, descriptor: descriptor))
        let (time, date) = dosTime
        // Version 2.0, flags: UTF-8 names (bit 11), sizes after the data (bit 3) for the sheet; stored.
        var out = Self.le32(0x0403_4B50) + Self.le16(20) + Self.le16(descriptor ? 0x0808 : 0x0800) + Self.le16(0)
        out += Self.le16(time) + Self.le16(date) + Self.le32(crc) + Self.le32(size) + Self.le32(size)
        out += Self.le16(UInt16(name.count)) + Self.le16(0) + name
        offset += UInt32(out.count)
        return out
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}

/// CRC-32 (IEEE 802.3, as ZIP uses it), updated incrementally.
struct StreamCRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    private var state: UInt32 = 0xFFFF_FFFF

    mutating func update(_ bytes: [UInt8]) {
        var c = state
        Self.table.withUnsafeBufferPointer { table in
            for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        state = c
    }

    var value: UInt32 { state ^ 0xFFFF_FFFF }
}
