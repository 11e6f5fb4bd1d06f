/// The status of a ``CreditRecord`` on a given day, as shown to users (SPEC M6).
public enum CreditRecordStatus: String, Codable, CaseIterable, Sendable {
    /// 未生效 — the day is before the decision date.
    case notYetInEffect = "not_yet_in_effect"
    /// 有效 — counting and publishable.
    case inEffect = "in_effect"
    /// 异议处理中 — under objection: still counting, publication suspended.
    case objected
    /// 已撤销 — revoked after an upheld objection.
    case revoked
    /// 已修复 — repaired.
    case repaired
    /// 已过期 — its period in effect has ended.
    case expired

    /// "未生效", "有效", "异议处理中", "已撤销", "已修复", "已过期".
    public var chinese: String {
        switch self {
        case .notYetInEffect: "未生效"
        case .inEffect: "有效"
        case .objected: "异议处理中"
        case .revoked: "已撤销"
        case .repaired: "已修复"
        case .expired: "已过期"
        }
    }
}
