import DubanCore
import Fluent
import Vapor

/// 信用记录 — one credit record of a subject (SPEC M6). The core's `CreditRecord` is kept whole in
/// `record` (JSON, like `LedgerItem.facts`); the columns beside it copy what lists, the public query,
/// the publication report and the sweeps filter and sort on.
final class CreditRecordRow: Model, @unchecked Sendable {
    static let schema = "credit_records"

    @ID(key: .id) var id: UUID?
    /// The subject: a directory unit of kind enterprise.
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "field") var field: String
    /// The core's stored state: active, objected, revoked, repaired (expiry follows from `expires_on`).
    @Field(key: "state") var state: String
    /// yyyy-mm-dd, China day; ISO text sorts as dates do.
    @Field(key: "decision_date") var decisionDate: String
    /// The first day the record no longer counts.
    @Field(key: "expires_on") var expiresOn: String
    @Field(key: "points") var points: Int
    /// 决定书文号, 决定机关, 法律依据 and a short account, for entered decisions.
    @OptionalField(key: "decision_number") var decisionNumber: String?
    @OptionalField(key: "authority") var authority: String?
    @OptionalField(key: "legal_basis") var legalBasis: String?
    @OptionalField(key: "summary") var summary: String?
    /// "ledger" (arose from a ledger item), "entry" (entered by a department) or "elevator" (an elevator penalty).
    @Field(key: "source") var source: String
    /// Unique per automatic record ("ledger_item:<id>:listed"), so a repeated event adds nothing.
    @OptionalField(key: "source_ref") var sourceRef: String?
    @OptionalField(key: "ledger_item_id") var ledgerItemID: UUID?
    /// 双公示: penalty and licensing decisions must be published within 7 working days.
    @Field(key: "requires_publication") var requiresPublication: Bool
    @OptionalField(key: "publication_due_at") var publicationDueAt: Date?
    @OptionalField(key: "published_at") var publishedAt: Date?
    /// Published after its deadline (unpublished ones past the deadline are late too; see the report).
    @Field(key: "published_late") var publishedLate: Bool
    @Field(key: "recorded_by") var recordedBy: String
    @OptionalField(key: "recording_unit_id") var recordingUnitID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "record") var record: String

    init() {}
}
