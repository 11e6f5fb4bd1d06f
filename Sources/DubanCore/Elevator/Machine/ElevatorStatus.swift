/// 电梯状态 — the registry status of one elevator (SPEC M7: in service / stopped / sealed / scrapped).
/// Status changes go through ``ElevatorMachine``.
public enum ElevatorStatus: String, Codable, CaseIterable, Sendable {
    /// 在用 — in service.
    case inService = "in_service"
    /// 停用 — stopped by its use unit (a fault, repair, or not yet put into service).
    case stopped
    /// 封停 — sealed by the quality-supervision department for a serious hazard
    /// (004 成府发〔2015〕29号 五(二): "对存在严重事故隐患的电梯依法封停").
    case sealed
    /// 报废 — scrapped; final.
    case scrapped

    /// "在用", "停用", "封停", "报废".
    public var chinese: String {
        switch self {
        case .inService: "在用"
        case .stopped: "停用"
        case .sealed: "封停"
        case .scrapped: "报废"
        }
    }

    /// "in service", "stopped", "sealed", "scrapped".
    public var english: String {
        switch self {
        case .inService: "in service"
        case .stopped: "stopped"
        case .sealed: "sealed"
        case .scrapped: "scrapped"
        }
    }
}
