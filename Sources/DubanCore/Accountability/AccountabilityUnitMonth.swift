/// What ``AccountabilityRules`` needs to know about one unit's hotline cases in one calendar month
/// (000 阳政办(2017)33号 附件5 第四条、第五条). The server computes these facts from its cases; every
/// list holds case ids so that a proposal can link to the cases behind it.
public struct AccountabilityUnitMonth: Hashable, Codable, Sendable {
    /// The handling unit (承办单位).
    public var unit: String
    /// Cases whose deadline falls in the month (当月应办结).
    public var casesDue: Int
    /// Of those, cases closed by their deadline (按期办结).
    public var closedOnTime: Int
    /// Cases overdue in the month (超期案件, 第五条(五)).
    public var overdueCaseIDs: [String]
    /// Cases signed for late (不及时签收, 第四条(二)).
    public var lateSignForCaseIDs: [String]
    /// Cases not handed over, transferred or returned within 1 working day, or 30 minutes for a major
    /// event (第四条(三)).
    public var lateTransferCaseIDs: [String]
    /// Cases whose caller was not called back after handling (未及时回访, 第四条(四)).
    public var noFollowUpCaseIDs: [String]
    /// Cases rated dissatisfied by a third-party evaluator (第四条(八)).
    public var evaluatorDissatisfiedCaseIDs: [String]
    /// Complaints by one caller about one matter, one entry per matter (第四条(七)).
    public var repeatComplaints: [RepeatComplaintGroup]

    /// One unit's month; lists default to empty.
    public init(
        unit: String, casesDue: Int, closedOnTime: Int, overdueCaseIDs: [String] = [],
        lateSignForCaseIDs: [String] = [], lateTransferCaseIDs: [String] = [], noFollowUpCaseIDs: [String] = [],
        evaluatorDissatisfiedCaseIDs: [String] = [], repeatComplaints: [RepeatComplaintGroup] = []
    ) {
        self.unit = unit
        self.casesDue = casesDue
        self.closedOnTime = closedOnTime
        self.overdueCaseIDs = overdueCaseIDs
        self.lateSignForCaseIDs = lateSignForCaseIDs
        self.lateTransferCaseIDs = lateTransferCaseIDs
        self.noFollowUpCaseIDs = noFollowUpCaseIDs
        self.evaluatorDissatisfiedCaseIDs = evaluatorDissatisfiedCaseIDs
        self.repeatComplaints = repeatComplaints
    }
}

/// 同一投诉人同一事项 — the complaints one caller made about one matter.
public struct RepeatComplaintGroup: Hashable, Codable, Sendable {
    /// A key naming the matter (e.g. the repeat-complaint key of the hotline core).
    public var matter: String
    /// The complaints, one id each; their number is the count compared with the threshold.
    public var caseIDs: [String]

    /// A matter and its complaints.
    public init(matter: String, caseIDs: [String]) {
        self.matter = matter
        self.caseIDs = caseIDs
    }
}

/// 双月考核排名 — the bi-monthly ranking of 000 阳政办(2017)33号 附件7, for 附件5 第五条(十).
public struct BimonthlyRanking: Hashable, Codable, Sendable {
    /// The two-month period ranked.
    public var period: AssessmentPeriod
    /// Unit → rank, 1 = first; tied units share a rank; the largest rank is last place.
    public var ranks: [String: Int]

    /// A ranking of `period`.
    public init(period: AssessmentPeriod, ranks: [String: Int]) {
        self.period = period
        self.ranks = ranks
    }
}

/// A confirmed 约谈 of a unit, for 附件5 第七条(七).
public struct ConfirmedInterview: Hashable, Codable, Sendable {
    /// The unit interviewed.
    public var unit: String
    /// The China date of the interview.
    public var date: LocalDate
    /// Whether the unit's principal leader (主要领导) was the one interviewed.
    public var principalLeader: Bool
    /// The action that recorded it, if known.
    public var actionID: String?

    /// A confirmed interview.
    public init(unit: String, date: LocalDate, principalLeader: Bool, actionID: String? = nil) {
        self.unit = unit
        self.date = date
        self.principalLeader = principalLeader
        self.actionID = actionID
    }
}
