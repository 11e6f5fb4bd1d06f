extension ScorePoints: Codable {
    /// Reads a JSON number with at most 4 decimals (see ``init(exactly:)``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(Double.self)
        guard let points = ScorePoints(exactly: value) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath,
                debugDescription: "\(value) is not a number of points with at most 4 decimals",
                underlyingError: InputProblem.notPoints))
        }
        self = points
    }

    /// Writes a JSON number. A value with at most 4 decimals is written without binary noise
    /// (Swift prints the shortest text that reads back to the same double).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }
}
