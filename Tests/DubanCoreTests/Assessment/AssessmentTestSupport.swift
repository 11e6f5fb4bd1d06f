@testable import DubanCore
import Foundation
import XCTest

/// Builders shared by the assessment tests: cases that break no rule unless told to, on the real
/// 2026 calendar (Resources/calendar/china.json: 2026-09-25…27 中秋节, 2026-10-01…07 国庆节,
/// 2026-09-20 and 2026-10-10 are weekend days made working days).
enum AssessmentTestSupport {
    /// The real China calendar with 09:00–12:00, 13:00–18:00.
    static func calculator() throws -> DeadlineCalculator {
        try CalendarTestSupport.chinaCalculator()
    }

    /// The usual bi-monthly period 2026-09/2026-10.
    static func period() throws -> AssessmentPeriod {
        try AssessmentPeriod("2026-09/2026-10")
    }

    /// China wall-clock time `2026-09-11 16:00`.
    static func at(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        try CalendarTestSupport.china(text, file: file, line: line)
    }

    /// A case assigned at `assigned` (China time) that breaks no rule unless told to: signed 30
    /// minutes later (or at `signed`; never with `unsigned`), due 10 days later (or at `due`),
    /// closed a day later (or at `closed`; never with `open`), no follow-up answer.
    static func hotlineCase(
        _ id: String, unit: String = "建桥街", assigned: String, signed: String? = nil, unsigned: Bool = false,
        due: String? = nil, closed: String? = nil, open: Bool = false, returns: [String] = [],
        extensions: [(requested: String, previousDue: String, newDue: String)] = [],
        satisfaction: HotlineSatisfaction? = nil, excludedFromRate: Bool = false,
        evaluatorDissatisfied: Bool = false, flags: HotlineCaseFlags = .noFindings,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> HotlineCaseInput {
        let assignedAt = try at(assigned, file: file, line: line)
        let signedAt = try signed.map { try at($0, file: file, line: line) } ?? assignedAt.addingTimeInterval(1800)
        let closedAt = try closed.map { try at($0, file: file, line: line) } ?? assignedAt.addingTimeInterval(86_400)
        return HotlineCaseInput(
            id: id, unit: unit, assignedAt: assignedAt, signedAt: unsigned ? nil : signedAt,
            dueAt: try due.map { try at($0, file: file, line: line) } ?? assignedAt.addingTimeInterval(10 * 86_400),
            closedAt: open ? nil : closedAt,
            returns: try returns.map { HotlineReturn(at: try at($0, file: file, line: line)) },
            extensions: try extensions.map {
                HotlineExtension(requestedAt: try at($0.requested, file: file, line: line),
                                 previousDueAt: try at($0.previousDue, file: file, line: line),
                                 newDueAt: try at($0.newDue, file: file, line: line))
            },
            satisfaction: satisfaction, excludedFromRate: excludedFromRate,
            evaluatorDissatisfied: evaluatorDissatisfied, flags: flags)
    }

    /// Scores `cases` and `units` for 2026-09/2026-10 on the real calendar.
    static func score(_ cases: [HotlineCaseInput], units: [HotlineUnitInput] = [],
                      policy: HotlineScoringPolicy = .standard) throws -> HotlineAssessment {
        try HotlineScoring.score(cases: cases, units: units, period: period(), calculator: calculator(), policy: policy)
    }

    /// The one unit's line of an assessment that must have exactly one unit.
    static func only(_ assessment: HotlineAssessment, file: StaticString = #filePath, line: UInt = #line) throws
        -> HotlineUnitScore {
        XCTAssertEqual(assessment.units.count, 1, file: file, line: line)
        return try XCTUnwrap(assessment.units.first, file: file, line: line)
    }

    /// Points written as text, `"4.9"`, for readable expectations.
    static func points(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> ScorePoints {
        try XCTUnwrap(Double(text).flatMap(ScorePoints.init(exactly:)), "not points: \(text)", file: file, line: line)
    }
}
