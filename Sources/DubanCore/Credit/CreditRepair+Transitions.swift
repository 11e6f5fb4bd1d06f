import Foundation

extension CreditRepair {
    /// Checks that `record` may be repaired on `application` at `now`, in this order: the kind is
    /// repairable; the record is in effect (not expired, revoked, repaired or under objection —
    /// an objection is decided first); its minimum period has passed (SPEC A3, from
    /// ``CreditRecord/repairEligibleFrom``, that day included); the wrong is corrected; the
    /// commitment letter is there; at least one piece of evidence is given.
    public static func checkEligibility(
        of record: CreditRecord, application: CreditRepairApplication, at now: Date
    ) throws(CreditError) {
        guard let eligibleFrom = record.repairEligibleFrom else { throw .notRepairable(record.kind) }
        let status = record.status(at: now)
        guard status == .inEffect else { throw .recordNotInEffect(status: status) }
        guard CreditTime.day(of: now) >= eligibleFrom else { throw .repairTooSoon(eligibleFrom: eligibleFrom) }
        guard application.wrongCorrected else { throw .wrongNotCorrected }
        guard application.commitmentLetter else { throw .commitmentLetterMissing }
        guard application.evidence.contains(where: { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else {
            throw .evidenceMissing
        }
    }

    /// Files a repair application for `record` at `now`, after ``checkEligibility(of:application:at:)``.
    public static func apply(
        id: String, record: CreditRecord, application: CreditRepairApplication, at now: Date,
        calculator: DeadlineCalculator, rules: CreditRules
    ) throws(CreditError) -> CreditRepair {
        let id = try CreditError.requireText(id, field: "id")
        try checkEligibility(of: record, application: application, at: now)
        let due = try CreditTime.workingDays(rules.repair.reviewWorkingDays, after: now, calculator: calculator)
        return CreditRepair(
            id: id, recordID: record.id, subjectID: record.subjectID, state: .applied, application: application,
            appliedAt: now, reviewDue: due)
    }

    /// The state table: the state `event` leads to from `state`, or nil when it is not allowed there.
    public static func target(of event: CreditRepairEventKind, from state: CreditRepairState) -> CreditRepairState? {
        guard state == .applied else { return nil }
        switch event {
        case .approve: return .approved
        case .refuse: return .refused
        }
    }

    /// The application and `record` after the reviewer's `event` at `now`. Checks the state table,
    /// that `record` is the one applied for, and, to approve, that it is still active (not revoked,
    /// already repaired or under objection meanwhile).
    public func applying(_ event: CreditRepairEvent, to record: CreditRecord, at now: Date) throws(CreditError) -> CreditRepairOutcome {
        guard let target = Self.target(of: event.kind, from: state) else {
            throw .invalidState(procedure: "credit_repair", state: state.rawValue, event: event.kind.rawValue)
        }
        guard record.id == recordID else { throw .recordMismatch(expected: recordID, found: record.id) }
        var next = self, changed = record
        next.state = target
        next.decidedAt = now
        switch event {
        case .approve(let finding):
            guard record.state == .active else { throw .recordNotInEffect(status: record.status(at: now)) }
            next.finding = try CreditError.requireText(finding, field: "finding")
            changed.state = .repaired
            changed.repairedAt = now
        case .refuse(let reason):
            next.finding = try CreditError.requireText(reason, field: "reason")
        }
        return CreditRepairOutcome(repair: next, record: changed)
    }
}
