/// 受理即办结 — how a call may be closed at intake, or a case closed directly by the hotline, without
/// (further) handling by a unit.
public enum IntakeClosure: Hashable, Codable, Sendable {
    /// An enquiry answered from the knowledge base entry with this id
    /// (000 阳政办〔2017〕33号 附件1 二(二)4(3)).
    case answeredFromKnowledgeBase(entryID: String)
    /// Answered or explained on the spot (附件1 二(二)7: "对于能当时答复的…当场解答解释或告知市民").
    case answeredOnTheSpot(answer: String)
    /// Outside the hotline's remit: the caller is told why and where else to go
    /// (附件1 二(二)9: "对超出受理范围的事项,告知市民原因,并指明其他反映途径").
    case outOfScope(reason: OutOfScopeReason, explanation: String, otherChannel: String)
    /// A repeat complaint the hotline closes directly (附件4 第九条–第十二条).
    case repeatClosedDirectly(DirectClosureReason)

    /// Checks the closure is allowed for `type` and complete; throws the first problem.
    public func validate(for type: HotlineCaseType) throws(HotlineError) {
        switch self {
        case .answeredFromKnowledgeBase(let entryID):
            guard type.mayCloseFromKnowledgeBase else {
                throw .invalidValue(field: "closure", chinese: "只有咨询类来电可按知识库答复办结",
                                    english: "only an enquiry is closed from the knowledge base")
            }
            guard !TextNormalization.clean(entryID).isEmpty else { throw .required(field: "knowledgeEntryID") }
        case .answeredOnTheSpot(let answer):
            guard type.mayAnswerOnTheSpot else {
                throw .invalidValue(field: "closure", chinese: "建议、表扬类来电须转办，不能当场办结",
                                    english: "a suggestion or praise is passed on, not closed on the spot")
            }
            guard !TextNormalization.clean(answer).isEmpty else { throw .required(field: "answer") }
        case .outOfScope(_, let explanation, let otherChannel):
            guard !TextNormalization.clean(explanation).isEmpty else { throw .required(field: "explanation") }
            guard !TextNormalization.clean(otherChannel).isEmpty else { throw .required(field: "otherChannel") }
        case .repeatClosedDirectly:
            return
        }
    }
}

/// 超范围事项 — why a matter is outside the district hotline's remit (000 阳政办〔2017〕33号 附件1 二(二)9:
/// "例如不属于汉阳区政府行政职能范围内的事务、属于市级或更高一级部门主管的事务、不属于汉阳区地域所辖范围的事务等等").
public enum OutOfScopeReason: String, CaseIterable, Codable, Sendable {
    /// 不属于区政府行政职能范围.
    case notGovernmentFunction = "not_government_function"
    /// 属于市级或更高一级部门主管.
    case higherLevel = "higher_level"
    /// 不属于本区地域所辖范围.
    case outsideDistrict = "outside_district"
    /// 其他.
    case other

    public var chinese: String {
        switch self {
        case .notGovernmentFunction: "不属于区政府行政职能范围内的事务"
        case .higherLevel: "属于市级或更高一级部门主管的事务"
        case .outsideDistrict: "不属于本区地域所辖范围的事务"
        case .other: "其他超出受理范围的事项"
        }
    }
}

/// 直接办结 — when the hotline may close a repeat complaint itself (000 阳政办〔2017〕33号 附件4).
public enum DirectClosureReason: String, CaseIterable, Codable, Sendable {
    /// 第九条: the caller had accepted the outcome, or an evaluator found it satisfactory, and complains
    /// again for the same reason ("已经当事人明确表示接受办理意见,或经第三方评价员评判为满意件").
    case alreadyAccepted = "already_accepted"
    /// 第十条: outside the hotline's remit; the caller is told the law and other channels.
    case outOfScope = "out_of_scope"
    /// 第十一条: a petition closed at three levels ("信访'三级终结'办件").
    case petitionConcluded = "petition_concluded"
    /// 第十二条: a matter for the courts ("涉法涉诉件").
    case inLitigation = "in_litigation"

    public var chinese: String {
        switch self {
        case .alreadyAccepted: "当事人已接受办理意见或经第三方评价员评判为满意"
        case .outOfScope: "超出行政受理范围"
        case .petitionConcluded: "信访三级终结"
        case .inLitigation: "涉法涉诉"
        }
    }
}
