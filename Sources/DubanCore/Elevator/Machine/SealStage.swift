/// 封停整改进度 — how far a sealed elevator is on its way back to service:
/// 封停 → 整改 → 检验合格 → 恢复使用 (004 成府发〔2015〕29号 五(二): "督促电梯使用、维保单位立即进行整改,
/// 消除安全隐患,经检验合格后,方可恢复使用").
public enum SealStage: String, Codable, CaseIterable, Sendable {
    /// 待整改 — sealed, the hazard not yet fixed (also after a failed re-inspection).
    case awaitingFix = "awaiting_fix"
    /// 已整改待检验 — fixed, waiting for the re-inspection.
    case awaitingReinspection = "awaiting_reinspection"
    /// 检验合格 — the re-inspection passed; the elevator may be put back into service.
    case reinspectionPassed = "reinspection_passed"

    /// "待整改", "已整改待检验", "检验合格".
    public var chinese: String {
        switch self {
        case .awaitingFix: "待整改"
        case .awaitingReinspection: "已整改待检验"
        case .reinspectionPassed: "检验合格"
        }
    }
}
