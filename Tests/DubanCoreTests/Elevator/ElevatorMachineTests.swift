@testable import DubanCore
import Foundation
import XCTest

final class ElevatorMachineTests: XCTestCase {
    private typealias Phase = ElevatorPhase

    /// The whole table, written out by hand: phase → event → target (nil: refused).
    private let expectedTable: [Phase: [ElevatorEventKind: Phase?]] = [
        .inService: [
            .setInService: nil, .stop: .stopped, .resume: nil, .seal: .sealedAwaitingFix,
            .fixed: nil, .reinspectionPassed: nil, .reinspectionFailed: nil, .scrap: .scrapped,
        ],
        .stopped: [
            .setInService: .inService, .stop: nil, .resume: .inService, .seal: .sealedAwaitingFix,
            .fixed: nil, .reinspectionPassed: nil, .reinspectionFailed: nil, .scrap: .scrapped,
        ],
        .sealedAwaitingFix: [
            .setInService: nil, .stop: nil, .resume: nil, .seal: nil,
            .fixed: .sealedAwaitingReinspection, .reinspectionPassed: nil, .reinspectionFailed: nil, .scrap: .scrapped,
        ],
        .sealedAwaitingReinspection: [
            .setInService: nil, .stop: nil, .resume: nil, .seal: nil,
            .fixed: nil, .reinspectionPassed: .sealedReinspectionPassed, .reinspectionFailed: .sealedAwaitingFix, .scrap: .scrapped,
        ],
        .sealedReinspectionPassed: [
            .setInService: .inService, .stop: nil, .resume: nil, .seal: nil,
            .fixed: nil, .reinspectionPassed: nil, .reinspectionFailed: nil, .scrap: .scrapped,
        ],
        .scrapped: [
            .setInService: nil, .stop: nil, .resume: nil, .seal: nil,
            .fixed: nil, .reinspectionPassed: nil, .reinspectionFailed: nil, .scrap: nil,
        ],
    ]

    private func event(_ kind: ElevatorEventKind, now: Date) -> ElevatorEvent {
        switch kind {
        case .setInService: .setInService
        case .stop: .stop(reason: "曳引机异响", expectedRepairAt: now.addingTimeInterval(3 * 86_400))
        case .resume: .resume
        case .seal: .seal(reason: "制动器失效")
        case .fixed: .fixed
        case .reinspectionPassed: .reinspected(passed: true)
        case .reinspectionFailed: .reinspected(passed: false)
        case .scrap: .scrap
        }
    }

    /// Facts in `phase` that pass every guard: a use unit and a validity far ahead.
    private func facts(_ phase: Phase) throws -> ElevatorFacts {
        ElevatorFacts(
            status: phase.status, sealStage: phase.sealStage, useUnit: "某某物业服务有限公司",
            inspectionValidUntil: try ElevatorTestSupport.day("2027-06-30"))
    }

    func testTransitionTableEveryPhaseTimesEveryEvent() throws {
        let rules = try ElevatorTestSupport.rules()
        let now = try ElevatorTestSupport.china("2026-03-01 10:00")
        XCTAssertEqual(Set(expectedTable.keys), Set(Phase.allCases), "the table covers every phase")
        var cells = 0
        for phase in Phase.allCases {
            let row = try XCTUnwrap(expectedTable[phase])
            XCTAssertEqual(Set(row.keys), Set(ElevatorEventKind.allCases), "row \(phase) covers every event")
            for kind in ElevatorEventKind.allCases {
                cells += 1
                let expected = try XCTUnwrap(row[kind])
                let before = try facts(phase)
                let wantError: ElevatorError? = expected != nil ? nil
                    : [Phase.sealedAwaitingFix, .sealedAwaitingReinspection].contains(phase) && [.setInService, .resume].contains(kind)
                    // Back into service from a seal not yet cleared is the specific refusal.
                    ? .sealNotCleared(try XCTUnwrap(phase.sealStage)) : .invalidTransition(phase, kind)
                XCTAssertEqual(ElevatorMachine.target(of: kind, from: phase), expected, "\(phase) × \(kind)")
                do {
                    let transition = try ElevatorMachine.apply(event(kind, now: now), to: before, at: now, rules: rules)
                    XCTAssertEqual(transition.to, expected, "\(phase) × \(kind) applied")
                    XCTAssertEqual(transition.from, phase)
                    XCTAssertEqual(transition.facts.phase, expected)
                } catch {
                    XCTAssertEqual(error, wantError, "\(phase) × \(kind)")
                }
            }
        }
        XCTAssertEqual(cells, 6 * 8)
    }

    func testPhaseAndStatusAgree() {
        // A sealed elevator with no stage recorded is read as awaiting its fix (the safe reading).
        XCTAssertEqual(ElevatorPhase(status: .sealed, sealStage: nil), .sealedAwaitingFix)
        XCTAssertEqual(ElevatorPhase(status: .inService, sealStage: .reinspectionPassed), .inService)
        for phase in Phase.allCases {
            XCTAssertEqual(ElevatorPhase(status: phase.status, sealStage: phase.sealStage), phase)
        }
        XCTAssertEqual(ElevatorStatus.allCases.map(\.chinese), ["在用", "停用", "封停", "报废"])
        XCTAssertEqual(ElevatorPhase.sealedAwaitingReinspection.chinese, "封停（已整改待检验）")
    }

    func testNoUseUnitMayNotBeSetInService() throws {
        // 004 成府发〔2015〕29号 二: 电梯未明确使用单位的,不得投入使用.
        let rules = try ElevatorTestSupport.rules()
        let now = try ElevatorTestSupport.china("2026-03-01 10:00")
        var facts = try facts(.stopped)
        facts.useUnit = nil
        XCTAssertThrowsError(try ElevatorMachine.apply(.setInService, to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .useUnitMissing)
        }
        facts.useUnit = " \u{3000} "
        XCTAssertThrowsError(try ElevatorMachine.apply(.resume, to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .useUnitMissing)
        }
    }

    func testExpiredOrMissingInspectionMayNotBeSetInService() throws {
        let rules = try ElevatorTestSupport.rules()
        var facts = try facts(.stopped)
        facts.inspectionValidUntil = nil
        let now = try ElevatorTestSupport.china("2026-03-31 12:00")
        XCTAssertThrowsError(try ElevatorMachine.apply(.setInService, to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .inspectionValidityMissing)
        }
        // Valid to 2026-03-31: the whole day counts, to its last second 23:59:59 China time.
        facts.inspectionValidUntil = try ElevatorTestSupport.day("2026-03-31")
        let lastSecond = try ElevatorTestSupport.china("2026-03-31 23:59:59")
        XCTAssertEqual(try ElevatorMachine.apply(.setInService, to: facts, at: lastSecond, rules: rules).to, .inService)
        let nextDay = try ElevatorTestSupport.china("2026-04-01 00:00")
        let validUntil = try ElevatorTestSupport.day("2026-03-31")
        XCTAssertThrowsError(try ElevatorMachine.apply(.setInService, to: facts, at: nextDay, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .inspectionExpired(validUntil: validUntil))
        }
        XCTAssertThrowsError(try ElevatorMachine.apply(.resume, to: facts, at: nextDay, rules: rules)) {
            XCTAssertEqual(($0 as? ElevatorError)?.code, "inspection_expired")
        }
    }

    func testSealFixReinspectResumePath() throws {
        // 004 成府发〔2015〕29号 五(二): 封停 → 整改 → 经检验合格后,方可恢复使用.
        let rules = try ElevatorTestSupport.rules()
        let now = try ElevatorTestSupport.china("2026-03-01 10:00")
        var facts = try facts(.inService)

        let sealed = try ElevatorMachine.apply(.seal(reason: "制动器失效"), to: facts, at: now, rules: rules)
        XCTAssertEqual(sealed.to, .sealedAwaitingFix)
        XCTAssertEqual(sealed.facts.status, .sealed)
        XCTAssertEqual(sealed.effects, [.notifyStreetOfSealing])
        facts = sealed.facts

        XCTAssertThrowsError(try ElevatorMachine.apply(.setInService, to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .sealNotCleared(.awaitingFix))
        }
        let fixed = try ElevatorMachine.apply(.fixed, to: facts, at: now, rules: rules)
        XCTAssertEqual(fixed.effects, [.requestReinspection])
        facts = fixed.facts
        XCTAssertThrowsError(try ElevatorMachine.apply(.setInService, to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .sealNotCleared(.awaitingReinspection))
        }
        // A failed re-inspection sends it back to fixing.
        facts = try ElevatorMachine.apply(.reinspected(passed: false), to: facts, at: now, rules: rules).facts
        XCTAssertEqual(facts.phase, .sealedAwaitingFix)
        facts = try ElevatorMachine.apply(.fixed, to: facts, at: now, rules: rules).facts
        facts = try ElevatorMachine.apply(.reinspected(passed: true), to: facts, at: now, rules: rules).facts
        XCTAssertEqual(facts.phase, .sealedReinspectionPassed)
        XCTAssertEqual(facts.status, .sealed, "still sealed until put back into service")

        // Even after a passing re-inspection the validity guard applies.
        var expired = facts
        expired.inspectionValidUntil = try ElevatorTestSupport.day("2026-02-28")
        XCTAssertThrowsError(try ElevatorMachine.apply(.setInService, to: expired, at: now, rules: rules)) {
            XCTAssertEqual(($0 as? ElevatorError)?.code, "inspection_expired")
        }
        let back = try ElevatorMachine.apply(.setInService, to: facts, at: now, rules: rules)
        XCTAssertEqual(back.facts.status, .inService)
        XCTAssertNil(back.facts.sealStage)
    }

    func testStopNeedsReasonAndFutureRepairTimeAndWatchesTheNotice() throws {
        let rules = try ElevatorTestSupport.rules()
        let now = try ElevatorTestSupport.china("2026-03-01 10:00")
        let facts = try facts(.inService)
        XCTAssertThrowsError(try ElevatorMachine.apply(.stop(reason: "  ", expectedRepairAt: now + 3600), to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .required(field: "reason"))
        }
        XCTAssertThrowsError(try ElevatorMachine.apply(.stop(reason: "门机故障", expectedRepairAt: now), to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .notInFuture(field: "expectedRepairAt"))
        }
        let repair = try ElevatorTestSupport.china("2026-03-03 18:00")
        let stopped = try ElevatorMachine.apply(.stop(reason: " 门机故障 ", expectedRepairAt: repair), to: facts, at: now, rules: rules)
        XCTAssertEqual(stopped.facts.currentStop, ElevatorStop(reason: "门机故障", stoppedAt: now, expectedRepairAt: repair))
        // Notice due 24 hours after the stop: 2026-03-01 10:00 + 24 h = 2026-03-02 10:00.
        XCTAssertEqual(stopped.effects, [.watchStopNotice(dueAt: try ElevatorTestSupport.china("2026-03-02 10:00"))])

        let resumed = try ElevatorMachine.apply(.resume, to: stopped.facts, at: repair, rules: rules)
        XCTAssertEqual(resumed.effects, [.closeStopNoticeWatch])
        XCTAssertNil(resumed.facts.currentStop)

        let sealed = try ElevatorMachine.apply(.seal(reason: "钢丝绳断股"), to: stopped.facts, at: repair, rules: rules)
        XCTAssertEqual(sealed.effects, [.closeStopNoticeWatch, .notifyStreetOfSealing])
        XCTAssertNil(sealed.facts.currentStop)
        XCTAssertThrowsError(try ElevatorMachine.apply(.seal(reason: ""), to: facts, at: now, rules: rules)) {
            XCTAssertEqual($0 as? ElevatorError, .required(field: "reason"))
        }
        let scrapped = try ElevatorMachine.apply(.scrap, to: stopped.facts, at: repair, rules: rules)
        XCTAssertEqual(scrapped.effects, [.closeStopNoticeWatch])
        XCTAssertEqual(scrapped.facts.status, .scrapped)
    }

    func testErrorsCarryCodeFieldAndBilingualMessage() {
        let error = ElevatorError.invalidTransition(.scrapped, .resume)
        XCTAssertEqual(error.code, "invalid_transition")
        XCTAssertEqual(error.field, "status")
        XCTAssertTrue(error.message.contains("报废") && error.message.contains(" / resume is not allowed"), error.message)
        XCTAssertEqual(ElevatorError.useUnitMissing.field, "useUnit")
        XCTAssertTrue(ElevatorError.useUnitMissing.message.hasPrefix("电梯未明确使用单位的，不得投入使用 / "))
        XCTAssertEqual(ElevatorError.sealNotCleared(.awaitingFix).code, "seal_not_cleared")
        XCTAssertEqual(ElevatorError.calendar(.outOfRange(field: "start", reason: "x")).code, "out_of_range")
    }
}
