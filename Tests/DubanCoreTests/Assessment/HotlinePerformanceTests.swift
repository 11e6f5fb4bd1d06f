import DubanCore
import Foundation
import XCTest

/// SPEC §4: "bi-monthly hotline scoring of 100 units over 500,000 cases (≤ 1 s)". Runs only with
/// `DUBAN_PERF=1` (it builds half a million cases), best in a release build:
/// `DUBAN_PERF=1 swift test -c release --filter HotlinePerformanceTests`. It prints the times and
/// checks only that the result is consistent, never the clock.
final class HotlinePerformanceTests: XCTestCase {
    /// SplitMix64: the same cases on every run and machine.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// `count` cases for 100 units, assigned over August–October 2026 (August falls outside the
    /// period), with late sign-fors, overdue and open cases, returns, extensions, answers and flags.
    static func syntheticCases(count: Int, seed: UInt64 = 2026) throws -> [HotlineCaseInput] {
        var random = Generator(state: seed)
        let units = (0..<100).map { "单位\($0 < 10 ? "0" : "")\($0)" }
        let august = try XCTUnwrap(LocalDate(year: 2026, month: 8, day: 25)).chinaDate()
        let answers: [HotlineSatisfaction?] = [nil, .verySatisfied, .satisfied, .satisfied, .basicallySatisfied,
                                               .satisfied, .verySatisfied, .satisfied, .satisfied, .dissatisfied]
        let flagged = try HotlineCaseFlags(thinReply: 1, shirked: 1)
        var cases: [HotlineCaseInput] = []
        cases.reserveCapacity(count)
        for index in 0..<count {
            let assigned = august.addingTimeInterval(TimeInterval(random.next(68 * 86_400 / 60) * 60))
            let roll = random.next(100)
            let signed: Date? = roll < 2 ? nil
                : assigned.addingTimeInterval(TimeInterval(roll < 12 ? random.next(3 * 86_400) : random.next(3 * 3600)))
            let due = assigned.addingTimeInterval(7 * 86_400)
            let closeRoll = random.next(100)
            let closed: Date? = closeRoll < 5 ? nil
                : assigned.addingTimeInterval(TimeInterval(closeRoll < 10 ? 8 * 86_400 : random.next(6 * 86_400)))
            var returns: [HotlineReturn] = []
            if random.next(100) < 3 {
                returns = [HotlineReturn(at: assigned.addingTimeInterval(TimeInterval(random.next(3 * 86_400))))]
            }
            var extensions: [HotlineExtension] = []
            if random.next(100) < 5 {
                for step in 0...random.next(3) {
                    let previous = due.addingTimeInterval(TimeInterval(step) * 86_400)
                    extensions.append(HotlineExtension(
                        requestedAt: previous.addingTimeInterval(-TimeInterval(random.next(3 * 86_400))),
                        previousDueAt: previous, newDueAt: previous.addingTimeInterval(86_400)))
                }
            }
            cases.append(HotlineCaseInput(
                id: "C\(index)", unit: units[random.next(units.count)], assignedAt: assigned, signedAt: signed,
                dueAt: extensions.last?.newDueAt ?? due, closedAt: closed, returns: returns, extensions: extensions,
                satisfaction: answers[random.next(answers.count)], excludedFromRate: random.next(100) < 2,
                evaluatorDissatisfied: random.next(100) < 1, flags: random.next(100) < 1 ? flagged : .noFindings))
        }
        return cases
    }

    func testScoringHalfAMillionCases() throws {
        guard ProcessInfo.processInfo.environment["DUBAN_PERF"] == "1" else {
            throw XCTSkip("set DUBAN_PERF=1 to run the 500,000-case scoring benchmark")
        }
        let calculator = try CalendarTestSupport.chinaCalculator()
        let period = try AssessmentPeriod("2026-09/2026-10")
        let cases = try Self.syntheticCases(count: 500_000)
        let clock = ContinuousClock()
        var assessment: HotlineAssessment?
        var times: [Duration] = []
        for _ in 0..<3 {
            times.append(try clock.measure {
                assessment = try HotlineScoring.score(cases: cases, units: [], period: period, calculator: calculator)
            })
        }
        let result = try XCTUnwrap(assessment)
        let inPeriod = cases.filter { period.contains($0.assignedAt) }.count
        XCTAssertEqual(result.units.count, 100)
        XCTAssertEqual(result.units.reduce(0) { $0 + $1.cases }, inPeriod)
        let deductions = result.units.reduce(0) { $0 + $1.deductions.count }
        print("hotline scoring: \(cases.count) cases (\(inPeriod) in \(period)), 100 units, \(deductions) deductions; "
              + "times \(times.map { "\($0)" }.joined(separator: ", "))")

        let lines = try cases.prefix(100_000).map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let jsonl = Data(lines.joined(separator: "\n").utf8)
        var parsed: [HotlineCaseInput] = []
        let parseTime = try clock.measure { parsed = try HotlineAssessmentInput.parseCases(jsonl: jsonl) }
        XCTAssertEqual(parsed.count, 100_000)
        print("hotline JSONL parsing: 100000 lines, \(jsonl.count) bytes in \(parseTime)")
    }
}
