/// The points and the period in effect of one ``CreditRecordKind`` (SPEC A3).
public struct CreditKindRule: Hashable, Codable, Sendable {
    /// Points added to the score while the record counts: negative for a deduction (扣分).
    public var points: Int
    /// Months the record counts, from its decision date (有效期 / 公示期).
    public var validityMonths: Int

    /// A rule of `points` for `validityMonths` months.
    public init(points: Int, validityMonths: Int) {
        self.points = points
        self.validityMonths = validityMonths
    }
}
