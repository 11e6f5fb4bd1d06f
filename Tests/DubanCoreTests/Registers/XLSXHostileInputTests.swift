@testable import DubanCore
import Foundation
import XCTest

/// Uploads built to hurt: every one must end in a typed error (field `file`), never a trap or a hang.
final class XLSXHostileInputTests: XCTestCase {
    private func readError(_ data: Data, limits: XLSXReadLimits = XLSXReadLimits(),
                           file: StaticString = #filePath, line: UInt = #line) -> XLSXError? {
        let error = XLSXTestSupport.error({ _ = try XLSXReader.sheets(from: data, limits: limits) }, file: file, line: line)
        XCTAssertEqual(error?.field, "file", file: file, line: line)
        return error
    }

    private func cell(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// A real workbook to damage.
    private func sample() throws -> Data {
        try XLSXWriter.workbook(sheets: [XLSXSheet(name: "台账", header: MajorFireHazardRegister.columns,
                                                   rows: (1...30).map { n in (0..<9).map { "行\(n)列\($0)" } })])
    }

    func testBytesThatAreNotAZip() {
        XCTAssertEqual(readError(Data())?.code, "not_xlsx")
        XCTAssertEqual(readError(Data("序号,名称\n1,建桥街\n".utf8))?.code, "not_xlsx")
        XCTAssertEqual(readError(XLSXTestSupport.pseudoRandomBytes(count: 4_096, seed: 42))?.code, "not_xlsx")
        // An old .xls (or a password-protected .xlsx): OLE compound file magic.
        XCTAssertEqual(readError(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))),
                       .legacyOrEncrypted)
    }

    func testEveryTruncationIsATypedError() throws {
        let whole = try sample()
        // A ZIP cut anywhere loses its end record: a ZIP start but no directory.
        XCTAssertEqual(readError(whole.prefix(whole.count / 2))?.code, "corrupt_xlsx")
        for length in stride(from: 0, to: whole.count, by: 53) {
            let error = readError(whole.prefix(length))
            XCTAssertTrue(["corrupt_xlsx", "not_xlsx"].contains(error?.code ?? ""), "length \(length): \(String(describing: error))")
        }
    }

    func testFlippedBytesNeverTrap() throws {
        let whole = try sample()
        let noise = [UInt8](XLSXTestSupport.pseudoRandomBytes(count: 400, seed: 7))
        for round in 0..<200 {
            var damaged = whole
            let position = (Int(noise[2 * round]) << 8 | Int(noise[2 * round + 1])) % damaged.count
            damaged[position] ^= 0xFF
            // Either still readable (a flipped byte in an unread field) or refused with a typed error (the
            // reader's typed throws guarantee the type; the test is that nothing traps or hangs).
            do { _ = try XLSXReader.sheets(from: damaged) } catch { XCTAssertEqual(error.field, "file") }
        }
    }

    func testHighlyCompressibleEntryOverTheLimitIsRefusedBeforeInflating() throws {
        // 2 MiB of spaces inside the sheet XML deflate to a few KiB; the entry limit is 1 MiB.
        let padding = String(repeating: " ", count: 2 * 1_048_576)
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheet = Data("<worksheet xmlns=\"\(main)\"><sheetData>\(padding)</sheetData></worksheet>".utf8)
        var parts = try XLSXWriter.parts(sheets: [XLSXSheet(name: "s", header: ["a"], rows: [])], options: XLSXWriteOptions())
        parts[parts.firstIndex { $0.path == "xl/worksheets/sheet1.xml" }!].data = sheet
        let bomb = try XLSXZip.archive(parts, modificationDate: XLSXWriteOptions.zipEpoch)
        XCTAssertLessThan(bomb.count, 100_000)
        let limits = XLSXReadLimits(maximumEntrySize: 1_048_576)
        XCTAssertEqual(readError(bomb, limits: limits), .limitExceeded(.entrySize, actual: sheet.count, maximum: 1_048_576))
        // The same file reads under the default 50 MiB limit.
        XCTAssertEqual(try XLSXReader.sheets(from: bomb).first?.rows, [])

        // A header that lies: declares 1,000 bytes, inflates to 2 MiB. Inflation stops past the declared size.
        let liar = try patchingDeclaredSize(of: "xl/worksheets/sheet1.xml", in: bomb, to: 1_000)
        XCTAssertEqual(readError(liar, limits: limits)?.code, "corrupt_xlsx")
    }

    func testBombOverTheDefaultLimit() throws {
        // 50 MiB + 1 byte of one repeated letter in an entry never read as XML: refused from its declared size.
        let big = Data(repeating: 0x41, count: 50 * 1_048_576 + 1)
        var parts = try XLSXWriter.parts(sheets: [XLSXSheet(name: "s", header: ["a"], rows: [])], options: XLSXWriteOptions())
        parts.insert(("xl/workbook.xml", big), at: 2)
        parts.remove(at: 3)
        let bomb = try XLSXZip.archive(parts, modificationDate: XLSXWriteOptions.zipEpoch)
        XCTAssertEqual(readError(bomb), .limitExceeded(.entrySize, actual: 52_428_801, maximum: 52_428_800))
    }

    func testTotalEntriesAndFileSizeLimits() throws {
        let whole = try sample()
        // The sample has 7 entries (5 fixed parts, shared strings, one sheet).
        XCTAssertEqual(readError(whole, limits: XLSXReadLimits(maximumEntries: 6)), .limitExceeded(.entries, actual: 7, maximum: 6))
        XCTAssertEqual(readError(whole, limits: XLSXReadLimits(maximumFileSize: 100)), .limitExceeded(.fileSize, actual: whole.count, maximum: 100))
        // Two sheets of 300,000 spaces each pass a 1 MiB entry limit; together they pass a 500,000-byte total.
        let padding = String(repeating: " ", count: 300_000)
        let two = XLSXTestSupport.package(sheets: [("a", padding), ("b", padding)])
        XCTAssertNoThrow(try XLSXReader.sheets(from: two, limits: XLSXReadLimits(maximumEntrySize: 1_048_576, maximumTotalSize: 1_048_576)))
        let error = readError(two, limits: XLSXReadLimits(maximumEntrySize: 1_048_576, maximumTotalSize: 500_000))
        guard case .limitExceeded(.totalSize, let actual, 500_000)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertGreaterThan(actual, 600_000)
    }

    func testTruncatedDeflateStreamEndsInsteadOfLooping() {
        // A deflate stream that opens a stored block of 65,535 bytes and then ends after 10: ZIPFoundation's own
        // extract() loops forever on this under Linux; the reader must stop.
        var deflate = Data([0x00, 0xFF, 0xFF, 0x00, 0x00])
        deflate.append(Data(repeating: 0x41, count: 10))
        var zip = XLSXTestSupport.storedZip([("xl/workbook.xml", deflate)])
        // Method 8 (deflate) at offset 8 of the local header and offset 10 of the central header, which
        // starts after the 22-byte end record and its 46 + 15 bytes (name "xl/workbook.xml").
        zip[8] = 8
        zip[zip.count - 22 - 61 + 10] = 8
        XCTAssertEqual(readError(zip)?.code, "corrupt_xlsx")
    }

    func testEntryNamesThatLeaveThePackage() {
        for name in ["../evil.xml", "/etc/passwd", "xl/../../evil.xml", "xl\\..\\..\\evil.xml", "C:/evil.xml"] {
            let zip = XLSXTestSupport.storedZip([("xl/workbook.xml", Data()), (name, Data("x".utf8))])
            XCTAssertEqual(readError(zip), .unsafeEntryPath(name), name)
        }
        // A relationship target that climbs out: xl/ → .. → .. is above the root.
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let zip = XLSXTestSupport.storedZip([
            ("xl/workbook.xml", Data("<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<Relationships xmlns=\"x\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"../../etc/passwd\"/></Relationships>".utf8)),
        ])
        XCTAssertEqual(readError(zip), .unsafeEntryPath("../../etc/passwd"))
    }

    func testDuplicateEntriesAreRefused() {
        // Part names compare without case, so these two would be the same part.
        let zip = XLSXTestSupport.storedZip([("xl/workbook.xml", Data("<a/>".utf8)), ("XL/Workbook.xml", Data("<b/>".utf8))])
        XCTAssertEqual(readError(zip), .duplicateEntry("XL/Workbook.xml"))
    }

    func testZip64AndEncryptedEntriesAreUnsupported() {
        var zip64 = XLSXTestSupport.storedZip([("xl/workbook.xml", Data("<a/>".utf8))])
        // Central directory offset 0xFFFFFFFF in the end record (offset 16) means "see the ZIP64 record".
        zip64.replaceSubrange((zip64.count - 6)..<(zip64.count - 2), with: XLSXTestSupport.le32(0xFFFF_FFFF))
        XCTAssertEqual(readError(zip64)?.code, "unsupported_xlsx")
        var encrypted = XLSXTestSupport.storedZip([("xl/workbook.xml", Data("<a/>".utf8))])
        // General-purpose flag bit 0 in the central header (offset 8), after 22 + 46 + 15 bytes from the end.
        encrypted[encrypted.count - 22 - 61 + 8] |= 1
        XCTAssertEqual(readError(encrypted)?.code, "unsupported_xlsx")
    }

    func testColumnReferences() throws {
        // XFD (24 × 676 + 6 × 26 + 4 = 16,384) is Excel's last column and is read.
        let last = try XLSXReader.sheets(from: XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("XFD1", "末"))</row>"))
        XCTAssertEqual(last[0].rows.count, 1)
        XCTAssertEqual(last[0].rows[0].count, 16_384)
        XCTAssertEqual(last[0].rows[0].last, "末")
        // Column 1,000,000 is BDWGN: 2 × 26⁴ + 4 × 26³ + 23 × 26² + 7 × 26 + 14 = 913,952 + 70,304 + 15,548 + 182 + 14.
        let far = XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("BDWGN1", "远"))</row>")
        XCTAssertEqual(readError(far)?.code, "malformed_sheet")
        // With a configured limit of 50 columns: AX (1 × 26 + 24 = 50) is read, AY (51) with text is refused,
        // AY without text is ignored.
        let limits = XLSXReadLimits(maximumColumns: 50)
        XCTAssertEqual(try XLSXReader.sheets(from: XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("AX1", "x"))</row>"), limits: limits)[0].rows[0].count, 50)
        XCTAssertEqual(readError(XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("AY1", "x"))</row>"), limits: limits),
                       .limitExceeded(.columns, actual: 51, maximum: 50))
        XCTAssertEqual(try XLSXReader.sheets(from: XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("A1", "a"))<c r=\"AY1\" s=\"1\"/></row>"), limits: limits)[0].rows, [["a"]])
        // Absurd references saturate instead of overflowing.
        let huge = XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("ZZZZZZZZZZZZZZZZZZZZ99999999999999999999999", "x"))</row>")
        XCTAssertEqual(readError(huge)?.code, "malformed_sheet")
    }

    func testRowAndCellLimits() {
        let limits = XLSXReadLimits(maximumRows: 10)
        XCTAssertEqual(readError(XLSXTestSupport.package(sheetData: "<row r=\"11\">\(cell("A11", "x"))</row>"), limits: limits),
                       .limitExceeded(.rows, actual: 11, maximum: 10))
        // Past Excel's 1,048,576 rows the reference is malformed whatever the limit.
        XCTAssertEqual(readError(XLSXTestSupport.package(sheetData: "<row r=\"1048577\"><c><v>1</v></c></row>"))?.code, "malformed_sheet")
        // Two cells far apart would fill 200 rows × 16,384 columns = 3,276,800 cells > 2,000,000.
        let sparse = XLSXTestSupport.package(sheetData: "<row r=\"1\">\(cell("XFD1", "x"))</row><row r=\"200\">\(cell("A200", "y"))</row>")
        XCTAssertEqual(readError(sparse), .limitExceeded(.cells, actual: 3_276_800, maximum: 2_000_000))
        // The cell budget is for the whole workbook: 2 sheets × 3 cells against a limit of 5.
        let two = XLSXTestSupport.package(sheets: [("a", "<row r=\"1\">\(cell("C1", "x"))</row>"), ("b", "<row r=\"1\">\(cell("C1", "y"))</row>")])
        XCTAssertEqual(readError(two, limits: XLSXReadLimits(maximumCells: 5)), .limitExceeded(.cells, actual: 6, maximum: 5))
        XCTAssertEqual(readError(two, limits: XLSXReadLimits(maximumSheets: 1)), .limitExceeded(.sheets, actual: 2, maximum: 1))
    }

    func testMalformedXML() {
        let unclosed = XLSXTestSupport.package(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></row>")
        guard case .malformedXML(let part, _, _)? = readError(unclosed) else { return XCTFail("accepted") }
        XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        XCTAssertEqual(readError(XLSXTestSupport.storedZip([("xl/workbook.xml", Data("<workbook><sheets>".utf8))]))?.code, "malformed_xml")
        XCTAssertEqual(readError(XLSXTestSupport.storedZip([("xl/workbook.xml", Data([0x3C, 0xFF, 0xFE, 0x3E]))]))?.code, "malformed_xml")
        // Foundation's parser on Linux recovers from these and still reports success; the reader does not.
        XCTAssertEqual(readError(XLSXTestSupport.storedZip([("xl/workbook.xml", Data("<workbook/><junk/>".utf8))]))?.code, "malformed_xml")
        XCTAssertEqual(readError(XLSXTestSupport.storedZip([("xl/workbook.xml", Data("<workbook><sheets>".utf8))]))?.code, "malformed_xml")
        // Entity expansion ("billion laughs") never starts: a DOCTYPE is refused.
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol2;</t></si></sst>"
        let zip = XLSXTestSupport.package(sheets: [("s", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")], sharedStrings: "<si><t>x</t></si>")
        let replaced = replacing("xl/sharedStrings.xml", in: zip, with: Data(laughs.utf8))
        guard case .malformedXML(let laughPart, _, _)? = readError(replaced) else { return XCTFail("accepted") }
        XCTAssertEqual(laughPart, "xl/sharedStrings.xml")
        // The same in UTF-16 (little-endian, with a byte-order mark), which XML allows.
        let utf16 = Data([0xFF, 0xFE]) + Data(laughs.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        XCTAssertEqual(readError(replacing("xl/sharedStrings.xml", in: zip, with: utf16))?.code, "malformed_xml")
        // Without the DOCTYPE the UTF-16 part reads: it is the DOCTYPE that is refused.
        let plain = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>甲</t></si></sst>"
        let plain16 = Data([0xFF, 0xFE]) + Data(plain.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        XCTAssertEqual(try XLSXReader.sheets(from: replacing("xl/sharedStrings.xml", in: zip, with: plain16)).first?.rows, [["甲"]])
    }

    // MARK: Helpers (independent byte surgery on ZIPs)

    /// `zip` rebuilt as stored entries with `path` replaced by `data`.
    private func replacing(_ path: String, in zip: Data, with data: Data) -> Data {
        let directory = try! XLSXZipDirectory(data: zip, limits: XLSXReadLimits())
        let entries = directory.entries.values.sorted { $0.dataOffset < $1.dataOffset }.map { entry in
            (entry.path, entry.path == path ? data : try! directory.contents(of: entry, limits: XLSXReadLimits(), budget: .max))
        }
        return XLSXTestSupport.storedZip(entries)
    }

    /// Sets the declared uncompressed size of `path` in both its central and its local header, walking the
    /// central directory from the end record (APPNOTE 4.3.12, 4.3.7).
    private func patchingDeclaredSize(of path: String, in zip: Data, to size: UInt32) throws -> Data {
        var bytes = [UInt8](zip)
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func put32(_ at: Int, _ value: UInt32) { for i in 0..<4 { bytes[at + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) } }
        let end = bytes.count - 22
        var cursor = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            let nameLength = u16(cursor + 28)
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            if name == path {
                put32(cursor + 24, size)
                put32(u32(cursor + 42) + 22, size)
                return Data(bytes)
            }
            cursor += 46 + nameLength + u16(cursor + 30) + u16(cursor + 32)
        }
        throw XCTSkip("no entry \(path)")
    }
}
