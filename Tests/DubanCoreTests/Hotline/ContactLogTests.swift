@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件2 第三条(六): 30 minutes or more apart after a failed contact ("以上" includes
/// 30), to the minute; 3 consecutive failures allow proceeding.
final class ContactLogTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try HotlineTestSupport.china(text) }

    private func failed(_ time: String, by staff: String = "李明") throws -> ContactAttempt {
        ContactAttempt(at: try china("2026-09-24 \(time)"), staffName: staff, reached: false, note: "无人接听")
    }

    func testAttemptsAreTruncatedToTheMinute() throws {
        let attempt = try failed("10:00:59")
        XCTAssertEqual(attempt.at, try china("2026-09-24 10:00"))
        XCTAssertEqual(ContactAttempt(at: try china("2026-09-24 10:00"), staffName: "  王芳 ", reached: true).staffName, "王芳")
    }

    func testGapOf29IsRefusedAnd30And31Allowed() throws {
        let previous = try failed("10:00")
        let now = try china("2026-09-24 12:00")
        // 10:00 + 30 min = 10:30 earliest.
        HotlineTestSupport.assertThrows(.contactTooSoon(previous: try china("2026-09-24 10:00"), earliest: try china("2026-09-24 10:30"))) {
            try ContactLog.validateNext(try failed("10:29"), after: previous, now: now)
        }
        XCTAssertNoThrow(try ContactLog.validateNext(try failed("10:30"), after: previous, now: now))
        XCTAssertNoThrow(try ContactLog.validateNext(try failed("10:31"), after: previous, now: now))
    }

    func testTheGapIsCountedInWholeMinutes() throws {
        // 10:00:59 and 10:29:59 are 10:00 and 10:29: 29 minutes, refused although 29 min 0 s … 29 min 59 s apart in seconds.
        let now = try china("2026-09-24 12:00")
        XCTAssertThrowsError(try ContactLog.validateNext(try failed("10:29:59"), after: try failed("10:00:59"), now: now))
        // 10:00:59 → 10:00 and 10:30:00 → 10:30: 30 minutes, allowed although only 29 min 1 s in seconds.
        XCTAssertNoThrow(try ContactLog.validateNext(try failed("10:30:00"), after: try failed("10:00:59"), now: now))
    }

    func testAfterReachingTheCallerNoGapButNeverBackwards() throws {
        let reached = ContactAttempt(at: try china("2026-09-24 10:00"), staffName: "李明", reached: true)
        let now = try china("2026-09-24 12:00")
        XCTAssertNoThrow(try ContactLog.validateNext(try failed("10:05"), after: reached, now: now))
        XCTAssertNoThrow(try ContactLog.validateNext(try failed("10:00"), after: reached, now: now))
        HotlineTestSupport.assertThrows(.contactTooSoon(previous: try china("2026-09-24 10:00"), earliest: try china("2026-09-24 10:00"))) {
            try ContactLog.validateNext(try failed("09:59"), after: reached, now: now)
        }
    }

    func testStaffNameRequiredAndNoFutureAttempts() throws {
        let now = try china("2026-09-24 10:30:20")
        HotlineTestSupport.assertThrows(.required(field: "staffName")) {
            try ContactLog.validateNext(try failed("10:00", by: "   "), after: nil, now: now)
        }
        // 10:30:50 and now 10:30:20 are the same minute → allowed; 10:31 is after now → refused.
        XCTAssertNoThrow(try ContactLog.validateNext(try failed("10:30:50"), after: nil, now: now))
        HotlineTestSupport.assertThrows(.contactInFuture) { try ContactLog.validateNext(try failed("10:31"), after: nil, now: now) }
    }

    func testThirdConsecutiveFailureAllowsProceeding() throws {
        var log = ContactLog()
        let now = try china("2026-09-24 18:00")
        try log.append(try failed("09:00"), now: now)
        XCTAssertEqual(log.nextAttemptFrom, try china("2026-09-24 09:30"))
        try log.append(try failed("09:30"), now: now)
        XCTAssertEqual(log.consecutiveFailures, 2)
        XCTAssertFalse(log.mayProceedWithoutContact)
        // A third attempt 29 minutes later is refused and not recorded.
        XCTAssertThrowsError(try log.append(try failed("09:59"), now: now))
        XCTAssertEqual(log.attempts.count, 2)
        try log.append(try failed("10:00"), now: now)
        XCTAssertEqual(log.consecutiveFailures, 3)
        XCTAssertTrue(log.mayProceedWithoutContact)
        XCTAssertFalse(log.everReached)
    }

    func testFailuresMustBeConsecutive() throws {
        // 连续3次: failed, failed, reached, failed, failed → 2 since the caller was reached.
        let now = try china("2026-09-24 18:00")
        var log = ContactLog()
        try log.append(try failed("09:00"), now: now)
        try log.append(try failed("09:30"), now: now)
        try log.append(ContactAttempt(at: try china("2026-09-24 10:00"), staffName: "李明", reached: true), now: now)
        try log.append(try failed("14:00"), now: now)
        try log.append(try failed("14:30"), now: now)
        XCTAssertEqual(log.consecutiveFailures, 2)
        XCTAssertFalse(log.mayProceedWithoutContact)
        try log.append(try failed("15:00"), now: now)
        XCTAssertTrue(log.mayProceedWithoutContact)
        XCTAssertTrue(log.everReached)
    }

    func testLimitsAreTheSeeds() {
        XCTAssertEqual(HotlineLimits.contactGapMinutes, 30)
        XCTAssertEqual(HotlineLimits.failedContactsToProceed, 3)
    }

    func testDecodingTruncatesToo() throws {
        let json = #"{"at":"2026-09-24T02:00:45Z","staffName":" 李明 ","reached":false}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let attempt = try decoder.decode(ContactAttempt.self, from: Data(json.utf8))
        XCTAssertEqual(attempt.at, try china("2026-09-24 10:00"))
        XCTAssertEqual(attempt.staffName, "李明")
        XCTAssertEqual(attempt.note, "")
    }
}
