import Foundation

/// 信用记录 — one credit record of a subject (SPEC M6): a hazard found, a penalty or licensing
/// decision, a listing, an accident finding or a commendation, dated by its decision day.
///
/// The record keeps the terms it was made under (points, period, repair minimum, publication
/// deadline), taken from ``CreditRules`` at creation, so a later change of the rules does not reach
/// back into decided records. An administrator's point override is kept beside the rule's points.
public struct CreditRecord: Hashable, Codable, Sendable, Identifiable {
    /// The record's id.
    public var id: String
    /// The subject (信用主体): a 统一社会信用代码 or a person's id.
    public var subjectID: String
    /// What the record is about.
    public var kind: CreditRecordKind
    /// The field; decides a penalty's repair period.
    public var field: CreditField
    /// The decision day in China time; every period counts from it.
    public var decisionDate: LocalDate
    /// The points of ``kind`` in the rules at creation.
    public var rulePoints: Int
    /// Points set by an administrator instead of ``rulePoints``, if any.
    public var overridePoints: Int?
    /// Why the administrator overrode the points.
    public var overrideReason: String?
    /// Months the record counts from ``decisionDate``.
    public var validityMonths: Int
    /// Months from ``decisionDate`` before repair may be applied for; nil when it cannot be repaired.
    public var repairMinimumMonths: Int?
    /// Working days from ``decisionDate`` to publish it (双公示); nil when publication is not required.
    public var publicationWorkingDays: Int?
    /// When it was published, if it was.
    public var publishedAt: Date?
    /// Active, under objection, revoked or repaired.
    public var state: CreditRecordState
    /// When the objection now under review was filed (set while ``state`` is objected).
    public var objectedAt: Date?
    /// When an upheld objection revoked it.
    public var revokedAt: Date?
    /// When an approved repair ended its publication and scoring.
    public var repairedAt: Date?

    /// A record with every stored value given, e.g. as loaded from the database.
    public init(
        id: String, subjectID: String, kind: CreditRecordKind, field: CreditField, decisionDate: LocalDate,
        rulePoints: Int, overridePoints: Int? = nil, overrideReason: String? = nil, validityMonths: Int,
        repairMinimumMonths: Int?, publicationWorkingDays: Int?, publishedAt: Date? = nil,
        state: CreditRecordState = .active, objectedAt: Date? = nil, revokedAt: Date? = nil, repairedAt: Date? = nil
    ) {
        self.id = id
        self.subjectID = subjectID
        self.kind = kind
        self.field = field
        self.decisionDate = decisionDate
        self.rulePoints = rulePoints
        self.overridePoints = overridePoints
        self.overrideReason = overrideReason
        self.validityMonths = validityMonths
        self.repairMinimumMonths = repairMinimumMonths
        self.publicationWorkingDays = publicationWorkingDays
        self.publishedAt = publishedAt
        self.state = state
        self.objectedAt = objectedAt
        self.revokedAt = revokedAt
        self.repairedAt = repairedAt
    }

    /// A new record on the terms of `rules` (which must be valid), recorded at `now`.
    ///
    /// Throws ``CreditError/required(field:)`` for a blank id or subject, and
    /// ``CreditError/decisionInFuture(decisionDate:today:)`` when `decisionDate` is after the China
    /// day of `now`.
    public static func make(
        id: String, subjectID: String, kind: CreditRecordKind, field: CreditField, decisionDate: LocalDate,
        rules: CreditRules, at now: Date
    ) throws(CreditError) -> CreditRecord {
        let id = try CreditError.requireText(id, field: "id")
        let subjectID = try CreditError.requireText(subjectID, field: "subjectID")
        let today = CreditTime.day(of: now)
        guard decisionDate <= today else { throw .decisionInFuture(decisionDate: decisionDate, today: today) }
        let rule = rules.kinds[kind]
        return CreditRecord(
            id: id, subjectID: subjectID, kind: kind, field: field, decisionDate: decisionDate,
            rulePoints: rule.points, validityMonths: rule.validityMonths,
            repairMinimumMonths: rules.repair.minimumMonths(for: kind, in: field),
            publicationWorkingDays: kind.requiresPublication ? rules.publication.workingDays : nil)
    }

    /// The points that count: the override when there is one, else the rule's.
    public var points: Int { overridePoints ?? rulePoints }

    /// The record with its points overridden by an administrator; `reason` is required and the
    /// points must be within ±1000. The rule's points are kept.
    public func overriding(points: Int, reason: String) throws(CreditError) -> CreditRecord {
        let limit = CreditRules.maximumPoints
        guard (-limit...limit).contains(points) else {
            throw .outOfRange(field: "overridePoints", value: points, allowed: -limit...limit)
        }
        var copy = self
        copy.overridePoints = points
        copy.overrideReason = try CreditError.requireText(reason, field: "overrideReason")
        return copy
    }
}
