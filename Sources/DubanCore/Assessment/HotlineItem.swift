/// The scored items of the hotline assessment table (000 阳政办(2017)33号 附件7, 考核评分表), with
/// the keys of SPEC A2's `items` object. The maxima add up to 100.
public enum HotlineItem: String, CaseIterable, Codable, Sendable {
    /// (1)–(6) 组织领导及平台建设 — organisation and platform, 10 points, entered by an assessor.
    case organisation = "1-6"
    /// (7) 案件按时签收率 — sign-for within half a working day (4 working hours), 5 points.
    case signFor = "7"
    /// (8) 案件按期办结率 — closed by the deadline; extensions asked for in time, 10 points.
    case completion = "8"
    /// (9) 回复内容规范真实 — truthful, substantial replies, 10 points.
    case replyQuality = "9"
    /// (10) 主动作为不推诿,不随意退回案件 — returns within 1 working day, no shirking, 10 points.
    case noShirking = "10"
    /// (11) 自办件市级考核成绩 — the city's score of the district's self-handled cases, 10 points.
    case cityAssessment = "11"
    /// (12) 二次督办件情况 — second-supervision cases not shirked, 5 points.
    case secondSupervision = "12"
    /// (13) 群众满意率 — callers' satisfaction rate, 30 points.
    case satisfaction = "13"
    /// (14) 第三方评价员评价满意率 — third-party evaluators' satisfaction, 10 points.
    case evaluator = "14"

    /// The item's points (分值); deductions stop at zero ("扣完为止").
    public var maximum: ScorePoints {
        switch self {
        case .organisation, .completion, .replyQuality, .noShirking, .cityAssessment, .evaluator: ScorePoints(10)
        case .signFor, .secondSupervision: ScorePoints(5)
        case .satisfaction: ScorePoints(30)
        }
    }

    /// The item's position in ``allCases``, for array-backed tables.
    var index: Int {
        switch self {
        case .organisation: 0
        case .signFor: 1
        case .completion: 2
        case .replyQuality: 3
        case .noShirking: 4
        case .cityAssessment: 5
        case .secondSupervision: 6
        case .satisfaction: 7
        case .evaluator: 8
        }
    }
}
