import Foundation

/// A request to change an elevator's status, with what it carries. Applied by ``ElevatorMachine``.
public enum ElevatorEvent: Hashable, Codable, Sendable {
    /// 投入使用 — put into service: first commissioning, or back to use after a seal once the
    /// re-inspection has passed.
    case setInService
    /// 停用 — stop the elevator, with the reason and the expected repair time the stop notice must give
    /// (004 成府发〔2015〕29号 三(一)6: "应当公告电梯停止运行的原因和修复所需时间").
    case stop(reason: String, expectedRepairAt: Date)
    /// 恢复运行 — end a stop.
    case resume
    /// 封停 — seal for a serious hazard (004 成府发〔2015〕29号 五(二)).
    case seal(reason: String)
    /// 整改完成 — the hazard of a sealed elevator is fixed.
    case fixed
    /// 复检 — the re-inspection after the fix, passed or failed.
    case reinspected(passed: Bool)
    /// 报废 — scrap.
    case scrap

    /// The kind, for the transition table.
    public var kind: ElevatorEventKind {
        switch self {
        case .setInService: .setInService
        case .stop: .stop
        case .resume: .resume
        case .seal: .seal
        case .fixed: .fixed
        case .reinspected(let passed): passed ? .reinspectionPassed : .reinspectionFailed
        case .scrap: .scrap
        }
    }
}

/// The kinds of ``ElevatorEvent``, with the API's names.
public enum ElevatorEventKind: String, Codable, CaseIterable, Sendable {
    /// 投入使用.
    case setInService = "set_in_service"
    /// 停用.
    case stop
    /// 恢复运行.
    case resume
    /// 封停.
    case seal
    /// 整改完成.
    case fixed
    /// 复检合格.
    case reinspectionPassed = "reinspection_passed"
    /// 复检不合格.
    case reinspectionFailed = "reinspection_failed"
    /// 报废.
    case scrap

    /// "投入使用", "停用", "恢复运行", "封停", "整改完成", "复检合格", "复检不合格", "报废".
    public var chinese: String {
        switch self {
        case .setInService: "投入使用"
        case .stop: "停用"
        case .resume: "恢复运行"
        case .seal: "封停"
        case .fixed: "整改完成"
        case .reinspectionPassed: "复检合格"
        case .reinspectionFailed: "复检不合格"
        case .scrap: "报废"
        }
    }
}
