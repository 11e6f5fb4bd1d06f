/// A unit's score on each item of the hotline table: SPEC A2's `items` object
/// `{"1-6":…,"7":…,…,"14":…}`.
public struct HotlineItemScores: Hashable, Sendable {
    private var scores: [ScorePoints]

    /// Every item at its maximum.
    public static let full = HotlineItemScores(HotlineItem.allCases.map(\.maximum))

    private init(_ scores: [ScorePoints]) {
        self.scores = scores
    }

    /// The score of `item`.
    public subscript(item: HotlineItem) -> ScorePoints {
        get { scores[item.index] }
        set { scores[item.index] = newValue }
    }

    /// The sum of all items: the base score (max 100).
    public var sum: ScorePoints {
        scores.reduce(.zero, +)
    }
}

extension HotlineItemScores: Codable {
    private struct ItemKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ item: HotlineItem) { stringValue = item.rawValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads `{"1-6":…,…,"14":…}`; every item is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ItemKey.self)
        scores = try HotlineItem.allCases.map { try container.decode(ScorePoints.self, forKey: ItemKey($0)) }
    }

    /// Writes `{"1-6":…,…,"14":…}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ItemKey.self)
        for item in HotlineItem.allCases {
            try container.encode(self[item], forKey: ItemKey(item))
        }
    }
}
