@testable import DubanCore
import Foundation
import XCTest

final class DashboardRulesTests: XCTestCase {
    /// 2026-11-23 (a Monday) 20:30 China time.
    let monday = LocalDate(year: 2026, month: 11, day: 23)!.chinaDate(hour: 20, minute: 30)

    func testEndOfTodayIsChinaMidnight() {
        XCTAssertEqual(DashboardDay.endOfToday(monday), LocalDate(year: 2026, month: 11, day: 24)!.chinaDate())
        // 23:59:59 is still today; 00:00 is the next day.
        let late = LocalDate(year: 2026, month: 11, day: 23)!.chinaDate(hour: 23, minute: 59, second: 59)
        XCTAssertEqual(DashboardDay.endOfToday(late), LocalDate(year: 2026, month: 11, day: 24)!.chinaDate())
        XCTAssertEqual(DashboardDay.endOfToday(LocalDate(year: 2026, month: 11, day: 24)!.chinaDate()),
                       LocalDate(year: 2026, month: 11, day: 25)!.chinaDate())
    }

    func testWeeksStartOnMonday() {
        let weeks = DashboardDay.weekStarts(monday, count: 3)
        XCTAssertEqual(weeks, [LocalDate(year: 2026, month: 11, day: 9)!.chinaDate(), LocalDate(year: 2026, month: 11, day: 16)!.chinaDate(),
                               LocalDate(year: 2026, month: 11, day: 23)!.chinaDate()])
        // A Sunday belongs to the week that began six days before.
        let sunday = LocalDate(year: 2026, month: 11, day: 22)!.chinaDate(hour: 12)
        XCTAssertEqual(DashboardDay.weekStarts(sunday, count: 1), [LocalDate(year: 2026, month: 11, day: 16)!.chinaDate()])
    }

    func testPanelsByRole() {
        XCTAssertEqual(DashboardPanel.panels(for: .leader), DashboardPanel.allCases)
        XCTAssertEqual(DashboardPanel.panels(for: .evaluator), [.work])
        XCTAssertFalse(DashboardPanel.panels(for: .dispatcher).contains(.credit))
        XCTAssertTrue(Role.allCases.allSatisfy { DashboardPanel.panels(for: $0).first == .work })
    }

    func testHotlineKPIsCountEachLateCaseOnce() {
        func unit(_ name: String, cases: Int, deductions: [HotlineDeduction], eligible: Int, satisfied: Int) -> HotlineUnitScore {
            HotlineUnitScore(unit: name, items: .full, base: ScorePoints(100), bonus: .zero, penalty: .zero, total: ScorePoints(100), rank: 1,
                             cases: cases, deductions: deductions, satisfactionTally: HotlineSatisfactionTally(eligible: eligible, satisfied: satisfied))
        }
        let point = ScorePoints(hundredths: 10)
        // Case c1 signed late and closed late; c2 closed late and also extended late (still one late completion);
        // c3 unsigned at period end.
        let a = unit("建桥街", cases: 10, deductions: [
            HotlineDeduction(item: .signFor, caseID: "c1", reason: .signedLate, points: point),
            HotlineDeduction(item: .completion, caseID: "c1", reason: .closedLate, points: ScorePoints(1)),
            HotlineDeduction(item: .completion, caseID: "c2", reason: .closedLate, points: ScorePoints(1)),
            HotlineDeduction(item: .completion, caseID: "c2", reason: .extensionRequestedLate, points: point),
            HotlineDeduction(item: .signFor, caseID: "c3", reason: .unsignedAtPeriodEnd, points: point),
        ], eligible: 8, satisfied: 7)
        let b = unit("永丰街", cases: 5, deductions: [], eligible: 4, satisfied: 4)
        let assessment = HotlineAssessment(period: try! AssessmentPeriod("2026-09/2026-10"), units: [a, b])
        let all = HotlineKPIs(assessment)
        XCTAssertEqual(all, HotlineKPIs(cases: 15, signedLate: 2, completedLate: 2, satisfactionEligible: 12, satisfied: 11))
        XCTAssertEqual(all.signForOnTimePercent, 86.7)  // 13 / 15
        XCTAssertEqual(all.completionOnTimePercent, 86.7)
        XCTAssertEqual(all.satisfactionPercent, 91.7)  // 11 / 12
        let one = HotlineKPIs(assessment, units: ["永丰街"])
        XCTAssertEqual(one.signForOnTimePercent, 100)
        XCTAssertNil(HotlineKPIs(assessment, units: ["汉阳区"]).signForOnTimePercent, "no cases, no rate")
    }

    func testReportPeriodsFollowTheSeedCadences() {
        // Weekly: the Thursday before Monday 23 November 2026, covering the 7 days before it.
        let weekly = ReportSchedule.latestDue(.weeklyBulletin, now: monday)
        XCTAssertEqual(weekly?.key, "2026-11-19")
        XCTAssertEqual(weekly?.start, LocalDate(year: 2026, month: 11, day: 12)!.chinaDate())
        XCTAssertEqual(weekly?.end, LocalDate(year: 2026, month: 11, day: 19)!.chinaDate())
        XCTAssertEqual(weekly?.sequence, 47)  // 1 January 2026 was a Thursday: the 47th Thursday.
        // On a Thursday itself, that Thursday's bulletin is due.
        XCTAssertEqual(ReportSchedule.latestDue(.weeklyBulletin, now: LocalDate(year: 2026, month: 11, day: 26)!.chinaDate(hour: 9))?.key,
                       "2026-11-26")
        // Monthly on the 20th (before the 25th): the 23rd is past it.
        XCTAssertEqual(ReportSchedule.latestDue(.monthlyLedger, now: monday)?.key, "2026-11")
        XCTAssertEqual(ReportSchedule.latestDue(.monthlyLedger, now: monday, monthlyDay: 24)?.key, "2026-10")
        XCTAssertEqual(ReportSchedule.latestDue(.monthlyLedger, now: LocalDate(year: 2026, month: 1, day: 5)!.chinaDate())?.key, "2025-12")
        // Bi-monthly: the period before November–December.
        XCTAssertEqual(ReportSchedule.latestDue(.bimonthlyHotline, now: monday)?.key, "2026-09/2026-10")
        XCTAssertEqual(ReportSchedule.latestDue(.bimonthlyHotline, now: LocalDate(year: 2027, month: 2, day: 1)!.chinaDate())?.key,
                       "2026-11/2026-12")
        // Quarterly: the third quarter, issued on 1 October.
        let quarter = ReportSchedule.latestDue(.quarterlyRanking, now: monday)
        XCTAssertEqual(quarter?.key, "2026Q3")
        XCTAssertEqual(quarter?.issuedOn, LocalDate(year: 2026, month: 10, day: 1))
        XCTAssertEqual(ReportSchedule.latestDue(.quarterlyRanking, now: LocalDate(year: 2027, month: 3, day: 1)!.chinaDate())?.key, "2026Q4")
    }
}
