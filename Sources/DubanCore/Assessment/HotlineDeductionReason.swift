/// Why a deduction was made, as a stable code for the server's pages and exports.
public enum HotlineDeductionReason: String, CaseIterable, Codable, Sendable {
    /// Item 1–6: the assessor's findings on organisation and platform.
    case organisationFindings = "organisation_findings"
    /// Item 7: signed more than 4 working hours after assignment.
    case signedLate = "signed_late"
    /// Item 7: not signed at period end although more than 4 working hours old.
    case unsignedAtPeriodEnd = "unsigned_at_period_end"
    /// Item 8: closed after its deadline.
    case closedLate = "closed_late"
    /// Item 8: still open at period end after its deadline.
    case openOverdue = "open_overdue"
    /// Item 8: an extension asked for less than 1 working day before the deadline it extended.
    case extensionRequestedLate = "extension_requested_late"
    /// Item 8: extended 3 or more times.
    case tooManyExtensions = "too_many_extensions"
    /// Item 9: false reply.
    case falseReply = "false_reply"
    /// Item 9: thin reply.
    case thinReply = "thin_reply"
    /// Item 9: off-topic reply.
    case offTopic = "off_topic"
    /// Item 9: reply without follow-up time or satisfaction.
    case missingFollowUpInfo = "missing_follow_up_info"
    /// Item 10: returned later than 1 working day after assignment.
    case returnedLate = "returned_late"
    /// Item 10: shirked a case within the unit's remit.
    case shirked = "shirked"
    /// Item 10: still shirked after written supervision.
    case shirkedAfterWrittenSupervision = "shirked_after_written_supervision"
    /// Item 11: points the city deducted.
    case cityDeductions = "city_deductions"
    /// Item 12: shirked a second-supervision case.
    case secondSupervisionShirked = "second_supervision_shirked"
    /// Item 13: a case in the rate rated 不满意 (it lowers the rate; the band is deducted once).
    case dissatisfied = "dissatisfied"
    /// Item 14: judged dissatisfied by a third-party evaluator.
    case evaluatorDissatisfied = "evaluator_dissatisfied"

    /// The Chinese label for pages.
    public var chineseName: String {
        switch self {
        case .organisationFindings: "组织领导及平台建设扣分"
        case .signedLate: "超时签收"
        case .unsignedAtPeriodEnd: "超时未签收"
        case .closedLate: "超期办结"
        case .openOverdue: "超期未办结"
        case .extensionRequestedLate: "未提前1个工作日申请延期"
        case .tooManyExtensions: "延期3次以上"
        case .falseReply: "回复内容弄虚作假"
        case .thinReply: "反馈内容过于简单"
        case .offTopic: "答非所问，敷衍了事"
        case .missingFollowUpInfo: "缺少回访时间或满意度"
        case .returnedLate: "超期退回"
        case .shirked: "拖延、推诿"
        case .shirkedAfterWrittenSupervision: "书面督办仍然推诿"
        case .cityDeductions: "自办件市级考核扣分"
        case .secondSupervisionShirked: "二次督办件推诿"
        case .dissatisfied: "群众不满意"
        case .evaluatorDissatisfied: "第三方评价员评为不满意"
        }
    }
}
