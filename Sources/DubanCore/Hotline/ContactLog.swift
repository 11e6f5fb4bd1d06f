import Foundation

/// 联系记录表 — the attempts to reach one caller, oldest first, each checked on entry.
public struct ContactLog: Hashable, Codable, Sendable {
    /// The attempts, oldest first.
    public private(set) var attempts: [ContactAttempt]

    /// A log of already-validated attempts (as stored), oldest first.
    public init(attempts: [ContactAttempt] = []) {
        self.attempts = attempts.sorted { $0.at < $1.at }
    }

    /// Checks `next` may follow `previous` (the latest attempt so far, nil for the first), recorded at `now`:
    /// - the staff name is required (附件2 第三条(六): "注明…工作人员姓名");
    /// - it is not dated after `now` (to the minute);
    /// - after a failed attempt, it is at least ``HotlineLimits/contactGapMinutes`` minutes later, to
    ///   the minute: 30 is allowed, 29 is refused (附件2 第三条(六): "需间隔30分钟以上才可再次与来电人
    ///   进行联系"; "以上" includes 30). The gap is the seed's rule for a caller not reached ("对首次无法
    ///   取得联系的"); after the caller was reached, the next call (say, to report the result) may come
    ///   at any time, though never before the previous one.
    public static func validateNext(_ next: ContactAttempt, after previous: ContactAttempt?, now: Date) throws(HotlineError) {
        guard !next.staffName.isEmpty else { throw .required(field: "staffName") }
        guard next.at <= ContactAttempt.minute(of: now) else { throw .contactInFuture }
        guard let previous else { return }
        let gap = TimeInterval(previous.reached ? 0 : HotlineLimits.contactGapMinutes * 60)
        let earliest = previous.at.addingTimeInterval(gap)
        guard next.at >= earliest else { throw .contactTooSoon(previous: previous.at, earliest: earliest) }
    }

    /// Checks `next` against the latest attempt (see ``validateNext(_:after:now:)``).
    public func validateNext(_ next: ContactAttempt, now: Date) throws(HotlineError) {
        try Self.validateNext(next, after: attempts.last, now: now)
    }

    /// Adds `next` after checking it.
    public mutating func append(_ next: ContactAttempt, now: Date) throws(HotlineError) {
        try validateNext(next, now: now)
        attempts.append(next)
    }

    /// The failed attempts since the caller was last reached (or since the start).
    public var consecutiveFailures: Int {
        attempts.reversed().prefix { !$0.reached }.count
    }

    /// Whether the caller was ever reached.
    public var everReached: Bool {
        attempts.contains { $0.reached }
    }

    /// Whether the unit may go on without reaching the caller — handle the case, or close it once
    /// handled — after ``HotlineLimits/failedContactsToProceed`` consecutive failed attempts
    /// (附件2 第三条(六): "对连续3次确认无法取得联系的,在投诉件办理阶段的可直接先行办理投诉件,投诉件办理
    /// 结束仍无法联系到来电人的可直接作结案处理").
    public var mayProceedWithoutContact: Bool {
        consecutiveFailures >= HotlineLimits.failedContactsToProceed
    }

    /// The earliest instant the next attempt may be made, nil when there is no waiting.
    public var nextAttemptFrom: Date? {
        guard let last = attempts.last, !last.reached else { return nil }
        return last.at.addingTimeInterval(TimeInterval(HotlineLimits.contactGapMinutes * 60))
    }
}
