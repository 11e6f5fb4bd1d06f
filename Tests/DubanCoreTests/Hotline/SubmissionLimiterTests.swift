@testable import DubanCore
import XCTest

/// Defaults: 5 per IP in any hour, 3 per phone in any 24 hours; window (now − w, now].
final class SubmissionLimiterTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    private func ago(_ seconds: Int...) -> [Date] {
        seconds.map { now.addingTimeInterval(-TimeInterval($0)) }
    }

    func testTheFifthInAnHourPassesTheSixthIsRefused() {
        // 4 earlier in the hour → this is the 5th → allowed.
        XCTAssertEqual(SubmissionLimiter.decide(now: now, recentForIP: ago(10, 600, 1_200, 3_000), recentForPhone: []), .allowed)
        // 5 earlier → this would be the 6th → refused until the oldest (3,000 s ago) leaves: now + 600.
        XCTAssertEqual(SubmissionLimiter.decide(now: now, recentForIP: ago(10, 600, 1_200, 2_000, 3_000), recentForPhone: []),
                       .refused(limit: "ip", retryAt: now.addingTimeInterval(600)))
    }

    func testASubmissionExactlyAnHourOldNoLongerCounts() {
        XCTAssertTrue(SubmissionLimiter.decide(now: now, recentForIP: ago(10, 600, 1_200, 2_000, 3_600), recentForPhone: []).isAllowed)
        XCTAssertEqual(SubmissionLimiter.decide(now: now, recentForIP: ago(10, 600, 1_200, 2_000, 3_599), recentForPhone: []),
                       .refused(limit: "ip", retryAt: now.addingTimeInterval(1)))
    }

    func testRetryTimeWithMoreThanTheLimitInTheWindow() {
        // 7 in the hour (ages 3,500 3,400 3,300 … 2,900): 3 must leave for 4 to remain; the third oldest
        // (3,300 s ago) leaves at now + 300.
        let decision = SubmissionLimiter.decide(now: now, recentForIP: ago(2_900, 3_000, 3_100, 3_200, 3_300, 3_400, 3_500), recentForPhone: [])
        XCTAssertEqual(decision, .refused(limit: "ip", retryAt: now.addingTimeInterval(300)))
    }

    func testThreePerPhonePerDay() {
        XCTAssertTrue(SubmissionLimiter.decide(now: now, recentForIP: [], recentForPhone: ago(100, 50_000)).isAllowed)
        XCTAssertEqual(SubmissionLimiter.decide(now: now, recentForIP: [], recentForPhone: ago(100, 50_000, 86_000)),
                       .refused(limit: "phone", retryAt: now.addingTimeInterval(400)))
        XCTAssertTrue(SubmissionLimiter.decide(now: now, recentForIP: [], recentForPhone: ago(100, 50_000, 86_400)).isAllowed)
    }

    func testFutureTimestampsAndCustomLimits() {
        let future = [now.addingTimeInterval(60)]
        XCTAssertTrue(SubmissionLimiter.decide(now: now, recentForIP: future + future + future + future + future, recentForPhone: []).isAllowed)
        let strict = SubmissionLimits(perIP: SubmissionLimit(count: 1, windowSeconds: 60), perPhone: SubmissionLimit(count: 0, windowSeconds: 60))
        XCTAssertEqual(SubmissionLimiter.decide(now: now, recentForIP: ago(30), recentForPhone: [], limits: strict),
                       .refused(limit: "ip", retryAt: now.addingTimeInterval(30)))
        XCTAssertEqual(SubmissionLimiter.decide(now: now, recentForIP: [], recentForPhone: [], limits: strict),
                       .refused(limit: "phone", retryAt: .distantFuture))
        XCTAssertEqual(SubmissionLimits.standard.perIP, SubmissionLimit(count: 5, windowSeconds: 3_600))
        XCTAssertEqual(SubmissionLimits.standard.perPhone, SubmissionLimit(count: 3, windowSeconds: 86_400))
    }
}
