import Foundation

/// 信用修复 — a subject's application to repair one credit record (SPEC M6, A3; 004 成府发〔2018〕12号:
/// 信用修复; 000 阳政办(2017)35号: 信用修复 on the credit platform). Approved, the record stops counting
/// and is no longer published, but is kept.
public struct CreditRepair: Hashable, Codable, Sendable, Identifiable {
    /// The application id.
    public var id: String
    /// The record to repair.
    public var recordID: String
    /// The subject applying.
    public var subjectID: String
    /// Where the application is.
    public var state: CreditRepairState
    /// What was filed.
    public var application: CreditRepairApplication
    /// When it was filed.
    public var appliedAt: Date
    /// The review time limit: ``CreditRepairRules/reviewWorkingDays`` working days after filing.
    public var reviewDue: Deadline
    /// When the reviewer decided.
    public var decidedAt: Date?
    /// The reviewer's finding, or the reason for refusal.
    public var finding: String?

    /// An application with every stored value given, e.g. as loaded from the database.
    public init(
        id: String, recordID: String, subjectID: String, state: CreditRepairState,
        application: CreditRepairApplication, appliedAt: Date, reviewDue: Deadline, decidedAt: Date? = nil,
        finding: String? = nil
    ) {
        self.id = id
        self.recordID = recordID
        self.subjectID = subjectID
        self.state = state
        self.application = application
        self.appliedAt = appliedAt
        self.reviewDue = reviewDue
        self.decidedAt = decidedAt
        self.finding = finding
    }

    /// Whether the review is still open after its time limit at `now`.
    public func isReviewOverdue(at now: Date) -> Bool {
        state == .applied && reviewDue.isMissed(at: now)
    }
}
