/// One working period of a day, in minutes after midnight China time: 09:00–12:00 is 540..<720.
public struct WorkingPeriod: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Minute of the day the period opens.
    public let startMinute: Int
    /// Minute of the day the period closes (exclusive; at most 1440 = 24:00).
    public let endMinute: Int

    /// Throws ``CalendarError/invalidWorkingHours(reason:)`` unless 0 ≤ start < end ≤ 1440.
    public init(startMinute: Int, endMinute: Int) throws {
        guard 0 <= startMinute, startMinute < endMinute, endMinute <= 1440 else {
            throw CalendarError.invalidWorkingHours(
                reason: "a working period must satisfy 0 ≤ start < end ≤ 1440 minutes, got \(startMinute)–\(endMinute)")
        }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// A period known to be valid (the built-in default).
    init(unchecked startMinute: Int, _ endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Builds a period from wall-clock hours and minutes: `WorkingPeriod(start: (9, 0), end: (12, 0))`.
    public init(start: (hour: Int, minute: Int), end: (hour: Int, minute: Int)) throws {
        try self.init(startMinute: start.hour * 60 + start.minute, endMinute: end.hour * 60 + end.minute)
    }

    /// The period's length in seconds.
    public var duration: Double {
        Double((endMinute - startMinute) * 60)
    }

    /// `09:00–12:00`.
    public var description: String {
        func clock(_ minute: Int) -> String {
            let hour = String(minute / 60), rest = String(minute % 60)
            return (hour.count < 2 ? "0" + hour : hour) + ":" + (rest.count < 2 ? "0" + rest : rest)
        }
        return "\(clock(startMinute))–\(clock(endMinute))"
    }

    /// Decodes `{"startMinute":540,"endMinute":720}` and validates it as ``init(startMinute:endMinute:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            startMinute: try container.decode(Int.self, forKey: .startMinute),
            endMinute: try container.decode(Int.self, forKey: .endMinute))
    }
}
