@testable import DubanCore
import Foundation
import XCTest

/// Item 13 (30 points): rate = (非常满意 + 满意 + 基本满意) / eligible cases; bands with inclusive
/// lower bounds (000 阳政办(2017)33号 附件7 (13), SPEC A2).
final class HotlineSatisfactionRateTests: XCTestCase {
    private typealias Support = AssessmentTestSupport

    /// `satisfied` satisfied cases (cycling through the three satisfied answers) and the rest
    /// dissatisfied, `total` in all.
    private func rated(_ satisfied: Int, of total: Int) throws -> [HotlineCaseInput] {
        let answers: [HotlineSatisfaction] = [.verySatisfied, .satisfied, .basicallySatisfied]
        return try (0..<total).map { index in
            try Support.hotlineCase("R\(index)", assigned: "2026-09-15 09:00",
                                    satisfaction: index < satisfied ? answers[index % 3] : .dissatisfied)
        }
    }

    private func item13(_ satisfied: Int, of total: Int, file: StaticString = #filePath, line: UInt = #line) throws
        -> ScorePoints {
        try Support.only(try Support.score(try rated(satisfied, of: total)), file: file, line: line).items[.satisfaction]
    }

    func testBandsAtTheirBoundsAndJustBelow() throws {
        // (satisfied, eligible, rate, deduction → score)
        let table: [(Int, Int, String)] = [
            (20, 20, "30"),   // 100 % → 0
            (19, 20, "30"),   // 95 % → 0
            (189, 200, "28"), // 94.5 % → −2
            (18, 20, "28"),   // 90 % → −2
            (179, 200, "25"), // 89.5 % → −5
            (17, 20, "25"),   // 85 % → −5
            (169, 200, "22"), // 84.5 % → −8
            (16, 20, "22"),   // 80 % → −8
            (159, 200, "20"), // 79.5 % → −10
            (15, 20, "20"),   // 75 % → −10
            (149, 200, "15"), // 74.5 % → −15
            (14, 20, "15"),   // 70 % → −15
            (139, 200, "10"), // 69.5 % → −20
            (12, 20, "10"),   // 60 % → −20
            (119, 200, "5"),  // 59.5 % → −25
            (0, 3, "5"),      // 0 % → −25
        ]
        for (satisfied, total, expected) in table {
            XCTAssertEqual(try item13(satisfied, of: total), try Support.points(expected), "\(satisfied)/\(total)")
        }
    }

    func testNoEligibleCaseKeepsFullMarks() throws {
        // No follow-up answers at all, and only excluded answers: 30.
        let unanswered = try Support.hotlineCase("A", assigned: "2026-09-15 09:00")
        let excluded = try Support.hotlineCase("B", assigned: "2026-09-15 09:00", satisfaction: .dissatisfied,
                                               excludedFromRate: true)
        let unit = try Support.only(try Support.score([unanswered, excluded]))
        XCTAssertEqual(unit.items[.satisfaction], ScorePoints(30))
        XCTAssertEqual(unit.satisfactionTally, HotlineSatisfactionTally(eligible: 0, satisfied: 0))
        XCTAssertNil(unit.satisfactionTally.ratePercent)
    }

    func testExcludedCasesAreNotCounted() throws {
        // 18 satisfied + 2 dissatisfied would be 90 % (−2); with the 2 excluded it is 18/18 = 100 % → 30.
        var cases = try rated(18, of: 20)
        cases[18].excludedFromRate = true
        cases[19].excludedFromRate = true
        let unit = try Support.only(try Support.score(cases))
        XCTAssertEqual(unit.items[.satisfaction], ScorePoints(30))
        XCTAssertEqual(unit.satisfactionTally, HotlineSatisfactionTally(eligible: 18, satisfied: 18))
        XCTAssertEqual(unit.deductions(for: .satisfaction), [])
    }

    func testDissatisfiedCasesAreListedWithTheRate() throws {
        // 18/20 = 90 %: the two dissatisfied cases are listed (0 points each; the band costs 2 once).
        let unit = try Support.only(try Support.score(try rated(18, of: 20)))
        XCTAssertEqual(unit.deductions(for: .satisfaction), [
            HotlineDeduction(item: .satisfaction, caseID: "R18", reason: .dissatisfied, points: .zero),
            HotlineDeduction(item: .satisfaction, caseID: "R19", reason: .dissatisfied, points: .zero),
        ])
        XCTAssertEqual(unit.satisfactionTally.ratePercent, ScorePoints(90))
        // 2/3 = 66.666…% → 66.67.
        XCTAssertEqual(HotlineSatisfactionTally(eligible: 3, satisfied: 2).ratePercent, try Support.points("66.67"))
    }

    func testBandsFollowThePolicy() throws {
        // An administrator's bands: ≥ 80 % → 0, below → 10; 16/20 = 80 % → 30, 15/20 → 20.
        var policy = HotlineScoringPolicy.standard
        policy.satisfactionBands = [SatisfactionBand(minimumPercent: 0, deduction: ScorePoints(10)),
                                    SatisfactionBand(minimumPercent: 80, deduction: .zero)]
        let at80 = try Support.only(try Support.score(try rated(16, of: 20), policy: policy))
        let at75 = try Support.only(try Support.score(try rated(15, of: 20), policy: policy))
        XCTAssertEqual(at80.items[.satisfaction], ScorePoints(30))
        XCTAssertEqual(at75.items[.satisfaction], ScorePoints(20))
    }
}
