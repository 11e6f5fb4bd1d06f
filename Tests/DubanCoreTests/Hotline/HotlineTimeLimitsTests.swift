@testable import DubanCore
import XCTest

/// Beijing 12345 defaults (documented) on the shipped China calendar, SPEC A1 counting.
/// 2026: 25–27 Sep 中秋节, 1–7 Oct 国庆节, Sat 10 Oct a working day (调休).
final class HotlineTimeLimitsTests: XCTestCase {
    private var calculator = DeadlineCalculator(calendar: HolidayCalendar())
    private let limits = HotlineTimeLimits.standard

    override func setUpWithError() throws {
        calculator = try CalendarTestSupport.chinaCalculator()
    }

    private func china(_ text: String) throws -> Date { try HotlineTestSupport.china(text) }

    func testTheStandardTable() {
        XCTAssertEqual(limits.emergency, HotlineUrgencyLimits(dispatch: HotlineTimeLimit(1, .hours), answer: HotlineTimeLimit(2, .hours)))
        XCTAssertEqual(limits.utilities, HotlineUrgencyLimits(dispatch: HotlineTimeLimit(2, .hours), answer: HotlineTimeLimit(24, .hours)))
        XCTAssertEqual(limits.general, HotlineUrgencyLimits(dispatch: HotlineTimeLimit(24, .hours), answer: HotlineTimeLimit(7, .workingDays)))
        XCTAssertEqual(limits.complex, HotlineUrgencyLimits(dispatch: HotlineTimeLimit(24, .hours), answer: HotlineTimeLimit(15, .workingDays)))
        XCTAssertEqual(limits.majorEventDispatch, HotlineTimeLimit(30, .minutes))
        XCTAssertEqual(limits.general.answer.chinese, "7个工作日")
        XCTAssertEqual(limits.emergency.answer.description, "2 hours")
    }

    func testGeneralAnswerIsSevenWorkingDaysOverMidAutumnAndNationalDay() throws {
        // Dispatched Thu 24 Sep; start day not counted. Working days: 28 (1), 29 (2), 30 Sep (3),
        // [1–7 Oct holiday], 8 (4), 9 (5), Sat 10 (6, 调休), [Sun 11 off], Mon 12 Oct (7) → 18:00.
        let deadline = try limits.answerDeadline(dispatchedAt: china("2026-09-24 10:00"), urgency: .general, calculator: calculator)
        XCTAssertEqual(deadline.due, try china("2026-10-12 18:00"))
        XCTAssertEqual(deadline.rule, .after(amount: 7, unit: .workingDays, start: try china("2026-09-24 10:00")))
    }

    func testComplexAnswerIsFifteenWorkingDays() throws {
        // Continuing the count above: 12 Oct (7), 13 (8), 14 (9), 15 (10), 16 (11), [17–18 weekend],
        // 19 (12), 20 (13), 21 (14), 22 Oct (15) → 18:00.
        let deadline = try limits.answerDeadline(dispatchedAt: china("2026-09-24 10:00"), urgency: .complex, calculator: calculator)
        XCTAssertEqual(deadline.due, try china("2026-10-22 18:00"))
    }

    func testGeneralAnswerOverAnOrdinaryWeekend() throws {
        // Fri 20 Nov 2026 15:00: 23 (1), 24 (2), 25 (3), 26 (4), 27 (5), [28–29 weekend], 30 (6), 1 Dec (7).
        let deadline = try limits.answerDeadline(dispatchedAt: china("2026-11-20 15:00"), urgency: .general, calculator: calculator)
        XCTAssertEqual(deadline.due, try china("2026-12-01 18:00"))
    }

    func testHourLimitsRunThroughNightsAndHolidays() throws {
        // Emergency received 1 Oct (国庆节) 23:30 + 1 h = 2 Oct 00:30; answered 2 h after dispatch.
        XCTAssertEqual(try limits.dispatchDeadline(receivedAt: china("2026-10-01 23:30"), urgency: .emergency, calculator: calculator).due,
                       try china("2026-10-02 00:30"))
        XCTAssertEqual(try limits.answerDeadline(dispatchedAt: china("2026-10-02 00:20"), urgency: .emergency, calculator: calculator).due,
                       try china("2026-10-02 02:20"))
        // Utilities on Sat 26 Sep (中秋节): dispatch 08:00 + 2 h; answer 09:00 + 24 h.
        XCTAssertEqual(try limits.dispatchDeadline(receivedAt: china("2026-09-26 08:00"), urgency: .utilities, calculator: calculator).due,
                       try china("2026-09-26 10:00"))
        XCTAssertEqual(try limits.answerDeadline(dispatchedAt: china("2026-09-26 09:00"), urgency: .utilities, calculator: calculator).due,
                       try china("2026-09-27 09:00"))
        // General and complex dispatch: 24 elapsed hours, Fri 17:00 → Sat 17:00.
        for urgency in [HotlineUrgency.general, .complex] {
            XCTAssertEqual(try limits.dispatchDeadline(receivedAt: china("2026-11-20 17:00"), urgency: urgency, calculator: calculator).due,
                           try china("2026-11-21 17:00"))
        }
    }

    func testMajorEventsAreDispatchedWithinThirtyMinutesWhateverTheUrgency() throws {
        // 000 阳政办〔2017〕33号 附件5 第四条(三): "重大紧急事件半小时内"; 17:50 + 30 min = 18:20.
        for urgency in HotlineUrgency.allCases {
            let deadline = try limits.dispatchDeadline(receivedAt: china("2026-09-24 17:50"), urgency: urgency, majorEvent: true,
                                                       calculator: calculator)
            XCTAssertEqual(deadline.due, try china("2026-09-24 18:20"))
        }
    }

    func testValidationRefusesZeroAndMonths() {
        var edited = HotlineTimeLimits.standard
        edited.general.answer = HotlineTimeLimit(0, .workingDays)
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "general.answer", reason: "the amount must be 1…25000, got 0")) {
            try edited.validated()
        }
        edited = .standard
        edited.complex.dispatch = HotlineTimeLimit(1, .months)
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "complex.dispatch", reason: "a hotline time limit cannot be in months")) {
            try edited.validated()
        }
        XCTAssertNoThrow(try HotlineTimeLimits.standard.validated())
    }

    func testCalendarErrorsAreWrapped() {
        HotlineTestSupport.assertThrows(.calendar(.outOfRange(field: "start", reason: "the start is outside years 1–9999"))) {
            try limits.dispatchDeadline(receivedAt: Date(timeIntervalSince1970: 1e13), urgency: .general, calculator: calculator)
        }
    }

    func testCodableRoundTrip() throws {
        let data = try JSONEncoder().encode(HotlineTimeLimits.standard)
        XCTAssertEqual(try JSONDecoder().decode(HotlineTimeLimits.self, from: data), .standard)
    }
}
