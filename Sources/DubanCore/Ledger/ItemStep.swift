import Foundation

/// One application of an event: the facts, the target state already checked against the table,
/// and the helpers the event rules share. Internal to ``ItemMachine``.
struct ItemStep {
    let item: ItemFacts
    let target: ItemState
    let actor: ActorFacts
    let now: Date
    let calculator: DeadlineCalculator
    let policy: ItemPolicy

    /// Runs the rules of `event`, whose state and actor have been checked.
    func run(_ event: ItemEvent) throws(ItemTransitionError) -> ItemTransition {
        switch event {
        case .assign(let unitID, let deadline): try assign(unitID: unitID, deadline: deadline, as: .assign)
        case .reassign(let unitID, let deadline): try assign(unitID: unitID, deadline: deadline, as: .reassign)
        case .signFor: try signFor()
        case .return(let reason, let leaderSigned): try giveBack(reason: reason, leaderSigned: leaderSigned)
        case .startWork: startWork()
        case .cancel(let reason): try cancel(reason: reason)
        case .requestExtension(let newDue, let reason): try requestExtension(newDue: newDue, reason: reason)
        case .approveExtension: try approveExtension()
        case .rejectExtension(let reason): try rejectExtension(reason: reason)
        case .submit(let result, let evidenceCount): try submit(result: result, evidenceCount: evidenceCount)
        case .verifyPass: try verifyPass()
        case .verifyFail(let reason, let newDeadline): try verifyFail(reason: reason, newDeadline: newDeadline)
        case .close: close()
        case .lookBackPass: lookBackPass()
        case .lookBackFail(let reason, let deadline): try lookBackFail(reason: reason, deadline: deadline)
        case .list(let level, let targetDate): try list(level: level, targetDate: targetDate)
        case .escalateListing(let targetDate): try escalateListing(targetDate: targetDate)
        case .requestSuspension(let reason): try requestSuspension(reason: reason)
        case .decideSuspension(let suspend): try decideSuspension(suspend: suspend)
        case .closeAtIntake(let reason): try closeAtIntake(reason: reason)
        }
    }

    /// The facts with the state moved to the target.
    var moved: ItemFacts {
        var facts = item
        facts.state = target
        return facts
    }

    /// The transition to `facts` with its timeline entry.
    func transition(
        _ event: ItemEventKind, to facts: ItemFacts, effects: [ItemEffect], note: String? = nil, late: Bool = false
    ) -> ItemTransition {
        ItemTransition(
            facts: facts,
            entry: ItemTimelineEntry(
                event: event, from: item.state, to: facts.state, at: now, actor: actor, note: note, late: late),
            effects: effects)
    }

    /// `amount` `unit`s after `start`, with calendar failures as ``ItemTransitionError/calendar(_:)``.
    func due(_ amount: Int, _ unit: DeadlineUnit, after start: Date) throws(ItemTransitionError) -> Deadline {
        do {
            return try calculator.due(from: start, amount: amount, unit: unit)
        } catch let error as CalendarError {
            throw .calendar(error)
        } catch {
            throw .calendar(.outOfRange(field: "now", reason: "\(error)"))
        }
    }

    /// Whether an act now misses a time limit of `amount` `unit`s counted from `start`; false
    /// without a start or a positive amount.
    func isLate(_ amount: Int?, _ unit: DeadlineUnit, after start: Date?) throws(ItemTransitionError) -> Bool {
        guard let start, let amount, amount > 0 else { return false }
        return try due(amount, unit, after: start).isMissed(at: now)
    }

    /// `text` without surrounding white space; throws ``ItemTransitionError/required(field:)`` when blank.
    func required(_ text: String, field: String) throws(ItemTransitionError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .required(field: field) }
        return trimmed
    }

    /// Throws ``ItemTransitionError/notInFuture(field:)`` unless `date` is after now.
    func requireFuture(_ date: Date, field: String) throws(ItemTransitionError) {
        guard date > now else { throw .notInFuture(field: field) }
    }

    /// Tell the assigned unit, when there is one.
    func notifyAssigned(_ event: ItemEventKind) -> [ItemEffect] {
        item.assignedUnitID.map { [.notifyUnit($0, about: event)] } ?? []
    }

    /// Effects that end the public listing and the pending suspension, when there are any.
    var endListingAndSuspension: [ItemEffect] {
        var effects: [ItemEffect] = []
        if item.listingLevel != nil {
            effects += [.endListing, .closeWatch(.listingTarget)]
        }
        if item.suspensionRequestedAt != nil {
            effects.append(.closeWatch(.suspensionDecision))
        }
        return effects
    }
}
