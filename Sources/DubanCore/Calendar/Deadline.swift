import Foundation

/// A computed due instant together with the rule that produced it, so that every deadline shown to
/// a user can say where it comes from (SPEC M2).
public struct Deadline: Hashable, Codable, Sendable {
    /// The instant by which the act is due; doing it at exactly this instant is on time.
    public let due: Date
    /// How `due` was computed.
    public let rule: DeadlineRule

    /// A deadline due at `due`, produced by `rule`.
    public init(due: Date, rule: DeadlineRule) {
        self.due = due
        self.rule = rule
    }

    /// Whether an act done (or still not done) at `instant` misses the deadline: strictly after `due`.
    public func isMissed(at instant: Date) -> Bool {
        instant > due
    }
}
