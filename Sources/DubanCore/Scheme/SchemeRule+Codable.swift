extension SchemeRule: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, metric, points, bands
    }

    /// Reads `{"kind":"perOccurrence","metric":"overdueItems","points":1}`,
    /// `{"kind":"rateBands","metric":"onTimeRate","bands":[{"atLeastPercent":95,"deduction":0}, …]}` or
    /// `{"kind":"manual"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        switch kind {
        case "perOccurrence":
            self = .perOccurrence(metric: try container.decode(SchemeMetric.self, forKey: .metric),
                                  points: try container.decode(ScorePoints.self, forKey: .points))
        case "rateBands":
            self = .rateBands(metric: try container.decode(SchemeMetric.self, forKey: .metric),
                              bands: try container.decode([RateBand].self, forKey: .bands))
        case "manual":
            self = .manual
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container,
                debugDescription: "unknown rule kind \"\(kind)\"; expected perOccurrence, rateBands or manual")
        }
    }

    /// Writes the form read by ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .perOccurrence(let metric, let points):
            try container.encode("perOccurrence", forKey: .kind)
            try container.encode(metric, forKey: .metric)
            try container.encode(points, forKey: .points)
        case .rateBands(let metric, let bands):
            try container.encode("rateBands", forKey: .kind)
            try container.encode(metric, forKey: .metric)
            try container.encode(bands, forKey: .bands)
        case .manual:
            try container.encode("manual", forKey: .kind)
        }
    }
}
