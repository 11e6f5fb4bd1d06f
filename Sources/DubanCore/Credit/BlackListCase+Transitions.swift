import Foundation

extension BlackListCase {
    /// The state table: the state `event` leads to from `state`, or nil when it is not allowed there.
    public static func target(of event: BlackListEventKind, from state: BlackListState) -> BlackListState? {
        switch event {
        case .notify: state == .proposed ? .notified : nil
        case .submitStatement: state == .notified ? .notified : nil
        case .list: state == .notified ? .listed : nil
        case .dismiss: state == .proposed || state == .notified ? .dismissed : nil
        case .applyForRemoval: state == .listed ? .removalRequested : nil
        case .approveRemoval: state == .removalRequested ? .removed : nil
        case .refuseRemoval: state == .removalRequested ? .listed : nil
        case .expire: state.isListed ? .removed : nil
        }
    }

    /// The case after `event` at `now`. Checks the state table first, then the event's own rules;
    /// throws ``CreditError`` with the reason when refused. `rules` give the statement window, the
    /// listing period and the early-removal wait, fixed on the case when they start.
    public func applying(
        _ event: BlackListEvent, at now: Date, calculator: DeadlineCalculator, rules: CreditRules
    ) throws(CreditError) -> BlackListCase {
        guard let target = Self.target(of: event.kind, from: state) else {
            throw .invalidState(procedure: "black_list_case", state: state.rawValue, event: event.kind.rawValue)
        }
        var next = self
        next.state = target
        let today = CreditTime.day(of: now)
        switch event {
        case .notify:
            next.notifiedAt = now
            next.statementDue = try CreditTime.workingDays(rules.blackList.statementWorkingDays, after: now, calculator: calculator)
        case .submitStatement(let text):
            if let due = statementDue, due.isMissed(at: now) { throw .statementWindowClosed(closed: due.due) }
            next.statement = try CreditError.requireText(text, field: "statement")
            next.statementAt = now
        case .list(let decisionDocument, let conditions):
            next.decisionDocument = try CreditError.requireText(decisionDocument, field: "decisionDocument")
            guard !conditions.isEmpty else { throw .noEntryCondition }
            // 陈述申辩: decide once the subject has stated its case or the window has closed.
            if statementAt == nil, let due = statementDue, !due.isMissed(at: now) {
                throw .statementWindowOpen(closes: due.due)
            }
            next.reasons = conditions
            next.listedAt = now
            next.listedOn = today
            next.listingEndsOn = CreditTime.adding(months: rules.blackList.listingMonths, to: today)
            next.earlyRemovalFrom = CreditTime.adding(months: rules.blackList.earlyRemovalAfterMonths, to: today)
        case .dismiss(let reason):
            next.dismissalReason = try CreditError.requireText(reason, field: "reason")
            next.dismissedAt = now
        case .applyForRemoval(let conditions):
            if let from = earlyRemovalFrom, today < from { throw .earlyRemovalTooSoon(from: from) }
            guard conditions.isEmpty else { throw .entryConditionsHold(conditions) }
            next.removalAppliedAt = now
            next.removalRefusalReason = nil
        case .approveRemoval(let conditions):
            guard conditions.isEmpty else { throw .entryConditionsHold(conditions) }
            next.removedAt = now
            next.removal = .early
        case .refuseRemoval(let reason):
            next.removalRefusalReason = try CreditError.requireText(reason, field: "reason")
        case .expire:
            if let endsOn = listingEndsOn, today < endsOn { throw .listingNotEnded(endsOn: endsOn) }
            next.removedAt = now
            next.removal = .expired
        }
        return next
    }
}
