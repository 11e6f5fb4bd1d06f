@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件2 第三条(九): the weekly report of serious cases to district leaders.
final class SeriousCaseReportTests: XCTestCase {
    private var calculator = DeadlineCalculator(calendar: HolidayCalendar())

    override func setUpWithError() throws {
        calculator = try CalendarTestSupport.chinaCalculator()
    }

    private func china(_ text: String) throws -> Date { try HotlineTestSupport.china(text) }
    private func day(_ text: String) throws -> LocalDate { try HotlineTestSupport.day(text) }

    func testWeekBoundaries() throws {
        // 2026-11-23 is a Monday (1 Jan 2026 a Thursday; 23 Nov is day 327, 326 days on, 326 = 46·7 + 4).
        let week = DatePeriod(start: try day("2026-11-23"), end: try day("2026-11-29"))
        for date in ["2026-11-23", "2026-11-26", "2026-11-29"] {
            XCTAssertEqual(HotlineWeek.weekContaining(try day(date)), week, date)
        }
        XCTAssertEqual(HotlineWeek.weekContaining(try day("2026-11-30")).start, try day("2026-11-30"))
        XCTAssertEqual(HotlineWeek.weekContaining(try day("2026-11-22")).start, try day("2026-11-16"))
        // Instants in China time: Sunday 23:59:59 is still this week; 16:00 UTC Sunday is Monday 00:00 in China.
        XCTAssertEqual(HotlineWeek.weekContaining(try china("2026-11-29 23:59:59")), week)
        XCTAssertEqual(HotlineWeek.weekContaining(try CalendarTestSupport.iso("2026-11-29T16:00:00Z"))?.start, try day("2026-11-30"))
        XCTAssertEqual(HotlineWeek.weekContaining(try CalendarTestSupport.iso("2026-11-22T16:00:00Z")), week)
        let bounds = HotlineWeek.bounds(of: week)
        XCTAssertEqual(bounds.lowerBound, try china("2026-11-23 00:00"))
        XCTAssertEqual(bounds.upperBound, try china("2026-11-30 00:00"))   // Sunday 24:00
        XCTAssertEqual(HotlineWeek.bulletinDay(of: week), try day("2026-11-26"))
        XCTAssertEqual(HotlineWeek.bulletinDay(of: week).weekday, .thursday)
    }

    func testOverdueByMoreThanFiveWorkingDays() throws {
        // Due Mon 16 Nov 18:00; 5 working days on: 17, 18, 19, 20, 23 Nov → Mon 23 Nov 18:00.
        let facts = SeriousCaseFacts(id: "a", type: .complaint, categoryCode: "environment",
                                     receivedAt: try china("2026-11-02 09:00"), dueAt: try china("2026-11-16 18:00"))
        XCTAssertEqual(try SeriousCaseReport.reasons(for: facts, asOf: china("2026-11-23 18:00"), calculator: calculator), [])
        XCTAssertEqual(try SeriousCaseReport.reasons(for: facts, asOf: china("2026-11-23 18:01"), calculator: calculator), [.longOverdue])
    }

    func testOverdueCountsWorkingDaysOverHolidays() throws {
        // Due Wed 30 Sep 18:00; 1–7 Oct holiday; 8 (1), 9 (2), Sat 10 (3, 调休), 12 (4), 13 Oct (5) → 13 Oct 18:00.
        var facts = SeriousCaseFacts(id: "b", type: .help, categoryCode: "utilities",
                                     receivedAt: try china("2026-09-20 09:00"), dueAt: try china("2026-09-30 18:00"))
        facts.closedAt = try china("2026-10-13 17:00")
        XCTAssertEqual(try SeriousCaseReport.reasons(for: facts, asOf: china("2026-12-01 00:00"), calculator: calculator), [])
        facts.closedAt = try china("2026-10-14 09:00")
        XCTAssertEqual(try SeriousCaseReport.reasons(for: facts, asOf: china("2026-12-01 00:00"), calculator: calculator), [.longOverdue])
        // With 0 days, any lateness counts; with nil, none.
        facts.closedAt = try china("2026-09-30 18:01")
        XCTAssertEqual(try SeriousCaseReport.reasons(for: facts, asOf: china("2026-12-01 00:00"), calculator: calculator,
                                                     criteria: SeriousCaseCriteria(overdueWorkingDays: 0)), [.longOverdue])
        facts.closedAt = nil
        XCTAssertEqual(try SeriousCaseReport.reasons(for: facts, asOf: china("2026-12-01 00:00"), calculator: calculator,
                                                     criteria: SeriousCaseCriteria(overdueWorkingDays: nil)), [])
    }

    func testReasonsAndThresholds() throws {
        let received = try china("2026-11-24 09:00")
        func reasons(_ facts: SeriousCaseFacts) throws -> [SeriousCaseReason] {
            try SeriousCaseReport.reasons(for: facts, asOf: china("2026-11-30 00:00"), calculator: calculator)
        }
        XCTAssertEqual(try reasons(SeriousCaseFacts(id: "1", type: .complaint, categoryCode: "x", receivedAt: received)), [])
        // 3 complaints is not "3次(不含3次)以上"; 4 is.
        XCTAssertEqual(try reasons(SeriousCaseFacts(id: "2", type: .complaint, categoryCode: "x", secondSupervision: true,
                                                    complaintCount: 3, receivedAt: received)), [.secondSupervision])
        XCTAssertEqual(try reasons(SeriousCaseFacts(id: "3", type: .complaint, categoryCode: "x", secondSupervision: true,
                                                    complaintCount: 4, receivedAt: received)), [.frequentRepeat, .secondSupervision])
        XCTAssertEqual(try reasons(SeriousCaseFacts(id: "4", type: .complaint, categoryCode: "x", evaluatorVerdict: .unreasonable,
                                                    receivedAt: received)), [])
        XCTAssertEqual(try reasons(SeriousCaseFacts(id: "5", type: .complaint, categoryCode: "x", majorEvent: true,
                                                    evaluatorVerdict: .reasonable, highProfile: true, receivedAt: received)),
                       [.majorEvent, .highProfile, .evaluatorFoundReasonable])
        XCTAssertEqual(try SeriousCaseReport.reasons(
            for: SeriousCaseFacts(id: "6", type: .complaint, categoryCode: "x", majorEvent: true, receivedAt: received),
            asOf: china("2026-11-30 00:00"), calculator: calculator, criteria: SeriousCaseCriteria(majorEvents: false)), [])
    }

    func testWeeklyReportSelectionAndOrder() throws {
        let week = HotlineWeek.weekContaining(try day("2026-11-25"))
        let cases = [
            // Open through the week, second supervision, received earliest.
            SeriousCaseFacts(id: "s1", type: .complaint, categoryCode: "environment", secondSupervision: true, complaintCount: 2,
                             receivedAt: try china("2026-11-10 09:00")),
            // A major event received Wednesday.
            SeriousCaseFacts(id: "m1", type: .help, categoryCode: "safety_accident", majorEvent: true,
                             receivedAt: try china("2026-11-25 14:00")),
            // A major event received Monday 00:00 exactly (inside).
            SeriousCaseFacts(id: "m0", type: .help, categoryCode: "epidemic", majorEvent: true,
                             receivedAt: try china("2026-11-23 00:00")),
            // Closed before the week began: left out although major.
            SeriousCaseFacts(id: "old", type: .help, categoryCode: "epidemic", majorEvent: true,
                             receivedAt: try china("2026-11-01 09:00"), closedAt: try china("2026-11-22 23:59")),
            // Closed at Monday 00:00 exactly: open at the week's start, kept.
            SeriousCaseFacts(id: "e1", type: .complaint, categoryCode: "environment", evaluatorVerdict: .reasonable,
                             receivedAt: try china("2026-11-01 09:00"), closedAt: try china("2026-11-23 00:00")),
            // Received at Sunday 24:00, i.e. next week: left out.
            SeriousCaseFacts(id: "next", type: .complaint, categoryCode: "epidemic", majorEvent: true,
                             receivedAt: try china("2026-11-30 00:00")),
            // Nothing serious.
            SeriousCaseFacts(id: "plain", type: .enquiry, categoryCode: "education", receivedAt: try china("2026-11-24 10:00")),
        ]
        let report = try SeriousCaseReport.build(week: week, cases: cases, asOf: china("2026-11-30 00:00"), calculator: calculator)
        XCTAssertEqual(report.week, week)
        // Most severe first reason: major (m0 Mon before m1 Wed), then evaluator (e1), then second supervision (s1).
        XCTAssertEqual(report.entries.map(\.caseID), ["m0", "m1", "e1", "s1"])
        XCTAssertEqual(report.entries.map(\.reasons), [[.majorEvent], [.majorEvent], [.evaluatorFoundReasonable], [.secondSupervision]])
        XCTAssertEqual(SeriousCaseReason.allCases.sorted(), SeriousCaseReason.allCases)
    }
}
