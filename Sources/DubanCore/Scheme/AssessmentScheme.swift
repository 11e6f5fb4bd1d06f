/// 考核方案 — an assessment scheme held as data, so a campaign's assessment (e.g. 001 阳政办(2018)11号
/// "每月考核") is set up without code (issue #6 point 5). Validate with ``validate()``.
public struct AssessmentScheme: Hashable, Codable, Sendable {
    /// A stable code, e.g. `traffic-2018-monthly`.
    public var code: String
    /// The name shown.
    public var name: String
    /// How often it is scored.
    public var cadence: SchemeCadence
    /// The sum of the items' points (100 for a 百分制 scheme); checked by ``validate()``.
    public var totalPoints: ScorePoints
    /// The items, in display order.
    public var items: [SchemeItem]

    /// A scheme.
    public init(code: String, name: String, cadence: SchemeCadence, totalPoints: ScorePoints, items: [SchemeItem]) {
        self.code = code
        self.name = name
        self.cadence = cadence
        self.totalPoints = totalPoints
        self.items = items
    }
}

/// 考核周期 — how often a scheme is scored.
public enum SchemeCadence: String, Codable, CaseIterable, Sendable {
    /// 每月.
    case monthly
    /// 双月.
    case bimonthly
    /// 每季度.
    case quarterly

    /// The months of one period: 1, 2, 3.
    public var months: Int {
        switch self {
        case .monthly: 1
        case .bimonthly: 2
        case .quarterly: 3
        }
    }
}

/// 考核项 — one item of a scheme: its points and how they are lost.
public struct SchemeItem: Hashable, Codable, Sendable {
    /// A code unique in the scheme.
    public var code: String
    /// The name shown.
    public var name: String
    /// The item's points (> 0); the item's score is never below 0 ("扣完为止").
    public var points: ScorePoints
    /// How deductions are computed.
    public var rule: SchemeRule

    /// An item.
    public init(code: String, name: String, points: ScorePoints, rule: SchemeRule) {
        self.code = code
        self.name = name
        self.points = points
        self.rule = rule
    }
}

/// 扣分规则 — the small closed set of deduction rules.
public enum SchemeRule: Hashable, Sendable {
    /// Deduct `points` per occurrence of a count metric, floored at 0 ("每件扣…分,扣完为止").
    case perOccurrence(metric: SchemeMetric, points: ScorePoints)
    /// Deduct by the band a rate metric falls in; bands are lower-bound inclusive, highest first
    /// (like SPEC A2's satisfaction bands).
    case rateBands(metric: SchemeMetric, bands: [RateBand])
    /// An assessor enters the deduction.
    case manual
}

/// A band of a rate: rates at or above `atLeastPercent` (and below the next higher band) lose `deduction`.
public struct RateBand: Hashable, Codable, Sendable {
    /// The lower bound, whole percent 0–100, inclusive.
    public var atLeastPercent: Int
    /// The points lost in this band (0 … the item's points).
    public var deduction: ScorePoints

    /// A band.
    public init(atLeastPercent: Int, deduction: ScorePoints) {
        self.atLeastPercent = atLeastPercent
        self.deduction = deduction
    }
}
