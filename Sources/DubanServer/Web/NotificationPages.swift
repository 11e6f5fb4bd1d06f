import Fluent
import Vapor

/// `/notifications`: the unit's in-app inbox.
enum NotificationPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("notifications", use: inbox)
        pages.post("notifications", ":id", "read", use: markRead)
    }

    struct Row: Encodable {
        var notification: NotificationDTO
        var time: String
        var read: Bool
    }

    struct InboxPage: Encodable {
        var rows: [Row]
        var empty: Bool
        var unreadOnly: Bool
        var nextHref: String?
    }

    @Sendable static func inbox(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let page = try await NotificationRoutes.inbox(req)
        let unread = req.query[String.self, at: "unread"] == "true"
        let rows = page.items.map { Row(notification: $0, time: ChinaTimeFormat.string($0.createdAt).prefix(16).replacingOccurrences(of: "T", with: " "),
                                        read: $0.readAt != nil) }
        let next = page.nextCursor.map { "/notifications?cursor=\($0)" + (unread ? "&unread=true" : "") }
        return try await req.render("notifications", title: t["notifications"] ?? "",
                                    InboxPage(rows: rows, empty: rows.isEmpty, unreadOnly: unread, nextHref: next))
    }

    @Sendable static func markRead(_ req: Request) async throws -> Response {
        _ = try await NotificationRoutes.markRead(req)
        return req.redirect(to: "/notifications")
    }
}
