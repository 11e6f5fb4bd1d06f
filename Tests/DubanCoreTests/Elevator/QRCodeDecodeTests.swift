@testable import DubanCore
import Foundation
import XCTest

/// Round trips through an independent decoder: each symbol is rasterised to a PGM and read back with
/// Debian's `zbarimg`. Skipped (XCTSkip) only when zbarimg is not installed.
final class QRCodeDecodeTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        _ = try QRCodeTestSupport.zbarimg()
        directory = try QRCodeTestSupport.temporaryDirectory()
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func assertRoundTrip(
        _ text: String, bytes expectedBytes: Int, version expectedVersion: Int?, level: QRErrorCorrection = .medium,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        XCTAssertEqual(text.utf8.count, expectedBytes, "hand-counted UTF-8 length", file: file, line: line)
        let code = try QRCode.encode(text, errorCorrection: level)
        if let expectedVersion {
            XCTAssertEqual(code.version, expectedVersion, "version", file: file, line: line)
        }
        let name = "v\(code.version)-\(level)-\(expectedBytes)"
        let decoded = try QRCodeTestSupport.roundTrip(code, in: directory, name: name)
        XCTAssertEqual(String(decoding: decoded, as: UTF8.self), text, "payload bytes", file: file, line: line)
        // Read as text, with the reader's own character-set detection (no ECI header is written).
        let asText = try QRCodeTestSupport.roundTrip(code, in: directory, name: name, binary: false)
        XCTAssertEqual(String(decoding: asText, as: UTF8.self), text, "text", file: file, line: line)
    }

    func testElevatorLabelURLs() throws {
        // "https://" 8 + "duban.example.gov.cn" 20 + "/e/" 3 + 20 digits = 51 bytes: version 4 at M (43…62).
        try assertRoundTrip("https://duban.example.gov.cn/e/31005101002017000123", bytes: 51, version: 4)
        // 14 bytes: version 1 holds exactly 14 at M.
        try assertRoundTrip("https://e.cn/1", bytes: 14, version: 1)
        // 51 + "?q=" 3 + 96 × "a" = 150 bytes: version 8 at M (123…152).
        try assertRoundTrip(
            "https://duban.example.gov.cn/e/31005101002017000123?q=" + String(repeating: "a", count: 96), bytes: 150, version: 8)
    }

    func testChineseTextAcrossVersions() throws {
        // Each Chinese character and full-width mark is 3 bytes in UTF-8. Non-ASCII text carries the
        // 12-bit UTF-8 ECI header, so byte capacities at M are ⌊(8 × data codewords − 12 − 4 − count bits) / 8⌋:
        // v1 13, v2 25, v4 61, v5 83, v6 105, v7 121, v9 179, v10 212.
        try assertRoundTrip("电梯安全", bytes: 12, version: 1) // 4 × 3
        try assertRoundTrip("电梯困人请拨96333", bytes: 23, version: 2) // 6 × 3 + 5
        try assertRoundTrip("维保单位接到电梯困人故障报告后三十分钟内赶到现场救援", bytes: 78, version: 5) // 26 × 3
        try assertRoundTrip("电梯使用单位应当在检验合格有效期届满前1个月向特种设备检验检测机构提出定期检验申请", bytes: 121, version: 7) // 40 × 3 + 1, v7 full
        try assertRoundTrip(
            "维保单位应当制定应急措施和救援预案，每半年至少对本单位维保的电梯进行一次应急演练，并书面如实记录；确保应急救援电话全天候有效应答。",
            bytes: 195, version: 10) // 65 × 3
    }

    func testEveryErrorCorrectionLevel() throws {
        let url = "https://duban.example.gov.cn/e/31005101002017000123"
        // 51 bytes. L: v3 holds 53. Q: v4 holds 46, v5 60. H: v5 holds 44, v6 58.
        try assertRoundTrip(url, bytes: 51, version: 3, level: .low)
        try assertRoundTrip(url, bytes: 51, version: 5, level: .quartile)
        try assertRoundTrip(url, bytes: 51, version: 6, level: .high)
    }

    func testEveryMaskDecodes() throws {
        let text = "https://duban.example.gov.cn/e/31005101002017000123"
        for mask in 0..<8 {
            let code = try QRCode.encode(bytes: Array(text.utf8), mask: mask)
            XCTAssertEqual(code.mask, mask)
            let decoded = try QRCodeTestSupport.roundTrip(code, in: directory, name: "mask\(mask)")
            XCTAssertEqual(String(decoding: decoded, as: UTF8.self), text, "mask \(mask)")
        }
    }

    func testLargeVersionsAndBinaryBytes() throws {
        // Every byte value, twice over: 512 bytes, 16-bit count, many interleaved blocks.
        let bytes = (0..<512).map { UInt8($0 % 256) }
        let code = try QRCode.encode(bytes: bytes, errorCorrection: .medium)
        XCTAssertGreaterThan(code.version, 10)
        XCTAssertEqual(try QRCodeTestSupport.roundTrip(code, in: directory, name: "binary"), bytes)
        // Version 40 at L holds 2,953 bytes.
        let text = String(repeating: "0123456789abcdefghijklmnopqrstuvwxyz-", count: 80).prefix(2953)
        let largest = try QRCode.encode(String(text), errorCorrection: .low)
        XCTAssertEqual(largest.version, 40)
        XCTAssertEqual(String(decoding: try QRCodeTestSupport.roundTrip(largest, in: directory, name: "v40"), as: UTF8.self), String(text))
    }

    func testSVGRendersToADecodableImage() throws {
        // librsvg is the reference renderer here; ImageMagick's built-in SVG reader mishandles viewBox.
        guard let rsvg = QRCodeTestSupport.tool("rsvg-convert") else {
            throw XCTSkip("rsvg-convert is not installed (Debian: apt-get install -y librsvg2-bin); SVG rendering check skipped")
        }
        let text = "https://duban.example.gov.cn/e/31005101002017000123"
        let svg = directory.appendingPathComponent("label.svg")
        let png = directory.appendingPathComponent("label.png")
        try Data(try QRCode.encode(text).svg(moduleSize: 6, quietZone: 4).utf8).write(to: svg)
        XCTAssertEqual(try QRCodeTestSupport.run(rsvg, [svg.path, "-o", png.path]).status, 0, "rsvg-convert failed")
        XCTAssertEqual(String(decoding: try QRCodeTestSupport.decode(png), as: UTF8.self), text)
    }
}
