import Foundation
import Vapor

extension Application {
    private struct ClockKey: StorageKey { typealias Value = @Sendable () -> Date }

    /// The time modules read "now" from: the system clock, replaced by tests that move time forward
    /// (the elevator module's overdue lists and dashboard are judged at this instant).
    var clock: @Sendable () -> Date {
        get { storage[ClockKey.self] ?? { Date() } }
        set { storage[ClockKey.self] = newValue }
    }
}
