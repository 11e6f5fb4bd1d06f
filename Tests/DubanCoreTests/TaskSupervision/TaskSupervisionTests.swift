@testable import DubanCore
import XCTest

/// Task supervision of 001 阳政办(2018)11号/12号, expectations worked out by hand.
final class TaskSupervisionTests: XCTestCase {
    /// China time `2026-09-10 09:00`, or a bare date `2026-09-10` for the end of that day (24:00).
    private func at(_ text: String) throws -> Date {
        text.count == 10 ? try CalendarTestSupport.day(text).chinaDate(hour: 24) : try CalendarTestSupport.china(text)
    }

    /// A task of `unit` due at `due` (China time), closed at `closed`.
    private func task(_ id: String, _ unit: String, due: String, closed: String? = nil, yellow: Int = 0, red: Int = 0) throws -> SupervisedTask {
        SupervisedTask(id: id, unit: unit, due: try at(due), closedAt: try closed.map { try at($0) }, yellowCards: yellow, redCards: red)
    }

    func testQuarterlyBreakdownAndRanking() throws {
        let quarter = try AssessmentPeriod("2026-07/2026-09")
        let tasks = [
            // 丙: 2 due, both on time → 2/2 = 100 %.
            try task("1", "丙", due: "2026-07-31", closed: "2026-07-30 10:00"),
            try task("2", "丙", due: "2026-09-30", closed: "2026-09-30"), // closed at the deadline (24:00): on time
            // 甲: 4 due, 3 on time, 1 late → 3/4; 1 yellow.
            try task("1", "甲", due: "2026-07-10", closed: "2026-07-10 09:00"),
            try task("2", "甲", due: "2026-08-10", closed: "2026-08-10 09:00"),
            try task("3", "甲", due: "2026-09-10", closed: "2026-09-10 09:00"),
            try task("4", "甲", due: "2026-09-15", closed: "2026-09-16 00:01", yellow: 1),
            // 乙: 4 due, 3 on time, 1 open and overdue → 3/4; 1 yellow on a task due next quarter.
            try task("1", "乙", due: "2026-07-10", closed: "2026-07-10 09:00"),
            try task("2", "乙", due: "2026-08-10", closed: "2026-08-10 09:00"),
            try task("3", "乙", due: "2026-09-10", closed: "2026-09-10 09:00"),
            try task("4", "乙", due: "2026-09-20"),
            try task("5", "乙", due: "2026-12-31", yellow: 1),
            // 丁: 3/4 like 甲 but with a red card → below 甲 and 乙.
            try task("1", "丁", due: "2026-07-10", closed: "2026-07-10 09:00"),
            try task("2", "丁", due: "2026-08-10", closed: "2026-08-10 09:00"),
            try task("3", "丁", due: "2026-09-10", closed: "2026-09-10 09:00"),
            try task("4", "丁", due: "2026-09-20", red: 1),
            // 戊: the only task is due at 2026-07-01 00:00 = 30 June 24:00, the previous quarter: nothing due.
            try task("1", "戊", due: "2026-07-01 00:00"),
        ]
        let report = try TaskSupervision.summarize(tasks: tasks, period: quarter, at: try at("2026-10-08 10:00"))
        XCTAssertEqual(report.units.map(\.unit), ["丙", "乙", "甲", "丁", "戊"])
        // 丙 1; 乙 and 甲 tied on 3/4, 0 red, 1 yellow → 2, 2 (listed by name); 丁 4; 戊 unranked.
        XCTAssertEqual(report.units.map(\.rank), [1, 2, 2, 4, nil])
        let jia = try XCTUnwrap(report.units.first { $0.unit == "甲" })
        XCTAssertEqual([jia.tasksDue, jia.closedOnTime, jia.closedLate, jia.openOverdue, jia.openNotYetDue], [4, 3, 1, 0, 0])
        XCTAssertEqual(jia.onTimeRate, ExactRate(3, of: 4))
        let yi = try XCTUnwrap(report.units.first { $0.unit == "乙" })
        XCTAssertEqual([yi.tasksDue, yi.closedOnTime, yi.closedLate, yi.openOverdue, yi.yellowCards], [4, 3, 0, 1, 1])
        let bing = try XCTUnwrap(report.units.first { $0.unit == "丙" })
        XCTAssertEqual(bing.onTimeRate, ExactRate(2, of: 2))
        let wu = try XCTUnwrap(report.units.first { $0.unit == "戊" })
        XCTAssertEqual(wu.tasksDue, 0)
        XCTAssertNil(wu.onTimeRate)
    }

    func testAMonthStillRunning() throws {
        // At 2026-09-15 12:00, a task due 09-20 and open is not yet due; one due 09-10 and open is overdue.
        let report = try TaskSupervision.summarize(tasks: [
            try task("1", "甲", due: "2026-09-20"),
            try task("2", "甲", due: "2026-09-10"),
            try task("3", "甲", due: "2026-09-12", closed: "2026-09-16 10:00"), // closed after `at`: still open then
        ], period: try AssessmentPeriod("2026-09/2026-09"), at: try at("2026-09-15 12:00"))
        let unit = try XCTUnwrap(report.units.first)
        XCTAssertEqual([unit.tasksDue, unit.closedOnTime, unit.closedLate, unit.openOverdue, unit.openNotYetDue], [3, 0, 0, 2, 1])
        XCTAssertEqual(unit.onTimeRate, ExactRate(0, of: 3))
        XCTAssertEqual(unit.rank, 1)
    }

    func testRankingTiesShareARank() {
        func unit(_ name: String, _ onTime: Int, _ due: Int, red: Int = 0, yellow: Int = 0) -> TaskUnitSummary {
            TaskUnitSummary(unit: name, tasksDue: due, closedOnTime: onTime, closedLate: 0, openOverdue: 0, openNotYetDue: 0,
                            yellowCards: yellow, redCards: red, onTimeRate: ExactRate(onTime, of: due), rank: nil)
        }
        // 1/2 and 2/4 are the same rate; fewer yellow cards wins only when rate and red cards tie.
        let ranked = TaskSupervision.rank([unit("d", 1, 2, yellow: 1), unit("c", 2, 4), unit("b", 1, 2), unit("a", 9, 10, red: 3)])
        XCTAssertEqual(ranked.map(\.unit), ["a", "b", "c", "d"])
        XCTAssertEqual(ranked.map(\.rank), [1, 2, 2, 4])
    }

    func testPeriodsAndInputsAreChecked() throws {
        let at = try at("2026-10-08 10:00")
        func field(_ period: String, _ tasks: [SupervisedTask] = []) -> String? {
            do { _ = try TaskSupervision.summarize(tasks: tasks, period: try AssessmentPeriod(period), at: at); return nil }
            catch { return (error as? SupervisionError)?.field }
        }
        XCTAssertEqual(field("2026-08/2026-10"), "period") // three months, not a calendar quarter
        XCTAssertEqual(field("2026-09/2026-10"), "period")
        XCTAssertNil(field("2026-10/2026-12"))
        XCTAssertEqual(field("2026-09/2026-09", [try task("1", "甲", due: "2026-09-01"), try task("1", "甲", due: "2026-09-02")]),
                       "tasks[1].id")
        XCTAssertEqual(field("2026-09/2026-09", [try task("1", "", due: "2026-09-01")]), "tasks[0].unit")
        XCTAssertEqual(field("2026-09/2026-09", [try task("1", "甲", due: "2026-09-01", red: -1)]), "tasks[0].redCards")
    }
}
