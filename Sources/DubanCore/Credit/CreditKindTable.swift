/// One ``CreditKindRule`` for every ``CreditRecordKind``, total by construction; read and change it
/// by kind: `rules.kinds[.penaltyMinor].points = -6`. Encoded as an object keyed by the kinds' raw values.
public struct CreditKindTable: Hashable, Codable, Sendable {
    /// 一般隐患 — general hazard found.
    public var generalHazard: CreditKindRule
    /// 重大隐患 — major hazard found.
    public var majorHazard: CreditKindRule
    /// 挂牌督办 — listed for supervision.
    public var listedSupervision: CreditKindRule
    /// 隐患逾期未整改 — hazard not fixed by its deadline.
    public var hazardOverdue: CreditKindRule
    /// 行政处罚(轻微) — minor penalty.
    public var penaltyMinor: CreditKindRule
    /// 行政处罚(较重) — serious penalty.
    public var penaltySerious: CreditKindRule
    /// 行政处罚(严重) — very serious penalty.
    public var penaltyVerySerious: CreditKindRule
    /// 表彰 — commendation.
    public var commendation: CreditKindRule
    /// 行政许可 — licensing decision.
    public var licensingDecision: CreditKindRule
    /// 事故责任 — accident responsibility.
    public var accidentResponsibility: CreditKindRule

    /// A table with one rule per kind.
    public init(
        generalHazard: CreditKindRule, majorHazard: CreditKindRule, listedSupervision: CreditKindRule,
        hazardOverdue: CreditKindRule, penaltyMinor: CreditKindRule, penaltySerious: CreditKindRule,
        penaltyVerySerious: CreditKindRule, commendation: CreditKindRule, licensingDecision: CreditKindRule,
        accidentResponsibility: CreditKindRule
    ) {
        self.generalHazard = generalHazard
        self.majorHazard = majorHazard
        self.listedSupervision = listedSupervision
        self.hazardOverdue = hazardOverdue
        self.penaltyMinor = penaltyMinor
        self.penaltySerious = penaltySerious
        self.penaltyVerySerious = penaltyVerySerious
        self.commendation = commendation
        self.licensingDecision = licensingDecision
        self.accidentResponsibility = accidentResponsibility
    }

    /// The rule of `kind`.
    public subscript(kind: CreditRecordKind) -> CreditKindRule {
        get {
            switch kind {
            case .generalHazard: generalHazard
            case .majorHazard: majorHazard
            case .listedSupervision: listedSupervision
            case .hazardOverdue: hazardOverdue
            case .penaltyMinor: penaltyMinor
            case .penaltySerious: penaltySerious
            case .penaltyVerySerious: penaltyVerySerious
            case .commendation: commendation
            case .licensingDecision: licensingDecision
            case .accidentResponsibility: accidentResponsibility
            }
        }
        set {
            switch kind {
            case .generalHazard: generalHazard = newValue
            case .majorHazard: majorHazard = newValue
            case .listedSupervision: listedSupervision = newValue
            case .hazardOverdue: hazardOverdue = newValue
            case .penaltyMinor: penaltyMinor = newValue
            case .penaltySerious: penaltySerious = newValue
            case .penaltyVerySerious: penaltyVerySerious = newValue
            case .commendation: commendation = newValue
            case .licensingDecision: licensingDecision = newValue
            case .accidentResponsibility: accidentResponsibility = newValue
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case generalHazard = "general_hazard"
        case majorHazard = "major_hazard"
        case listedSupervision = "listed_supervision"
        case hazardOverdue = "hazard_overdue"
        case penaltyMinor = "penalty_minor"
        case penaltySerious = "penalty_serious"
        case penaltyVerySerious = "penalty_very_serious"
        case commendation
        case licensingDecision = "licensing_decision"
        case accidentResponsibility = "accident_responsibility"
    }
}
