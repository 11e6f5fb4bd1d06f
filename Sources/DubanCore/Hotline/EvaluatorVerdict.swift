/// 评价结论 — the evaluator's judgement of a dissatisfied case (000 阳政办〔2017〕33号 附件3 第三条).
public enum EvaluatorVerdict: String, CaseIterable, Codable, Sendable {
    /// 合理诉求 — the caller's claim was reasonable: the unit failed (did not handle it, was late,
    /// did not reply, shirked, was perfunctory, or did not explain; 附件3 第三条(一)).
    case reasonable
    /// 非合理诉求 — the claim had no basis in law or policy, was closed by petition or is before the
    /// courts, or was out of scope, and the unit followed the procedure (附件3 第三条(二)).
    case unreasonable

    /// "合理诉求", "非合理诉求".
    public var chinese: String {
        switch self {
        case .reasonable: "合理诉求"
        case .unreasonable: "非合理诉求"
        }
    }

    /// Whether the case counts as "评价员不满意" for the unit's score (附件3 第二条; 附件7 (14): −1 each;
    /// SPEC A2 `evaluatorDissatisfied`).
    public var countsAsEvaluatorDissatisfied: Bool {
        self == .reasonable
    }

    /// What happens to the case after this verdict; `secondSupervision` for a 二次督办件.
    public func outcome(secondSupervision: Bool) -> DissatisfiedCaseOutcome {
        switch self {
        case .unreasonable:
            // 附件3 第七条: "被评价员评价为非合理诉求的不满意件…直接予以办结处理"; 附件4 第八条(一).
            return DissatisfiedCaseOutcome(close: true, rehandle: false, notifySupervision: false, referForAccountability: false)
        case .reasonable:
            // 附件3 第六条: "系统自动转责任单位限期重办,并要求其说明第一次未办理到位的原因。同时将此不满意件移交
            // 区监察部门进行掌握"; for a second-supervision case 附件4 第六条(三), 第八条(二): "转区监察部门
            // 进行追责问责".
            return DissatisfiedCaseOutcome(close: false, rehandle: true, notifySupervision: true,
                                           referForAccountability: secondSupervision)
        }
    }
}

/// What the hotline does with a dissatisfied case after the evaluator's verdict.
public struct DissatisfiedCaseOutcome: Hashable, Codable, Sendable {
    /// Closed (办结) and stored.
    public let close: Bool
    /// Back to the unit to handle again by a deadline (限期重办), explaining why the first handling failed.
    public let rehandle: Bool
    /// Reported to supervision (区监察部门) for its information.
    public let notifySupervision: Bool
    /// Handed to supervision for accountability (追责问责).
    public let referForAccountability: Bool
}

/// 回访 — where a case goes after the follow-up call.
public enum FollowUpRoute: String, Codable, Sendable {
    /// Stored and closed (附件6 第七条 第一步: "群众满意件直接存入…数据库").
    case close
    /// Automatically to the third-party evaluation system (附件6 第七条 第二步: "群众评价的不满意件,
    /// 自动转入…第三方评价系统").
    case toEvaluator = "to_evaluator"

    /// The route for the caller's answer: 不满意 goes to an evaluator, the other three close.
    public static func route(_ satisfaction: HotlineSatisfaction) -> FollowUpRoute {
        satisfaction == .dissatisfied ? .toEvaluator : .close
    }
}
