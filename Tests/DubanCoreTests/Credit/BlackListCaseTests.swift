import DubanCore
import Foundation
import XCTest

/// The black-list procedure with its time limits (SPEC A3), computed by hand on the shipped calendar.
final class BlackListCaseTests: XCTestCase {
    private typealias Support = CreditTestSupport

    private func proposed() throws -> BlackListCase {
        try BlackListCase.propose(id: "bl-1", subjectID: "91420105MA4KXXXX0X", conditions: [.repeatedPenalties],
                                  at: try Support.china("2026-09-24 09:00"))
    }

    private func step(_ blackList: BlackListCase, _ event: BlackListEvent, at time: String) throws -> BlackListCase {
        try blackList.applying(event, at: try Support.china(time), calculator: Support.calculator(), rules: .defaults)
    }

    /// Notified Thu 2026-09-24 10:00, listed Mon 2026-10-12 10:00 (after the window).
    private func listed() throws -> BlackListCase {
        let notified = try step(try proposed(), .notify, at: "2026-09-24 10:00")
        return try step(notified, .list(decisionDocument: "汉应急失信〔2026〕1号", conditions: [.repeatedPenalties]),
                        at: "2026-10-12 10:00")
    }

    func testProposalNeedsAnEntryCondition() throws {
        let error = Support.error {
            try BlackListCase.propose(id: "bl-1", subjectID: "s", conditions: [], at: try Support.china("2026-09-24 09:00"))
        }
        XCTAssertEqual(error, .noEntryCondition)
        XCTAssertEqual(try proposed().state, .proposed)
    }

    func testStatementWindowAcrossMidAutumnAndNationalDay() throws {
        // Notified Thu 2026-09-24; the day itself is not counted. 25–27 Sep 中秋节 holidays;
        // Mon 28 (1), Tue 29 (2), Wed 30 (3); 1–7 Oct 国庆节 holidays; Thu 8 Oct (4), Fri 9 Oct (5)
        // → the window closes Fri 2026-10-09 18:00.
        let notified = try step(try proposed(), .notify, at: "2026-09-24 10:00")
        XCTAssertEqual(notified.state, .notified)
        XCTAssertEqual(notified.notifiedAt, try Support.china("2026-09-24 10:00"))
        XCTAssertEqual(notified.statementDue?.due, try Support.china("2026-10-09 18:00"))

        // A statement at the close of the window is on time; one a second later is refused.
        let stated = try step(notified, .submitStatement(text: "已整改,请求从轻"), at: "2026-10-09 18:00")
        XCTAssertEqual(stated.statement, "已整改,请求从轻")
        let late = Support.error { try self.step(notified, .submitStatement(text: "迟到的陈述"), at: "2026-10-09 18:00:01") }
        XCTAssertEqual(late, .statementWindowClosed(closed: try Support.china("2026-10-09 18:00")))
    }

    func testListingWaitsForTheWindowUnlessTheSubjectHasStated() throws {
        let notified = try step(try proposed(), .notify, at: "2026-09-24 10:00")
        let event = BlackListEvent.list(decisionDocument: "汉应急失信〔2026〕1号", conditions: [.repeatedPenalties])
        // At the close of the window it is still open (a statement then is on time).
        let early = Support.error { try self.step(notified, event, at: "2026-10-09 18:00") }
        XCTAssertEqual(early, .statementWindowOpen(closes: try Support.china("2026-10-09 18:00")))
        XCTAssertEqual(early?.code, "statement_window_open")
        // Sat 2026-10-10 is a 调休 working day; the window has closed.
        let listed = try step(notified, event, at: "2026-10-10 09:00")
        XCTAssertEqual(listed.state, .listed)
        XCTAssertEqual(listed.listedOn, try Support.day("2026-10-10"))
        XCTAssertEqual(listed.decisionDocument, "汉应急失信〔2026〕1号")
        // After a statement the decision need not wait.
        let stated = try step(notified, .submitStatement(text: "无异议"), at: "2026-09-28 10:00")
        XCTAssertEqual(try step(stated, event, at: "2026-09-29 10:00").state, .listed)
    }

    func testListingNeedsAWrittenDecisionAndACondition() throws {
        let notified = try step(try proposed(), .notify, at: "2026-09-24 10:00")
        XCTAssertEqual(Support.error {
            try self.step(notified, .list(decisionDocument: " ", conditions: [.lowGrade]), at: "2026-10-12 10:00")
        }, .required(field: "decisionDocument"))
        XCTAssertEqual(Support.error {
            try self.step(notified, .list(decisionDocument: "文号", conditions: []), at: "2026-10-12 10:00")
        }, .noEntryCondition)
    }

    func testListingPeriods() throws {
        // Listed 2026-10-12: early removal from 2027-10-12 (+12 months), off the list 2029-10-12 (+36).
        let listed = try listed()
        XCTAssertEqual(listed.listedOn, try Support.day("2026-10-12"))
        XCTAssertEqual(listed.listedAt, try Support.china("2026-10-12 10:00"))
        XCTAssertEqual(listed.earlyRemovalFrom, try Support.day("2027-10-12"))
        XCTAssertEqual(listed.listingEndsOn, try Support.day("2029-10-12"))
        XCTAssertFalse(listed.isListed(at: try Support.china("2026-10-11 23:59")))
        XCTAssertTrue(listed.isListed(at: try Support.china("2026-10-12 10:00")))
        XCTAssertTrue(listed.isListed(at: try Support.china("2029-10-11 23:59")))
        XCTAssertFalse(listed.isListed(at: try Support.china("2029-10-12 00:00")))
    }

    func testEarlyRemovalAtExactly12MonthsAndNotTheDayBefore() throws {
        let listed = try listed()
        let tooSoon = Support.error { try self.step(listed, .applyForRemoval(conditions: []), at: "2027-10-11 17:00") }
        XCTAssertEqual(tooSoon, .earlyRemovalTooSoon(from: try Support.day("2027-10-12")))
        let applied = try step(listed, .applyForRemoval(conditions: []), at: "2027-10-12 09:00")
        XCTAssertEqual(applied.state, .removalRequested)
        XCTAssertTrue(applied.isListed(at: try Support.china("2027-10-13 09:00")), "still listed while the application is reviewed")
        let removed = try step(applied, .approveRemoval(conditions: []), at: "2027-10-20 10:00")
        XCTAssertEqual(removed.state, .removed)
        XCTAssertEqual(removed.removal, .early)
        XCTAssertFalse(removed.isListed(at: try Support.china("2027-10-20 10:00")))
    }

    func testEarlyRemovalRefusedWhileAConditionHolds() throws {
        let listed = try listed()
        XCTAssertEqual(Support.error {
            try self.step(listed, .applyForRemoval(conditions: [.lowGrade]), at: "2027-11-01 10:00")
        }, .entryConditionsHold([.lowGrade]))
        let applied = try step(listed, .applyForRemoval(conditions: []), at: "2027-11-01 10:00")
        // A condition arises before the decision: approval is refused by the rules…
        XCTAssertEqual(Support.error {
            try self.step(applied, .approveRemoval(conditions: [.accidentResponsibility]), at: "2027-11-05 10:00")
        }?.code, "entry_conditions_hold")
        // …and the reviewer refuses; the listing continues.
        let refused = try step(applied, .refuseRemoval(reason: "新发生事故"), at: "2027-11-05 10:00")
        XCTAssertEqual(refused.state, .listed)
        XCTAssertEqual(refused.removalRefusalReason, "新发生事故")
    }

    func testExpiryAfterThreeYears() throws {
        let listed = try listed()
        XCTAssertEqual(Support.error { try self.step(listed, .expire, at: "2029-10-11 23:59") },
                       .listingNotEnded(endsOn: try Support.day("2029-10-12")))
        let expired = try step(listed, .expire, at: "2029-10-12 00:00")
        XCTAssertEqual(expired.state, .removed)
        XCTAssertEqual(expired.removal, .expired)
        XCTAssertEqual(expired.removedAt, try Support.china("2029-10-12 00:00"))
    }

    func testDismissal() throws {
        let dismissed = try step(try proposed(), .dismiss(reason: "陈述理由成立"), at: "2026-09-25 10:00")
        XCTAssertEqual(dismissed.state, .dismissed)
        XCTAssertEqual(dismissed.dismissalReason, "陈述理由成立")
        XCTAssertEqual(Support.error { try self.step(try self.proposed(), .dismiss(reason: ""), at: "2026-09-25 10:00") },
                       .required(field: "reason"))
    }

    func testListingTermsComeFromTheRules() throws {
        // A 24-month listing with early removal after 6: listed 2026-10-12 → 2027-04-12 and 2028-10-12.
        var rules = CreditRules.defaults
        rules.blackList.listingMonths = 24
        rules.blackList.earlyRemovalAfterMonths = 6
        let notified = try step(try proposed(), .notify, at: "2026-09-24 10:00")
        let listed = try notified.applying(.list(decisionDocument: "文号", conditions: [.lowGrade]),
                                           at: try Support.china("2026-10-12 10:00"), calculator: Support.calculator(), rules: rules)
        XCTAssertEqual(listed.earlyRemovalFrom, try Support.day("2027-04-12"))
        XCTAssertEqual(listed.listingEndsOn, try Support.day("2028-10-12"))
    }
}
