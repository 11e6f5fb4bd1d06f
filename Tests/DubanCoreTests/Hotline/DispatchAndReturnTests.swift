@testable import DubanCore
import XCTest

/// 000 阳政办〔2017〕33号 附件2 第二条 and 第三条(一)(二).
final class DispatchAndReturnTests: XCTestCase {
    func testSingleUnitNeedsNoLead() throws {
        let plan = DispatchPlan(units: ["建桥街"])
        XCTAssertNoThrow(try plan.validate(namedBy: .dispatcher))
        XCTAssertFalse(plan.isCrossDepartment)
        XCTAssertEqual(plan.responsibleUnit, "建桥街")
        // Repeats and blanks do not make a case cross-department.
        XCTAssertFalse(DispatchPlan(units: ["建桥街", " 建桥街", ""]).isCrossDepartment)
        HotlineTestSupport.assertThrows(.required(field: "units")) { try DispatchPlan(units: [" "]).validate(namedBy: .dispatcher) }
    }

    func testCrossDepartmentCaseNeedsALeadAmongItsUnitsNamedByASupervisor() {
        let units = ["汉阳区城市管理委员会", "汉阳区环境保护局", "建桥街"]
        HotlineTestSupport.assertThrows(.leadUnitRequired) { try DispatchPlan(units: units).validate(namedBy: .supervisor) }
        HotlineTestSupport.assertThrows(.leadUnitRequired) {
            try DispatchPlan(units: units, leadUnit: "汉阳区园林局").validate(namedBy: .supervisor)
        }
        XCTAssertThrowsError(try DispatchPlan(units: units, leadUnit: "建桥街").validate(namedBy: .dispatcher))
        XCTAssertNoThrow(try DispatchPlan(units: units, leadUnit: "建桥街").validate(namedBy: .supervisor))
        XCTAssertEqual(DispatchPlan(units: units, leadUnit: " 建桥街").responsibleUnit, "建桥街")
    }

    func testLeaderSignatureForSecondReturnsAndSecondSupervisionCases() {
        // "对于二次督办案件或二次退回案件…还需主要领导或分管领导签字"
        XCTAssertFalse(HotlineReturnRule.leaderSignatureRequired(previousReturns: 0, secondSupervision: false))
        XCTAssertTrue(HotlineReturnRule.leaderSignatureRequired(previousReturns: 1, secondSupervision: false))
        XCTAssertTrue(HotlineReturnRule.leaderSignatureRequired(previousReturns: 0, secondSupervision: true))
    }

    func testReturnRequestContents() {
        func validate(findings: String = "经核实属市级管辖", suggestion: String = "建议转市水务局", sealed: Bool = true,
                      signed: Bool = false, previous: Int = 0, second: Bool = false) throws(HotlineError) {
            try HotlineReturnRule.validate(findings: findings, suggestion: suggestion, sealedFormAttached: sealed,
                                           leaderSigned: signed, previousReturns: previous, secondSupervision: second)
        }
        XCTAssertNoThrow(try validate())
        HotlineTestSupport.assertThrows(.required(field: "findings")) { try validate(findings: "") }
        HotlineTestSupport.assertThrows(.required(field: "suggestion")) { try validate(suggestion: " ") }
        HotlineTestSupport.assertThrows(.required(field: "sealedForm")) { try validate(sealed: false) }
        HotlineTestSupport.assertThrows(.leaderSignatureRequired) { try validate(previous: 1) }
        HotlineTestSupport.assertThrows(.leaderSignatureRequired) { try validate(second: true) }
        XCTAssertNoThrow(try validate(signed: true, previous: 1))
    }
}
