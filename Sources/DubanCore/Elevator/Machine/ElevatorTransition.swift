import Foundation

/// The result of one accepted ``ElevatorEvent``: the new facts to store and the effects to carry out.
public struct ElevatorTransition: Hashable, Codable, Sendable {
    /// The event applied (with its reason, for the record).
    public let event: ElevatorEvent
    /// When it was applied.
    public let at: Date
    /// The phase before.
    public let from: ElevatorPhase
    /// The phase after.
    public let to: ElevatorPhase
    /// The facts after the event.
    public let facts: ElevatorFacts
    /// What the server must do next.
    public let effects: [ElevatorEffect]
}
