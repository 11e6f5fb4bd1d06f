import Foundation

/// 投诉件 — one hotline case as the assessment sees it: one line of the `duban assess hotline`
/// input (SPEC A2), or one row the server loads from its database.
public struct HotlineCaseInput: Hashable, Sendable {
    /// The case's id (立案编号), unique in an input.
    public var id: String
    /// 承办单位 — the unit assessed for the case.
    public var unit: String
    /// 交办 — when the case was assigned to the unit; it decides the period the case belongs to.
    public var assignedAt: Date
    /// 签收 — when the unit signed for it; nil if not signed.
    public var signedAt: Date?
    /// The deadline after approved extensions.
    public var dueAt: Date
    /// 办结 — when the case was closed; nil while open.
    public var closedAt: Date?
    /// 退回 — the unit's returns of the case.
    public var returns: [HotlineReturn]
    /// 延期 — the approved extensions, in any order.
    public var extensions: [HotlineExtension]
    /// 满意度 — the follow-up answer; nil when there was no follow-up answer.
    public var satisfaction: HotlineSatisfaction?
    /// 不计考核 — the case does not count in the satisfaction rate.
    public var excludedFromRate: Bool
    /// The third-party evaluator (第三方评价员) judged the case dissatisfied.
    public var evaluatorDissatisfied: Bool
    /// Counted findings of the hotline centre.
    public var flags: HotlineCaseFlags

    /// A case; the optional facts default as SPEC A2's input does when they are absent.
    public init(id: String, unit: String, assignedAt: Date, signedAt: Date? = nil, dueAt: Date, closedAt: Date? = nil,
                returns: [HotlineReturn] = [], extensions: [HotlineExtension] = [],
                satisfaction: HotlineSatisfaction? = nil, excludedFromRate: Bool = false,
                evaluatorDissatisfied: Bool = false, flags: HotlineCaseFlags = .noFindings) {
        self.id = id
        self.unit = unit
        self.assignedAt = assignedAt
        self.signedAt = signedAt
        self.dueAt = dueAt
        self.closedAt = closedAt
        self.returns = returns
        self.extensions = extensions
        self.satisfaction = satisfaction
        self.excludedFromRate = excludedFromRate
        self.evaluatorDissatisfied = evaluatorDissatisfied
        self.flags = flags
    }
}

extension HotlineCaseInput: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, unit, assignedAt, signedAt, dueAt, closedAt, returns, extensions, satisfaction, excludedFromRate,
             evaluatorDissatisfied, flags
    }

    /// Reads one line of SPEC A2's case input. `id`, `unit`, `assignedAt` and `dueAt` are required;
    /// `signedAt`, `closedAt` and `satisfaction` may be null or absent; `returns` and `extensions`
    /// default to empty, the booleans to false and every flag to 0. Unknown keys are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeName(forKey: .id)
        unit = try container.decodeName(forKey: .unit)
        assignedAt = try container.decodeInstant(forKey: .assignedAt)
        signedAt = try container.decodeInstantIfPresent(forKey: .signedAt)
        dueAt = try container.decodeInstant(forKey: .dueAt)
        closedAt = try container.decodeInstantIfPresent(forKey: .closedAt)
        returns = try container.decodeIfPresent([HotlineReturn].self, forKey: .returns) ?? []
        extensions = try container.decodeIfPresent([HotlineExtension].self, forKey: .extensions) ?? []
        if let text = try container.decodeIfPresent(String.self, forKey: .satisfaction) {
            guard let value = HotlineSatisfaction(rawValue: text) else {
                throw container.problem(.unknownSatisfaction(text), key: .satisfaction)
            }
            satisfaction = value
        } else {
            satisfaction = nil
        }
        excludedFromRate = try container.decodeIfPresent(Bool.self, forKey: .excludedFromRate) ?? false
        evaluatorDissatisfied = try container.decodeIfPresent(Bool.self, forKey: .evaluatorDissatisfied) ?? false
        flags = try container.decodeIfPresent(HotlineCaseFlags.self, forKey: .flags) ?? .noFindings
    }

    /// Writes the line in SPEC A2's shape, instants in China time, absent instants as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(unit, forKey: .unit)
        try container.encodeInstant(assignedAt, forKey: .assignedAt)
        try container.encodeInstantOrNull(signedAt, forKey: .signedAt)
        try container.encodeInstant(dueAt, forKey: .dueAt)
        try container.encodeInstantOrNull(closedAt, forKey: .closedAt)
        try container.encode(returns, forKey: .returns)
        try container.encode(extensions, forKey: .extensions)
        try container.encode(satisfaction, forKey: .satisfaction)
        try container.encode(excludedFromRate, forKey: .excludedFromRate)
        try container.encode(evaluatorDissatisfied, forKey: .evaluatorDissatisfied)
        try container.encode(flags, forKey: .flags)
    }
}
