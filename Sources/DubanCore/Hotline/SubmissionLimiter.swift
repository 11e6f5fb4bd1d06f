import Foundation

/// One sliding-window limit: at most `count` submissions in any `windowSeconds`.
public struct SubmissionLimit: Hashable, Codable, Sendable {
    public var count: Int
    public var windowSeconds: Int

    public init(count: Int, windowSeconds: Int) {
        self.count = count
        self.windowSeconds = windowSeconds
    }
}

/// The public form's anti-abuse limits — Duban defaults (the seed has none), an administrator may change
/// them: 5 per IP address per hour (a household or office behind one address may file a few), and
/// 3 per phone number per 24 hours (one person rarely has more than 3 distinct matters a day; a
/// repeat about the same matter is a repeat complaint anyway).
public struct SubmissionLimits: Hashable, Codable, Sendable {
    public var perIP: SubmissionLimit
    public var perPhone: SubmissionLimit

    public init(perIP: SubmissionLimit = SubmissionLimit(count: 5, windowSeconds: 3_600),
                perPhone: SubmissionLimit = SubmissionLimit(count: 3, windowSeconds: 86_400)) {
        self.perIP = perIP
        self.perPhone = perPhone
    }

    /// The documented defaults.
    public static let standard = SubmissionLimits()
}

/// The limiter's answer.
public enum SubmissionDecision: Hashable, Sendable {
    case allowed
    /// Refused because of `limit` (`"ip"` or `"phone"`); a submission at `retryAt` or later passes
    /// that limit again (if nothing else is submitted meanwhile).
    case refused(limit: String, retryAt: Date)

    public var isAllowed: Bool { self == .allowed }
}

/// 防刷 — the public web form's rate rule: a pure sliding window over the recent submission times the
/// server keeps per IP address and per phone key.
///
/// A submission at `now` is refused when `count` or more earlier submissions fall in the window
/// (`now` − window, `now`]: with 5 per hour, the 5th in an hour passes and the 6th is refused; a
/// submission exactly one hour old no longer counts.
public enum SubmissionLimiter {
    public static func decide(now: Date, recentForIP: [Date], recentForPhone: [Date],
                              limits: SubmissionLimits = .standard) -> SubmissionDecision {
        if let retryAt = retryAt(now: now, recent: recentForIP, limit: limits.perIP) {
            return .refused(limit: "ip", retryAt: retryAt)
        }
        if let retryAt = retryAt(now: now, recent: recentForPhone, limit: limits.perPhone) {
            return .refused(limit: "phone", retryAt: retryAt)
        }
        return .allowed
    }

    /// Nil when `limit` lets a submission at `now` through; else when it will.
    static func retryAt(now: Date, recent: [Date], limit: SubmissionLimit) -> Date? {
        guard limit.count > 0 else { return .distantFuture }
        let window = TimeInterval(max(0, limit.windowSeconds))
        let inWindow = recent.filter { $0 <= now && now.timeIntervalSince($0) < window }.sorted()
        guard inWindow.count >= limit.count else { return nil }
        // The window must lose (in-window − count + 1) submissions; the newest of those leaves last.
        return inWindow[inWindow.count - limit.count].addingTimeInterval(window)
    }
}
