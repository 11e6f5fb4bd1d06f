/// 信用记录类别 — what a credit record is about (SPEC M6, A3). Points, validity and the repair
/// period of each kind come from ``CreditRules``; whether a kind is a penalty, a hazard record and so
/// on is fixed here.
public enum CreditRecordKind: String, Codable, CaseIterable, Sendable {
    /// 一般隐患 — a general hazard found.
    case generalHazard = "general_hazard"
    /// 重大隐患 — a major hazard found.
    case majorHazard = "major_hazard"
    /// 挂牌督办 — the hazard was listed for supervision.
    case listedSupervision = "listed_supervision"
    /// 隐患逾期未整改 — a hazard not fixed by its deadline.
    case hazardOverdue = "hazard_overdue"
    /// 行政处罚(轻微) — a penalty decision for a minor violation.
    case penaltyMinor = "penalty_minor"
    /// 行政处罚(较重) — a penalty decision for a serious violation.
    case penaltySerious = "penalty_serious"
    /// 行政处罚(严重) — a penalty decision for a very serious violation.
    case penaltyVerySerious = "penalty_very_serious"
    /// 表彰 — a commendation (002 篇1: "长期守法诚信、消防安全信用高" units are commended).
    case commendation
    /// 行政许可 — an administrative licensing decision, published under 双公示 (000 阳政办(2017)35号).
    case licensingDecision = "licensing_decision"
    /// 事故责任 — found responsible for an accident (004 成府发〔2015〕29号: "负主要责任" → published;
    /// SPEC A3: enters the black list).
    case accidentResponsibility = "accident_responsibility"

    /// The group the kind belongs to.
    public var category: CreditRecordCategory {
        switch self {
        case .generalHazard, .majorHazard, .listedSupervision, .hazardOverdue: .hazard
        case .penaltyMinor, .penaltySerious, .penaltyVerySerious: .penalty
        case .commendation: .commendation
        case .licensingDecision: .licensing
        case .accidentResponsibility: .accident
        }
    }

    /// Whether the kind is an administrative penalty decision (行政处罚决定).
    public var isPenalty: Bool { category == .penalty }

    /// Whether the decision must be published within the 双公示 deadline: penalty and licensing
    /// decisions (000 阳政办(2017)35号: "自作出行政决定起7个工作日内"; SPEC A3).
    public var requiresPublication: Bool {
        category == .penalty || category == .licensing
    }

    /// "一般隐患", "重大隐患", "挂牌督办", …
    public var chinese: String {
        switch self {
        case .generalHazard: "一般隐患"
        case .majorHazard: "重大隐患"
        case .listedSupervision: "挂牌督办"
        case .hazardOverdue: "隐患逾期未整改"
        case .penaltyMinor: "行政处罚(轻微)"
        case .penaltySerious: "行政处罚(较重)"
        case .penaltyVerySerious: "行政处罚(严重)"
        case .commendation: "表彰"
        case .licensingDecision: "行政许可"
        case .accidentResponsibility: "事故责任"
        }
    }
}
