/// Reed–Solomon error correction over GF(256) with the QR field polynomial
/// x⁸ + x⁴ + x³ + x² + 1 (0x11D) and generator roots α⁰ … α^(n−1) (ISO/IEC 18004 §7.5.2, Annex A).
enum QRReedSolomon {
    /// The product of `x` and `y` in GF(256), by shift and add ("Russian peasant").
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var product: UInt16 = 0
        for bit in (0..<8).reversed() {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            if (y >> UInt8(bit)) & 1 == 1 { product ^= UInt16(x) }
        }
        return UInt8(truncatingIfNeeded: product)
    }

    /// The generator polynomial of `degree`, coefficients from x^(degree−1) down to x⁰ (the leading
    /// coefficient 1 of x^degree left out): ∏ (x − αⁱ) for i in 0..<degree.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            // Multiply by (x − root): shift up one power and add root × the old coefficients.
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    /// The error-correction codewords of `data`: the remainder of data(x) · x^degree divided by the
    /// generator of that degree.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let divisor = generator(degree: degree)
        var result = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for index in 0..<degree {
                result[index] ^= multiply(divisor[index], factor)
            }
        }
        return result
    }
}
