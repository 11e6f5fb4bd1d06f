import Foundation

/// 责任追究事项 — the life of one proposal once stored: confirmation or dismissal, the rectification
/// plan of a 约谈 (附件5 第六条) and an appeal (第九条). Changed only by ``AccountabilityMachine``.
public struct AccountabilityAction: Hashable, Codable, Sendable {
    /// The server's id.
    public let id: String
    /// What was proposed.
    public let proposal: AccountabilityProposal
    /// The current state.
    public internal(set) var state: AccountabilityState
    /// When a supervisor confirmed it.
    public internal(set) var confirmedAt: Date?
    /// The 约谈's China date.
    public internal(set) var interviewDate: LocalDate?
    /// Whether the principal leader was interviewed.
    public internal(set) var principalLeaderInterviewed: Bool
    /// The written rectification plan's deadline: 18:00 of the 7th working day after the interview day.
    public internal(set) var planDue: Date?
    /// When the plan now on file (submitted or accepted) was submitted; nil after a return.
    public internal(set) var planSubmittedAt: Date?
    /// How many plans were returned.
    public internal(set) var planReturns: Int
    /// The end of the appeal window: 18:00 of the 5th working day after the confirmation day.
    public internal(set) var appealDue: Date?
    /// Every step, oldest first.
    public internal(set) var steps: [AccountabilityStep]

    /// A new action in state ``AccountabilityState/proposed``.
    public init(id: String, proposal: AccountabilityProposal) {
        self.id = id
        self.proposal = proposal
        self.state = .proposed
        self.confirmedAt = nil
        self.interviewDate = nil
        self.principalLeaderInterviewed = false
        self.planDue = nil
        self.planSubmittedAt = nil
        self.planReturns = 0
        self.appealDue = nil
        self.steps = []
    }

    /// The action's unit.
    public var unit: String { proposal.unit }
    /// The action's rung.
    public var level: AccountabilityLevel { proposal.level }

    /// The confirmed 约谈 for ``AccountabilityRules`` history (第七条(七)); nil unless this is a
    /// confirmed interview still in force (an interview withdrawn on appeal does not count).
    public var confirmedInterview: ConfirmedInterview? {
        guard level == .interview, let interviewDate,
              [.confirmed, .planSubmitted, .planAccepted, .appealed].contains(state) else { return nil }
        return ConfirmedInterview(unit: unit, date: interviewDate, principalLeader: principalLeaderInterviewed, actionID: id)
    }
}

/// Deadline facts of an action at an instant, for lists and reminders.
public struct AccountabilityDeadlineFacts: Hashable, Codable, Sendable {
    /// The plan deadline, for a confirmed 约谈.
    public var planDue: Date?
    /// No plan on file (none submitted, or the last one returned) and the deadline has passed.
    public var planOverdue: Bool
    /// The plan on file was submitted after the deadline.
    public var planSubmittedLate: Bool
    /// The end of the appeal window, once confirmed.
    public var appealDue: Date?
    /// The appeal window has closed.
    public var appealWindowClosed: Bool
}
