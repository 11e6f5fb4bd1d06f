@testable import DubanServer
import NIOConcurrencyHelpers
import XCTest

/// The dashboard's aggregate cache: fresh for one lifetime, then served stale while one background refresh
/// runs, recomputed before answering once two lifetimes have passed, and off at lifetime 0.
final class DashboardCacheTests: XCTestCase {
    /// A computation that counts its runs and can be held until released.
    final class Source: @unchecked Sendable {
        let runs = NIOLockedValueBox(0)
        let gate = NIOLockedValueBox<CheckedContinuation<Void, Never>?>(nil)
        let held = NIOLockedValueBox(false)

        @Sendable func make() async throws -> Int {
            let run = runs.withLockedValue { $0 += 1; return $0 }
            if held.withLockedValue({ $0 }) {
                await withCheckedContinuation { continuation in gate.withLockedValue { $0 = continuation } }
            }
            return run
        }

        /// Waits until the held computation is waiting, then lets it finish (later ones run straight through).
        func release() async {
            for _ in 0..<500 {
                if let waiting = gate.withLockedValue({ value in defer { value = nil }; return value }) {
                    held.withLockedValue { $0 = false }
                    waiting.resume()
                    return
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
            XCTFail("no refresh was waiting")
        }
    }

    func testFreshStaleWhileRevalidatingAndExpired() async throws {
        let cache = DashboardCache()
        let source = Source()
        let start = Date()
        // First view computes; views within the lifetime read the entry.
        var value = try await cache.value("k", now: start, lifetime: 120, source.make)
        XCTAssertEqual(value, 1)
        value = try await cache.value("k", now: start.addingTimeInterval(119), lifetime: 120, source.make)
        XCTAssertEqual(value, 1)
        XCTAssertEqual(source.runs.withLockedValue { $0 }, 1)

        // Past the lifetime: answered at once with the stale entry while one refresh runs (held here), and a
        // second view meanwhile does not start another.
        source.held.withLockedValue { $0 = true }
        value = try await cache.value("k", now: start.addingTimeInterval(130), lifetime: 120, source.make)
        XCTAssertEqual(value, 1)
        value = try await cache.value("k", now: start.addingTimeInterval(131), lifetime: 120, source.make)
        XCTAssertEqual(value, 1)
        await source.release()
        var refreshed = 0
        for _ in 0..<500 {
            // The refresh stores its value with the time it finished (now, in real time).
            refreshed = try await cache.value("k", now: Date(), lifetime: 120, source.make)
            if refreshed == 2 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTAssertEqual(refreshed, 2)
        XCTAssertEqual(source.runs.withLockedValue { $0 }, 2, "one refresh for the two stale views")

        // Two lifetimes after the entry was computed it is not served: the view waits for a new one.
        value = try await cache.value("k", now: Date().addingTimeInterval(241), lifetime: 120, source.make)
        XCTAssertEqual(value, 3)
        XCTAssertEqual(source.runs.withLockedValue { $0 }, 3)
    }

    func testOffComputesEveryTimeAndFailedRefreshIsRetried() async throws {
        let cache = DashboardCache()
        let source = Source()
        let now = Date()
        for expected in 1...3 {
            let value = try await cache.value("k", now: now, lifetime: 0, source.make)
            XCTAssertEqual(value, expected)
        }

        // A refresh that fails leaves the stale entry in place and lets the next stale view try again.
        let fails = NIOLockedValueBox(true)
        let attempts = NIOLockedValueBox(0)
        @Sendable func flaky() async throws -> Int {
            attempts.withLockedValue { $0 += 1 }
            if fails.withLockedValue({ $0 }) { throw DubanError.badRequest("database away") }
            return 42
        }
        _ = try await cache.value("f", now: now, lifetime: 60) { 7 }
        let stale = try await cache.value("f", now: now.addingTimeInterval(61), lifetime: 60, flaky)
        XCTAssertEqual(stale, 7)
        for _ in 0..<500 where attempts.withLockedValue({ $0 }) < 1 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(50))
        fails.withLockedValue { $0 = false }
        var value = try await cache.value("f", now: now.addingTimeInterval(62), lifetime: 60, flaky)
        XCTAssertEqual(value, 7, "still the stale entry; a second refresh starts")
        for _ in 0..<500 {
            value = try await cache.value("f", now: Date(), lifetime: 60, flaky)
            if value == 42 { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTAssertEqual(value, 42)
        XCTAssertEqual(attempts.withLockedValue { $0 }, 2)
    }
}
