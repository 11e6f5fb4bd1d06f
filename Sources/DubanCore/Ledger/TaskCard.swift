import Foundation

/// 红黄牌预警 — the warning card shown on a task (001 阳政办(2018)12号: 月调度 "红黄牌预警";
/// SPEC M3: "yellow card when behind, red card when overdue").
///
/// The seeds name red and yellow cards without defining them; the rules below, and the blue card,
/// are Duban's documented defaults.
public enum TaskCard: String, Codable, CaseIterable, Sendable {
    /// No card: on track, or finished.
    case clear = "none"
    /// 蓝牌 — the deadline is near: due within ``defaultNearWorkingDays`` working days (Duban default).
    case blue
    /// 黄牌 — behind: a progress report was missed, or a milestone of the task's plan passed.
    case yellow
    /// 红牌 — overdue: the deadline passed and the task is not reported done.
    case red

    /// The default "deadline near" window: 5 working days, about one working week, so that a weekly
    /// report cycle (001 阳政办(2018)11号: "每周通报") sees the card at least once before the deadline.
    /// A Duban default; no seed gives a number.
    public static let defaultNearWorkingDays = 5

    /// The card of `facts` at `now`; the most severe that applies: red, then yellow, then blue.
    ///
    /// Blue when the deadline is at or before the close of the `nearWorkingDays`-th working day after
    /// today (SPEC A1 `working_days`). A task reported done (submitted, verified, closed) or withdrawn
    /// carries no card. Throws ``CalendarError`` only for instants outside years 1–9999.
    public static func card(
        for facts: TaskCardFacts, at now: Date, calculator: DeadlineCalculator,
        nearWorkingDays: Int = defaultNearWorkingDays
    ) throws -> TaskCard {
        switch facts.state {
        case .submitted, .verified, .closed, .cancelled:
            return .clear
        case .registered, .assigned, .signedFor, .returned, .inProgress:
            break
        }
        if let deadline = facts.deadline, now > deadline {
            return .red
        }
        if facts.missedProgressReports > 0 || facts.behindMilestone {
            return .yellow
        }
        if let deadline = facts.deadline, nearWorkingDays > 0 {
            let window = try calculator.due(from: now, amount: nearWorkingDays, unit: .workingDays)
            if deadline <= window.due {
                return .blue
            }
        }
        return .clear
    }

    /// "无", "蓝牌", "黄牌", "红牌".
    public var chinese: String {
        switch self {
        case .clear: "无"
        case .blue: "蓝牌"
        case .yellow: "黄牌"
        case .red: "红牌"
        }
    }
}
