/// 列入事由 — why a subject meets the black-list (严重失信主体名单) entry conditions (SPEC A3).
public enum BlackListReason: String, Codable, CaseIterable, Sendable {
    /// The grade is one of ``CreditBlackListRules/entryGrades`` (default: D).
    case lowGrade = "low_grade"
    /// Two or more penalty decisions in effect within 12 months (defaults of ``CreditBlackListRules``) (004 成府发〔2015〕29号:
    /// "12个月内违反电梯安全管理法律法规被处罚两次以上"; SPEC A3, A4).
    case repeatedPenalties = "repeated_penalties"
    /// Responsibility for an accident (004 成府发〔2015〕29号: 对事故负主要责任; SPEC A3).
    case accidentResponsibility = "accident_responsibility"

    /// "信用等级过低", "规定期限内多次受到行政处罚", "对事故负有责任" (worded without numbers, which
    /// are configurable).
    public var chinese: String {
        switch self {
        case .lowGrade: "信用等级过低"
        case .repeatedPenalties: "规定期限内多次受到行政处罚"
        case .accidentResponsibility: "对事故负有责任"
        }
    }
}
