extension HotlineItem {
    /// The item's name in 附件7 考核评分表.
    public var chineseName: String {
        switch self {
        case .organisation: "组织领导及平台建设"
        case .signFor: "案件按时签收率"
        case .completion: "案件按期办结率"
        case .replyQuality: "回复内容规范真实"
        case .noShirking: "主动作为不推诿，不随意退回"
        case .cityAssessment: "自办件市级考核成绩"
        case .secondSupervision: "二次督办件情况"
        case .satisfaction: "群众满意率"
        case .evaluator: "第三方评价员评价满意率"
        }
    }
}
