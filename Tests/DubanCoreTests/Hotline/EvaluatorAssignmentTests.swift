@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件3 第四条: "按比例和岗位代码自动分派给评价员".
final class EvaluatorAssignmentTests: XCTestCase {
    private let evaluators = [
        HotlineEvaluator(positionCode: "P01", name: "甲", ratio: 2),
        HotlineEvaluator(positionCode: "P02", name: "乙", ratio: 1),
        HotlineEvaluator(positionCode: "P03", name: "丙", ratio: 1),
    ]

    private func run(_ cases: Int, _ evaluators: [HotlineEvaluator], counts start: [String: Int] = [:]) throws -> (order: [String], counts: [String: Int]) {
        var counts = start
        var order: [String] = []
        for index in 0..<cases {
            let decision = try EvaluatorAssignment.assign(caseID: "c\(index)", evaluators: evaluators, assignedCounts: counts)
            XCTAssertEqual(decision.caseID, "c\(index)")
            order.append(decision.positionCode)
            counts[decision.positionCode, default: 0] += 1
        }
        return (order, counts)
    }

    func testFirstAssignmentsByHand() throws {
        // R = 4. owed = r·(C+1) − c·R.
        // C=0: P01 2·1−0=2, P02 1, P03 1 → P01.
        // C=1 (1,0,0): P01 2·2−4=0, P02 2, P03 2 → tie → P02 (smaller code).
        // C=2 (1,1,0): P01 2·3−4=2, P02 3−4=−1, P03 3 → P03.
        // C=3 (1,1,1): P01 2·4−4=4, P02 4−4=0, P03 0 → P01. Then the cycle repeats.
        XCTAssertEqual(try run(8, evaluators).order, ["P01", "P02", "P03", "P01", "P01", "P02", "P03", "P01"])
    }

    func testLongRunSharesFollowTheRatios() throws {
        // 1,000 cases at 2:1:1 → 500, 250, 250 exactly (1,000 is a multiple of 4).
        let result = try run(1_000, evaluators)
        XCTAssertEqual(result.counts, ["P01": 500, "P02": 250, "P03": 250])
        // And after every case each count is within one case of its exact share C·r/R.
        var counts: [String: Int] = [:]
        for (index, code) in result.order.enumerated() {
            counts[code, default: 0] += 1
            for evaluator in evaluators {
                let exact = Double((index + 1) * evaluator.ratio) / 4
                XCTAssertLessThan(abs(Double(counts[evaluator.positionCode] ?? 0) - exact), 1)
            }
        }
    }

    func testInactiveAndZeroRatioEvaluatorsAreSkipped() throws {
        var list = evaluators
        list.append(HotlineEvaluator(positionCode: "P00", ratio: 5, active: false))
        list.append(HotlineEvaluator(positionCode: "P04", ratio: 0))
        let result = try run(400, list, counts: ["P00": 1_000])
        XCTAssertEqual(result.counts, ["P00": 1_000, "P01": 200, "P02": 100, "P03": 100])
    }

    func testANewcomerCatchesUp() throws {
        // Ratios 1:1:1, P01 and P02 have 10 each: C=20, R=3; P03 owed 1·21 − 0 = 21 against 21 − 30 = −9.
        let equal = evaluators.map { HotlineEvaluator(positionCode: $0.positionCode, ratio: 1) }
        let result = try run(10, equal, counts: ["P01": 10, "P02": 10])
        XCTAssertEqual(result.order, Array(repeating: "P03", count: 10))
    }

    func testNoActiveEvaluator() {
        HotlineTestSupport.assertThrows(.noActiveEvaluator) {
            try EvaluatorAssignment.assign(caseID: "c", evaluators: [HotlineEvaluator(positionCode: "P1", active: false)], assignedCounts: [:])
        }
        HotlineTestSupport.assertThrows(.noActiveEvaluator) { try EvaluatorAssignment.assign(caseID: "c", evaluators: [], assignedCounts: [:]) }
    }

    func testEvaluatorListValidation() {
        XCTAssertNoThrow(try HotlineEvaluator.validate(evaluators))
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "evaluators[1].positionCode", reason: "duplicate position code P01")) {
            try HotlineEvaluator.validate([evaluators[0], HotlineEvaluator(positionCode: " P01")])
        }
        HotlineTestSupport.assertThrows(.invalidConfiguration(field: "evaluators[0].ratio", reason: "must be 0…1000, got -1")) {
            try HotlineEvaluator.validate([HotlineEvaluator(positionCode: "P9", ratio: -1)])
        }
        HotlineTestSupport.assertThrows(.required(field: "evaluators[0].positionCode")) {
            try HotlineEvaluator.validate([HotlineEvaluator(positionCode: "")])
        }
    }

    func testVerdictOutcomes() {
        // 附件3 第七条: unreasonable → closed.
        XCTAssertEqual(EvaluatorVerdict.unreasonable.outcome(secondSupervision: false),
                       DissatisfiedCaseOutcome(close: true, rehandle: false, notifySupervision: false, referForAccountability: false))
        // 附件3 第六条: reasonable → back to the unit, supervision informed.
        XCTAssertEqual(EvaluatorVerdict.reasonable.outcome(secondSupervision: false),
                       DissatisfiedCaseOutcome(close: false, rehandle: true, notifySupervision: true, referForAccountability: false))
        // 附件4 第六条(三), 第八条(二): a second-supervision case → accountability as well.
        XCTAssertEqual(EvaluatorVerdict.reasonable.outcome(secondSupervision: true),
                       DissatisfiedCaseOutcome(close: false, rehandle: true, notifySupervision: true, referForAccountability: true))
        XCTAssertTrue(EvaluatorVerdict.reasonable.countsAsEvaluatorDissatisfied)
        XCTAssertFalse(EvaluatorVerdict.unreasonable.countsAsEvaluatorDissatisfied)
        XCTAssertEqual(EvaluatorVerdict.allCases.map(\.chinese), ["合理诉求", "非合理诉求"])
    }

    func testFollowUpRouting() {
        // 附件6 第七条: satisfied cases close, 不满意 goes to the evaluation system.
        XCTAssertEqual(HotlineSatisfaction.allCases.map(FollowUpRoute.route), [.close, .close, .close, .toEvaluator])
    }

    func testEvaluatorAgeLimits() throws {
        // 附件6 第三条(五): men 18–58, women 18–53, 大专以上.
        let on = try HotlineTestSupport.day("2026-05-10")
        func qualified(_ sex: EvaluatorQualification.Sex, _ born: String, college: Bool = true) throws -> Bool {
            EvaluatorQualification.isQualified(sex: sex, bornOn: try HotlineTestSupport.day(born), collegeEducated: college, on: on)
        }
        XCTAssertTrue(try qualified(.male, "2008-05-10"))     // 18th birthday today
        XCTAssertFalse(try qualified(.male, "2008-05-11"))    // 17 until tomorrow
        XCTAssertTrue(try qualified(.male, "1967-05-11"))     // 58, 59 tomorrow
        XCTAssertFalse(try qualified(.male, "1967-05-10"))    // 59 today
        XCTAssertTrue(try qualified(.female, "1972-05-11"))   // 53
        XCTAssertFalse(try qualified(.female, "1972-05-10"))  // 54
        XCTAssertFalse(try qualified(.male, "1990-01-01", college: false))
        // Born 29 Feb 2008: 17 on 28 Feb 2026, 18 on 1 Mar 2026.
        XCTAssertEqual(EvaluatorQualification.age(bornOn: try HotlineTestSupport.day("2008-02-29"), on: try HotlineTestSupport.day("2026-02-28")), 17)
        XCTAssertEqual(EvaluatorQualification.age(bornOn: try HotlineTestSupport.day("2008-02-29"), on: try HotlineTestSupport.day("2026-03-01")), 18)
    }
}
