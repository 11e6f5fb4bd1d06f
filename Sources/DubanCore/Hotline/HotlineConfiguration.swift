/// 专线规则默认参数 — every changeable number of the hotline rules in one value, for the server to store
/// as JSON and an administrator to edit. Each part documents its default; none is law. The seed's own
/// numbers are ``HotlineLimits``.
public struct HotlineConfiguration: Hashable, Codable, Sendable {
    /// Dispatch and answer limits by urgency (Beijing 12345 defaults).
    public var timeLimits: HotlineTimeLimits
    /// How far back a complaint about the same matter is linked (30 days).
    public var repeatWindow: RepeatWindow
    /// The public form's rate limits (5 per IP per hour, 3 per phone per 24 hours).
    public var submissionLimits: SubmissionLimits
    /// Knowledge-base scoring.
    public var knowledgeSearch: KnowledgeSearchPolicy
    /// Which cases go into the weekly report.
    public var seriousCases: SeriousCaseCriteria
    /// The area code dropped from landline numbers for repeat keys ("027").
    public var localAreaCode: String?
    /// The duty offices told of every major event.
    public var dutyOffices: [String]

    public init(timeLimits: HotlineTimeLimits = .standard, repeatWindow: RepeatWindow = .standard,
                submissionLimits: SubmissionLimits = .standard, knowledgeSearch: KnowledgeSearchPolicy = .standard,
                seriousCases: SeriousCaseCriteria = .standard,
                localAreaCode: String? = RepeatComplaintKeys.defaultLocalAreaCode,
                dutyOffices: [String] = MajorEventRule.defaultDutyOffices) {
        self.timeLimits = timeLimits
        self.repeatWindow = repeatWindow
        self.submissionLimits = submissionLimits
        self.knowledgeSearch = knowledgeSearch
        self.seriousCases = seriousCases
        self.localAreaCode = localAreaCode
        self.dutyOffices = dutyOffices
    }

    /// The documented defaults.
    public static let standard = HotlineConfiguration()

    /// Checks an administrator's edit before it is stored.
    public func validated() throws(HotlineError) -> HotlineConfiguration {
        _ = try timeLimits.validated()
        guard (1...3_650).contains(repeatWindow.days) else {
            throw .invalidConfiguration(field: "repeatWindow.days", reason: "must be 1…3650, got \(repeatWindow.days)")
        }
        for (name, limit) in [("perIP", submissionLimits.perIP), ("perPhone", submissionLimits.perPhone)] {
            guard limit.count >= 1, limit.windowSeconds >= 1 else {
                throw .invalidConfiguration(field: "submissionLimits.\(name)", reason: "count and window must be at least 1")
            }
        }
        guard knowledgeSearch.keywordWeight >= 0, knowledgeSearch.minimumScore >= 1, knowledgeSearch.limit >= 1 else {
            throw .invalidConfiguration(field: "knowledgeSearch", reason: "weight ≥ 0, minimum score ≥ 1 and limit ≥ 1")
        }
        if let days = seriousCases.overdueWorkingDays, !(0...DeadlineUnit.workingDays.maximumAmount).contains(days) {
            throw .invalidConfiguration(field: "seriousCases.overdueWorkingDays", reason: "must be 0 or more, got \(days)")
        }
        return self
    }
}
