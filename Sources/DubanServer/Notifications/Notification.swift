import Fluent
import Vapor

/// 通知 — one message in the outbox (SPEC M8): stored first, delivered by a sender, retried with
/// back-off, its delivery state visible.
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"

    enum State: String, Codable, CaseIterable, Sendable {
        case pending, sent, failed
    }

    @ID(key: .id) var id: UUID?
    /// The channel: "inbox" (in-app), "log", "sms", "email".
    @Field(key: "channel") var channel: String
    @OptionalField(key: "recipient_unit_id") var recipientUnitID: UUID?
    @OptionalField(key: "recipient_user_id") var recipientUserID: UUID?
    /// Phone number or e-mail address for the sms and email channels.
    @OptionalField(key: "address") var address: String?
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @OptionalField(key: "entity_type") var entityType: String?
    @OptionalField(key: "entity_id") var entityID: String?
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    convenience init(channel: String, unitID: UUID?, userID: UUID? = nil, address: String? = nil, subject: String, body: String,
                     entityType: String?, entityID: String?, now: Date) {
        self.init()
        self.channel = channel
        recipientUnitID = unitID
        recipientUserID = userID
        self.address = address
        self.subject = subject
        self.body = body
        self.entityType = entityType
        self.entityID = entityID
        state = State.pending.rawValue
        attempts = 0
        nextAttemptAt = now
        createdAt = now.wholeMilliseconds
    }
}

struct CreateNotifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notification.schema)
            .id()
            .field("channel", .string, .required)
            .field("recipient_unit_id", .uuid)
            .field("recipient_user_id", .uuid)
            .field("address", .string)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("entity_type", .string)
            .field("entity_id", .string)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("read_at", .datetime)
            .create()
        // Delivery picks pending rows whose attempt time has come; inboxes list a unit's newest first.
        try await database.createIndex("idx_notifications_delivery", on: Notification.schema, columns: ["state", "next_attempt_at"])
        try await database.createIndex("idx_notifications_unit", on: Notification.schema, columns: ["recipient_unit_id", "created_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Notification.schema).delete()
    }
}
