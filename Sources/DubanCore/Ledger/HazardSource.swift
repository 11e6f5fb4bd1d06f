/// 隐患来源 — how a hazard came to the ledger (SPEC M3).
public enum HazardSource: String, Codable, CaseIterable, Sendable {
    /// 自查自报 — the unit's own self-inspection (000 阳政办(2017)43号: "事故隐患自查、自报、自改").
    case selfInspection = "self_inspection"
    /// 监督检查 — found by an inspector.
    case inspection
    /// 群众投诉举报 — a complaint or report from the public (002 篇3: 举报电话).
    case complaint
    /// 部门抄送 — referred by another department (002 篇1).
    case referral
    /// 上级反馈 — feedback of a higher-level patrol, assessment or inspection
    /// (003 A: "省、市、縣政府安全生產巡查、考核、督察反饋問題").
    case higherLevelFeedback = "higher_level_feedback"

    /// "自查", "检查", "投诉", "抄送", "上级反馈".
    public var chinese: String {
        switch self {
        case .selfInspection: "自查"
        case .inspection: "检查"
        case .complaint: "投诉"
        case .referral: "抄送"
        case .higherLevelFeedback: "上级反馈"
        }
    }
}
