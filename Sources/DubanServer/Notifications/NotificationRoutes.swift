import DubanCore
import Fluent
import Vapor

struct NotificationDTO: Content {
    var id: UUID
    var channel: String
    var subject: String
    var body: String
    var entityType: String?
    var entityId: String?
    var state: String
    var attempts: Int
    var lastError: String?
    var createdAt: Date
    var sentAt: Date?
    var readAt: Date?

    init(_ n: Notification) {
        id = n.id ?? UUID()
        channel = n.channel
        subject = n.subject
        body = n.body
        entityType = n.entityType
        entityId = n.entityID
        state = n.state
        attempts = n.attempts
        lastError = n.lastError
        createdAt = n.createdAt
        sentAt = n.sentAt
        readAt = n.readAt
    }

    static let schema = Schema.object([
        ("id", Schema.uuid), ("channel", Schema.enumeration(["inbox", "log", "sms", "email"])), ("subject", Schema.string()),
        ("body", Schema.string()), ("entityType", Schema.string()), ("entityId", Schema.string()),
        ("state", Schema.enumeration(Notification.State.allCases.map(\.rawValue))), ("attempts", Schema.integer(minimum: 0)),
        ("lastError", Schema.string()), ("createdAt", Schema.dateTime), ("sentAt", Schema.dateTime), ("readAt", Schema.dateTime),
    ], required: ["id", "channel", "subject", "body", "state", "attempts", "createdAt"])
}

/// `/api/v1/notifications`: the in-app inbox of the signed-in user's unit, and the outbox's delivery
/// states for admins.
enum NotificationRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Notifications"
        api.add(.GET, "notifications", summary: "本单位的站内通知（新→旧）/ my unit's inbox, newest first", tag: tag,
                query: [.init(name: "unread", schema: Schema.enumeration(["true", "false"]), description: "只看未读 / unread only"),
                        .limit, .cursor],
                responses: [(200, "通知 / notifications", Schema.page(of: "Notification"))], use: inbox)
        api.add(.POST, "notifications/{id}/read", summary: "标记已读 / mark as read", tag: tag,
                responses: [(200, "已读 / read", Schema.ref("Notification")), (404, "不存在 / not found", Schema.ref("Error"))],
                use: markRead)
        api.add(.GET, "notifications/outbox", summary: "发件箱投递状态（管理员）/ outbox delivery states (admin)", tag: tag,
                query: [.init(name: "state", schema: Schema.enumeration(Notification.State.allCases.map(\.rawValue)),
                              description: "投递状态 / delivery state"), .limit, .cursor],
                responses: [(200, "通知 / notifications", Schema.page(of: "Notification"))], use: outbox)
    }

    /// Newest first, keyset on (created_at, id).
    static func page(_ query: QueryBuilder<Notification>, _ req: Request) async throws -> ListPage<NotificationDTO> {
        let page = try PageRequest(limitOnly: req)
        let (rows, next) = try await DateKeyset.page(query, field: "created_at", ascending: false,
                                                     cursor: req.query[String.self, at: "cursor"], limit: page.limit) { $0.createdAt }
        return ListPage(items: rows.map(NotificationDTO.init), nextCursor: next)
    }

    @Sendable static func inbox(_ req: Request) async throws -> ListPage<NotificationDTO> {
        let actor = try req.requireActor()
        let query = Notification.query(on: req.db).filter(\.$channel == "inbox").group(.or) { or in
            or.filter(\.$recipientUnitID == actor.unitID)
            or.filter(\.$recipientUserID == actor.userID)
        }
        if req.query[String.self, at: "unread"] == "true" { query.filter(\.$readAt == nil) }
        return try await page(query, req)
    }

    @Sendable static func markRead(_ req: Request) async throws -> NotificationDTO {
        let actor = try req.requireActor()
        let id = try req.idParameter(what: "通知 / notification")
        return try await req.write { db in
            guard let notification = try await Notification.find(id, on: db), notification.channel == "inbox",
                  notification.recipientUnitID == actor.unitID || notification.recipientUserID == actor.userID else {
                throw DubanError.notFound("通知 / notification")
            }
            if notification.readAt == nil {
                notification.readAt = Date()
                try await notification.save(on: db)
            }
            return NotificationDTO(notification)
        }
    }

    @Sendable static func outbox(_ req: Request) async throws -> ListPage<NotificationDTO> {
        try req.requireRole(.admin)
        let query = Notification.query(on: req.db)
        if let state = req.query[String.self, at: "state"], !state.isEmpty {
            query.filter(\.$state == (try Check.enumeration(state, "state", as: Notification.State.self)).rawValue)
        }
        return try await page(query, req)
    }
}
