/// The rule values one kind of item runs on. The life cycle is the same for every kind
/// (``ItemMachine``); what differs is here. ``standard(for:)`` gives Duban's values, citing the seed
/// where one gives the number and saying "default" where none does; an administrator may change them.
public struct ItemPolicy: Hashable, Codable, Sendable {
    /// The kind these values are for.
    public var kind: ItemKind
    /// Whether the kind has major items at all: only those can be listed for supervision
    /// (挂牌督办), suspended, and given a timed acceptance check.
    public var hasMajorGrade: Bool
    /// Whether a major item needs all five implementations before assignment
    /// (003 仙游: "重大隐患100%落實整改責任、措施、資金、時限、預案").
    public var fiveImplementationsRequiredForMajor: Bool
    /// Whether assignment must set a deadline; a task may have none ("长期坚持").
    public var deadlineRequired: Bool
    /// Whether verification and look-backs must come from a unit other than the assigned one.
    public var verificationByOtherUnit: Bool
    /// The most extensions an item may get (000 阳政办(2017)33号 附件2: "延期次数不得超过二次").
    public var maxExtensions: Int
    /// How far ahead of the deadline an extension must be requested, in working hours (0: any time)
    /// (000 阳政办(2017)33号 附件7: "提前1个工作日"; SPEC A2 item 8: 8 working hours).
    public var extensionLeadWorkingHours: Int
    /// The sign-for time after assignment, in working hours; 0 for no sign-for watch.
    public var signForWorkingHours: Int
    /// The return window after assignment, in working days; a later return is allowed and marked late.
    public var returnWorkingDays: Int
    /// The days after a major item's report within which it must be checked; nil for no watch.
    public var majorAcceptanceDays: Int?
    /// The days after a suspension request within which the government decides (002 篇3); 0 for no watch.
    public var suspensionDecisionDays: Int
    /// The fewest evidence files a report may carry.
    public var minimumEvidence: Int
    /// Whether closing the item reports back to the registering unit as the sender (002 篇1:
    /// "按相关职责予以查处,并反馈至消防部门").
    public var reportsBackToSender: Bool
    /// Whether the registering unit's own staff (inspector or operator) send, re-send, close and
    /// withdraw the item, as a department does with the violations it refers to another
    /// (002 篇1: "消防部门…抄送相关行业部门").
    public var senderDispatches: Bool
    /// Who checks a report and looks back (验收, 回头看). For hazards the inspectors and supervisors; for
    /// a hotline case the call-back staff (回访, the dispatcher role), the supervisors, and the
    /// third-party evaluators for dissatisfied cases (000 阳政办(2017)33号 附件1: "第三方评价").
    public var verifierRoles: Set<Role>
    /// Whether the item may be closed at intake (the hotline answers from its knowledge base, or closes
    /// what is out of scope, 000 阳政办(2017)33号 附件1).
    public var closesAtIntake: Bool

    /// Policy values for `kind`; see ``standard(for:)`` for Duban's.
    public init(
        kind: ItemKind, hasMajorGrade: Bool, fiveImplementationsRequiredForMajor: Bool,
        deadlineRequired: Bool, verificationByOtherUnit: Bool, maxExtensions: Int,
        extensionLeadWorkingHours: Int, signForWorkingHours: Int, returnWorkingDays: Int,
        majorAcceptanceDays: Int?, suspensionDecisionDays: Int, minimumEvidence: Int,
        reportsBackToSender: Bool, senderDispatches: Bool = false,
        verifierRoles: Set<Role> = [.inspector, .supervisor], closesAtIntake: Bool = false
    ) {
        self.kind = kind
        self.hasMajorGrade = hasMajorGrade
        self.fiveImplementationsRequiredForMajor = fiveImplementationsRequiredForMajor
        self.deadlineRequired = deadlineRequired
        self.verificationByOtherUnit = verificationByOtherUnit
        self.maxExtensions = maxExtensions
        self.extensionLeadWorkingHours = extensionLeadWorkingHours
        self.signForWorkingHours = signForWorkingHours
        self.returnWorkingDays = returnWorkingDays
        self.majorAcceptanceDays = majorAcceptanceDays
        self.suspensionDecisionDays = suspensionDecisionDays
        self.minimumEvidence = minimumEvidence
        self.reportsBackToSender = reportsBackToSender
        self.senderDispatches = senderDispatches
        self.verifierRoles = verifierRoles
        self.closesAtIntake = closesAtIntake
    }

    /// Whether `item` counts as major under this policy.
    public func isMajor(_ item: ItemFacts) -> Bool {
        hasMajorGrade && item.grade == .major
    }
}
