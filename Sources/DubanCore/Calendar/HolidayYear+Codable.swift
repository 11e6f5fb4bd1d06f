extension HolidayYear: Codable {
    private enum CodingKeys: String, CodingKey {
        case year, holidays, workdays
    }

    /// Decodes `{"year":2026,"holidays":[…],"workdays":[…]}` (missing lists are empty) and validates
    /// it as ``init(year:holidays:workdays:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            year: try container.decode(Int.self, forKey: .year),
            holidays: try container.decodeIfPresent([NamedDay].self, forKey: .holidays) ?? [],
            workdays: try container.decodeIfPresent([NamedDay].self, forKey: .workdays) ?? [])
    }

    /// Encodes the form ``init(from:)`` reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(workdays, forKey: .workdays)
    }
}
