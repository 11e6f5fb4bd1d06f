/// 议提案类别 — the four kinds handled under 001 阳政办(2018)4号
/// ("区人大议案2件…代表建议101件,区政协建议案1件、提案84件").
public enum ProposalKind: String, Codable, CaseIterable, Sendable {
    /// 人大议案 — a People's Congress motion.
    case npcMotion = "npc_motion"
    /// 人大代表建议 — a People's Congress deputy's suggestion.
    case npcSuggestion = "npc_suggestion"
    /// 政协建议案 — a CPPCC recommendation.
    case cppccRecommendation = "cppcc_recommendation"
    /// 政协提案 — a CPPCC member's proposal.
    case cppccProposal = "cppcc_proposal"

    /// "人大议案", "人大代表建议", "政协建议案", "政协提案".
    public var chinese: String {
        switch self {
        case .npcMotion: "人大议案"
        case .npcSuggestion: "人大代表建议"
        case .cppccRecommendation: "政协建议案"
        case .cppccProposal: "政协提案"
        }
    }
}

/// 满意度 — the deputy's or member's rating of the reply.
public enum ProposalSatisfaction: String, Codable, CaseIterable, Sendable {
    /// 满意.
    case satisfied
    /// 基本满意.
    case basicallySatisfied = "basically_satisfied"
    /// 不满意.
    case dissatisfied

    /// "满意", "基本满意", "不满意".
    public var chinese: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        }
    }
}
