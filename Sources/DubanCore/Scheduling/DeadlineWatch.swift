import Foundation

/// 期限监控 — what the scheduler does with one watched deadline: warn when it is near, mark it overdue
/// when it passes, and nothing more once it is overdue or closed (SPEC M2: "warns before due, marks
/// overdue, triggers escalation rules and notifications").
public enum DeadlineWatch {
    public enum State: String, Codable, CaseIterable, Sendable {
        /// Not yet due, no warning sent.
        case pending
        /// "Due soon" warning sent.
        case warned
        /// Overdue event fired; the owning module escalates from here.
        case overdue
        /// The work was done (or withdrawn) before anything else fired.
        case closed
    }

    public enum Event: String, Codable, CaseIterable, Sendable {
        /// 即将到期 — the warning lead time has been reached.
        case dueSoon = "due_soon"
        /// 已超期 — the deadline has passed.
        case overdue
    }

    /// The result of firing: the event, the new state and when the row must be looked at next
    /// (nil: never again).
    public struct Firing: Equatable, Sendable {
        public var event: Event
        public var state: State
        public var nextFireAt: Date?

        public init(event: Event, state: State, nextFireAt: Date?) {
            self.event = event
            self.state = state
            self.nextFireAt = nextFireAt
        }
    }

    /// When a new watch first needs attention: the warning time if it is still ahead of the deadline,
    /// else the deadline itself.
    public static func firstFire(dueAt: Date, warnAt: Date?) -> Date {
        if let warnAt, warnAt < dueAt { return warnAt }
        return dueAt
    }

    /// The warning time for a lead of `leadSeconds` before `dueAt`; nil when there is no lead.
    public static func warnAt(dueAt: Date, leadSeconds: TimeInterval) -> Date? {
        leadSeconds > 0 ? dueAt.addingTimeInterval(-leadSeconds) : nil
    }

    /// What fires for a watch in `state` at `now`. A sweep that comes late, after the deadline, fires
    /// only the overdue event: a warning about a deadline already missed helps nobody.
    public static func fire(state: State, dueAt: Date, warnAt: Date?, now: Date) -> Firing? {
        switch state {
        case .pending:
            if now >= dueAt { return Firing(event: .overdue, state: .overdue, nextFireAt: nil) }
            if let warnAt, now >= warnAt { return Firing(event: .dueSoon, state: .warned, nextFireAt: dueAt) }
            return nil
        case .warned:
            return now >= dueAt ? Firing(event: .overdue, state: .overdue, nextFireAt: nil) : nil
        case .overdue, .closed:
            return nil
        }
    }
}
