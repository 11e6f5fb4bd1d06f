@testable import DubanCore
import XCTest

/// Known answers that need no decoder: published examples and values worked out by hand from
/// ISO/IEC 18004.
final class QRCodeKnownAnswerTests: XCTestCase {
    // MARK: Reed–Solomon over GF(256)

    func testFieldMultiplication() {
        // 2 × 128 = x · x⁷ = x⁸ ≡ x⁴ + x³ + x² + 1 = 0b0001_1101 = 29 (mod 0x11D).
        XCTAssertEqual(QRReedSolomon.multiply(2, 128), 29)
        XCTAssertEqual(QRReedSolomon.multiply(1, 173), 173)
        XCTAssertEqual(QRReedSolomon.multiply(0, 173), 0)
        // 3 × 7 = (x + 1)(x² + x + 1) = x³ + 1 = 9 (no reduction).
        XCTAssertEqual(QRReedSolomon.multiply(3, 7), 9)
    }

    func testGeneratorPolynomialOfDegreeTen() {
        // ISO/IEC 18004 Annex A, 10 codewords: α⁰ α²⁵¹ α⁶⁷ α⁴⁶ α⁶¹ α¹¹⁸ α⁷⁰ α⁶⁴ α⁹⁴ α³² α⁴⁵ = 1, 216, 194, 159,
        // 111, 199, 94, 95, 113, 157, 193 (the divisor quoted in "An artisanal QR code", PagedOut! #2).
        XCTAssertEqual(QRReedSolomon.generator(degree: 10), [216, 194, 159, 111, 199, 94, 95, 113, 157, 193])
        // Degree 2: (x − 1)(x − α) = x² + 3x + 2.
        XCTAssertEqual(QRReedSolomon.generator(degree: 2), [3, 2])
    }

    func testPublishedErrorCorrectionCodewords() {
        // ISO/IEC 18004 Annex I: "01234567", version 1-M.
        XCTAssertEqual(
            QRReedSolomon.remainder(of: [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17], degree: 10),
            [165, 36, 212, 193, 237, 54, 199, 135, 44, 85])
        // Thonky's QR Code Tutorial, "HELLO WORLD" 1-M and 1-Q.
        let hello: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236]
        XCTAssertEqual(QRReedSolomon.remainder(of: hello + [17, 236, 17], degree: 10), [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
        XCTAssertEqual(QRReedSolomon.remainder(of: hello, degree: 13), [168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16])
    }

    // MARK: data codewords and layout

    func testByteModeDataCodewords() {
        // "PagedOut!" 1-M ("An artisanal QR code"): 0100 | 00001001 (9) | P a g e d O u t ! | 0000 | pad.
        // 0100 0000 1001 0101 0000 0110 … → 0x40 0x95 0x06 0x16 0x76 0x56 0x44 0xF7 0x57 0x42 0x10, then EC 11 EC 11 EC.
        XCTAssertEqual(
            QRCode.dataCodewords(bytes: Array("PagedOut!".utf8), version: 1, errorCorrection: .medium),
            [64, 149, 6, 22, 118, 86, 68, 247, 87, 66, 16, 236, 17, 236, 17, 236])
        // "A" 1-M: 0100 00000001 01000001 0000 = 0x40 0x14 0x10, then pads to 16 codewords.
        XCTAssertEqual(
            QRCode.dataCodewords(bytes: [0x41], version: 1, errorCorrection: .medium),
            [0x40, 0x14, 0x10, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC])
        // 14 bytes fill 1-M exactly: 4 + 8 + 112 = 124 bits, 4 terminator bits make 128 = 16 codewords, no pad.
        let full = QRCode.dataCodewords(bytes: Array(repeating: 0xFF, count: 14), version: 1, errorCorrection: .medium)
        XCTAssertEqual(full.count, 16)
        XCTAssertEqual(full.first, 0x40) // 0100 0000
        XCTAssertEqual(full[1], 0xEF)    // 1110 1111: count 14 = 0000 1110 straddles the byte
        XCTAssertEqual(full.last, 0xF0)  // the last 4 data bits 1111, then the 4-bit terminator
        // UTF-8 ECI then "电" (E7 94 B5), 1-M: 0111 | 00011010 | 0100 | 00000011 | E7 94 B5 | 0000 | 0000
        // = 0111 0001 · 1010 0100 · 0000 0011 · E7 · 94 · B5 · 0000 0000 → 71 A4 03 E7 94 B5 00, then pads.
        XCTAssertEqual(
            QRCode.dataCodewords(bytes: Array("电".utf8), version: 1, errorCorrection: .medium, declaresUTF8: true),
            [0x71, 0xA4, 0x03, 0xE7, 0x94, 0xB5, 0x00, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC])
        // Version 10 uses a 16-bit count: 0100 | 0000 0000 0000 0001 | 0x41 → 0x40 0x00 0x14 0x10.
        XCTAssertEqual(Array(QRCode.dataCodewords(bytes: [0x41], version: 10, errorCorrection: .medium).prefix(4)), [0x40, 0x00, 0x14, 0x10])
    }

    func testRawModulesAndDataCodewords() {
        // Version 1: 21² = 441 − 3 finders with separators (3 × 64 = 192) − timing (2 × 5 = 10)
        // − format (2 × 15) − dark module (1) = 208 modules = 26 codewords.
        XCTAssertEqual(QRTables.rawDataModules(1), 208)
        // ISO/IEC 18004 Table 7, data codewords at M, versions 1–10.
        XCTAssertEqual((1...10).map { QRTables.dataCodewords($0, .medium) }, [16, 28, 44, 64, 86, 108, 124, 154, 182, 216])
        XCTAssertEqual((1...10).map { QRTables.dataCodewords($0, .high) }, [9, 16, 26, 36, 46, 60, 66, 86, 100, 122])
        // Version 40: 3706 codewords less 25 × 30, 49 × 28, 68 × 30 and 81 × 30 error-correction codewords.
        XCTAssertEqual(QRErrorCorrection.allCases.map { QRTables.dataCodewords(40, $0) }, [2956, 2334, 1666, 1276])
        // Every version and level leaves room for data and keeps blocks of at most two lengths.
        for version in QRTables.versions {
            for level in QRErrorCorrection.allCases {
                let blocks = QRTables.errorCorrectionBlocks[level.tableIndex][version]
                let ecc = QRTables.eccCodewordsPerBlock[level.tableIndex][version]
                XCTAssertGreaterThan(QRTables.rawDataModules(version) / 8 / blocks, ecc, "\(version)-\(level)")
            }
        }
    }

    func testVersionSelectionAtMedium() throws {
        // Byte capacity = ⌊(8 × data codewords − 4 − count bits) / 8⌋: v1 (128 − 12)/8 = 14, v2 26, v3 42, v4 62,
        // v5 84, v6 106, v7 122, v8 152, v9 180, v10 (1728 − 20)/8 = 213, v11 251; v40 (18672 − 20)/8 = 2331.
        let cases: [(bytes: Int, version: Int)] = [
            (0, 1), (14, 1), (15, 2), (26, 2), (27, 3), (42, 3), (43, 4), (62, 4), (84, 5), (85, 6),
            (122, 7), (150, 8), (152, 8), (153, 9), (180, 9), (181, 10), (213, 10), (214, 11), (2331, 40),
        ]
        for (bytes, version) in cases {
            XCTAssertEqual(QRCode.smallestVersion(byteCount: bytes, errorCorrection: .medium), version, "\(bytes) bytes")
        }
        XCTAssertNil(QRCode.smallestVersion(byteCount: 2332, errorCorrection: .medium))
        // With the 12-bit UTF-8 ECI header: v1 (128 − 24)/8 = 13, v5 (688 − 24)/8 = 83.
        XCTAssertEqual(QRCode.smallestVersion(byteCount: 13, errorCorrection: .medium, declaresUTF8: true), 1)
        XCTAssertEqual(QRCode.smallestVersion(byteCount: 14, errorCorrection: .medium, declaresUTF8: true), 2)
        XCTAssertEqual(QRCode.smallestVersion(byteCount: 84, errorCorrection: .medium, declaresUTF8: true), 6)
        XCTAssertThrowsError(try QRCode.encode(bytes: Array(repeating: 0x61, count: 2332))) {
            XCTAssertEqual($0 as? QRCodeError, .dataTooLong(bytes: 2332, maximum: 2331))
            XCTAssertEqual(($0 as? QRCodeError)?.code, "qr_data_too_long")
        }
        XCTAssertThrowsError(try QRCode.encode(bytes: [1], maximumVersion: 41)) { XCTAssertEqual($0 as? QRCodeError, .invalidVersion(41)) }
        XCTAssertThrowsError(try QRCode.encode(bytes: [1], mask: 8)) { XCTAssertEqual($0 as? QRCodeError, .invalidMask(8)) }
        XCTAssertEqual(try QRCode.encode(bytes: [1], minimumVersion: 5).version, 5)
    }

    func testAlignmentPatternPositions() {
        // ISO/IEC 18004 Annex E, Table E.1.
        XCTAssertEqual(QRTables.alignmentPositions(1), [])
        XCTAssertEqual(QRTables.alignmentPositions(2), [6, 18])
        XCTAssertEqual(QRTables.alignmentPositions(7), [6, 22, 38])
        XCTAssertEqual(QRTables.alignmentPositions(14), [6, 26, 46, 66])
        XCTAssertEqual(QRTables.alignmentPositions(15), [6, 26, 48, 70])
        XCTAssertEqual(QRTables.alignmentPositions(32), [6, 34, 60, 86, 112, 138])
        XCTAssertEqual(QRTables.alignmentPositions(36), [6, 24, 50, 76, 102, 128, 154])
        XCTAssertEqual(QRTables.alignmentPositions(39), [6, 26, 54, 82, 110, 138, 166])
        XCTAssertEqual(QRTables.alignmentPositions(40), [6, 30, 58, 86, 114, 142, 170])
    }

    // MARK: format and version information

    func testFormatInformationForLevelM() {
        // ISO/IEC 18004 Table C.1, level M (00), masks 0–7.
        let expected = ["101010000010010", "101000100100101", "101111001111100", "101101101001011",
                        "100010111111001", "100000011001110", "100111110010111", "100101010100000"]
        XCTAssertEqual((0..<8).map { binary(QRMatrix.formatBits(errorCorrection: .medium, mask: $0), width: 15) }, expected)
        // By hand, M mask 5: data 00 101; 00101 × x¹⁰ = 1010000000000; − 10100110111 × x² = 0000011011100;
        // remainder 0011011100; 00101 0011011100 XOR 101010000010010 = 100000011001110.
        XCTAssertEqual(binary(QRMatrix.formatBits(errorCorrection: .medium, mask: 5), width: 15), "100000011001110")
        // Level L (01), mask 0: 111011111000100; level H (10), mask 0: 001011010001001 (Table C.1).
        XCTAssertEqual(binary(QRMatrix.formatBits(errorCorrection: .low, mask: 0), width: 15), "111011111000100")
        XCTAssertEqual(binary(QRMatrix.formatBits(errorCorrection: .high, mask: 0), width: 15), "001011010001001")
        XCTAssertEqual(binary(QRMatrix.formatBits(errorCorrection: .quartile, mask: 0), width: 15), "011010101011111")
    }

    func testVersionInformation() {
        // ISO/IEC 18004 Table D.1: version 7 = 000111 110010010100 (0x07C94), version 40 = 0x28C69.
        XCTAssertEqual(QRMatrix.versionBits(7), 0x07C94)
        XCTAssertEqual(QRMatrix.versionBits(40), 0x28C69)
    }

    // MARK: the symbol

    func testSymbolStructure() throws {
        let code = try QRCode.encode("https://e.cn/1")
        XCTAssertEqual(code.version, 1)
        XCTAssertEqual(code.size, 21)
        XCTAssertEqual(code.modules.count, 21)
        XCTAssertTrue(code.modules.allSatisfy { $0.count == 21 })
        // Finder patterns: rings 0, 1 (light), 2, 3 dark-light-dark from the centre outwards; separators light.
        for (top, left) in [(0, 0), (0, 14), (14, 0)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    XCTAssertEqual(code.isDark(row: top + dy, column: left + dx), ring != 2, "finder at \(top),\(left)")
                }
            }
        }
        XCTAssertFalse(code.isDark(row: 7, column: 0))
        XCTAssertFalse(code.isDark(row: 0, column: 7))
        // Timing patterns between the finders: dark on even indices.
        for index in 8...12 {
            XCTAssertEqual(code.isDark(row: 6, column: index), index % 2 == 0)
            XCTAssertEqual(code.isDark(row: index, column: 6), index % 2 == 0)
        }
        // The dark module at (4V + 9, 8).
        XCTAssertTrue(code.isDark(row: 13, column: 8))
        // Format information read back from both copies names level M and the chosen mask.
        let want = QRMatrix.formatBits(errorCorrection: .medium, mask: code.mask)
        var first = 0
        var second = 0
        for index in 0..<15 {
            let (row, column): (Int, Int) = index < 6 ? (index, 8) : index < 8 ? (index + 1, 8) : index == 8 ? (8, 7) : (8, 14 - index)
            first |= (code.isDark(row: row, column: column) ? 1 : 0) << index
            let (row2, column2) = index < 8 ? (8, 20 - index) : (6 + index, 8)
            second |= (code.isDark(row: row2, column: column2) ? 1 : 0) << index
        }
        XCTAssertEqual(first, want)
        XCTAssertEqual(second, want)
        XCTAssertFalse(code.isDark(row: -1, column: 0))
    }

    func testVersionInformationIsPlacedFromVersionSeven() throws {
        let code = try QRCode.encode(bytes: [0x41], minimumVersion: 7)
        XCTAssertEqual(code.size, 45)
        // Bit i sits at row i / 3, column size − 11 + i % 3 (top right) and transposed (bottom left).
        var topRight = 0
        var bottomLeft = 0
        for index in 0..<18 {
            topRight |= (code.isDark(row: index / 3, column: 34 + index % 3) ? 1 : 0) << index
            bottomLeft |= (code.isDark(row: 34 + index % 3, column: index / 3) ? 1 : 0) << index
        }
        XCTAssertEqual(topRight, 0x07C94)
        XCTAssertEqual(bottomLeft, 0x07C94)
    }

    func testTextDeclaresUTF8OnlyWhenNotASCII() throws {
        XCTAssertEqual(try QRCode.encode("电梯安全"), try QRCode.encode(bytes: Array("电梯安全".utf8), declaresUTF8: true))
        let url = "https://e.cn/1"
        XCTAssertEqual(try QRCode.encode(url), try QRCode.encode(bytes: Array(url.utf8), declaresUTF8: false))
        XCTAssertNotEqual(try QRCode.encode(url), try QRCode.encode(bytes: Array(url.utf8), declaresUTF8: true))
    }

    func testForcedMaskAndDeterminism() throws {
        let bytes = Array("https://duban.example.gov.cn/e/31005101002017000123".utf8)
        XCTAssertEqual(try QRCode.encode(bytes: bytes, mask: 3).mask, 3)
        XCTAssertEqual(try QRCode.encode(bytes: bytes), try QRCode.encode(bytes: bytes))
        // Different masks give different symbols.
        XCTAssertNotEqual(try QRCode.encode(bytes: bytes, mask: 0).modules, try QRCode.encode(bytes: bytes, mask: 1).modules)
        // The automatic choice has the lowest penalty of the eight.
        let chosen = try QRCode.encode(bytes: bytes)
        let penalties = try (0..<8).map { try penalty(of: QRCode.encode(bytes: bytes, mask: $0)) }
        XCTAssertEqual(penalties[chosen.mask], penalties.min())
    }

    func testSVGRunsRoundTripToTheModules() throws {
        let code = try QRCode.encode("https://duban.example.gov.cn/e/31005101002017000123")
        let svg = code.svg(moduleSize: 5, quietZone: 4)
        // Version 4: 33 modules + 2 × 4 quiet = 41; × 5 px = 205.
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"205\" height=\"205\" viewBox=\"0 0 41 41\" shape-rendering=\"crispEdges\">"))
        XCTAssertTrue(svg.hasSuffix("</g></svg>"))
        // Paint every run back onto a grid: it must equal the modules, and runs must be maximal.
        var grid = Array(repeating: Array(repeating: false, count: code.size), count: code.size)
        let pattern = #/<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1"/>/#
        var runs = 0
        for match in svg.matches(of: pattern) {
            let (x, y, width) = (Int(match.1)! - 4, Int(match.2)! - 4, Int(match.3)!)
            for column in x..<(x + width) { grid[y][column] = true }
            XCTAssertFalse(code.isDark(row: y, column: x - 1), "run starts after a light module")
            XCTAssertFalse(code.isDark(row: y, column: x + width), "run ends before a light module")
            runs += 1
        }
        XCTAssertEqual(grid, code.modules)
        let darkRuns = code.modules.map { row in zip([false] + row, row).filter { !$0 && $1 }.count }.reduce(0, +)
        XCTAssertEqual(runs, darkRuns)
        // Out-of-range sizes are clamped: module size 1, no quiet zone.
        XCTAssertTrue(code.svg(moduleSize: 0, quietZone: -3).contains("width=\"33\" height=\"33\" viewBox=\"0 0 33 33\""))
    }

    private func binary(_ value: Int, width: Int) -> String {
        let digits = String(value, radix: 2)
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// The penalty of a finished symbol, recomputed from its modules with the four rules written out
    /// plainly (runs, 2 × 2 blocks, 1:1:3:1:1 patterns scanned with the quiet zone as light, balance).
    private func penalty(of code: QRCode) -> Int {
        let n = code.size
        var score = 0
        func line(_ module: (Int) -> Bool) {
            var run = 1
            for i in 1...n {
                if i < n, module(i) == module(i - 1) {
                    run += 1
                } else {
                    if run >= 5 { score += 3 + (run - 5) }
                    run = 1
                }
            }
            // N3: pad with 4 light modules each side and count 1011101 with 4 light before or after,
            // at every scale k (runs of k, k, 3k, k, k).
            let padded = Array(repeating: false, count: 4 * n) + (0..<n).map(module) + Array(repeating: false, count: 4 * n)
            var runs: [(dark: Bool, length: Int)] = []
            for value in padded {
                if let last = runs.last, last.dark == value { runs[runs.count - 1].length += 1 } else { runs.append((value, 1)) }
            }
            for i in runs.indices where runs[i].dark && i >= 1 && i + 5 < runs.count {
                let k = runs[i].length
                guard runs[i + 1].length == k, runs[i + 2].length == 3 * k, runs[i + 3].length == k, runs[i + 4].length == k else { continue }
                if runs[i - 1].length >= 4 * k, runs[i + 5].length >= k { score += 40 }
                if runs[i + 5].length >= 4 * k, runs[i - 1].length >= k { score += 40 }
            }
        }
        for i in 0..<n {
            line { code.isDark(row: i, column: $0) }
            line { code.isDark(row: $0, column: i) }
        }
        for y in 0..<(n - 1) {
            for x in 0..<(n - 1) {
                let c = code.isDark(row: y, column: x)
                if c == code.isDark(row: y, column: x + 1), c == code.isDark(row: y + 1, column: x), c == code.isDark(row: y + 1, column: x + 1) {
                    score += 3
                }
            }
        }
        let dark = code.modules.joined().filter { $0 }.count
        let percent = Double(dark) * 100 / Double(n * n)
        // k whole 5 % steps beyond 45–55 %: ⌈|p − 50| / 5⌉ − 1, at least 0.
        score += max(0, Int((abs(percent - 50) / 5).rounded(.up)) - 1) * 10
        return score
    }
}
