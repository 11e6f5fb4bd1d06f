import Foundation

/// Why ``ItemMachine`` refused an event. Each case has a stable `code` and names the offending
/// `field`, ready for the API's `{"error":{"code","message","field"}}`.
public enum ItemTransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The event is not allowed in this state (see ``ItemMachine/target(of:from:)``).
    case invalidState(ItemState, ItemEventKind)
    /// The actor's role may not perform this event.
    case forbiddenRole(Role, ItemEventKind)
    /// Only the assigned unit may sign for, return, work on, extend or report the item.
    case notAssignedUnit
    /// Separation of duties: the unit that did the fix may not verify it or look back at it.
    case verifierIsAssignedUnit
    /// A required value is missing or blank.
    case required(field: String)
    /// A major hazard may not leave registration before all five implementations are present
    /// (003 仙游: "重大隐患100%落實"); the API names of the missing ones.
    case fiveImplementationsMissing([String])
    /// A deadline or target date must lie after the time of the event.
    case notInFuture(field: String)
    /// A second return needs the leader's signature (000 阳政办(2017)33号 附件2).
    case leaderSignatureRequired
    /// The item has no deadline to extend.
    case noDeadline
    /// The item already had the maximum number of extensions (000 阳政办(2017)33号 附件2:
    /// "延期次数不得超过二次").
    case extensionLimitReached(maximum: Int)
    /// The request came less than the lead time before the deadline
    /// (000 阳政办(2017)33号 附件7: "案件延期需提前1个工作日递交书面申请").
    case extensionTooLate(deadline: Date, leadWorkingHours: Int)
    /// The requested deadline is not later than the current one.
    case extensionNotLater
    /// An extension request is already waiting for a decision.
    case extensionPending
    /// There is no extension request to decide.
    case noPendingExtension
    /// The report has fewer evidence files than the policy requires.
    case evidenceRequired(minimum: Int)
    /// Only a major hazard may be listed or suspended.
    case notMajorHazard
    /// The item is already listed; escalate instead.
    case alreadyListed
    /// The item is not listed.
    case notListed
    /// A listing may be escalated only after its target date has passed (升级督办 of late items).
    case listingNotLate
    /// A province-level listing cannot go higher.
    case listingAtTop
    /// A suspension request is already waiting for the government's decision.
    case suspensionPending
    /// There is no suspension request to decide.
    case noSuspensionRequest
    /// A deadline could not be computed (an instant outside years 1–9999).
    /// The event is not one this kind of item takes (e.g. closing at intake is the hotline's).
    case notForThisKind(ItemKind, ItemEventKind)
    case calendar(CalendarError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidState: "invalid_state"
        case .forbiddenRole: "forbidden_role"
        case .notAssignedUnit: "not_assigned_unit"
        case .verifierIsAssignedUnit: "verifier_is_assigned_unit"
        case .required: "required"
        case .fiveImplementationsMissing: "five_implementations_missing"
        case .notInFuture: "not_in_future"
        case .leaderSignatureRequired: "leader_signature_required"
        case .noDeadline: "no_deadline"
        case .extensionLimitReached: "extension_limit_reached"
        case .extensionTooLate: "extension_too_late"
        case .extensionNotLater: "extension_not_later"
        case .extensionPending: "extension_pending"
        case .noPendingExtension: "no_pending_extension"
        case .evidenceRequired: "evidence_required"
        case .notMajorHazard: "not_major_hazard"
        case .alreadyListed: "already_listed"
        case .notListed: "not_listed"
        case .listingNotLate: "listing_not_late"
        case .listingAtTop: "listing_at_top"
        case .suspensionPending: "suspension_pending"
        case .noSuspensionRequest: "no_suspension_request"
        case .notForThisKind: "not_for_this_kind"
        case .calendar(let error): error.code
        }
    }

    /// The field at fault, as the API names it.
    public var field: String {
        switch self {
        case .invalidState: "state"
        case .forbiddenRole: "role"
        case .notAssignedUnit, .verifierIsAssignedUnit: "unitID"
        case .required(let field), .notInFuture(let field): field
        case .fiveImplementationsMissing: "fiveImplementations"
        case .leaderSignatureRequired: "leaderSigned"
        case .noDeadline: "deadline"
        case .extensionLimitReached: "extensionsApproved"
        case .extensionTooLate: "requestedAt"
        case .extensionNotLater: "newDue"
        case .extensionPending, .noPendingExtension: "pendingExtension"
        case .evidenceRequired: "evidenceCount"
        case .notMajorHazard: "grade"
        case .alreadyListed, .notListed, .listingAtTop: "listingLevel"
        case .listingNotLate: "listingTarget"
        case .suspensionPending, .noSuspensionRequest: "suspensionRequestedAt"
        case .notForThisKind: "event"
        case .calendar(let error): error.field
        }
    }

    /// An English message for people.
    public var message: String {
        switch self {
        case .invalidState(let state, let event):
            "\(event.rawValue) is not allowed when the item is \(state.rawValue)"
        case .forbiddenRole(let role, let event):
            "the role \(role.rawValue) may not \(event.rawValue)"
        case .notAssignedUnit:
            "only the unit the item is assigned to may do this"
        case .verifierIsAssignedUnit:
            "the unit that fixed the item may not check it; another unit must"
        case .required(let field):
            "\(field) is required"
        case .fiveImplementationsMissing(let missing):
            "a major hazard needs all five implementations before assignment; missing: \(missing.joined(separator: ", "))"
        case .notInFuture(let field):
            "\(field) must be later than now"
        case .leaderSignatureRequired:
            "a second return needs the signature of the unit's principal or responsible leader"
        case .noDeadline:
            "the item has no deadline to extend"
        case .extensionLimitReached(let maximum):
            "the item already had \(maximum) extensions, the most allowed"
        case .extensionTooLate(let deadline, let lead):
            "an extension must be requested at least \(lead) working hours before the deadline \(deadline)"
        case .extensionNotLater:
            "the new deadline must be later than the current one"
        case .extensionPending:
            "an extension request is already waiting for a decision"
        case .noPendingExtension:
            "there is no extension request to decide"
        case .evidenceRequired(let minimum):
            "the report needs at least \(minimum) evidence file\(minimum == 1 ? "" : "s")"
        case .notMajorHazard:
            "only a major hazard may be listed for supervision or suspended"
        case .alreadyListed:
            "the item is already listed; escalate the listing instead"
        case .notListed:
            "the item is not listed for supervision"
        case .listingNotLate:
            "a listing may be escalated only after its target date"
        case .listingAtTop:
            "the listing is already at the province level"
        case .suspensionPending:
            "a suspension request is already waiting for the government's decision"
        case .noSuspensionRequest:
            "there is no suspension request to decide"
        case .notForThisKind(let kind, let event):
            "a \(kind.rawValue) item does not take \(event.rawValue)"
        case .calendar(let error):
            error.message
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }
}
