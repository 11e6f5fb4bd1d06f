import DubanCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Password-guessing protection for both sign-in routes (`POST /api/v1/auth/token`, `POST /login`):
/// the failures of the last minutes per username and per client address, kept in this process's
/// memory, judged by `LoginLockout` with the adjustable `LoginLimits`. A restart forgets them (a
/// restart also costs a guesser time); several server processes each count their own share.
final class LoginThrottle: @unchecked Sendable {
    private let lock = NIOLock()
    private var byUser: [String: [Date]] = [:]
    private var byAddress: [String: [Date]] = [:]

    static let maxFailuresKey = "auth.login_max_failures"
    static let maxAddressFailuresKey = "auth.login_max_failures_per_address"
    static let windowKey = "auth.login_window_minutes"
    static let lockoutKey = "auth.login_lockout_minutes"

    static var settings: [AdjustableSetting] {
        let standard = LoginLimits.standard
        return [
            AdjustableSetting(key: maxFailuresKey, defaultValue: standard.maxFailuresPerUser, range: 1...100,
                              description: "同一用户名在时间窗内密码错误多少次即临时锁定 / wrong passwords for one username that lock it"),
            AdjustableSetting(key: maxAddressFailuresKey, defaultValue: standard.maxFailuresPerAddress, range: 1...10_000,
                              description: "同一来源地址在时间窗内密码错误多少次即暂停其登录 / wrong passwords from one address that stop it"),
            AdjustableSetting(key: windowKey, defaultValue: standard.windowSeconds / 60, range: 1...1_440,
                              description: "登录失败计数的时间窗（分钟）/ minutes in which login failures count"),
            AdjustableSetting(key: lockoutKey, defaultValue: standard.lockoutSeconds / 60, range: 1...1_440,
                              description: "临时锁定时长（分钟）/ minutes a lock lasts"),
        ]
    }

    static func limits(on db: any Database) async throws -> LoginLimits {
        LoginLimits(maxFailuresPerUser: try await AdjustableSetting.value(maxFailuresKey, on: db),
                    maxFailuresPerAddress: try await AdjustableSetting.value(maxAddressFailuresKey, on: db),
                    windowSeconds: try await AdjustableSetting.value(windowKey, on: db) * 60,
                    lockoutSeconds: try await AdjustableSetting.value(lockoutKey, on: db) * 60)
    }

    /// Nil when the attempt may check the password; else when the lock ends.
    func lockedUntil(username: String, address: String, now: Date, limits: LoginLimits) -> Date? {
        lock.withLock {
            let user = LoginLockout.lockedUntil(now: now, failures: byUser[username] ?? [], limit: limits.maxFailuresPerUser,
                                                windowSeconds: limits.windowSeconds, lockoutSeconds: limits.lockoutSeconds)
            let place = LoginLockout.lockedUntil(now: now, failures: byAddress[address] ?? [], limit: limits.maxFailuresPerAddress,
                                                 windowSeconds: limits.windowSeconds, lockoutSeconds: limits.lockoutSeconds)
            return [user, place].compactMap { $0 }.max()
        }
    }

    func recordFailure(username: String, address: String, now: Date, limits: LoginLimits) {
        lock.withLock {
            func add(_ key: String, _ table: inout [String: [Date]]) {
                table[key] = LoginLockout.pruned((table[key] ?? []) + [now], now: now, windowSeconds: limits.windowSeconds,
                                                 lockoutSeconds: limits.lockoutSeconds)
            }
            add(username, &byUser)
            add(address, &byAddress)
            // Bounded memory under a flood of made-up usernames: forget everything expired.
            if byUser.count > 100_000 || byAddress.count > 100_000 {
                byUser = byUser.compactMapValues { let kept = LoginLockout.pruned($0, now: now, windowSeconds: limits.windowSeconds, lockoutSeconds: limits.lockoutSeconds); return kept.isEmpty ? nil : kept }
                byAddress = byAddress.compactMapValues { let kept = LoginLockout.pruned($0, now: now, windowSeconds: limits.windowSeconds, lockoutSeconds: limits.lockoutSeconds); return kept.isEmpty ? nil : kept }
            }
        }
    }

    func recordSuccess(username: String) {
        lock.withLock { _ = byUser.removeValue(forKey: username) }
    }

    /// Runs `check` (true when the password is right) unless the username or address is locked;
    /// throws 429 `login_locked` while locked.
    static func attempt(_ req: Request, username: String, check: () async throws -> Bool) async throws -> Bool {
        let throttle = req.application.loginThrottle
        let key = username.lowercased()
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let limits = try await Self.limits(on: req.db)
        let now = Date()
        if let until = throttle.lockedUntil(username: key, address: address, now: now, limits: limits) {
            let seconds = Int(until.timeIntervalSince(now).rounded(.up))
            var error = DubanError(.tooManyRequests, code: "login_locked",
                                   message: "登录失败次数过多，请\(max(1, (seconds + 59) / 60))分钟后再试 / too many failed sign-ins; try again in \(seconds) s",
                                   field: "password")
            error.retryAfter = seconds
            throw error
        }
        if try await check() {
            throttle.recordSuccess(username: key)
            return true
        }
        throttle.recordFailure(username: key, address: address, now: now, limits: limits)
        return false
    }
}

extension Application {
    private struct LoginThrottleKey: StorageKey { typealias Value = LoginThrottle }

    var loginThrottle: LoginThrottle {
        if let throttle = storage[LoginThrottleKey.self] { return throttle }
        let throttle = LoginThrottle()
        storage[LoginThrottleKey.self] = throttle
        return throttle
    }
}
