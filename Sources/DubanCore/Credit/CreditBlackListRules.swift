/// 严重失信主体名单 — black-list entry conditions and procedure (SPEC A3).
public struct CreditBlackListRules: Hashable, Codable, Sendable {
    /// Grades that meet the entry condition (SPEC A3: D).
    public var entryGrades: [CreditGrade]
    /// How many penalty decisions within ``penaltyWindowMonths`` meet the entry condition
    /// (004 成府发〔2015〕29号: "12个月内…被处罚两次以上"; SPEC A3: 2).
    public var penaltyCount: Int
    /// The window for ``penaltyCount``, in months (SPEC A3: 12).
    public var penaltyWindowMonths: Int
    /// Whether responsibility for an accident meets the entry condition (004 成府发〔2015〕29号; SPEC A3).
    public var entersOnAccident: Bool
    /// Working days the subject has to state its case after notification (SPEC A3: 5, 告知 and 陈述申辩
    /// as 应急管理部令第11号 requires).
    public var statementWorkingDays: Int
    /// Months a listing lasts (SPEC A3: 36).
    public var listingMonths: Int
    /// Months after listing before early removal may be applied for (SPEC A3: 12).
    public var earlyRemovalAfterMonths: Int

    /// Black-list rules with the given conditions and periods.
    public init(
        entryGrades: [CreditGrade], penaltyCount: Int, penaltyWindowMonths: Int, entersOnAccident: Bool,
        statementWorkingDays: Int, listingMonths: Int, earlyRemovalAfterMonths: Int
    ) {
        self.entryGrades = entryGrades
        self.penaltyCount = penaltyCount
        self.penaltyWindowMonths = penaltyWindowMonths
        self.entersOnAccident = entersOnAccident
        self.statementWorkingDays = statementWorkingDays
        self.listingMonths = listingMonths
        self.earlyRemovalAfterMonths = earlyRemovalAfterMonths
    }
}
