/// 整改方式 — how a hazard or problem is to be fixed: the three lists of 003 C
/// ("「三張」清單": 立查立改 / 限期整改 / 長期整改).
public enum FixMode: String, Codable, CaseIterable, Sendable {
    /// 立即整改 — fixed on the spot (003 A: "責令當場整改").
    case immediate
    /// 限期整改 — fixed by a deadline (003 A: "限期整改到位").
    case timeLimited = "time_limited"
    /// 长期整改 — a long-term fix in stages (003 E: "明確階段目標,持續整改";
    /// 000 阳政办(2017)45号: "长计划、短安排…跨年度整改方案").
    case longTerm = "long_term"

    /// "立即整改", "限期整改", "长期整改".
    public var chinese: String {
        switch self {
        case .immediate: "立即整改"
        case .timeLimited: "限期整改"
        case .longTerm: "长期整改"
        }
    }
}
