import Foundation

/// What one transition did, for the item's timeline and the audit log.
public struct ItemTimelineEntry: Hashable, Codable, Sendable {
    /// The action.
    public var event: ItemEventKind
    /// The state before.
    public var from: ItemState
    /// The state after.
    public var to: ItemState
    /// When it happened.
    public var at: Date
    /// Who did it.
    public var actor: ActorFacts
    /// The free text the event carried: a reason, a result, a decision.
    public var note: String?
    /// Whether the act came after its own deadline (a sign-for after the sign-for time, a return
    /// after the return window, a report after the deadline, a decision after its time limit).
    /// Late acts are allowed and recorded; the assessment counts them.
    public var late: Bool

    /// A timeline entry.
    public init(
        event: ItemEventKind, from: ItemState, to: ItemState, at: Date, actor: ActorFacts,
        note: String? = nil, late: Bool = false
    ) {
        self.event = event
        self.from = from
        self.to = to
        self.at = at
        self.actor = actor
        self.note = note
        self.late = late
    }
}
