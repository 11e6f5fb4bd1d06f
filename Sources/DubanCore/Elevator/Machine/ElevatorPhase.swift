/// The state ``ElevatorMachine`` works on: the ``ElevatorStatus`` with a sealed elevator's
/// ``SealStage`` spelled out, so that the transition table can be written and tested cell by cell.
public enum ElevatorPhase: String, Codable, CaseIterable, Sendable {
    /// 在用.
    case inService = "in_service"
    /// 停用.
    case stopped
    /// 封停，待整改.
    case sealedAwaitingFix = "sealed_awaiting_fix"
    /// 封停，已整改待检验.
    case sealedAwaitingReinspection = "sealed_awaiting_reinspection"
    /// 封停，检验合格（可恢复使用）.
    case sealedReinspectionPassed = "sealed_reinspection_passed"
    /// 报废.
    case scrapped

    /// The phase of `status`; `sealStage` is read only when the status is sealed, where a missing
    /// stage counts as ``SealStage/awaitingFix`` (the safe reading).
    public init(status: ElevatorStatus, sealStage: SealStage?) {
        switch status {
        case .inService: self = .inService
        case .stopped: self = .stopped
        case .scrapped: self = .scrapped
        case .sealed:
            switch sealStage ?? .awaitingFix {
            case .awaitingFix: self = .sealedAwaitingFix
            case .awaitingReinspection: self = .sealedAwaitingReinspection
            case .reinspectionPassed: self = .sealedReinspectionPassed
            }
        }
    }

    /// The registry status.
    public var status: ElevatorStatus {
        switch self {
        case .inService: .inService
        case .stopped: .stopped
        case .sealedAwaitingFix, .sealedAwaitingReinspection, .sealedReinspectionPassed: .sealed
        case .scrapped: .scrapped
        }
    }

    /// The seal stage, for the sealed phases only.
    public var sealStage: SealStage? {
        switch self {
        case .sealedAwaitingFix: .awaitingFix
        case .sealedAwaitingReinspection: .awaitingReinspection
        case .sealedReinspectionPassed: .reinspectionPassed
        case .inService, .stopped, .scrapped: nil
        }
    }

    /// "在用", "停用", "封停（待整改）" …
    public var chinese: String {
        guard let stage = sealStage else { return status.chinese }
        return "\(status.chinese)（\(stage.chinese)）"
    }
}
