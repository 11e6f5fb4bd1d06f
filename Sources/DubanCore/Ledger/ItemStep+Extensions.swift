import Foundation

extension ItemStep {
    /// 申请延期 — at most ``ItemPolicy/maxExtensions`` (000 阳政办(2017)33号 附件2: "延期次数不得超过二次"),
    /// requested at least ``ItemPolicy/extensionLeadWorkingHours`` before the deadline
    /// (000 阳政办(2017)33号 附件7: "案件延期需提前1个工作日递交书面申请"; SPEC A2 item 8: too late when
    /// 8 working hours from the request end after the deadline).
    func requestExtension(newDue: Date, reason: String) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        guard item.pendingExtension == nil else { throw .extensionPending }
        guard let deadline = item.deadline else { throw .noDeadline }
        guard item.extensionsApproved < policy.maxExtensions else {
            throw .extensionLimitReached(maximum: policy.maxExtensions)
        }
        guard newDue > deadline else { throw .extensionNotLater }
        if policy.extensionLeadWorkingHours > 0 {
            let earliestDue = try due(policy.extensionLeadWorkingHours, .workingHours, after: now)
            guard earliestDue.due <= deadline else {
                throw .extensionTooLate(deadline: deadline, leadWorkingHours: policy.extensionLeadWorkingHours)
            }
        }
        var facts = moved
        facts.pendingExtension = ItemExtensionRequest(
            requestedAt: now, previousDue: deadline, newDue: newDue, reason: reason)
        return transition(
            .requestExtension, to: facts, effects: [.notifySupervisors(about: .requestExtension)], note: reason)
    }

    /// 同意延期 — the deadline moves and its watch restarts.
    func approveExtension() throws(ItemTransitionError) -> ItemTransition {
        guard let request = item.pendingExtension else { throw .noPendingExtension }
        guard item.extensionsApproved < policy.maxExtensions else {
            throw .extensionLimitReached(maximum: policy.maxExtensions)
        }
        var facts = moved
        facts.deadline = request.newDue
        facts.extensionsApproved += 1
        facts.approvedExtensions = (item.approvedExtensions ?? []) + [request]
        facts.pendingExtension = nil
        let effects: [ItemEffect] = [.watchDeadline(.rectification, due: request.newDue, rule: nil)]
            + notifyAssigned(.approveExtension)
        return transition(.approveExtension, to: facts, effects: effects)
    }

    /// 不同意延期 — the deadline stays.
    func rejectExtension(reason: String) throws(ItemTransitionError) -> ItemTransition {
        let reason = try required(reason, field: "reason")
        guard item.pendingExtension != nil else { throw .noPendingExtension }
        var facts = moved
        facts.pendingExtension = nil
        return transition(.rejectExtension, to: facts, effects: notifyAssigned(.rejectExtension), note: reason)
    }
}
