import Foundation

/// 台账督办 — the one life cycle of every supervised item (SPEC M3): hazards, referrals, tasks and
/// problems differ only by ``ItemPolicy``.
///
/// Pure: it reads no clock and stores nothing. The server loads an item's ``ItemFacts``, calls
/// ``apply(_:to:by:at:calculator:policy:)`` with the time of the request, stores the new facts and
/// timeline entry, and carries out the effects.
public enum ItemMachine {
    /// Applies `event` by `actor` at `now`.
    ///
    /// Checks, in this order: the state table (``target(of:from:)``), the actor's role
    /// (``roles(for:)``), the actor's unit (assigned unit for the unit's own acts, any other unit for
    /// verification and look-backs), then the event's own rules. `policy` defaults to
    /// ``ItemPolicy/standard(for:)`` of the item's kind.
    public static func apply(
        _ event: ItemEvent, to item: ItemFacts, by actor: ActorFacts, at now: Date,
        calculator: DeadlineCalculator, policy: ItemPolicy? = nil
    ) -> Result<ItemTransition, ItemTransitionError> {
        let policy = policy ?? .standard(for: item.kind)
        do throws(ItemTransitionError) {
            guard let target = target(of: event.kind, from: item.state) else {
                throw .invalidState(item.state, event.kind)
            }
            try authorize(event.kind, on: item, by: actor, policy: policy)
            let step = ItemStep(item: item, target: target, actor: actor, now: now, calculator: calculator, policy: policy)
            return .success(try step.run(event))
        } catch {
            return .failure(error)
        }
    }

    /// The state table: the state `event` leads to from `state`, or nil when it is not allowed there.
    ///
    /// Listing, escalation and suspension events keep the state and are allowed in every open state.
    public static func target(of event: ItemEventKind, from state: ItemState) -> ItemState? {
        switch event {
        case .list, .escalateListing, .requestSuspension, .decideSuspension:
            return state.isOpen ? state : nil
        case .assign:
            return state == .registered ? .assigned : nil
        case .reassign:
            return state == .returned ? .assigned : nil
        case .cancel:
            // Withdrawal only before a unit has accepted the item.
            return [.registered, .assigned, .returned].contains(state) ? .cancelled : nil
        case .signFor:
            return state == .assigned ? .signedFor : nil
        case .return:
            // 000 阳政办(2017)33号 附件2: a unit returns what is outside its remit, before handling it.
            return state == .assigned ? .returned : nil
        case .startWork:
            return state == .signedFor ? .inProgress : nil
        case .requestExtension, .approveExtension, .rejectExtension:
            return state == .signedFor || state == .inProgress ? state : nil
        case .submit:
            return state == .inProgress ? .submitted : nil
        case .verifyPass:
            return state == .submitted ? .verified : nil
        case .verifyFail:
            return state == .submitted ? .inProgress : nil
        case .close:
            return state == .verified ? .closed : nil
        case .lookBackPass:
            return state == .closed ? .closed : nil
        case .lookBackFail:
            return state == .closed ? .inProgress : nil
        case .closeAtIntake:
            return state == .registered ? .closed : nil
        }
    }
}
