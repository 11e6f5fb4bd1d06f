/// 比率 — an exact rate `numerator / denominator` (denominator > 0), compared with integers only, so
/// 98 % exactly is never "below 98 %" through rounding (used by the accountability, task and
/// proposal supervision rules).
public struct ExactRate: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The count that meets the condition (e.g. cases closed on time).
    public let numerator: Int
    /// The count measured (e.g. cases due); always > 0.
    public let denominator: Int

    /// The rate, or nil when `denominator` is not positive or `numerator` is outside 0…denominator.
    public init?(_ numerator: Int, of denominator: Int) {
        guard denominator > 0, (0...denominator).contains(numerator) else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Whether the rate is strictly below `percent` %: numerator × 100 < percent × denominator.
    public func isBelow(percent: Int) -> Bool {
        compare(percent: percent) < 0
    }

    /// Whether the rate is at or above `percent` %.
    public func isAtLeast(percent: Int) -> Bool {
        compare(percent: percent) >= 0
    }

    /// Whether the rate is 100 %.
    public var isComplete: Bool { numerator == denominator }

    /// The percentage with 2 decimals, truncated (never rounded up, so a rate below a threshold never
    /// prints as the threshold): 193/200 → "96.50%", 2/3 → "66.66%".
    public var percentText: String {
        let (high, low) = numerator.multipliedFullWidth(by: 10_000)
        let hundredths = high == 0 && low <= UInt(Int.max) ? Int(low) / denominator : 10_000
        let fraction = String(hundredths % 100)
        return "\(hundredths / 100).\(fraction.count == 1 ? "0" + fraction : fraction)%"
    }

    /// `96.50%（193/200）`, the form used in evidence.
    public var description: String { "\(percentText)（\(numerator)/\(denominator)）" }

    /// −1, 0 or 1 as the rate is below, at or above `percent` %.
    func compare(percent: Int) -> Int {
        Self.order(numerator.multipliedFullWidth(by: 100), percent.multipliedFullWidth(by: denominator))
    }

    /// −1, 0 or 1 as `self` is below, equal to or above `other`, by cross-multiplication.
    public func compare(_ other: ExactRate) -> Int {
        Self.order(numerator.multipliedFullWidth(by: other.denominator), other.numerator.multipliedFullWidth(by: denominator))
    }

    /// −1, 0 or 1 comparing two double-width products.
    private static func order(_ a: (high: Int, low: UInt), _ b: (high: Int, low: UInt)) -> Int {
        if a.high != b.high { return a.high < b.high ? -1 : 1 }
        return a.low < b.low ? -1 : (a.low == b.low ? 0 : 1)
    }
}

extension ExactRate {
    enum CodingKeys: String, CodingKey {
        case numerator, denominator
    }

    /// Writes `{"numerator":193,"denominator":200}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(numerator, forKey: .numerator)
        try container.encode(denominator, forKey: .denominator)
    }

    /// Reads `{"numerator":193,"denominator":200}`, refusing a denominator ≤ 0 or a numerator outside
    /// 0…denominator.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let numerator = try container.decode(Int.self, forKey: .numerator)
        let denominator = try container.decode(Int.self, forKey: .denominator)
        guard let rate = ExactRate(numerator, of: denominator) else {
            throw DecodingError.dataCorruptedError(
                forKey: .numerator, in: container, debugDescription: "a rate needs 0 ≤ numerator ≤ denominator and denominator > 0")
        }
        self = rate
    }
}
