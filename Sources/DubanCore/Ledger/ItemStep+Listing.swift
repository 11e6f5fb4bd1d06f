import Foundation

extension ItemStep {
    /// 挂牌督办 — a major hazard, listed publicly at `level` with a target date (SPEC M3).
    func list(level: ListingLevel, targetDate: Date) throws(ItemTransitionError) -> ItemTransition {
        guard policy.isMajor(item) else { throw .notMajorHazard }
        guard item.listingLevel == nil else { throw .alreadyListed }
        try requireFuture(targetDate, field: "targetDate")
        var facts = moved
        facts.listingLevel = level
        facts.listingTarget = targetDate
        let effects: [ItemEffect] = [.publishListing(level), .watchDeadline(.listingTarget, due: targetDate, rule: nil)]
            + notifyAssigned(.list)
        return transition(.list, to: facts, effects: effects, note: level.chinese)
    }

    /// 升级督办 — a listing past its target date moves one level up
    /// (000 阳政办(2017)45号: "按期销案、升级督办").
    func escalateListing(targetDate: Date) throws(ItemTransitionError) -> ItemTransition {
        guard let level = item.listingLevel, let target = item.listingTarget else { throw .notListed }
        guard now > target else { throw .listingNotLate }
        guard let next = level.escalated else { throw .listingAtTop }
        try requireFuture(targetDate, field: "targetDate")
        var facts = moved
        facts.listingLevel = next
        facts.listingTarget = targetDate
        let effects: [ItemEffect] = [.publishListing(next), .watchDeadline(.listingTarget, due: targetDate, rule: nil)]
            + notifyAssigned(.escalateListing)
        return transition(.escalateListing, to: facts, effects: effects, note: next.chinese)
    }

    /// 提请停产停业 — the government decides within ``ItemPolicy/suspensionDecisionDays`` days
    /// (002 篇3: "当地政府要在接报后7日内作出决定").
    func requestSuspension(reason: String) throws(ItemTransitionError) -> ItemTransition {
        guard policy.isMajor(item) else { throw .notMajorHazard }
        guard item.suspensionRequestedAt == nil else { throw .suspensionPending }
        let reason = try required(reason, field: "reason")
        var facts = moved
        facts.suspensionRequestedAt = now
        var effects: [ItemEffect] = []
        if policy.suspensionDecisionDays > 0 {
            let decision = try due(policy.suspensionDecisionDays, .days, after: now)
            effects.append(.watchDeadline(.suspensionDecision, due: decision.due, rule: decision.rule))
        }
        effects.append(.notifySupervisors(about: .requestSuspension))
        return transition(.requestSuspension, to: facts, effects: effects, note: reason)
    }

    /// 停产停业决定 — late after the decision time.
    func decideSuspension(suspend: Bool) throws(ItemTransitionError) -> ItemTransition {
        guard let requestedAt = item.suspensionRequestedAt else { throw .noSuspensionRequest }
        let late = try isLate(policy.suspensionDecisionDays, .days, after: requestedAt)
        var facts = moved
        facts.suspensionRequestedAt = nil
        let effects: [ItemEffect] = [.closeWatch(.suspensionDecision)] + notifyAssigned(.decideSuspension)
        return transition(.decideSuspension, to: facts, effects: effects, note: suspend ? "停产停业" : "不停产停业", late: late)
    }
}
