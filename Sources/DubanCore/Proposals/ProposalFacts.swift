import Foundation

/// The facts of one 议提案 (001 阳政办(2018)4号): "区政府办公室按照归口办理的原则,确定主办、会办单位".
public struct ProposalFacts: Hashable, Codable, Sendable {
    /// The server's id (e.g. the 案号).
    public var id: String
    /// The kind.
    public var kind: ProposalKind
    /// 主办单位 — the host unit, "全权负责"; rates are counted for it.
    public var hostUnit: String
    /// 会办单位 — co-handling units, which follow the host's plan.
    public var coUnits: [String]
    /// The China date it was assigned (交办).
    public var assignedOn: LocalDate
    /// An explicit reply deadline (e.g. an extension); nil uses ``ProposalConfig/replyMonths``.
    public var dueOn: LocalDate?
    /// When the reply (办复) was made.
    public var repliedAt: Date?
    /// When the unit met the deputy or member (见面).
    public var metAt: Date?
    /// The rating, once given.
    public var satisfaction: ProposalSatisfaction?

    /// A proposal's facts.
    public init(id: String, kind: ProposalKind, hostUnit: String, coUnits: [String] = [], assignedOn: LocalDate,
                dueOn: LocalDate? = nil, repliedAt: Date? = nil, metAt: Date? = nil,
                satisfaction: ProposalSatisfaction? = nil) {
        self.id = id
        self.kind = kind
        self.hostUnit = hostUnit
        self.coUnits = coUnits
        self.assignedOn = assignedOn
        self.dueOn = dueOn
        self.repliedAt = repliedAt
        self.metAt = metAt
        self.satisfaction = satisfaction
    }
}

/// The numbers of proposal supervision. The targets are 001 阳政办(2018)4号's; the reply period is a
/// documented default, since the seed says only "在规定时间内".
public struct ProposalConfig: Hashable, Codable, Sendable {
    /// Months from assignment to the reply deadline (default 3). The seed defers to "省、市有关规定及
    /// 《…办理回复人大代表建议政协提案须知》", which is not in the seeds. The default follows the
    /// national rule for deputies' suggestions, 《全国人民代表大会和地方各级人民代表大会代表法》
    /// 第四十三条 ("自交办之日起三个月内答复"; up to six months for complex ones — give those a `dueOn`),
    /// and the like three months usual for CPPCC proposals. Adjustable.
    public var replyMonths: Int
    /// 办复率 target, percent (100).
    public var replyRateTargetPercent: Int
    /// 见面率 target, percent (100).
    public var meetingRateTargetPercent: Int
    /// 满意率 target, percent, met at or above (95: "满意率95%以上").
    public var satisfactionTargetPercent: Int

    /// The defaults above.
    public static let standard = ProposalConfig(
        replyMonths: 3, replyRateTargetPercent: 100, meetingRateTargetPercent: 100, satisfactionTargetPercent: 95)

    /// A configuration with every number given.
    public init(replyMonths: Int, replyRateTargetPercent: Int, meetingRateTargetPercent: Int, satisfactionTargetPercent: Int) {
        self.replyMonths = replyMonths
        self.replyRateTargetPercent = replyRateTargetPercent
        self.meetingRateTargetPercent = meetingRateTargetPercent
        self.satisfactionTargetPercent = satisfactionTargetPercent
    }

    /// The reply deadline of `proposal`: its `dueOn`, or the same date ``replyMonths`` months after
    /// assignment (clamped to the month's end); due at the end of that China day (24:00), as the
    /// Ledger's date deadlines are (``ItemPolicy/proposedDeadline(fixMode:registeredOn:)``).
    public func replyDue(of proposal: ProposalFacts) -> Date? {
        (proposal.dueOn ?? proposal.assignedOn.adding(months: replyMonths))?.chinaDate(hour: 24)
    }
}
