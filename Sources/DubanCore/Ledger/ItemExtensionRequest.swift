import Foundation

/// 延期申请 — an extension request waiting for a supervisor's decision.
public struct ItemExtensionRequest: Hashable, Codable, Sendable {
    /// When the unit asked.
    public var requestedAt: Date
    /// The deadline in force when it asked.
    public var previousDue: Date
    /// The deadline it asks for.
    public var newDue: Date
    /// Why it needs more time.
    public var reason: String

    /// A request made at `requestedAt` to move `previousDue` to `newDue`.
    public init(requestedAt: Date, previousDue: Date, newDue: Date, reason: String) {
        self.requestedAt = requestedAt
        self.previousDue = previousDue
        self.newDue = newDue
        self.reason = reason
    }
}
