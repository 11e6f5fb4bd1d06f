import DubanCore
import Foundation
import XCTest

/// The default rules are SPEC A3 value by value; validation and the "changed from default" list.
final class CreditRulesTests: XCTestCase {
    func testDefaultPointsAndPeriodsAreSpecA3() {
        let kinds = CreditRules.defaults.kinds
        // SPEC A3: (points, months in effect); general hazard and commendation 12 months, all others 36.
        let expected: [(CreditRecordKind, Int, Int)] = [
            (.generalHazard, -2, 12), (.majorHazard, -10, 36), (.listedSupervision, -15, 36),
            (.hazardOverdue, -5, 36), (.penaltyMinor, -5, 36), (.penaltySerious, -10, 36),
            (.penaltyVerySerious, -20, 36), (.commendation, 5, 12),
            // Duban defaults where A3 gives no points: licensing 0, accident 0 (it triggers the black list).
            (.licensingDecision, 0, 36), (.accidentResponsibility, 0, 36),
        ]
        XCTAssertEqual(expected.map(\.0), CreditRecordKind.allCases)
        for (kind, points, months) in expected {
            XCTAssertEqual(kinds[kind], CreditKindRule(points: points, validityMonths: months), kind.rawValue)
        }
    }

    func testDefaultBandsListsAndDeadlinesAreSpecA3() {
        let rules = CreditRules.defaults
        XCTAssertEqual(rules.baseScore, 100)
        XCTAssertEqual(rules.commendationCap, 10)
        XCTAssertEqual(rules.gradeBands, CreditGradeBands(a: 90, b: 75, c: 60))
        XCTAssertEqual(rules.publication.workingDays, 7)  // 000 阳政办(2017)35号
        XCTAssertEqual(rules.objection.reviewWorkingDays, 15)  // Duban default
        XCTAssertEqual(rules.repair.strictFields, [.workSafety, .fireSafety, .specialEquipment])
        XCTAssertEqual(rules.repair.penaltyMonthsInStrictFields, 12)
        XCTAssertEqual(rules.repair.penaltyMonthsInOtherFields, 3)
        XCTAssertEqual(rules.repair.hazardMonths, 6)
        XCTAssertEqual(rules.repair.accidentMonths, 12)  // Duban default
        XCTAssertEqual(rules.repair.reviewWorkingDays, 15)  // Duban default
        XCTAssertEqual(rules.blackList.entryGrades, [.d])
        XCTAssertEqual(rules.blackList.penaltyCount, 2)
        XCTAssertEqual(rules.blackList.penaltyWindowMonths, 12)
        XCTAssertTrue(rules.blackList.entersOnAccident)
        XCTAssertEqual(rules.blackList.statementWorkingDays, 5)
        XCTAssertEqual(rules.blackList.listingMonths, 36)
        XCTAssertEqual(rules.blackList.earlyRemovalAfterMonths, 12)
        XCTAssertEqual(rules.redList.grades, [.a])
        XCTAssertEqual(rules.redList.penaltyFreeMonths, 24)
        // 002 篇1: 表彰 / 提示 / 警示 / 曝光 + 通报主管部门, one graded measure per grade.
        XCTAssertEqual(rules.measures[.a], [.commendation])
        XCTAssertEqual(rules.measures[.b], [.reminder])
        XCTAssertEqual(rules.measures[.c], [.warning])
        XCTAssertEqual(rules.measures[.d], [.exposure, .noticeToSupervisingDepartment])
    }

    func testRepairMinimumByKindAndField() {
        let repair = CreditRules.defaults.repair
        for field in [CreditField.workSafety, .fireSafety, .specialEquipment] {
            XCTAssertEqual(repair.minimumMonths(for: .penaltySerious, in: field), 12, field.rawValue)
        }
        XCTAssertEqual(repair.minimumMonths(for: .penaltyMinor, in: .other), 3)
        XCTAssertEqual(repair.minimumMonths(for: .generalHazard, in: .fireSafety), 6)
        XCTAssertEqual(repair.minimumMonths(for: .hazardOverdue, in: .other), 6)
        XCTAssertEqual(repair.minimumMonths(for: .accidentResponsibility, in: .workSafety), 12)
        XCTAssertNil(repair.minimumMonths(for: .commendation, in: .other))
        XCTAssertNil(repair.minimumMonths(for: .licensingDecision, in: .other))
    }

    func testDefaultsAreValidAndUnchanged() throws {
        XCTAssertEqual(CreditRules.defaults.validationErrors(), [])
        try CreditRules.defaults.validate()
        XCTAssertEqual(CreditRules.defaults.changesFromDefaults(), [])
        XCTAssertTrue(CreditRules.defaults.isDefault)
    }

    func testChangesFromDefaultsNameEachChangedValue() {
        var rules = CreditRules.defaults
        rules.kinds[.penaltyMinor].points = -6
        rules.blackList.entryGrades = [.c, .d]
        rules.blackList.entersOnAccident = false
        XCTAssertFalse(rules.isDefault)
        XCTAssertEqual(rules.changesFromDefaults(), [
            CreditRuleChange(path: "blackList.entersOnAccident", value: "false", defaultValue: "true"),
            CreditRuleChange(path: "blackList.entryGrades", value: "[\"C\",\"D\"]", defaultValue: "[\"D\"]"),
            CreditRuleChange(path: "kinds.penalty_minor.points", value: "-6", defaultValue: "-5"),
        ])
    }

    func testJSONRoundTripUsesKindNames() throws {
        let data = try JSONEncoder().encode(CreditRules.defaults)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\"penalty_very_serious\""), text)
        XCTAssertEqual(try JSONDecoder().decode(CreditRules.self, from: data), .defaults)
    }

    func testBandsMustDescend() {
        var rules = CreditRules.defaults
        rules.gradeBands = CreditGradeBands(a: 90, b: 90, c: 60)
        XCTAssertEqual(rules.validationErrors(), [.gradeBandsNotDescending(a: 90, b: 90, c: 60)])
        rules.gradeBands = CreditGradeBands(a: 90, b: 60, c: 75)
        let error = CreditTestSupport.error { try rules.validate() }
        XCTAssertEqual(error?.code, "grade_bands_not_descending")
        XCTAssertEqual(error?.field, "gradeBands")
    }

    func testMonthsAndWorkingDaysMustBeInRange() {
        var rules = CreditRules.defaults
        rules.kinds[.generalHazard].validityMonths = 0
        rules.repair.hazardMonths = -1
        rules.publication.workingDays = 0
        rules.blackList.earlyRemovalAfterMonths = 36  // not before the 36-month listing ends
        rules.redList.penaltyFreeMonths = -24
        XCTAssertEqual(rules.validationErrors(), [
            .outOfRange(field: "kinds.general_hazard.validityMonths", value: 0, allowed: 1...1200),
            .outOfRange(field: "publication.workingDays", value: 0, allowed: 1...25_000),
            .outOfRange(field: "repair.hazardMonths", value: -1, allowed: 0...1200),
            .outOfRange(field: "blackList.earlyRemovalAfterMonths", value: 36, allowed: 0...35),
            .outOfRange(field: "redList.penaltyFreeMonths", value: -24, allowed: 0...1200),
        ])
        let first = CreditTestSupport.error { try rules.validate() }
        XCTAssertEqual(first?.code, "out_of_range")
        XCTAssertEqual(first?.field, "kinds.general_hazard.validityMonths")
    }

    func testPointsMustHaveTheKindsSign() {
        var rules = CreditRules.defaults
        rules.kinds[.penaltyMinor].points = 5
        rules.kinds[.commendation].points = -5
        rules.kinds[.licensingDecision].points = -1  // licensing has no sign rule
        XCTAssertEqual(rules.validationErrors(), [
            .pointsWrongSign(field: "kinds.penalty_minor.points", value: 5),
            .pointsWrongSign(field: "kinds.commendation.points", value: -5),
        ])
    }

    func testErrorsAreBilingualWithStableCodes() {
        let error = CreditError.outOfRange(field: "repair.hazardMonths", value: -1, allowed: 0...1200)
        XCTAssertEqual(error.code, "out_of_range")
        XCTAssertEqual(error.field, "repair.hazardMonths")
        XCTAssertEqual(error.message, "repair.hazardMonths 须在 0…1200 之间,现为 -1 / repair.hazardMonths must be 0…1200, got -1")
        XCTAssertEqual(CreditError.wrongNotCorrected.message, "失信行为尚未纠正 / the wrong has not been corrected")
    }
}
