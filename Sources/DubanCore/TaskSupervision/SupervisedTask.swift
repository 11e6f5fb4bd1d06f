import Foundation

/// The plain facts of one task of a 001 task breakdown for supervision (001 阳政办(2018)10号/11号
/// 责任分解表; the card vocabulary is the Ledger's ``TaskCard``). A task with several responsible
/// units is given once per unit.
public struct SupervisedTask: Hashable, Codable, Sendable {
    /// The task's id (unique per unit).
    public var id: String
    /// The responsible unit (责任单位).
    public var unit: String
    /// The deadline in force (完成时限, e.g. from ``TaskDeadlineParser``).
    public var due: Date
    /// When the task was reported done, if it was.
    public var closedAt: Date?
    /// 黄牌 issued on the task during the period.
    public var yellowCards: Int
    /// 红牌 issued on the task during the period.
    public var redCards: Int

    /// A task's facts.
    public init(id: String, unit: String, due: Date, closedAt: Date? = nil, yellowCards: Int = 0, redCards: Int = 0) {
        self.id = id
        self.unit = unit
        self.due = due
        self.closedAt = closedAt
        self.yellowCards = yellowCards
        self.redCards = redCards
    }
}

/// One unit's task breakdown for a period, with its place in the ranking.
public struct TaskUnitSummary: Hashable, Codable, Sendable {
    /// The unit.
    public var unit: String
    /// Tasks whose deadline falls in the period.
    public var tasksDue: Int
    /// Of those, closed at or before the deadline.
    public var closedOnTime: Int
    /// Of those, closed after the deadline (by the evaluation instant).
    public var closedLate: Int
    /// Of those, not closed and past the deadline at the evaluation instant.
    public var openOverdue: Int
    /// Of those, not closed and not yet due at the evaluation instant (a period still running).
    public var openNotYetDue: Int
    /// Yellow cards issued in the period, on any task given.
    public var yellowCards: Int
    /// Red cards issued in the period, on any task given.
    public var redCards: Int
    /// closedOnTime / tasksDue; nil when nothing was due.
    public var onTimeRate: ExactRate?
    /// 1 = first; tied units share a rank (1, 2, 2, 4); nil when nothing was due (not ranked).
    public var rank: Int?
}

/// The task supervision of a period: units in ranking order, unranked units last by name.
public struct TaskSupervisionReport: Hashable, Codable, Sendable {
    /// The month or quarter.
    public var period: AssessmentPeriod
    /// The units.
    public var units: [TaskUnitSummary]
}
