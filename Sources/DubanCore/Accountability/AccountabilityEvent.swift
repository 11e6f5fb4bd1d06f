import Foundation

/// An event offered to ``AccountabilityMachine``, with what it carries.
public enum AccountabilityEvent: Hashable, Sendable {
    /// Confirm the proposal. For a 约谈, `interviewDate` (the China date the interview is or was held)
    /// is required and opens the plan deadline; `principalLeader` says whether the principal leader
    /// (主要领导) is the one interviewed (附件5 第七条(七) counts those).
    case confirm(note: String?, interviewDate: LocalDate?, principalLeader: Bool)
    /// Dismiss the proposal; the note is required.
    case dismiss(note: String)
    /// Submit the rectification plan; `document` names the uploaded plan.
    case submitPlan(document: String)
    /// Accept the plan.
    case acceptPlan(note: String?)
    /// Return the plan for a new one; the note is required.
    case returnPlan(note: String)
    /// Appeal (复议); the grounds are required.
    case appeal(note: String)
    /// Uphold the action after an appeal; the note is required.
    case upholdAppeal(note: String)
    /// Grant the appeal and withdraw the action; the note is required.
    case grantAppeal(note: String)

    /// The event's kind.
    public var kind: AccountabilityEventKind {
        switch self {
        case .confirm: .confirm
        case .dismiss: .dismiss
        case .submitPlan: .submitPlan
        case .acceptPlan: .acceptPlan
        case .returnPlan: .returnPlan
        case .appeal: .appeal
        case .upholdAppeal: .upholdAppeal
        case .grantAppeal: .grantAppeal
        }
    }

    /// The note or document text carried, if any.
    var text: String? {
        switch self {
        case .confirm(let note, _, _), .acceptPlan(let note): note
        case .dismiss(let note), .returnPlan(let note), .appeal(let note), .upholdAppeal(let note),
             .grantAppeal(let note), .submitPlan(let note): note
        }
    }
}

/// Who performs an event: a role and the actor's unit.
public struct AccountabilityActor: Hashable, Codable, Sendable {
    /// The actor's role.
    public var role: Role
    /// The actor's unit; a unit operator may act only on its own unit's actions.
    public var unit: String
    /// The account, for the record.
    public var userID: String

    /// An actor.
    public init(role: Role, unit: String, userID: String) {
        self.role = role
        self.unit = unit
        self.userID = userID
    }
}

/// One recorded step of an action ("Every step is recorded and shown on the unit's page", issue #6).
public struct AccountabilityStep: Hashable, Codable, Sendable {
    /// The event.
    public var event: AccountabilityEventKind
    /// The state after it.
    public var state: AccountabilityState
    /// When.
    public var at: Date
    /// Who.
    public var actor: AccountabilityActor
    /// The note or document text.
    public var text: String?
}
