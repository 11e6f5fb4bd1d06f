import Foundation

/// 严重失信主体名单案件 — one black-listing of one subject, from proposal to removal (SPEC A3):
/// the subject is notified (告知) and may state its case (陈述申辩) within 5 working days; the
/// listing decision is written and published; a listing lasts 3 years, and early removal may be
/// applied for after 12 months if no entry condition still holds. The procedure follows the
/// Ministry of Emergency Management's order No. 11 (应急管理部令第11号) as SPEC A3 describes it; the
/// entry conditions come from 004 成府发〔2015〕29号 (accident responsibility, ≥ 2 penalties in 12 months).
///
/// Pure: ``applying(_:at:calculator:rules:)`` returns the case after an event, or throws.
public struct BlackListCase: Hashable, Codable, Sendable, Identifiable {
    /// The case id.
    public var id: String
    /// The subject (信用主体).
    public var subjectID: String
    /// Where the case is.
    public var state: BlackListState
    /// The entry conditions found at proposal, replaced by those holding at listing.
    public var reasons: [BlackListReason]
    /// When the listing was proposed.
    public var proposedAt: Date
    /// When the subject was notified.
    public var notifiedAt: Date?
    /// The end of the statement window: 5 working days after notification (A1 `working_days`).
    public var statementDue: Deadline?
    /// The subject's statement (陈述申辩), if it made one.
    public var statement: String?
    /// When the statement was made.
    public var statementAt: Date?
    /// The written listing decision's document number.
    public var decisionDocument: String?
    /// When the listing was decided and published.
    public var listedAt: Date?
    /// The China day of listing; the periods count from it.
    public var listedOn: LocalDate?
    /// The first day off the list: ``listedOn`` + 36 months.
    public var listingEndsOn: LocalDate?
    /// The first day early removal may be applied for: ``listedOn`` + 12 months.
    public var earlyRemovalFrom: LocalDate?
    /// When the subject last applied for early removal.
    public var removalAppliedAt: Date?
    /// Why the last early-removal application was refused.
    public var removalRefusalReason: String?
    /// When the subject was removed from the list.
    public var removedAt: Date?
    /// How the listing ended.
    public var removal: BlackListRemoval?
    /// When the case was closed without listing.
    public var dismissedAt: Date?
    /// Why it was closed without listing.
    public var dismissalReason: String?

    /// A case with every stored value given, e.g. as loaded from the database.
    public init(
        id: String, subjectID: String, state: BlackListState, reasons: [BlackListReason], proposedAt: Date,
        notifiedAt: Date? = nil, statementDue: Deadline? = nil, statement: String? = nil, statementAt: Date? = nil,
        decisionDocument: String? = nil, listedAt: Date? = nil, listedOn: LocalDate? = nil,
        listingEndsOn: LocalDate? = nil, earlyRemovalFrom: LocalDate? = nil, removalAppliedAt: Date? = nil,
        removalRefusalReason: String? = nil, removedAt: Date? = nil, removal: BlackListRemoval? = nil,
        dismissedAt: Date? = nil, dismissalReason: String? = nil
    ) {
        self.id = id
        self.subjectID = subjectID
        self.state = state
        self.reasons = reasons
        self.proposedAt = proposedAt
        self.notifiedAt = notifiedAt
        self.statementDue = statementDue
        self.statement = statement
        self.statementAt = statementAt
        self.decisionDocument = decisionDocument
        self.listedAt = listedAt
        self.listedOn = listedOn
        self.listingEndsOn = listingEndsOn
        self.earlyRemovalFrom = earlyRemovalFrom
        self.removalAppliedAt = removalAppliedAt
        self.removalRefusalReason = removalRefusalReason
        self.removedAt = removedAt
        self.removal = removal
        self.dismissedAt = dismissedAt
        self.dismissalReason = dismissalReason
    }

    /// 拟列入 — a new case for `subjectID` because `conditions` hold at `now`
    /// (``CreditStanding/blackListReasons``). Throws ``CreditError/noEntryCondition`` when none does.
    public static func propose(
        id: String, subjectID: String, conditions: [BlackListReason], at now: Date
    ) throws(CreditError) -> BlackListCase {
        let id = try CreditError.requireText(id, field: "id")
        let subjectID = try CreditError.requireText(subjectID, field: "subjectID")
        guard !conditions.isEmpty else { throw .noEntryCondition }
        return BlackListCase(id: id, subjectID: subjectID, state: .proposed, reasons: conditions, proposedAt: now)
    }

    /// Whether the subject is on the list at `now`: listed (or applying for removal) and the China
    /// day in [``listedOn``, ``listingEndsOn``).
    public func isListed(at now: Date) -> Bool {
        guard state.isListed, let listedOn, let listingEndsOn else { return false }
        let today = CreditTime.day(of: now)
        return listedOn <= today && today < listingEndsOn
    }
}
