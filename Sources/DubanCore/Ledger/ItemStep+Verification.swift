import Foundation

extension ItemStep {
    /// Whether this item gets a timed acceptance check after its report.
    var acceptanceDays: Int? {
        policy.isMajor(item) ? policy.majorAcceptanceDays : nil
    }

    /// 报结 — result and evidence; late after the deadline. A pending extension request lapses.
    func submit(result: String, evidenceCount: Int) throws(ItemTransitionError) -> ItemTransition {
        let result = try required(result, field: "result")
        let minimum = max(policy.minimumEvidence, 0)
        guard evidenceCount >= minimum else { throw .evidenceRequired(minimum: minimum) }
        var facts = moved
        facts.submittedAt = now
        facts.pendingExtension = nil
        var effects: [ItemEffect] = []
        if item.deadline != nil {
            effects.append(.closeWatch(.rectification))
        }
        if let days = acceptanceDays, days > 0 {
            let acceptance = try due(days, .days, after: now)
            effects.append(.watchDeadline(.acceptance, due: acceptance.due, rule: acceptance.rule))
        }
        effects.append(.notifyUnit(item.registeringUnitID, about: .submit))
        let late = item.deadline.map { now > $0 } ?? false
        return transition(.submit, to: facts, effects: effects, note: result, late: late)
    }

    /// 验收通过; late after the acceptance time of a major item.
    func verifyPass() throws(ItemTransitionError) -> ItemTransition {
        let late = try isLate(acceptanceDays, .days, after: item.submittedAt)
        let effects = closeAcceptance + notifyAssigned(.verifyPass)
        return transition(.verifyPass, to: moved, effects: effects, late: late)
    }

    /// 验收不通过 — reopens the item (one more rework), optionally with a new deadline.
    func verifyFail(reason: String, newDeadline: Date?) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        if let newDeadline {
            try requireFuture(newDeadline, field: "newDeadline")
        }
        let late = try isLate(acceptanceDays, .days, after: item.submittedAt)
        var facts = moved
        facts.reworks += 1
        facts.deadline = newDeadline ?? item.deadline
        facts.submittedAt = nil
        var effects = closeAcceptance
        if let deadline = facts.deadline {
            effects.append(.watchDeadline(.rectification, due: deadline, rule: nil))
        }
        effects += notifyAssigned(.verifyFail)
        return transition(.verifyFail, to: facts, effects: effects, note: reason, late: late)
    }

    /// 销号 — also ends a listing (销案) and a pending suspension request; a referral reports back
    /// to its sender (002 篇1).
    /// 受理即办结 — registered straight to closed, with the answer or reason as the note.
    func closeAtIntake(reason: String) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        var facts = moved
        facts.closedAt = now
        return transition(.closeAtIntake, to: facts, effects: [], note: reason)
    }

    func close() -> ItemTransition {
        var facts = moved
        facts.closedAt = now
        facts.listingLevel = nil
        facts.listingTarget = nil
        facts.suspensionRequestedAt = nil
        var effects = endListingAndSuspension + notifyAssigned(.close)
        if policy.reportsBackToSender && item.registeringUnitID != item.assignedUnitID {
            effects.append(.notifyUnit(item.registeringUnitID, about: .close))
        }
        return transition(.close, to: facts, effects: effects)
    }

    /// 回头看 — still fixed.
    func lookBackPass() -> ItemTransition {
        transition(.lookBackPass, to: moved, effects: [])
    }

    /// 回头看 — the hazard is back: reopened (one more rework) with a new deadline
    /// (003 A: "適時組織『回頭看』…銷號『清零』").
    func lookBackFail(reason: String, deadline: Date) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        try requireFuture(deadline, field: "deadline")
        var facts = moved
        facts.reworks += 1
        facts.deadline = deadline
        facts.closedAt = nil
        facts.submittedAt = nil
        let effects: [ItemEffect] = [.watchDeadline(.rectification, due: deadline, rule: nil)]
            + notifyAssigned(.lookBackFail)
        return transition(.lookBackFail, to: facts, effects: effects, note: reason)
    }

    private var closeAcceptance: [ItemEffect] {
        acceptanceDays.map { $0 > 0 ? [.closeWatch(.acceptance)] : [] } ?? []
    }
}
