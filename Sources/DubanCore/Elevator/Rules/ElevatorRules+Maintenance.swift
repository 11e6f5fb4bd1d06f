import Foundation

/// 维保状态 — where an elevator's routine maintenance stands.
public enum MaintenanceStatus: String, Codable, CaseIterable, Sendable {
    /// 正常.
    case ok
    /// 即将到期 — inside the warning window before the next maintenance is due.
    case dueSoon = "due_soon"
    /// 超期未维保 — more than 15 days since the last maintenance.
    case overdue

    /// "正常", "即将到期", "超期未维保".
    public var chinese: String {
        switch self {
        case .ok: "正常"
        case .dueSoon: "即将到期"
        case .overdue: "超期未维保"
        }
    }
}

/// The maintenance check of one elevator at `now`.
public struct MaintenanceCheck: Hashable, Codable, Sendable {
    /// The next maintenance is due by this instant: the last one + 15 days.
    public let nextDue: Deadline
    /// From this instant on the status is ``MaintenanceStatus/dueSoon``.
    public let warnFrom: Date
    /// The status at `now`.
    public let status: MaintenanceStatus
}

extension ElevatorRules {
    /// 维保周期 — the maintenance unit must service the elevator at least every 15 days (004 成府发〔2015〕29号
    /// 三(三)1: "每15天至少对电梯维保一次"). Next due = `lastMaintenanceAt` + 15 days (A1 `days`,
    /// 15 × 24 h); overdue when more than 15 days have passed (SPEC A4), so a visit exactly 15 days
    /// later is on time. "Due soon" from ``ElevatorConfiguration/maintenanceWarningDays`` before.
    ///
    /// For an elevator never maintained, pass the time it was put into service.
    public func maintenance(lastMaintenanceAt: Date, now: Date) throws(ElevatorError) -> MaintenanceCheck {
        let nextDue = try due(from: lastMaintenanceAt, amount: ElevatorLimits.maintenanceIntervalDays, unit: .days)
        let warnFrom = nextDue.due.addingTimeInterval(-TimeInterval(configuration.maintenanceWarningDays) * 86_400)
        let status: MaintenanceStatus
        if nextDue.isMissed(at: now) {
            status = .overdue
        } else if now >= warnFrom {
            status = .dueSoon
        } else {
            status = .ok
        }
        return MaintenanceCheck(nextDue: nextDue, warnFrom: warnFrom, status: status)
    }
}
