import DubanCore
import XCTest

/// The trapped-passenger dispatch ladder: contracted maintenance unit → another maintenance unit → 119.
final class RescueDispatchTests: XCTestCase {
    private func china(_ text: String) throws -> Date { try ElevatorTestSupport.china(text) }

    func testFirstStepIsTheContractedUnitAtOnce() throws {
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 10:00")
        XCTAssertEqual(rules.rescueDispatch(reportedAt: report, steps: [], now: report), .dispatch(.contractedMaintenance, dueAt: report, isDue: true))
    }

    func testNoAcknowledgementWithinFiveMinutesCallsAnotherUnit() throws {
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 10:00")
        let steps = [RescueDispatchStep(responder: .contractedMaintenance, dispatchedAt: report)]
        // Dispatched 10:00 + 5 min (default) = 10:05; the unit has until then inclusive.
        let runsOut = try china("2026-03-01 10:05")
        XCTAssertEqual(rules.rescueDispatch(reportedAt: report, steps: steps, now: runsOut), .dispatch(.otherMaintenance, dueAt: runsOut, isDue: false))
        XCTAssertEqual(
            rules.rescueDispatch(reportedAt: report, steps: steps, now: try china("2026-03-01 10:05:01")),
            .dispatch(.otherMaintenance, dueAt: runsOut, isDue: true))
    }

    func testAcknowledgedUnitHasThirtyMinutesToArrive() throws {
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 10:00")
        let steps = [RescueDispatchStep(responder: .contractedMaintenance, dispatchedAt: report, acknowledgedAt: try china("2026-03-01 10:02"))]
        // 10:00 + 30 min = 10:30.
        let limit = try china("2026-03-01 10:30")
        XCTAssertEqual(rules.rescueDispatch(reportedAt: report, steps: steps, now: limit), .dispatch(.otherMaintenance, dueAt: limit, isDue: false))
        XCTAssertEqual(
            rules.rescueDispatch(reportedAt: report, steps: steps, now: try china("2026-03-01 10:31")),
            .dispatch(.otherMaintenance, dueAt: limit, isDue: true))
    }

    func testSecondUnitFailingCallsFireAndRescueThenTheLadderEnds() throws {
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 10:00")
        var steps = [
            RescueDispatchStep(responder: .otherMaintenance, dispatchedAt: try china("2026-03-01 10:06")),
            RescueDispatchStep(responder: .contractedMaintenance, dispatchedAt: report),
        ]
        // The highest rung reached is the other unit, dispatched 10:06: 119 due after 10:11.
        XCTAssertEqual(
            rules.rescueDispatch(reportedAt: report, steps: steps, now: try china("2026-03-01 10:12")),
            .dispatch(.fireRescue, dueAt: try china("2026-03-01 10:11"), isDue: true))
        steps.append(RescueDispatchStep(responder: .fireRescue, dispatchedAt: try china("2026-03-01 10:12")))
        XCTAssertEqual(
            rules.rescueDispatch(reportedAt: report, steps: steps, now: try china("2026-03-01 10:20")),
            .ladderExhausted(since: try china("2026-03-01 10:12")))
    }

    func testAnyArrivalEndsTheLadder() throws {
        let rules = try ElevatorTestSupport.rules()
        let report = try china("2026-03-01 10:00")
        let steps = [
            RescueDispatchStep(responder: .contractedMaintenance, dispatchedAt: report, acknowledgedAt: report, arrivedAt: try china("2026-03-01 10:40")),
            RescueDispatchStep(responder: .otherMaintenance, dispatchedAt: try china("2026-03-01 10:31"), arrivedAt: try china("2026-03-01 10:50")),
        ]
        XCTAssertEqual(
            rules.rescueDispatch(reportedAt: report, steps: steps, now: try china("2026-03-01 11:00")),
            .onSite(.contractedMaintenance, arrivedAt: try china("2026-03-01 10:40")))
    }

    func testTimesFollowTheConfiguration() throws {
        let rules = try ElevatorTestSupport.rules(ElevatorConfiguration(rescueAcknowledgeMinutes: 10))
        let report = try china("2026-03-01 10:00")
        let steps = [RescueDispatchStep(responder: .contractedMaintenance, dispatchedAt: report)]
        XCTAssertEqual(
            rules.rescueDispatch(reportedAt: report, steps: steps, now: try china("2026-03-01 10:08")),
            .dispatch(.otherMaintenance, dueAt: try china("2026-03-01 10:10"), isDue: false))
        XCTAssertEqual(RescueResponder.allCases.map(\.chinese), ["签约维保单位", "其他维保单位", "119消防救援"])
    }
}
