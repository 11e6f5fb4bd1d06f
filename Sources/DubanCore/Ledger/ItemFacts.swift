import Foundation

/// What the ledger rules need to know about one supervised item. The server loads these from its
/// tables, hands them to ``ItemMachine``, and stores the facts of the resulting ``ItemTransition``.
public struct ItemFacts: Hashable, Codable, Sendable {
    /// What the item is; selects the ``ItemPolicy``.
    public var kind: ItemKind
    /// Where it is in its life cycle.
    public var state: ItemState
    /// 一般 / 重大; only hazards use ``HazardGrade/major``.
    public var grade: HazardGrade
    /// 五落实, required before a major hazard is assigned.
    public var fiveImplementations: FiveImplementations
    /// The unit that registered and dispatches the item; a return goes back to it, and a referral's
    /// sender gets feedback (002 篇1).
    public var registeringUnitID: String
    /// The unit that must fix it; nil before assignment and after a return.
    public var assignedUnitID: String?
    /// When it was last assigned.
    public var assignedAt: Date?
    /// The deadline in force, after approved extensions.
    public var deadline: Date?
    /// Extensions granted so far, over the item's whole life.
    public var extensionsApproved: Int
    /// The extension request waiting for a decision, if any.
    public var pendingExtension: ItemExtensionRequest?
    /// The approved extensions, oldest first (the 附件7 score reads when each was asked for); nil in
    /// facts stored before it was kept.
    public var approvedExtensions: [ItemExtensionRequest]?
    /// How many times units have returned the item.
    public var returns: Int
    /// 返工 — how many times a verification or look-back reopened it.
    public var reworks: Int
    /// When the fix was last reported.
    public var submittedAt: Date?
    /// When it was closed (销号).
    public var closedAt: Date?
    /// 挂牌督办 — the level it is listed at, if listed.
    public var listingLevel: ListingLevel?
    /// The listing's target date; past it, the listing may be escalated.
    public var listingTarget: Date?
    /// When the fire service asked for a suspension still awaiting the government's decision.
    public var suspensionRequestedAt: Date?

    /// An item's facts; a new item needs only its kind and registering unit (and grade and
    /// five implementations for a hazard).
    public init(
        kind: ItemKind, registeringUnitID: String, state: ItemState = .registered,
        grade: HazardGrade = .general, fiveImplementations: FiveImplementations = FiveImplementations(),
        assignedUnitID: String? = nil, assignedAt: Date? = nil, deadline: Date? = nil,
        extensionsApproved: Int = 0, pendingExtension: ItemExtensionRequest? = nil,
        returns: Int = 0, reworks: Int = 0, submittedAt: Date? = nil, closedAt: Date? = nil,
        listingLevel: ListingLevel? = nil, listingTarget: Date? = nil, suspensionRequestedAt: Date? = nil
    ) {
        self.kind = kind
        self.registeringUnitID = registeringUnitID
        self.state = state
        self.grade = grade
        self.fiveImplementations = fiveImplementations
        self.assignedUnitID = assignedUnitID
        self.assignedAt = assignedAt
        self.deadline = deadline
        self.extensionsApproved = extensionsApproved
        self.pendingExtension = pendingExtension
        self.returns = returns
        self.reworks = reworks
        self.submittedAt = submittedAt
        self.closedAt = closedAt
        self.listingLevel = listingLevel
        self.listingTarget = listingTarget
        self.suspensionRequestedAt = suspensionRequestedAt
    }
}
