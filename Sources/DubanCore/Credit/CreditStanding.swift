/// A subject's credit on one day (SPEC M6, A3): score, grade, list status and the measures due.
public struct CreditStanding: Hashable, Codable, Sendable {
    /// The China day evaluated.
    public let day: LocalDate
    /// Base score + deductions + capped commendations.
    public let score: Int
    /// The grade of ``score`` by the bands.
    public let grade: CreditGrade
    /// The sum of the points of every counting record except commendations (≤ 0 with the defaults).
    public let deductions: Int
    /// The commendation points added, after the cap (SPEC A3: at most +10).
    public let commendationPoints: Int
    /// The ids of the records that count, in input order.
    public let countingRecordIDs: [String]
    /// 红名单 — whether the subject qualifies for the red list.
    public let isRedListEligible: Bool
    /// 黑名单 — the entry conditions that hold; empty when none does. Entry itself goes through
    /// ``BlackListCase`` (notice, statement, written decision).
    public let blackListReasons: [BlackListReason]
    /// The measures due at ``grade`` (002 篇1).
    public let measures: [CreditMeasure]

    /// A standing with every value given.
    public init(
        day: LocalDate, score: Int, grade: CreditGrade, deductions: Int, commendationPoints: Int,
        countingRecordIDs: [String], isRedListEligible: Bool, blackListReasons: [BlackListReason],
        measures: [CreditMeasure]
    ) {
        self.day = day
        self.score = score
        self.grade = grade
        self.deductions = deductions
        self.commendationPoints = commendationPoints
        self.countingRecordIDs = countingRecordIDs
        self.isRedListEligible = isRedListEligible
        self.blackListReasons = blackListReasons
        self.measures = measures
    }
}
