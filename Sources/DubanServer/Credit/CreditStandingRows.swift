import DubanCore
import Fluent
import Vapor

/// The last evaluated standing of a subject: what measures and list changes compare against, and
/// what the subject list and the red list read. The score shown to people is always computed anew.
final class CreditStandingRow: Model, @unchecked Sendable {
    static let schema = "credit_standings"

    /// The subject unit's id.
    @ID(custom: "unit_id", generatedBy: .user) var id: UUID?
    @Field(key: "score") var score: Int
    @Field(key: "grade") var grade: String
    @Field(key: "red_listed") var redListed: Bool
    @Field(key: "black_listed") var blackListed: Bool
    @Field(key: "evaluated_at") var evaluatedAt: Date

    init() {}
}

/// 奖惩措施 — a measure taken because a subject's grade changed (002 篇1: 表彰; 提示、警示、曝光;
/// 向其主管部门通报), with the notice it sent.
final class CreditMeasureRow: Model, @unchecked Sendable {
    static let schema = "credit_measures"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @Field(key: "measure") var measure: String
    @Field(key: "grade") var grade: String
    @Field(key: "previous_grade") var previousGrade: String
    @Field(key: "score") var score: Int
    /// The unit told: the subject itself, or for 通报主管部门 its supervising department (parent unit).
    @OptionalField(key: "notified_unit_id") var notifiedUnitID: UUID?
    @Field(key: "notice") var notice: String
    @Field(key: "at") var at: Date

    init() {}
}

/// A change of a subject's list status (black or red), in order: the feed the joint reward and
/// punishment partners read (信息推送).
final class CreditListChange: Model, @unchecked Sendable {
    static let schema = "credit_list_changes"

    enum List: String, Codable, CaseIterable, Sendable { case black, red }
    enum Change: String, Codable, CaseIterable, Sendable { case entered, removed }

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @Field(key: "list") var list: String
    @Field(key: "change") var change: String
    @OptionalField(key: "case_id") var caseID: UUID?
    @OptionalField(key: "decision_document") var decisionDocument: String?
    @OptionalField(key: "note") var note: String?

    init() {}
}

/// 联合奖惩成员单位 — an agency (bank, insurer, permit office…) with its own API key (stored hashed).
final class CreditAgency: Model, @unchecked Sendable {
    static let schema = "credit_agencies"

    enum Kind: String, Codable, CaseIterable, Sendable {
        case bank, insurer
        case permitOffice = "permit_office"
        case other
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "key_hash") var keyHash: String
    /// The key's first characters, so an administrator can tell keys apart.
    @Field(key: "key_hint") var keyHint: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String

    init() {}
}

/// 执行反馈 — a measure an agency took about a subject, reported back.
final class JointFeedbackRow: Model, @unchecked Sendable {
    static let schema = "credit_joint_feedback"

    @ID(key: .id) var id: UUID?
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "subject_unit_id") var subjectUnitID: UUID
    @OptionalField(key: "change_id") var changeID: UUID?
    @Field(key: "stage") var stage: String
    @Field(key: "measure") var measure: String
    @OptionalField(key: "detail") var detail: String?
    @OptionalField(key: "taken_on") var takenOn: String?
    @Field(key: "at") var at: Date

    init() {}
}
