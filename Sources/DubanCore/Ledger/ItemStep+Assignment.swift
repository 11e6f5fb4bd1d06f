import Foundation

extension ItemStep {
    /// 交办 / 重新交办.
    func assign(unitID: String, deadline: Date?, as event: ItemEventKind) throws(ItemTransitionError) -> ItemTransition {
        let unit = try required(unitID, field: "unitID")
        // 003 仙游: "重大隐患100%落實整改責任、措施、資金、時限、預案" — before it leaves registration.
        if policy.fiveImplementationsRequiredForMajor && policy.isMajor(item) {
            let missing = item.fiveImplementations.missing
            guard missing.isEmpty else { throw .fiveImplementationsMissing(missing) }
        }
        if let deadline {
            try requireFuture(deadline, field: "deadline")
        } else if policy.deadlineRequired {
            throw .required(field: "deadline")
        }
        var facts = moved
        facts.assignedUnitID = unit
        facts.assignedAt = now
        facts.deadline = deadline
        var effects: [ItemEffect] = []
        // 000 阳政办(2017)33号 附件7: "半个工作日(4小时)内签收" (Duban's default for ledger items).
        if policy.signForWorkingHours > 0 {
            let signFor = try due(policy.signForWorkingHours, .workingHours, after: now)
            effects.append(.watchDeadline(.signFor, due: signFor.due, rule: signFor.rule))
        }
        if let deadline {
            effects.append(.watchDeadline(.rectification, due: deadline, rule: nil))
        }
        effects.append(.notifyUnit(unit, about: event))
        return transition(event, to: facts, effects: effects)
    }

    /// 签收; late after the sign-for time.
    func signFor() throws(ItemTransitionError) -> ItemTransition {
        let late = try isLate(policy.signForWorkingHours, .workingHours, after: item.assignedAt)
        return transition(.signFor, to: moved, effects: [.closeWatch(.signFor)], late: late)
    }

    /// 退回 — back to the registering unit; late after the return window.
    func giveBack(reason: String, leaderSigned: Bool) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        // 000 阳政办(2017)33号 附件2: "二次退回案件…还需主要领导或分管领导签字,否则不予批准"
        if item.returns >= 1 && !leaderSigned {
            throw .leaderSignatureRequired
        }
        // 000 阳政办(2017)33号 附件2: "应在一个工作日内…反馈…退回申请单"
        let late = try isLate(policy.returnWorkingDays, .workingDays, after: item.assignedAt)
        var facts = moved
        facts.returns += 1
        facts.assignedUnitID = nil
        facts.assignedAt = nil
        facts.deadline = nil
        var effects: [ItemEffect] = [.closeWatch(.signFor)]
        if item.deadline != nil {
            effects.append(.closeWatch(.rectification))
        }
        effects.append(.notifyUnit(item.registeringUnitID, about: .return))
        return transition(.return, to: facts, effects: effects, note: reason, late: late)
    }

    /// 开始整改.
    func startWork() -> ItemTransition {
        transition(.startWork, to: moved, effects: [])
    }

    /// 撤销 — only before a unit accepted the item (see ``ItemMachine/target(of:from:)``).
    func cancel(reason: String) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        var facts = moved
        facts.listingLevel = nil
        facts.listingTarget = nil
        facts.suspensionRequestedAt = nil
        var effects: [ItemEffect] = []
        if item.state == .assigned {
            effects.append(.closeWatch(.signFor))
            if item.deadline != nil {
                effects.append(.closeWatch(.rectification))
            }
        }
        effects += endListingAndSuspension
        effects += notifyAssigned(.cancel)
        return transition(.cancel, to: facts, effects: effects, note: reason)
    }
}
