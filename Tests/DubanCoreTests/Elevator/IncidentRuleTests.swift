import DubanCore
import XCTest

/// Trapped passengers (30 minutes), accident reports (1 hour), stop notices (24 hours): SPEC A4.
final class IncidentRuleTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try ElevatorTestSupport.china(text) }

    func testRescueArrivalAtThirtyMinutesIsOnTimeAtThirtyOneABreach() throws {
        // 004 成府发〔2015〕29号 三(三)5: 接到电梯困人故障报告后,30分钟内赶到现场.
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 10:00")
        let now = try china("2026-03-01 12:00")
        // Due 10:00 + 30 min = 10:30.
        let at30 = try rules.rescueArrival(reportedAt: report, arrivedAt: try china("2026-03-01 10:30"), now: now)
        XCTAssertEqual(at30.deadline.due, try china("2026-03-01 10:30"))
        XCTAssertEqual(at30.outcome, .onTime)
        XCTAssertFalse(at30.isBreach)
        let at31 = try rules.rescueArrival(reportedAt: report, arrivedAt: try china("2026-03-01 10:31"), now: now)
        XCTAssertEqual(at31.outcome, .late)
        XCTAssertTrue(at31.isBreach)
    }

    func testRescueStillOpenAfterThirtyMinutesIsABreach() throws {
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 23:50")
        // Due 23:50 + 30 min = 00:20 the next day.
        XCTAssertEqual(try rules.rescueArrival(reportedAt: report, arrivedAt: nil, now: try china("2026-03-02 00:20")).outcome, .pending)
        let open = try rules.rescueArrival(reportedAt: report, arrivedAt: nil, now: try china("2026-03-02 00:21"))
        XCTAssertEqual(open.outcome, .overdue)
        XCTAssertTrue(open.isBreach)
    }

    func testAccidentReportAtSixtyMinutesIsOnTimeAtSixtyOneABreach() throws {
        // 三(一)7: 并于1小时内报告所在地质监部门.
        let rules = try ElevatorTestSupport.rules()
        let accident = try china("2026-03-01 10:00")
        let now = try china("2026-03-01 15:00")
        let at60 = try rules.accidentReport(occurredAt: accident, reportedAt: try china("2026-03-01 11:00"), now: now)
        XCTAssertEqual(at60.deadline.due, try china("2026-03-01 11:00"))
        XCTAssertEqual(at60.deadline.rule, .after(amount: 1, unit: .hours, start: accident))
        XCTAssertEqual(at60.outcome, .onTime)
        XCTAssertEqual(try rules.accidentReport(occurredAt: accident, reportedAt: try china("2026-03-01 11:01"), now: now).outcome, .late)
        XCTAssertEqual(try rules.accidentReport(occurredAt: accident, reportedAt: nil, now: try china("2026-03-01 11:00")).outcome, .pending)
        XCTAssertEqual(try rules.accidentReport(occurredAt: accident, reportedAt: nil, now: try china("2026-03-01 11:01")).outcome, .overdue)
    }

    func testStopOfExactlyTwentyFourHoursNeedsNoNotice() throws {
        // 三(一)6: 需停止电梯运行时间超过24小时以上的,应当公告…; exactly 24 h is not "longer".
        let rules = try ElevatorTestSupport.rules()
        let stopped = try china("2026-03-01 08:00")
        // Notice due 2026-03-01 08:00 + 24 h = 2026-03-02 08:00.
        let exactly = try rules.stopNotice(
            stoppedAt: stopped, noticePublishedAt: nil, resumedAt: try china("2026-03-02 08:00"), now: try china("2026-03-05 08:00"))
        XCTAssertEqual(exactly.deadline.due, try china("2026-03-02 08:00"))
        XCTAssertEqual(exactly.outcome, .notRequired)
        XCTAssertFalse(exactly.isBreach)
        let longer = try rules.stopNotice(
            stoppedAt: stopped, noticePublishedAt: nil, resumedAt: try china("2026-03-02 08:01"), now: try china("2026-03-05 08:00"))
        XCTAssertEqual(longer.outcome, .overdue)
        XCTAssertTrue(longer.isBreach)
    }

    func testOngoingStopWithoutNotice() throws {
        let rules = try ElevatorTestSupport.rules()
        let stopped = try china("2026-03-01 08:00")
        XCTAssertEqual(try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: nil, resumedAt: nil, now: try china("2026-03-02 08:00")).outcome, .pending)
        XCTAssertEqual(try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: nil, resumedAt: nil, now: try china("2026-03-02 08:01")).outcome, .overdue)
    }

    func testStopNoticePublishedInTimeOrLate() throws {
        let rules = try ElevatorTestSupport.rules()
        let stopped = try china("2026-03-01 08:00")
        let later = try china("2026-03-06 08:00")
        XCTAssertEqual(try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: try china("2026-03-01 09:00"), resumedAt: nil, now: later).outcome, .onTime)
        XCTAssertEqual(try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: try china("2026-03-02 08:00"), resumedAt: nil, now: later).outcome, .onTime)
        XCTAssertEqual(try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: try china("2026-03-02 08:01"), resumedAt: nil, now: later).outcome, .late)
        XCTAssertEqual(
            try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: try china("2026-03-03 08:00"), resumedAt: try china("2026-03-04 08:00"), now: later).outcome,
            .late)
        // Back in service within 24 hours: a later notice is beside the point.
        XCTAssertEqual(
            try rules.stopNotice(stoppedAt: stopped, noticePublishedAt: try china("2026-03-02 09:00"), resumedAt: try china("2026-03-01 20:00"), now: later).outcome,
            .notRequired)
    }

    func testOutcomeNames() {
        XCTAssertEqual(ElevatorDutyOutcome.allCases.filter(\.isBreach), [.late, .overdue])
        XCTAssertEqual(ElevatorDutyOutcome.overdue.chinese, "逾期未办")
    }
}
