/// The fixed tables and layout numbers of ISO/IEC 18004 for versions 1–40.
enum QRTables {
    static let versions = 1...40

    /// Error-correction codewords per block, by level (L, M, Q, H) then version (index 0 unused);
    /// ISO/IEC 18004 Table 9.
    static let eccCodewordsPerBlock: [[Int]] = [
        [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Error-correction blocks, by level then version (index 0 unused); ISO/IEC 18004 Table 9.
    static let errorCorrectionBlocks: [[Int]] = [
        [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    /// Modules per side: 17 + 4 × version.
    static func size(of version: Int) -> Int { 17 + 4 * version }

    /// Modules available for data and error correction (with remainder bits): the whole symbol less
    /// finder patterns with separators, timing patterns, alignment patterns, format and version
    /// information and the dark module.
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            // Alignment patterns (25 modules each) less their overlap with the timing patterns.
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 } // two 6 × 3 version-information blocks
        }
        return result
    }

    /// Data codewords of `version` at `level`.
    static func dataCodewords(_ version: Int, _ level: QRErrorCorrection) -> Int {
        rawDataModules(version) / 8
            - eccCodewordsPerBlock[level.tableIndex][version] * errorCorrectionBlocks[level.tableIndex][version]
    }

    /// Bits of the byte-mode character count: 8 for versions 1–9, 16 from version 10 (Table 3).
    static func byteCountBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// Bits of an ECI header for designator 26 (UTF-8): mode 0111 and one designator byte 00011010.
    static let utf8ECIBits = 12

    /// The most bytes byte mode holds in `version` at `level` (Table 7), less the ECI header when
    /// `declaresUTF8`.
    static func byteCapacity(_ version: Int, _ level: QRErrorCorrection, declaresUTF8: Bool = false) -> Int {
        (dataCodewords(version, level) * 8 - (declaresUTF8 ? utf8ECIBits : 0) - 4 - byteCountBits(version)) / 8
    }

    /// Row and column centres of the alignment patterns (Annex E): 6, then evenly spaced (even steps)
    /// up to size − 7; version 32's step is the one exception to the spacing rule.
    static func alignmentPositions(_ version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let last = size(of: version) - 7
        return [6] + (0..<(count - 1)).reversed().map { last - $0 * step }
    }
}
