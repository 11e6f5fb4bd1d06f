/// 隐患等级 — the grade of a hazard (SPEC M3). Only a major hazard can be listed for supervision,
/// needs the five implementations before assignment, and gets a timed acceptance check.
public enum HazardGrade: String, Codable, CaseIterable, Sendable {
    /// 一般隐患 — a general hazard.
    case general
    /// 重大隐患 — a major hazard (000 阳政办(2017)45号: 重大火灾隐患; 003 仙游: "重大隐患100%落实").
    case major

    /// "一般" or "重大".
    public var chinese: String {
        switch self {
        case .general: "一般"
        case .major: "重大"
        }
    }
}
