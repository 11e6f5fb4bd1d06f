extension QRCode {
    /// The data codewords of `bytes` in byte mode (ISO/IEC 18004 §7.4): when `declaresUTF8`, the ECI
    /// header 0111 00011010 (designator 26, UTF-8; §7.4.2.2); then mode indicator 0100, the byte
    /// count (8 or 16 bits), the bytes, a terminator of up to four 0 bits, 0 bits to the byte
    /// boundary, then the pad bytes 0xEC and 0x11 in turn up to the version's data capacity.
    /// `bytes` must fit (see ``smallestVersion(byteCount:errorCorrection:declaresUTF8:from:to:)``).
    static func dataCodewords(bytes: [UInt8], version: Int, errorCorrection: QRErrorCorrection, declaresUTF8: Bool = false) -> [UInt8] {
        let capacity = QRTables.dataCodewords(version, errorCorrection)
        var bits = QRBitBuffer()
        if declaresUTF8 {
            bits.append(0b0111, count: 4)
            bits.append(26, count: 8) // designators below 128 take one byte, leading bit 0
        }
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: QRTables.byteCountBits(version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacity * 8 - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// The final codeword sequence (§7.6): the data split into blocks (the short blocks first, the
    /// long ones one codeword longer), each block's Reed–Solomon codewords computed, then the data
    /// codewords interleaved column by column across blocks, followed by the error-correction
    /// codewords likewise.
    static func interleavedCodewords(data: [UInt8], version: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let blockCount = QRTables.errorCorrectionBlocks[errorCorrection.tableIndex][version]
        let eccLength = QRTables.eccCodewordsPerBlock[errorCorrection.tableIndex][version]
        let rawCodewords = QRTables.rawDataModules(version) / 8
        let shortBlocks = blockCount - rawCodewords % blockCount
        let shortDataLength = rawCodewords / blockCount - eccLength

        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for block in 0..<blockCount {
            let length = shortDataLength + (block < shortBlocks ? 0 : 1)
            let chunk = Array(data[start..<(start + length)])
            start += length
            dataBlocks.append(chunk)
            eccBlocks.append(QRReedSolomon.remainder(of: chunk, degree: eccLength))
        }

        var result: [UInt8] = []
        result.reserveCapacity(rawCodewords)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count { result.append(block[column]) }
        }
        for column in 0..<eccLength {
            for block in eccBlocks { result.append(block[column]) }
        }
        return result
    }
}

/// Bits appended most significant first, read out as bytes.
struct QRBitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    /// Appends the low `count` bits of `value`, most significant first.
    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// The bits as bytes (the last byte padded with 0 bits).
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { byte, offset in
                let index = start + offset
                return byte << 1 | (index < bits.count && bits[index] ? 1 : 0)
            }
        }
    }
}
