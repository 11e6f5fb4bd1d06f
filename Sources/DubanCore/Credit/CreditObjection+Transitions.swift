import Foundation

extension CreditObjection {
    /// Files an objection to `record` at `now`; returns the objection and the record marked objected.
    ///
    /// The record must be in effect (``CreditRecord/isInEffect(at:)``): not expired, revoked,
    /// repaired or already under objection. A reason is required.
    public static func file(
        id: String, record: CreditRecord, reason: String, evidence: [String], at now: Date,
        calculator: DeadlineCalculator, rules: CreditRules
    ) throws(CreditError) -> CreditObjectionOutcome {
        let id = try CreditError.requireText(id, field: "id")
        let reason = try CreditError.requireText(reason, field: "reason")
        let status = record.status(at: now)
        guard status == .inEffect else { throw .recordNotInEffect(status: status) }
        let due = try CreditTime.workingDays(rules.objection.reviewWorkingDays, after: now, calculator: calculator)
        var marked = record
        marked.state = .objected
        marked.objectedAt = now
        let objection = CreditObjection(
            id: id, recordID: record.id, subjectID: record.subjectID, state: .filed, reason: reason,
            evidence: evidence, filedAt: now, reviewDue: due)
        return CreditObjectionOutcome(objection: objection, record: marked)
    }

    /// The state table: the state `event` leads to from `state`, or nil when it is not allowed there.
    public static func target(of event: CreditObjectionEventKind, from state: CreditObjectionState) -> CreditObjectionState? {
        guard state == .filed else { return nil }
        switch event {
        case .uphold: return .upheld
        case .reject: return .rejected
        }
    }

    /// The objection and `record` after the reviewer's `event` at `now`. Checks the state table,
    /// that `record` is the one objected to and is still marked objected, and that a finding is given.
    public func applying(_ event: CreditObjectionEvent, to record: CreditRecord, at now: Date) throws(CreditError) -> CreditObjectionOutcome {
        guard let target = Self.target(of: event.kind, from: state) else {
            throw .invalidState(procedure: "credit_objection", state: state.rawValue, event: event.kind.rawValue)
        }
        guard record.id == recordID else { throw .recordMismatch(expected: recordID, found: record.id) }
        guard record.state == .objected else { throw .recordNotInEffect(status: record.status(at: now)) }
        var next = self, changed = record
        next.state = target
        next.decidedAt = now
        changed.objectedAt = nil
        switch event {
        case .uphold(let finding):
            next.finding = try CreditError.requireText(finding, field: "finding")
            changed.state = .revoked
            changed.revokedAt = now
        case .reject(let finding):
            next.finding = try CreditError.requireText(finding, field: "finding")
            changed.state = .active
        }
        return CreditObjectionOutcome(objection: next, record: changed)
    }
}
