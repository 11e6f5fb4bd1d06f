import Foundation

/// Where one time-limited duty stands at `now` (arrival on site, accident report, stop notice …).
public enum ElevatorDutyOutcome: String, Codable, CaseIterable, Sendable {
    /// 无需 — the duty never arose (a stop that ended within 24 hours needs no notice).
    case notRequired = "not_required"
    /// 未到期 — not done yet, still in time.
    case pending
    /// 按时 — done by the deadline (exactly at the deadline is on time).
    case onTime = "on_time"
    /// 超时完成 — done after the deadline: a breach.
    case late
    /// 逾期未办 — not done and past the deadline: a breach.
    case overdue

    /// Whether the rule is breached: ``late`` or ``overdue``.
    public var isBreach: Bool { self == .late || self == .overdue }

    /// "无需", "未到期", "按时", "超时完成", "逾期未办".
    public var chinese: String {
        switch self {
        case .notRequired: "无需"
        case .pending: "未到期"
        case .onTime: "按时"
        case .late: "超时完成"
        case .overdue: "逾期未办"
        }
    }
}

/// A time-limited duty judged at `now`: its deadline (with the rule that produced it) and outcome.
public struct ElevatorDutyCheck: Hashable, Codable, Sendable {
    /// When the duty was due.
    public let deadline: Deadline
    /// How it stands.
    public let outcome: ElevatorDutyOutcome

    public init(deadline: Deadline, outcome: ElevatorDutyOutcome) {
        self.deadline = deadline
        self.outcome = outcome
    }

    /// Whether the rule is breached.
    public var isBreach: Bool { outcome.isBreach }

    /// Judges a duty done at `doneAt` (nil: not yet) against `deadline` at `now`: done at or before
    /// the due instant is on time, after it late; not done is overdue once `now` is after the due
    /// instant, else pending.
    public static func judge(_ deadline: Deadline, doneAt: Date?, now: Date) -> ElevatorDutyCheck {
        let outcome: ElevatorDutyOutcome
        if let doneAt {
            outcome = deadline.isMissed(at: doneAt) ? .late : .onTime
        } else {
            outcome = deadline.isMissed(at: now) ? .overdue : .pending
        }
        return ElevatorDutyCheck(deadline: deadline, outcome: outcome)
    }
}
