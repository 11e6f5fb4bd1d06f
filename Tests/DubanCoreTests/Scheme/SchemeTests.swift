@testable import DubanCore
import Foundation
import XCTest

/// Data-defined schemes (issue #6 point 5), expectations worked out by hand.
final class SchemeTests: XCTestCase {
    private let example = AssessmentScheme.trafficCampaignMonthlyExample

    func testTheExampleValidatesAndRoundTripsThroughJSON() throws {
        XCTAssertNoThrow(try example.validate())
        let data = try JSONEncoder().encode(example)
        XCTAssertEqual(try JSONDecoder().decode(AssessmentScheme.self, from: data), example)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"kind\":\"rateBands\""), text)
        // 40 + 20 + 10 + 10 + 20 = 100.
        XCTAssertEqual(example.totalPoints, ScorePoints(100))
    }

    func testASchemeWrittenAsJSON() throws {
        let json = """
        {"code":"x","name":"示例","cadence":"quarterly","totalPoints":10,"items":[
          {"code":"a","name":"超期","points":6,"rule":{"kind":"perOccurrence","metric":"overdueItems","points":1.5}},
          {"code":"b","name":"人工","points":4,"rule":{"kind":"manual"}}]}
        """
        let scheme = try JSONDecoder().decode(AssessmentScheme.self, from: Data(json.utf8))
        XCTAssertEqual(scheme.cadence.months, 3)
        XCTAssertNoThrow(try scheme.validate())
        // 3 overdue × 1.5 = 4.5 → a = 1.5; b has no entry → 4, flagged; total 5.5.
        let scores = try SchemeScoring.score(scheme: scheme, facts: [SchemeUnitFacts(unit: "甲", overdueItems: 3)])
        XCTAssertEqual(scores[0].total, ScorePoints(tenThousandths: 55_000))
        XCTAssertEqual(scores[0].items.map(\.manualMissing), [false, true])
        let unknown = json.replacingOccurrences(of: "\"kind\":\"manual\"", with: "\"kind\":\"bonus\"")
        XCTAssertThrowsError(try JSONDecoder().decode(AssessmentScheme.self, from: Data(unknown.utf8)))
    }

    func testScoringTheExample() throws {
        let facts = [
            // 甲: 9/10 = 90 % → band ≥ 90 → −10 → T1 30; 1 overdue → −5 → T2 15; 3 red → −15 floored at 10 → T3 0;
            // 0 yellow → T4 10; manual −2.5 → T5 17.5. Total 30 + 15 + 0 + 10 + 17.5 = 72.5.
            SchemeUnitFacts(unit: "甲", overdueItems: 1, redCards: 3, itemsDue: 10, itemsClosedOnTime: 9),
            // 乙: 10/10 → 40; 20; 10; 1 yellow → 8; manual missing → 20. Total 98.
            SchemeUnitFacts(unit: "乙", yellowCards: 1, itemsDue: 10, itemsClosedOnTime: 10),
            // 丙: nothing due → no rate deduction → 40; 20; 10; 10; manual −2 → 18. Total 98.
            SchemeUnitFacts(unit: "丙"),
        ]
        let manual: [String: [String: ScorePoints]] = ["甲": ["T5": ScorePoints(hundredths: 250)], "丙": ["T5": ScorePoints(2)]]
        let scores = try SchemeScoring.score(scheme: example, facts: facts, manual: manual)
        // 丙 and 乙 tie at 98 and are listed by name (丙 U+4E19 before 乙 U+4E59).
        XCTAssertEqual(scores.map(\.unit), ["丙", "乙", "甲"])
        XCTAssertEqual(scores.map(\.total), [ScorePoints(98), ScorePoints(98), ScorePoints(hundredths: 7250)])
        XCTAssertEqual(scores.map(\.rank), [1, 1, 3])
        let jia = try XCTUnwrap(scores.first { $0.unit == "甲" })
        XCTAssertEqual(jia.items.map(\.score), [ScorePoints(30), ScorePoints(15), .zero, ScorePoints(10), ScorePoints(hundredths: 1750)])
        XCTAssertEqual(jia.items[2].deduction, ScorePoints(10))
        XCTAssertEqual(jia.items[2].occurrences, 3)
        XCTAssertEqual(jia.items[0].rate, ExactRate(9, of: 10))
        let bing = try XCTUnwrap(scores.first { $0.unit == "丙" })
        XCTAssertNil(bing.items[0].rate)
        XCTAssertEqual(bing.items[0].deduction, .zero)
    }

    func testRateBandsAreLowerBoundInclusive() throws {
        func t1(_ onTime: Int, of due: Int) throws -> ScorePoints {
            try SchemeScoring.score(scheme: example, facts: [SchemeUnitFacts(unit: "甲", itemsDue: due, itemsClosedOnTime: onTime)])[0].items[0].score
        }
        XCTAssertEqual(try t1(9, of: 10), ScorePoints(30))        // 90 % exactly: band ≥ 90, −10
        XCTAssertEqual(try t1(8999, of: 10000), ScorePoints(20))  // 89.99 %: band ≥ 80, −20
        XCTAssertEqual(try t1(3, of: 5), ScorePoints(10))         // 60 % exactly: band ≥ 60, −30
        XCTAssertEqual(try t1(0, of: 5), .zero)                   // 0 %: band ≥ 0, −40
    }

    func testValidationNamesTheField() {
        func field(_ change: (inout AssessmentScheme) -> Void) -> String? {
            var scheme = example
            change(&scheme)
            do { try scheme.validate(); return nil } catch { return (error as? SchemeError)?.field }
        }
        XCTAssertEqual(field { $0.items[1].code = "T1" }, "items[1].code")
        XCTAssertEqual(field { $0.items[1].points = .zero }, "items[1].points")
        XCTAssertEqual(field { $0.totalPoints = ScorePoints(99) }, "totalPoints")
        XCTAssertEqual(field { $0.code = " " }, "code")
        XCTAssertEqual(field { $0.items = [] }, "items")
        XCTAssertEqual(field { $0.items[1].rule = .perOccurrence(metric: .onTimeRate, points: ScorePoints(1)) }, "items[1].rule.metric")
        XCTAssertEqual(field { $0.items[1].rule = .perOccurrence(metric: .redCards, points: .zero) }, "items[1].rule.points")
        func bands(_ bands: [RateBand]) -> (inout AssessmentScheme) -> Void {
            { $0.items[0].rule = .rateBands(metric: .onTimeRate, bands: bands) }
        }
        XCTAssertEqual(field { $0.items[0].rule = .rateBands(metric: .redCards, bands: [RateBand(atLeastPercent: 0, deduction: .zero)]) },
                       "items[0].rule.metric")
        XCTAssertEqual(field(bands([])), "items[0].rule.bands")
        // Not descending (overlapping bounds).
        XCTAssertEqual(field(bands([RateBand(atLeastPercent: 90, deduction: .zero), RateBand(atLeastPercent: 90, deduction: ScorePoints(1)),
                                    RateBand(atLeastPercent: 0, deduction: ScorePoints(2))])), "items[0].rule.bands[1].atLeastPercent")
        // The last band must start at 0 %.
        XCTAssertEqual(field(bands([RateBand(atLeastPercent: 90, deduction: .zero), RateBand(atLeastPercent: 60, deduction: ScorePoints(1))])),
                       "items[0].rule.bands[1].atLeastPercent")
        // A deduction above the item's 40 points, and a lower band deducting less.
        XCTAssertEqual(field(bands([RateBand(atLeastPercent: 0, deduction: ScorePoints(41))])), "items[0].rule.bands[0].deduction")
        XCTAssertEqual(field(bands([RateBand(atLeastPercent: 90, deduction: ScorePoints(5)), RateBand(atLeastPercent: 0, deduction: ScorePoints(1))])),
                       "items[0].rule.bands[1].deduction")
        XCTAssertEqual(field(bands([RateBand(atLeastPercent: 101, deduction: .zero), RateBand(atLeastPercent: 0, deduction: .zero)])),
                       "items[0].rule.bands[0].atLeastPercent")
    }

    func testScoringInputsAreChecked() {
        func field(_ facts: [SchemeUnitFacts], _ manual: [String: [String: ScorePoints]] = [:]) -> String? {
            do { _ = try SchemeScoring.score(scheme: example, facts: facts, manual: manual); return nil }
            catch { return (error as? SchemeError)?.field }
        }
        XCTAssertEqual(field([SchemeUnitFacts(unit: "甲"), SchemeUnitFacts(unit: "甲")]), "facts[1].unit")
        XCTAssertEqual(field([SchemeUnitFacts(unit: "甲", itemsDue: 1, itemsClosedOnTime: 2)]), "facts[0]")
        XCTAssertEqual(field([SchemeUnitFacts(unit: "甲")], ["乙": ["T5": .zero]]), "manual.乙")
        XCTAssertEqual(field([SchemeUnitFacts(unit: "甲")], ["甲": ["T1": .zero]]), "manual.甲.T1")
        XCTAssertEqual(field([SchemeUnitFacts(unit: "甲")], ["甲": ["T5": ScorePoints(-1)]]), "manual.甲.T5")
        // A manual deduction above the item's points is capped: T5 20 − min(25, 20) = 0.
        XCTAssertEqual(try? SchemeScoring.score(scheme: example, facts: [SchemeUnitFacts(unit: "甲")],
                                                manual: ["甲": ["T5": ScorePoints(25)]])[0].items[4].score, .zero)
    }
}
