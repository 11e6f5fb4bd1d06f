import DubanCore
import Fluent
import Vapor

/// 异议 — an objection to one record; the core's `CreditObjection` in `facts`.
final class CreditObjectionRow: Model, @unchecked Sendable {
    static let schema = "credit_objections"

    @ID(key: .id) var id: UUID?
    @Field(key: "record_id") var recordID: UUID
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @Field(key: "state") var state: String
    @Field(key: "filed_at") var filedAt: Date
    @Field(key: "review_due_at") var reviewDueAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "filed_by") var filedBy: String
    @OptionalField(key: "decided_by") var decidedBy: String?
    @Field(key: "facts") var facts: String

    init() {}
}

/// 信用修复 — a repair application for one record; the core's `CreditRepair` in `facts`.
final class CreditRepairRow: Model, @unchecked Sendable {
    static let schema = "credit_repairs"

    @ID(key: .id) var id: UUID?
    @Field(key: "record_id") var recordID: UUID
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @Field(key: "state") var state: String
    @Field(key: "applied_at") var appliedAt: Date
    @Field(key: "review_due_at") var reviewDueAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "applied_by") var appliedBy: String
    @OptionalField(key: "decided_by") var decidedBy: String?
    @Field(key: "facts") var facts: String

    init() {}
}

/// 严重失信主体名单案件 — one black-listing procedure; the core's `BlackListCase` in `facts`.
final class BlackListCaseRow: Model, @unchecked Sendable {
    static let schema = "credit_black_list_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @Field(key: "state") var state: String
    /// yyyy-mm-dd once listed.
    @OptionalField(key: "listed_on") var listedOn: String?
    @OptionalField(key: "listing_ends_on") var listingEndsOn: String?
    @OptionalField(key: "decision_document") var decisionDocument: String?
    @Field(key: "proposed_at") var proposedAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "facts") var facts: String

    init() {}

    /// States in which the case is still running (a new case may not be opened).
    static let openStates: [BlackListState] = [.proposed, .notified, .listed, .removalRequested]
}
