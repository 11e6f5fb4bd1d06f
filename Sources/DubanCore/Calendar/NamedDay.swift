/// One dated entry of the holiday data: `{"date":"2026-10-01","name":"国庆节"}`.
public struct NamedDay: Hashable, Codable, Sendable {
    /// The day.
    public let date: LocalDate
    /// Its name in Chinese: "国庆节", "国庆节调休" …
    public let name: String

    /// A named day.
    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}
