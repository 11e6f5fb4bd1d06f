import DubanCore
import Fluent
import Vapor

/// 热线工单 — the hotline's own facts of a case; the case's life cycle is its ledger item (kind
/// `hotline`, same id): dispatch, sign-for, returns, extensions, reply and checks run on the ledger's
/// one state machine.
final class HotlineCase: Model, @unchecked Sendable {
    static let schema = "hotline_cases"

    @ID(custom: "id", generatedBy: .user) var id: UUID?
    /// The code a citizen tracks the case by (public status page, Open311 token).
    @Field(key: "tracking_code") var trackingCode: String
    @Field(key: "case_type") var caseType: String
    /// phone, web or open311.
    @Field(key: "channel") var channel: String
    @OptionalField(key: "caller_name") var callerName: String?
    @OptionalField(key: "caller_phone") var callerPhone: String?
    @OptionalField(key: "phone_key") var phoneKey: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "address_key") var addressKey: String?
    @OptionalField(key: "area") var area: String?
    /// The caller asked that their identity stay with the hotline (保密).
    @Field(key: "confidential") var confidential: Bool
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "demand") var demand: String?
    @Field(key: "category_code") var categoryCode: String
    @Field(key: "urgency") var urgency: String
    @Field(key: "major_event") var majorEvent: Bool
    /// 主责单位 of a cross-department case, named by a supervisor.
    @OptionalField(key: "lead_unit_id") var leadUnitID: UUID?
    @OptionalField(key: "satisfaction") var satisfaction: String?
    @OptionalField(key: "followed_up_at") var followedUpAt: Date?
    @OptionalField(key: "evaluator_id") var evaluatorID: UUID?
    /// pending, reasonable or unreasonable.
    @OptionalField(key: "evaluation") var evaluation: String?
    @OptionalField(key: "evaluated_at") var evaluatedAt: Date?
    /// The earlier case about the same matter (重复投诉); this one is then a 二次督办件.
    @OptionalField(key: "repeat_of") var repeatOf: UUID?
    @Field(key: "second_supervision") var secondSupervision: Bool
    /// How the case ended when not by the normal path: knowledge, out_of_scope, satisfied, unreasonable.
    @OptionalField(key: "resolution") var resolution: String?
    /// SHA-256 of the submitter's IP address (public form, Open311), for the anti-abuse limit.
    @OptionalField(key: "submitter_key") var submitterKey: String?
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?

    init() {}
}

/// 联系记录 — one attempt to reach the caller, to the minute, with the staff member's name.
final class HotlineContact: Model, @unchecked Sendable {
    static let schema = "hotline_contacts"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "staff") var staff: String
    @Field(key: "reached") var reached: Bool
    @OptionalField(key: "note") var note: String?
    @Field(key: "unit_id") var unitID: UUID

    init() {}
}

/// 事件类别 — a category of the intake picklist ("根据系统列表"), edited by admins.
final class HotlineCategoryRow: Model, @unchecked Sendable {
    static let schema = "hotline_categories"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "urgency") var urgency: String
    /// The handling unit suggested for the category, by name or alias (resolved when a case is dispatched).
    @OptionalField(key: "unit_name") var unitName: String?
    @Field(key: "photo_required") var photoRequired: Bool
    @Field(key: "major_event") var majorEvent: Bool
    /// JSON array of keywords for suggesting the category from what the caller said.
    @Field(key: "keywords") var keywords: String
    @Field(key: "position") var position: Int
    @Field(key: "active") var active: Bool

    init() {}
}

/// 知识库 — an answer call takers give directly.
final class HotlineKnowledge: Model, @unchecked Sendable {
    static let schema = "hotline_knowledge"

    @ID(key: .id) var id: UUID?
    @Field(key: "question") var question: String
    @Field(key: "answer") var answer: String
    @Field(key: "keywords") var keywords: String
    @OptionalField(key: "category_code") var categoryCode: String?
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "updated_by") var updatedBy: String

    init() {}
}

/// 第三方评价员 — an evaluator's position code (岗位代码) and share of the dissatisfied cases.
final class HotlineEvaluatorRow: Model, @unchecked Sendable {
    static let schema = "hotline_evaluators"

    @ID(custom: "user_id", generatedBy: .user) var id: UUID?
    @Field(key: "position_code") var positionCode: String
    @Field(key: "ratio") var ratio: Int
    @Field(key: "active") var active: Bool

    init() {}
}

/// A dispatcher's acknowledgement of a major event; unacknowledged ones stay on top of their screen.
final class HotlineMajorAck: Model, @unchecked Sendable {
    static let schema = "hotline_major_acks"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "at") var at: Date

    init() {}
}

/// An Open311 client allowed to post requests, with the SHA-256 of its API key.
final class Open311Client: Model, @unchecked Sendable {
    static let schema = "open311_clients"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

struct CreateHotline: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HotlineCase.schema)
            .field("id", .uuid, .identifier(auto: false), .references(LedgerItem.schema, .id, onDelete: .cascade))
            .field("tracking_code", .string, .required)
            .field("case_type", .string, .required)
            .field("channel", .string, .required)
            .field("caller_name", .string)
            .field("caller_phone", .string)
            .field("phone_key", .string)
            .field("address", .string)
            .field("address_key", .string)
            .field("area", .string)
            .field("confidential", .bool, .required)
            .field("received_at", .datetime, .required)
            .field("demand", .string)
            .field("category_code", .string, .required)
            .field("urgency", .string, .required)
            .field("major_event", .bool, .required)
            .field("lead_unit_id", .uuid, .references(Unit.schema, .id))
            .field("satisfaction", .string)
            .field("followed_up_at", .datetime)
            .field("evaluator_id", .uuid)
            .field("evaluation", .string)
            .field("evaluated_at", .datetime)
            .field("repeat_of", .uuid)
            .field("second_supervision", .bool, .required)
            .field("resolution", .string)
            .field("submitter_key", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .unique(on: "tracking_code")
            .create()
        // Repeat detection reads earlier cases by phone or address within a category and a window.
        try await database.createIndex("idx_hotline_phone", on: HotlineCase.schema, columns: ["phone_key", "category_code", "received_at"])
        try await database.createIndex("idx_hotline_address", on: HotlineCase.schema, columns: ["address_key", "category_code", "received_at"])
        try await database.createIndex("idx_hotline_evaluator", on: HotlineCase.schema, columns: ["evaluator_id", "evaluation"])
        try await database.createIndex("idx_hotline_submitter", on: HotlineCase.schema, columns: ["submitter_key", "received_at"])
        try await database.createIndex("idx_hotline_received", on: HotlineCase.schema, columns: ["received_at", "id"])
        try await database.createIndex("idx_hotline_major", on: HotlineCase.schema, columns: ["major_event", "received_at"])
        try await database.schema(HotlineContact.schema)
            .id()
            .field("case_id", .uuid, .required, .references(HotlineCase.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("staff", .string, .required)
            .field("reached", .bool, .required)
            .field("note", .string)
            .field("unit_id", .uuid, .required)
            .create()
        try await database.createIndex("idx_hotline_contacts_case", on: HotlineContact.schema, columns: ["case_id", "at"])
        try await database.schema(HotlineCategoryRow.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("urgency", .string, .required)
            .field("unit_name", .string)
            .field("photo_required", .bool, .required)
            .field("major_event", .bool, .required)
            .field("keywords", .string, .required)
            .field("position", .int, .required)
            .field("active", .bool, .required)
            .create()
        try await database.schema(HotlineKnowledge.schema)
            .id()
            .field("question", .string, .required)
            .field("answer", .string, .required)
            .field("keywords", .string, .required)
            .field("category_code", .string)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .string, .required)
            .create()
        try await database.schema(HotlineEvaluatorRow.schema)
            .field("user_id", .uuid, .identifier(auto: false), .references(User.schema, .id, onDelete: .cascade))
            .field("position_code", .string, .required)
            .field("ratio", .int, .required)
            .field("active", .bool, .required)
            .unique(on: "position_code")
            .create()
        try await database.schema(HotlineMajorAck.schema)
            .id()
            .field("case_id", .uuid, .required, .references(HotlineCase.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required)
            .field("at", .datetime, .required)
            .unique(on: "case_id", "user_id")
            .create()
        try await database.schema(Open311Client.schema)
            .id()
            .field("name", .string, .required)
            .field("key_hash", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key_hash")
            .create()
        try await HotlineService.seedCategories(on: database)
    }

    func revert(on database: any Database) async throws {
        for schema in [Open311Client.schema, HotlineMajorAck.schema, HotlineEvaluatorRow.schema, HotlineKnowledge.schema,
                       HotlineCategoryRow.schema, HotlineContact.schema, HotlineCase.schema] {
            try await database.schema(schema).delete()
        }
    }
}
