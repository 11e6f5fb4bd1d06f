import Foundation

/// 异议 — a subject's objection to one of its credit records (SPEC M6; 004 成府发〔2018〕12号:
/// 告知、异议和投诉制度; 000 阳政办(2017)35号: 异议处理 on the credit platform).
///
/// Filing marks the record objected: it keeps counting (see ``CreditRecord/counts(at:)``) but its
/// publication is suspended. Upheld, the record is revoked: it stops counting, which restores the
/// score, and its publication is withdrawn. Rejected, it stands as before.
public struct CreditObjection: Hashable, Codable, Sendable, Identifiable {
    /// The objection id.
    public var id: String
    /// The record objected to.
    public var recordID: String
    /// The subject objecting.
    public var subjectID: String
    /// Where the objection is.
    public var state: CreditObjectionState
    /// What the subject says is wrong.
    public var reason: String
    /// References to the evidence filed with it.
    public var evidence: [String]
    /// When it was filed.
    public var filedAt: Date
    /// The review time limit: ``CreditObjectionRules/reviewWorkingDays`` working days after filing.
    public var reviewDue: Deadline
    /// When the reviewer decided.
    public var decidedAt: Date?
    /// The reviewer's written finding.
    public var finding: String?

    /// An objection with every stored value given, e.g. as loaded from the database.
    public init(
        id: String, recordID: String, subjectID: String, state: CreditObjectionState, reason: String,
        evidence: [String], filedAt: Date, reviewDue: Deadline, decidedAt: Date? = nil, finding: String? = nil
    ) {
        self.id = id
        self.recordID = recordID
        self.subjectID = subjectID
        self.state = state
        self.reason = reason
        self.evidence = evidence
        self.filedAt = filedAt
        self.reviewDue = reviewDue
        self.decidedAt = decidedAt
        self.finding = finding
    }

    /// Whether the review is still open after its time limit at `now`.
    public func isReviewOverdue(at now: Date) -> Bool {
        state == .filed && reviewDue.isMissed(at: now)
    }
}
