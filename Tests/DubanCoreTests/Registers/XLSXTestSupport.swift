@testable import DubanCore
import Foundation
import XCTest

/// Hand-made ZIP packages and LibreOffice helpers for the XLSX tests. The ZIP builder here is independent
/// of the code under test: it writes stored (uncompressed) entries byte by byte after APPNOTE.TXT 4.3.
enum XLSXTestSupport {
    /// Tests/DubanCoreTests/Registers/
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// Tests/DubanCoreTests/Fixtures/xlsx/ (the test target excludes Fixtures from its sources).
    static let fixtures = directory.appendingPathComponent("../Fixtures/xlsx").standardizedFileURL

    /// A ZIP of stored entries, in order.
    static func storedZip(_ entries: [(String, Data)]) -> Data {
        var out = Data()
        var central = Data()
        for (name, data) in entries {
            let nameBytes = Data(name.utf8)
            let offset = UInt32(out.count)
            let crc = crc32(data)
            // Local file header: signature, version 20, flags (bit 11: UTF-8 name), method 0 (stored),
            // time, date, CRC, sizes, name length, extra length.
            out.append(le32(0x0403_4B50)); out.append(le16(20)); out.append(le16(0x0800)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0x21)); out.append(le32(crc))
            out.append(le32(UInt32(data.count))); out.append(le32(UInt32(data.count)))
            out.append(le16(UInt16(nameBytes.count))); out.append(le16(0))
            out.append(nameBytes); out.append(data)
            // Central directory header.
            central.append(le32(0x0201_4B50)); central.append(le16(20)); central.append(le16(20))
            central.append(le16(0x0800)); central.append(le16(0)); central.append(le16(0)); central.append(le16(0x21))
            central.append(le32(crc)); central.append(le32(UInt32(data.count))); central.append(le32(UInt32(data.count)))
            central.append(le16(UInt16(nameBytes.count))); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(0)); central.append(le32(offset))
            central.append(nameBytes)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32(0x0605_4B50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(entries.count))); out.append(le16(UInt16(entries.count)))
        out.append(le32(UInt32(central.count))); out.append(le32(centralOffset)); out.append(le16(0))
        return out
    }

    /// A minimal workbook package around the given sheet XML bodies (the `<sheetData>` contents), written
    /// the way Excel lays parts out, with an optional shared-strings part.
    static func package(sheets: [(name: String, xml: String)], sharedStrings: String? = nil) -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
        var rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        var entries: [(String, Data)] = [
            ("_rels/.rels", Data(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            entries.append(("xl/worksheets/sheet\(index + 1).xml",
                            Data("<?xml version=\"1.0\"?><worksheet xmlns=\"\(main)\"><sheetData>\(sheet.xml)</sheetData></worksheet>".utf8)))
        }
        if let sharedStrings {
            rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            entries.append(("xl/sharedStrings.xml", Data("<?xml version=\"1.0\"?><sst xmlns=\"\(main)\">\(sharedStrings)</sst>".utf8)))
        }
        entries.append(("xl/workbook.xml", Data((workbook + "</sheets></workbook>").utf8)))
        entries.append(("xl/_rels/workbook.xml.rels", Data((rels + "</Relationships>").utf8)))
        return storedZip(entries)
    }

    /// One sheet named `Sheet1` with the given `<sheetData>` body.
    static func package(sheetData: String, sharedStrings: String? = nil) -> Data {
        package(sheets: [("Sheet1", sheetData)], sharedStrings: sharedStrings)
    }

    /// The error `body` throws, as an `XLSXError`.
    static func error(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> XLSXError? {
        do {
            try body()
            XCTFail("no error thrown", file: file, line: line)
            return nil
        } catch let error as XLSXError {
            return error
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    /// A reproducible byte stream (xorshift64), so "random" inputs are the same on every run.
    static func pseudoRandomBytes(count: Int, seed: UInt64) -> Data {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            bytes.append(UInt8(truncatingIfNeeded: state))
        }
        return Data(bytes)
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    static func le32(_ value: UInt32) -> Data {
        Data([UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)])
    }

    // MARK: LibreOffice

    /// `soffice` or `libreoffice` on PATH, if installed.
    static func libreOffice() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    /// Runs LibreOffice headless with a private profile in `workDirectory` (so parallel or earlier runs do
    /// not share a lock), converting `input` with `filter` into `workDirectory`. Returns the output file.
    static func convert(_ input: URL, to filter: String, extension outputExtension: String, infilter: String? = nil,
                        in workDirectory: URL, using soffice: URL) throws -> URL {
        let process = Process()
        process.executableURL = soffice
        var arguments = ["-env:UserInstallation=file://\(workDirectory.appendingPathComponent("profile").path)",
                         "--headless", "--norestore"]
        if let infilter { arguments.append("--infilter=\(infilter)") }
        arguments += ["--convert-to", filter, "--outdir", workDirectory.path, input.path]
        process.arguments = arguments
        let log = workDirectory.appendingPathComponent("soffice-\(outputExtension).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        // A guard against a hung converter, not a timing expectation.
        if done.wait(timeout: .now() + 300) == .timedOut {
            process.terminate()
            throw XCTSkip("LibreOffice did not finish converting \(input.lastPathComponent)")
        }
        try handle.close()
        let output = workDirectory.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + outputExtension)
        let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output.path) else {
            XCTFail("LibreOffice conversion failed (\(process.terminationStatus)): \(logText)")
            throw CocoaError(.fileNoSuchFile)
        }
        return output
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("duban-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
