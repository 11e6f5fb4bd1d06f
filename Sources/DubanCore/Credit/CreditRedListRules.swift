/// 红名单 — who is eligible for the red list (000 阳政办(2017)35号 names red and black lists;
/// SPEC A3: grade A and no penalty decision in the last 24 months).
public struct CreditRedListRules: Hashable, Codable, Sendable {
    /// Grades that qualify (SPEC A3: A).
    public var grades: [CreditGrade]
    /// Months without a penalty decision (SPEC A3: 24).
    public var penaltyFreeMonths: Int

    /// Red-list rules with the given grades and penalty-free period.
    public init(grades: [CreditGrade], penaltyFreeMonths: Int) {
        self.grades = grades
        self.penaltyFreeMonths = penaltyFreeMonths
    }
}
