/// A run of calendar days, both ends included: one week, month, two months, quarter, half year or year.
public struct DatePeriod: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The first day.
    public let start: LocalDate
    /// The last day (included).
    public let end: LocalDate

    /// The days from `start` through `end`.
    public init(start: LocalDate, end: LocalDate) {
        self.start = start
        self.end = end
    }

    /// Whether `date` falls in the period.
    public func contains(_ date: LocalDate) -> Bool {
        start <= date && date <= end
    }

    /// `2026-09-01/2026-10-31`.
    public var description: String {
        "\(start)/\(end)"
    }
}
