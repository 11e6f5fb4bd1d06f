import Foundation

/// What the weekly serious-case report needs to know of a case.
public struct SeriousCaseFacts: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    public var type: HotlineCaseType
    public var categoryCode: String
    /// A major event (重大事件).
    public var majorEvent: Bool
    /// A second-supervision case (二次督办件).
    public var secondSupervision: Bool
    /// Complaints about the same matter, this one included (1 for a first complaint).
    public var complaintCount: Int
    /// The evaluator's verdict, if the case went to one.
    public var evaluatorVerdict: EvaluatorVerdict?
    /// 群众反响强烈 — marked by hotline staff: media attention, many callers, a leader's instruction.
    public var highProfile: Bool
    public var receivedAt: Date
    /// The answer deadline after approved extensions; nil before dispatch.
    public var dueAt: Date?
    /// When closed; nil while open.
    public var closedAt: Date?

    public init(id: String, type: HotlineCaseType, categoryCode: String, majorEvent: Bool = false,
                secondSupervision: Bool = false, complaintCount: Int = 1, evaluatorVerdict: EvaluatorVerdict? = nil,
                highProfile: Bool = false, receivedAt: Date, dueAt: Date? = nil, closedAt: Date? = nil) {
        self.id = id
        self.type = type
        self.categoryCode = categoryCode
        self.majorEvent = majorEvent
        self.secondSupervision = secondSupervision
        self.complaintCount = complaintCount
        self.evaluatorVerdict = evaluatorVerdict
        self.highProfile = highProfile
        self.receivedAt = receivedAt
        self.dueAt = dueAt
        self.closedAt = closedAt
    }
}

/// Why a case is in the serious-case report, most severe first.
public enum SeriousCaseReason: String, CaseIterable, Codable, Comparable, Sendable {
    /// 重大事件 (附件2 第三条(九): "可能存在重大安全隐患").
    case majorEvent = "major_event"
    /// 群众反响强烈 (附件2 第三条(九)).
    case highProfile = "high_profile"
    /// Complained about more than 3 times (附件5 第四条(七)).
    case frequentRepeat = "frequent_repeat"
    /// An evaluator found the caller's dissatisfaction reasonable (附件3 第六条).
    case evaluatorFoundReasonable = "evaluator_found_reasonable"
    /// 二次督办件 (附件2 第八条; 附件5 第五条(六)).
    case secondSupervision = "second_supervision"
    /// Overdue by more than ``SeriousCaseCriteria/overdueWorkingDays`` working days.
    case longOverdue = "long_overdue"

    public var chinese: String {
        switch self {
        case .majorEvent: "重大事件"
        case .highProfile: "群众反响强烈"
        case .frequentRepeat: "同一事项投诉3次以上"
        case .evaluatorFoundReasonable: "评价员评为合理诉求不满意件"
        case .secondSupervision: "二次督办件"
        case .longOverdue: "严重超期"
        }
    }

    public static func < (lhs: SeriousCaseReason, rhs: SeriousCaseReason) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
