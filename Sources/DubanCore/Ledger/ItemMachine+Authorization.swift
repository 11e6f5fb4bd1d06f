extension ItemMachine {
    /// The roles that may perform `event` (SPEC §1):
    /// - assign, reassign, close, cancel: supervisor, dispatcher, admin;
    /// - sign for, return, start work, request an extension, submit: the assigned unit's operator, or
    ///   the enterprise itself for its own hazard (自查自报自改);
    /// - approve or reject an extension, list, escalate a listing: supervisor
    ///   (000 阳政办(2017)33号 附件2: "经同意后方可延长办理期限");
    /// - verify and look back: inspector, supervisor — from another unit than the assigned one (a
    ///   policy may name other verifiers: see ``roles(for:policy:)``);
    /// - close at intake: dispatcher, supervisor, admin, where the policy allows it (the hotline);
    /// - request a suspension: inspector (the fire service, 002 篇3);
    /// - decide a suspension: supervisor, leader (the government, 002 篇3).
    ///
    /// Where the policy says the sender dispatches (referrals), the registering unit's inspector or
    /// operator also assigns, reassigns, closes and withdraws (see ``authorize(_:on:by:policy:)``).
    public static func roles(for event: ItemEventKind) -> Set<Role> {
        switch event {
        case .assign, .reassign, .close, .cancel:
            [.supervisor, .dispatcher, .admin]
        case .signFor, .return, .startWork, .requestExtension, .submit:
            [.unitOperator, .enterprise]
        case .approveExtension, .rejectExtension, .list, .escalateListing:
            [.supervisor]
        case .verifyPass, .verifyFail, .lookBackPass, .lookBackFail:
            [.inspector, .supervisor]
        case .requestSuspension:
            [.inspector]
        case .decideSuspension:
            [.supervisor, .leader]
        case .closeAtIntake:
            [.dispatcher, .supervisor, .admin]
        }
    }

    /// The roles that may perform `event` on an item under `policy`: ``roles(for:)``, with the policy's
    /// verifiers for verification and look-backs.
    public static func roles(for event: ItemEventKind, policy: ItemPolicy) -> Set<Role> {
        switch event {
        case .verifyPass, .verifyFail, .lookBackPass, .lookBackFail: policy.verifierRoles
        default: roles(for: event)
        }
    }

    /// Role and unit checks for `event` on `item` by `actor`.
    static func authorize(
        _ event: ItemEventKind, on item: ItemFacts, by actor: ActorFacts, policy: ItemPolicy
    ) throws(ItemTransitionError) {
        let senderDispatching = policy.senderDispatches && actor.unitID == item.registeringUnitID
            && [.inspector, .unitOperator].contains(actor.role) && [.assign, .reassign, .close, .cancel].contains(event)
        guard roles(for: event, policy: policy).contains(actor.role) || senderDispatching else {
            throw .forbiddenRole(actor.role, event)
        }
        if event == .closeAtIntake && !policy.closesAtIntake {
            throw .notForThisKind(item.kind, event)
        }
        switch event {
        case .signFor, .return, .startWork, .requestExtension, .submit:
            guard actor.unitID == item.assignedUnitID else { throw .notAssignedUnit }
        case .verifyPass, .verifyFail, .lookBackPass, .lookBackFail:
            // Separation of duties: whoever fixed it does not pass it.
            if policy.verificationByOtherUnit && actor.unitID == item.assignedUnitID {
                throw .verifierIsAssignedUnit
            }
        case .assign, .reassign, .approveExtension, .rejectExtension, .close, .cancel, .list,
             .escalateListing, .requestSuspension, .decideSuspension, .closeAtIntake:
            break
        }
    }
}
