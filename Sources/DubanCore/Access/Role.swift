/// The roles of SPEC §1. Every account holds exactly one role, scoped to one unit.
public enum Role: String, Codable, CaseIterable, Sendable {
    /// 管理员 — 区信息网络中心: configures units, users, categories, rules, calendar.
    case admin
    /// 督查 — 区政府办督查室 / 督办科, 区治庸办: listing, extensions, escalation, assessment.
    case supervisor
    /// 派单员 / 接听人员 — hotline call takers and dispatchers.
    case dispatcher
    /// 承办单位经办人 — a handling unit's operator (department, street, committee).
    case unitOperator = "unit_operator"
    /// 检查员 — fire, work-safety and quality inspectors.
    case inspector
    /// 第三方评价员 — third-party volunteer evaluators of dissatisfied hotline cases.
    case evaluator
    /// 企业 — a supervised unit's own safety manager.
    case enterprise
    /// 领导 — district leaders: dashboards and rankings.
    case leader

    /// Roles that act only inside their own unit's part of the directory.
    public var isUnitScoped: Bool {
        switch self {
        case .unitOperator, .enterprise: true
        case .admin, .supervisor, .dispatcher, .inspector, .evaluator, .leader: false
        }
    }
}
