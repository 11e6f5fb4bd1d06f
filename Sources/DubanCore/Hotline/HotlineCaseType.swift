/// 来电类型 — the six kinds of hotline call (000 阳政办〔2017〕33号 附件1 二(二)4: "能独立受理区长专线投诉、
/// 求助、咨询、建议、表扬和其他等六大类型的来电").
public enum HotlineCaseType: String, CaseIterable, Codable, Sendable {
    /// 投诉 — a complaint.
    case complaint
    /// 求助 — a request for help.
    case help
    /// 咨询 — an enquiry.
    case enquiry
    /// 建议 — a suggestion.
    case suggestion
    /// 表扬 — praise.
    case praise
    /// 其他 — anything else.
    case other

    /// "投诉", "求助", "咨询", "建议", "表扬", "其他".
    public var chinese: String {
        switch self {
        case .complaint: "投诉"
        case .help: "求助"
        case .enquiry: "咨询"
        case .suggestion: "建议"
        case .praise: "表扬"
        case .other: "其他"
        }
    }

    /// The type written in Chinese ("投诉") or as its API value ("complaint"); nil for anything else.
    public init?(chinese text: String) {
        let cleaned = TextNormalization.clean(text)
        guard let type = Self.allCases.first(where: { $0.chinese == cleaned || $0.rawValue == cleaned }) else { return nil }
        self = type
    }

    /// Whether an enquiry the knowledge base answers is answered and closed at intake, with no work
    /// order sent out: only 咨询 (附件1 二(二)4(3): "如知识库中已有内容,应按知识库提供内容答复市民").
    public var mayCloseFromKnowledgeBase: Bool {
        self == .enquiry
    }

    /// Whether the call taker may answer it on the spot and close it (附件1 二(二)7: "对于能当时答复的
    /// 投诉、求助、咨询及其他各类型的事件,当场解答解释或告知市民"). Suggestions and praise are always
    /// passed on to a unit.
    public var mayAnswerOnTheSpot: Bool {
        switch self {
        case .complaint, .help, .enquiry, .other: true
        case .suggestion, .praise: false
        }
    }

    /// Whether the hotline may transfer it online directly, without a telephone transfer and without
    /// the full investigation (附件2 第三条(三): "对咨询、建议、表扬类案件,区信息网络中心可直接在线转办").
    public var mayTransferOnlineDirectly: Bool {
        switch self {
        case .enquiry, .suggestion, .praise: true
        case .complaint, .help, .other: false
        }
    }

    /// Whether the work order must record when and where it happened and what the caller demands
    /// (附件1 二(二)4(1)(2)(6): "记录事件发生的时间、地点、经过、涉及人员、市民诉求" for 投诉, 求助 and 其他;
    /// 咨询, 建议 and 表扬 record only their content).
    public var requiresEventDetails: Bool {
        switch self {
        case .complaint, .help, .other: true
        case .enquiry, .suggestion, .praise: false
        }
    }
}
