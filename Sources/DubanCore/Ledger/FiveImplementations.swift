/// 五落实 — the five things a major hazard must have in place before it can leave registration:
/// 责任、措施、资金、时限、预案 (003 仙游: "重大隐患100%落實整改責任、措施、資金、時限、預案").
///
/// A field counts as present when it holds something other than white space.
public struct FiveImplementations: Hashable, Codable, Sendable {
    /// 责任 — the responsible person (and post).
    public var responsibility: String?
    /// 措施 — the rectification measures.
    public var measures: String?
    /// 资金 — the funds secured, as written ("自筹50万元").
    public var funds: String?
    /// 时限 — the rectification time limit, as written ("2017年12月31日").
    public var timeLimit: String?
    /// 预案 — the emergency plan for the time until the hazard is fixed.
    public var emergencyPlan: String?

    /// Five implementations; absent ones are nil.
    public init(
        responsibility: String? = nil, measures: String? = nil, funds: String? = nil,
        timeLimit: String? = nil, emergencyPlan: String? = nil
    ) {
        self.responsibility = responsibility
        self.measures = measures
        self.funds = funds
        self.timeLimit = timeLimit
        self.emergencyPlan = emergencyPlan
    }

    /// The API names of the missing fields, in the order 责任、措施、资金、时限、预案:
    /// `responsibility`, `measures`, `funds`, `timeLimit`, `emergencyPlan`.
    public var missing: [String] {
        let fields: [(String, String?)] = [
            ("responsibility", responsibility), ("measures", measures), ("funds", funds),
            ("timeLimit", timeLimit), ("emergencyPlan", emergencyPlan),
        ]
        return fields.filter { !Self.isPresent($0.1) }.map(\.0)
    }

    /// Whether all five are present.
    public var isComplete: Bool {
        missing.isEmpty
    }

    private static func isPresent(_ value: String?) -> Bool {
        guard let value else { return false }
        return !value.allSatisfy(\.isWhitespace)
    }
}
