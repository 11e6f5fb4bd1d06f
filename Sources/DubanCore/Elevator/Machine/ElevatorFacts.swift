import Foundation

/// What ``ElevatorMachine`` needs to know about one elevator (一梯一档 holds more).
public struct ElevatorFacts: Hashable, Codable, Sendable {
    /// The registry status.
    public var status: ElevatorStatus
    /// How far a sealed elevator is on its way back; nil unless sealed.
    public var sealStage: SealStage?
    /// 使用单位 — the use unit (name or id); an elevator without one may not be in service
    /// (004 成府发〔2015〕29号 二: "电梯未明确使用单位的,不得投入使用").
    public var useUnit: String?
    /// 检验合格有效期至 — the last day (China time) of the inspection validity; see
    /// ``ElevatorRules/inspectionValidityEnd(validUntil:)``.
    public var inspectionValidUntil: LocalDate?
    /// The stop in force, when the elevator is stopped by its use unit.
    public var currentStop: ElevatorStop?

    /// Facts of an elevator; a newly registered one is `stopped` with no current stop.
    public init(
        status: ElevatorStatus = .stopped, sealStage: SealStage? = nil, useUnit: String? = nil,
        inspectionValidUntil: LocalDate? = nil, currentStop: ElevatorStop? = nil
    ) {
        self.status = status
        self.sealStage = sealStage
        self.useUnit = useUnit
        self.inspectionValidUntil = inspectionValidUntil
        self.currentStop = currentStop
    }

    /// The machine state.
    public var phase: ElevatorPhase {
        ElevatorPhase(status: status, sealStage: sealStage)
    }
}

/// 停用记录 — one stop of an elevator, with what its public notice must say.
public struct ElevatorStop: Hashable, Codable, Sendable {
    /// 停止运行的原因.
    public var reason: String
    /// When the elevator stopped.
    public var stoppedAt: Date
    /// 修复所需时间 — when the repair is expected to be done.
    public var expectedRepairAt: Date

    public init(reason: String, stoppedAt: Date, expectedRepairAt: Date) {
        self.reason = reason
        self.stoppedAt = stoppedAt
        self.expectedRepairAt = expectedRepairAt
    }
}
