import Fluent
import Vapor

/// `/audit`: the audit log for admins and supervisors, newest first, with the chain check for admins.
enum AuditPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("audit", use: page)
    }

    struct Row: Encodable {
        var seq: Int64
        var time: String
        var actor: String
        var action: String
        var entity: String
        var change: String
    }

    struct AuditPageContent: Encodable {
        var rows: [Row]
        var nextHref: String?
        var verification: AuditVerification?
        var isAdmin: Bool
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor)
        let t = Strings.table(Language.of(req))
        let list = try await AuditRoutes.list(req)
        var verification: AuditVerification?
        if req.query[String.self, at: "verify"] != nil {
            verification = try await AuditRoutes.verify(req)
        }
        let rows = list.items.map { entry in
            Row(seq: entry.seq, time: String(ChinaTimeFormat.string(entry.at).prefix(19)).replacingOccurrences(of: "T", with: " "),
                actor: entry.actor, action: entry.action, entity: "\(entry.entityType) \(entry.entityId.prefix(8))",
                change: String((entry.after ?? entry.before ?? "").prefix(160)))
        }
        let content = AuditPageContent(rows: rows, nextHref: list.nextCursor.map { "/audit?cursor=\($0)" },
                                       verification: verification, isAdmin: actor.role == .admin)
        return try await req.render("audit", title: t["audit"] ?? "", content)
    }
}
