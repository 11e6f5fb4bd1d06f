import Foundation

/// 电梯状态机 — every status change of an elevator (SPEC M7): in service ⇄ stopped, sealed for a
/// serious hazard → fixed → re-inspected → back in service, scrapped.
///
/// Pure: the server loads the elevator's ``ElevatorFacts``, calls ``apply(_:to:at:rules:)`` with the
/// time of the request, stores the new facts and carries out the effects.
public enum ElevatorMachine {
    /// Applies `event` at `now`.
    ///
    /// Checks the transition table (``target(of:from:)``) first, then the event's guards:
    /// - into service (``ElevatorEvent/setInService``, ``ElevatorEvent/resume``): a use unit is
    ///   recorded (004 成府发〔2015〕29号 二: "电梯未明确使用单位的,不得投入使用") and the inspection validity is
    ///   on record and not past at `now` (SPEC A4);
    /// - out of a seal only by ``ElevatorEvent/setInService`` after the fix and a passing
    ///   re-inspection (004 成府发〔2015〕29号 五(二): "经检验合格后,方可恢复使用"), else
    ///   ``ElevatorError/sealNotCleared(_:)``;
    /// - a stop needs a reason and an expected repair time after `now` (the notice must give both,
    ///   三(一)6); a seal needs a reason.
    public static func apply(
        _ event: ElevatorEvent, to facts: ElevatorFacts, at now: Date, rules: ElevatorRules
    ) throws(ElevatorError) -> ElevatorTransition {
        let from = facts.phase
        guard let to = target(of: event.kind, from: from) else {
            throw refusal(of: event.kind, from: from)
        }
        var next = facts
        var effects: [ElevatorEffect] = []
        let endsStop = facts.currentStop != nil && from == .stopped
        switch event {
        case .setInService, .resume:
            try checkMayRun(facts, at: now, rules: rules)
            if endsStop { effects.append(.closeStopNoticeWatch) }
            next.currentStop = nil
        case .stop(let reason, let expectedRepairAt):
            let reason = try required(reason, field: "reason")
            guard expectedRepairAt > now else { throw .notInFuture(field: "expectedRepairAt") }
            next.currentStop = ElevatorStop(reason: reason, stoppedAt: now, expectedRepairAt: expectedRepairAt)
            effects.append(.watchStopNotice(dueAt: try rules.stopNoticeDeadline(stoppedAt: now).due))
        case .seal(let reason):
            _ = try required(reason, field: "reason")
            if endsStop { effects.append(.closeStopNoticeWatch) }
            next.currentStop = nil
            effects.append(.notifyStreetOfSealing)
        case .fixed:
            effects.append(.requestReinspection)
        case .reinspected:
            break
        case .scrap:
            if endsStop { effects.append(.closeStopNoticeWatch) }
            next.currentStop = nil
        }
        next.status = to.status
        next.sealStage = to.sealStage
        return ElevatorTransition(event: event, at: now, from: from, to: to, facts: next, effects: effects)
    }

    /// The transition table: the phase `event` leads to from `phase`, or nil when it is not allowed
    /// there. Guards (use unit, inspection validity, reasons) are checked by ``apply(_:to:at:rules:)``.
    public static func target(of event: ElevatorEventKind, from phase: ElevatorPhase) -> ElevatorPhase? {
        switch (event, phase) {
        case (.setInService, .stopped), (.setInService, .sealedReinspectionPassed):
            .inService
        case (.stop, .inService):
            .stopped
        case (.resume, .stopped):
            .inService
        case (.seal, .inService), (.seal, .stopped):
            .sealedAwaitingFix
        case (.fixed, .sealedAwaitingFix):
            .sealedAwaitingReinspection
        case (.reinspectionPassed, .sealedAwaitingReinspection):
            .sealedReinspectionPassed
        case (.reinspectionFailed, .sealedAwaitingReinspection):
            .sealedAwaitingFix
        case (.scrap, .inService), (.scrap, .stopped), (.scrap, .sealedAwaitingFix),
             (.scrap, .sealedAwaitingReinspection), (.scrap, .sealedReinspectionPassed):
            .scrapped
        default:
            nil
        }
    }

    /// The error for an event the table refuses: putting a sealed elevator back into service before
    /// its re-inspection passed is ``ElevatorError/sealNotCleared(_:)``; anything else is
    /// ``ElevatorError/invalidTransition(_:_:)``.
    static func refusal(of event: ElevatorEventKind, from phase: ElevatorPhase) -> ElevatorError {
        if event == .setInService || event == .resume, let stage = phase.sealStage, stage != .reinspectionPassed {
            return .sealNotCleared(stage)
        }
        return .invalidTransition(phase, event)
    }

    /// The guards for running: a use unit, and an inspection validity not past at `now`.
    static func checkMayRun(_ facts: ElevatorFacts, at now: Date, rules: ElevatorRules) throws(ElevatorError) {
        guard let useUnit = facts.useUnit, !TextNormalization.clean(useUnit).isEmpty else {
            throw .useUnitMissing
        }
        guard let validUntil = facts.inspectionValidUntil else { throw .inspectionValidityMissing }
        if rules.isInspectionExpired(validUntil: validUntil, now: now) {
            throw .inspectionExpired(validUntil: validUntil)
        }
    }

    /// `text` cleaned, or ``ElevatorError/required(field:)`` when blank.
    static func required(_ text: String, field: String) throws(ElevatorError) -> String {
        let cleaned = TextNormalization.clean(text)
        guard !cleaned.isEmpty else { throw .required(field: field) }
        return cleaned
    }
}
