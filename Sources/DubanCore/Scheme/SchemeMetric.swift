/// 考核指标 — the closed set of figures a scheme may score, each computed from ledger facts by the
/// server (SPEC M3 ledger; issue #6 point 5).
public enum SchemeMetric: String, Codable, CaseIterable, Sendable {
    /// Items past their deadline and not done (超期).
    case overdueItems
    /// Items signed for late (超时签收).
    case lateSignFor
    /// 黄牌 issued (``TaskCard/yellow``).
    case yellowCards
    /// 红牌 issued (``TaskCard/red``).
    case redCards
    /// Items due in the period and not closed (未办结).
    case unclosedItems
    /// 按期完成率: items closed on time / items due.
    case onTimeRate

    /// Whether the metric is a rate (scored with bands) rather than a count (scored per occurrence).
    public var isRate: Bool { self == .onTimeRate }

    /// "超期事项", "超时签收", …
    public var chinese: String {
        switch self {
        case .overdueItems: "超期事项"
        case .lateSignFor: "超时签收"
        case .yellowCards: "黄牌"
        case .redCards: "红牌"
        case .unclosedItems: "未办结事项"
        case .onTimeRate: "按期完成率"
        }
    }
}

/// One unit's facts for a scheme period; the server fills them from the ledger.
public struct SchemeUnitFacts: Hashable, Codable, Sendable {
    /// The unit.
    public var unit: String
    /// ``SchemeMetric/overdueItems``.
    public var overdueItems: Int
    /// ``SchemeMetric/lateSignFor``.
    public var lateSignFor: Int
    /// ``SchemeMetric/yellowCards``.
    public var yellowCards: Int
    /// ``SchemeMetric/redCards``.
    public var redCards: Int
    /// ``SchemeMetric/unclosedItems``.
    public var unclosedItems: Int
    /// Items due in the period (the rate's denominator).
    public var itemsDue: Int
    /// Of those, closed on time (the rate's numerator).
    public var itemsClosedOnTime: Int

    /// A unit's facts; all counts default to 0.
    public init(unit: String, overdueItems: Int = 0, lateSignFor: Int = 0, yellowCards: Int = 0, redCards: Int = 0,
                unclosedItems: Int = 0, itemsDue: Int = 0, itemsClosedOnTime: Int = 0) {
        self.unit = unit
        self.overdueItems = overdueItems
        self.lateSignFor = lateSignFor
        self.yellowCards = yellowCards
        self.redCards = redCards
        self.unclosedItems = unclosedItems
        self.itemsDue = itemsDue
        self.itemsClosedOnTime = itemsClosedOnTime
    }

    /// The count of a count metric (0 for the rate).
    public func count(_ metric: SchemeMetric) -> Int {
        switch metric {
        case .overdueItems: overdueItems
        case .lateSignFor: lateSignFor
        case .yellowCards: yellowCards
        case .redCards: redCards
        case .unclosedItems: unclosedItems
        case .onTimeRate: 0
        }
    }

    /// The rate of a rate metric; nil when nothing was due.
    public func rate(_ metric: SchemeMetric) -> ExactRate? {
        metric == .onTimeRate ? ExactRate(itemsClosedOnTime, of: itemsDue) : nil
    }
}
