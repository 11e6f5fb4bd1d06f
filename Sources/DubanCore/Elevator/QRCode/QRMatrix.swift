/// The module grid of one symbol while it is built: function patterns, codeword placement, masking.
struct QRMatrix {
    let version: Int
    let size: Int
    /// Row-major, `true` = dark.
    private(set) var dark: [Bool]
    /// Modules that belong to function patterns and format/version information (never masked).
    private(set) var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = QRTables.size(of: version)
        dark = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    subscript(x: Int, y: Int) -> Bool {
        dark[y * size + x]
    }

    /// The finished symbol: function patterns, codewords, the given mask or the best of the eight.
    static func symbol(version: Int, errorCorrection: QRErrorCorrection, codewords: [UInt8], mask: Int?) -> (rows: [[Bool]], mask: Int) {
        var base = QRMatrix(version: version)
        base.drawFunctionPatterns(errorCorrection: errorCorrection)
        base.drawCodewords(codewords)
        let chosen: Int
        if let mask {
            chosen = mask
        } else {
            // The lowest penalty wins; on a tie, the lower mask number.
            let penalties = (0..<8).map { base.masked($0, errorCorrection).penalty }
            chosen = penalties.indices.min { penalties[$0] < penalties[$1] } ?? 0
        }
        let final = base.masked(chosen, errorCorrection)
        let rows = (0..<final.size).map { y in Array(final.dark[(y * final.size)..<((y + 1) * final.size)]) }
        return (rows, chosen)
    }

    /// A copy with `mask` applied to the data modules and the matching format information drawn.
    func masked(_ mask: Int, _ errorCorrection: QRErrorCorrection) -> QRMatrix {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && Self.maskInverts(mask, x: x, y: y) {
                copy.dark[y * size + x].toggle()
            }
        }
        copy.drawFormatBits(errorCorrection: errorCorrection, mask: mask)
        return copy
    }

    /// The eight data-mask conditions (ISO/IEC 18004 Table 10), x = column, y = row.
    static func maskInverts(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// The 15 format-information bits (§7.9.1): level and mask, BCH(15,5) with generator 0x537, XOR
    /// 101010000010010.
    static func formatBits(errorCorrection: QRErrorCorrection, mask: Int) -> Int {
        let data = errorCorrection.formatBits << 3 | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18 version-information bits (§7.10, versions 7–40): version, BCH(18,6) with generator 0x1F25.
    static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        return version << 12 | remainder
    }

    private mutating func set(_ x: Int, _ y: Int, _ value: Bool, function: Bool = true) {
        dark[y * size + x] = value
        if function { isFunction[y * size + x] = true }
    }

    /// Timing patterns, finder patterns with separators, alignment patterns, reserved format areas
    /// and, from version 7, version information.
    private mutating func drawFunctionPatterns(errorCorrection: QRErrorCorrection) {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            drawFinder(centreX: x, centreY: y)
        }
        let positions = QRTables.alignmentPositions(version)
        let last = positions.count - 1
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                drawAlignment(centreX: x, centreY: y)
            }
        }
        drawFormatBits(errorCorrection: errorCorrection, mask: 0) // reserves the area; redrawn per mask
        drawVersion()
    }

    /// A 7 × 7 finder pattern and its light separator, clipped at the symbol's edge.
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let (x, y) = (centreX + dx, centreY + dy)
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                set(x, y, ring != 2 && ring != 4)
            }
        }
    }

    /// A 5 × 5 alignment pattern: dark centre and border, light ring.
    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                set(centreX + dx, centreY + dy, max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Both copies of the format information, and the dark module at (8, size − 8).
    private mutating func drawFormatBits(errorCorrection: QRErrorCorrection, mask: Int) {
        let bits = Self.formatBits(errorCorrection: errorCorrection, mask: mask)
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        // First copy, around the top-left finder: bits 0–7 down column 8, bits 8–14 along row 8.
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9..<15 { set(14 - index, 8, bit(index)) }
        // Second copy: bits 0–7 along row 8 at the right, bits 8–14 down column 8 at the bottom.
        for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    /// Both 6 × 3 version-information blocks (versions 7 and up).
    private mutating func drawVersion() {
        guard version >= 7 else { return }
        let bits = Self.versionBits(version)
        for index in 0..<18 {
            let value = (bits >> index) & 1 == 1
            let (a, b) = (size - 11 + index % 3, index / 3)
            set(a, b, value)
            set(b, a, value)
        }
    }

    /// Places the codewords, most significant bit first, in two-module columns from the bottom right,
    /// zig-zagging up and down and skipping the vertical timing column and function modules
    /// (§7.7.3). Modules left over are remainder bits, 0.
    private mutating func drawCodewords(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] && bitIndex < totalBits {
                    let byte = codewords[bitIndex >> 3]
                    set(x, y, (byte >> UInt8(7 - (bitIndex & 7))) & 1 == 1, function: false)
                    bitIndex += 1
                }
            }
            right -= 2
        }
    }
}
