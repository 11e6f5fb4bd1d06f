import Foundation

/// What ``TaskCard`` needs to know about a task.
public struct TaskCardFacts: Hashable, Codable, Sendable {
    /// The task's state; a reported, verified, closed or withdrawn task carries no card.
    public var state: ItemState
    /// The deadline in force, if the task has one.
    public var deadline: Date?
    /// Progress reports (weekly / monthly, 001 阳政办(2018)11号: "每周通报,每月考核") that were due
    /// and not made.
    public var missedProgressReports: Int
    /// Whether the task is behind a milestone of its own plan
    /// (001 阳政办(2018)10号: "明确具体工作内容、工作措施及完成的时间节点").
    public var behindMilestone: Bool

    /// A task's card facts.
    public init(state: ItemState, deadline: Date?, missedProgressReports: Int = 0, behindMilestone: Bool = false) {
        self.state = state
        self.deadline = deadline
        self.missedProgressReports = missedProgressReports
        self.behindMilestone = behindMilestone
    }
}
