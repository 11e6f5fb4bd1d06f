/// 分 — assessment points, held exactly as a whole number of ten-thousandths of a point.
///
/// Deductions such as 0.1 per late sign-for (000 阳政办(2017)33号 附件7) are summed in integers, so
/// 0.1 × n is exact and a score never prints as 9.900000000000002. Results are rounded to hundredths
/// with ``roundedToHundredths()`` (SPEC A2: "scores rounded to 2 decimals"). Arithmetic saturates
/// instead of trapping, so no input, however large, can crash the engine.
public struct ScorePoints: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Ten-thousandths per point.
    public static let scale = 10_000
    /// The largest magnitude accepted from a number in an input file (see ``init(exactly:)``).
    public static let maximumInputMagnitude: Double = 100_000_000

    /// The value in ten-thousandths of a point: 1 point is 10 000, 0.1 point is 1 000.
    public let tenThousandths: Int

    /// Zero points.
    public static let zero = ScorePoints(tenThousandths: 0)

    /// The value `tenThousandths` / 10 000.
    public init(tenThousandths: Int) {
        self.tenThousandths = tenThousandths
    }

    /// A whole number of points.
    public init(_ points: Int) {
        self.init(tenThousandths: Self.saturatingProduct(points, Self.scale))
    }

    /// `hundredths` / 100 points: `ScorePoints(hundredths: 10)` is 0.1.
    public init(hundredths: Int) {
        self.init(tenThousandths: Self.saturatingProduct(hundredths, 100))
    }

    /// The exact value of a decimal number with at most 4 decimals, as read from a JSON file; nil
    /// when `value` is not finite, has more than 4 decimals, or its magnitude exceeds
    /// ``maximumInputMagnitude`` (no deduction comes near it).
    public init?(exactly value: Double) {
        guard value.isFinite, abs(value) <= Self.maximumInputMagnitude else { return nil }
        let scaled = value * Double(Self.scale)
        let whole = scaled.rounded()
        // Below 10^12 a double is exact to 10^-4, so any larger gap means more than 4 decimals.
        guard abs(scaled - whole) < 0.001 else { return nil }
        self.init(tenThousandths: Int(whole))
    }

    /// The nearest `Double`, e.g. for charts; the exact value is ``tenThousandths``.
    public var doubleValue: Double {
        Double(tenThousandths) / Double(Self.scale)
    }

    /// Rounded to 2 decimals, half away from zero on the decimal value (SPEC A2): 0.005 → 0.01,
    /// −0.005 → −0.01, 0.0049 → 0.
    public func roundedToHundredths() -> ScorePoints {
        let (quotient, remainder) = tenThousandths.quotientAndRemainder(dividingBy: 100)
        let away = abs(remainder) >= 50 ? remainder.signum() : 0
        return ScorePoints(tenThousandths: Self.saturatingProduct(quotient + away, 100))
    }

    /// `self` × `count`, saturating.
    public func times(_ count: Int) -> ScorePoints {
        ScorePoints(tenThousandths: Self.saturatingProduct(tenThousandths, count))
    }

    /// Saturating sum.
    public static func + (lhs: ScorePoints, rhs: ScorePoints) -> ScorePoints {
        let (sum, overflow) = lhs.tenThousandths.addingReportingOverflow(rhs.tenThousandths)
        guard overflow else { return ScorePoints(tenThousandths: sum) }
        return ScorePoints(tenThousandths: rhs.tenThousandths > 0 ? .max : .min)
    }

    /// Saturating difference.
    public static func - (lhs: ScorePoints, rhs: ScorePoints) -> ScorePoints {
        let (difference, overflow) = lhs.tenThousandths.subtractingReportingOverflow(rhs.tenThousandths)
        guard overflow else { return ScorePoints(tenThousandths: difference) }
        return ScorePoints(tenThousandths: rhs.tenThousandths < 0 ? .max : .min)
    }

    /// Saturating in-place sum.
    public static func += (lhs: inout ScorePoints, rhs: ScorePoints) {
        lhs = lhs + rhs
    }

    /// Numeric order.
    public static func < (lhs: ScorePoints, rhs: ScorePoints) -> Bool {
        lhs.tenThousandths < rhs.tenThousandths
    }

    /// The exact decimal value without trailing zeros: `9.9`, `10`, `-0.05`, `0.1234`.
    /// This is also the number written in JSON.
    public var description: String {
        let magnitude = tenThousandths.magnitude
        let scale = UInt(Self.scale)
        var text = tenThousandths < 0 ? "-" : ""
        text += String(magnitude / scale)
        var fraction = magnitude % scale
        guard fraction > 0 else { return text }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        return text + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    private static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard overflow else { return product }
        return (a < 0) == (b < 0) ? .max : .min
    }
}
