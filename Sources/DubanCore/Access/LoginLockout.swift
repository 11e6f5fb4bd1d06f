import Foundation

/// Login throttling — Duban defaults (SPEC §4 asks for protection against password guessing; the seeds
/// give no numbers), each changeable by an administrator through the settings:
/// 5 wrong passwords for one username within 15 minutes lock that username for 15 minutes (OWASP's
/// usual order of magnitude: enough for typing mistakes, far too few for guessing), and 20 wrong
/// passwords from one client address within 15 minutes stop that address for 15 minutes (an office
/// behind one address may hold several people mistyping; a guesser spreading over usernames is not).
public struct LoginLimits: Hashable, Sendable {
    /// Failures that lock a username.
    public var maxFailuresPerUser: Int
    /// Failures that stop a client address.
    public var maxFailuresPerAddress: Int
    /// The window in which failures count.
    public var windowSeconds: Int
    /// How long a lock lasts after the failure that caused it.
    public var lockoutSeconds: Int

    public init(maxFailuresPerUser: Int = 5, maxFailuresPerAddress: Int = 20, windowSeconds: Int = 900, lockoutSeconds: Int = 900) {
        self.maxFailuresPerUser = maxFailuresPerUser
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.windowSeconds = windowSeconds
        self.lockoutSeconds = lockoutSeconds
    }

    public static let standard = LoginLimits()
}

/// The lock rule over the recent failure times the server keeps per username and per address.
///
/// A key is locked at `now` when at least `limit` of its failures fall in one window
/// (last failure − window, last failure] and `now` is before last failure + lockout. Attempts made while
/// locked are refused without checking the password and are not counted, so a lock ends on time
/// even while a guesser keeps trying, and the right password works again after it.
public enum LoginLockout {
    /// Nil when an attempt at `now` may check the password; else the moment the lock ends.
    public static func lockedUntil(now: Date, failures: [Date], limit: Int, windowSeconds: Int, lockoutSeconds: Int) -> Date? {
        guard limit > 0 else { return nil }
        let past = failures.filter { $0 <= now }.sorted()
        guard let last = past.last, past.count >= limit else { return nil }
        let window = TimeInterval(windowSeconds)
        let inWindow = past.filter { last.timeIntervalSince($0) < window }
        guard inWindow.count >= limit else { return nil }
        let until = last.addingTimeInterval(TimeInterval(lockoutSeconds))
        return now < until ? until : nil
    }

    /// The failures still worth keeping at `now` (older ones can never lock again).
    public static func pruned(_ failures: [Date], now: Date, windowSeconds: Int, lockoutSeconds: Int) -> [Date] {
        let keep = TimeInterval(windowSeconds + lockoutSeconds)
        return failures.filter { now.timeIntervalSince($0) < keep }
    }
}
