import DubanCore
import Fluent
import Vapor

/// What people write on an item besides its transitions: the message thread that both the sending and
/// the handling unit read (referral feedback, 002 篇1), progress reports on tasks, and the scheduling of
/// a look-back (回头看) on a closed item.
enum LedgerThreads {
    struct MessageDTO: Content {
        var at: String
        var author: String
        var unitId: UUID
        var text: String

        init(_ row: LedgerNote) {
            at = ChinaTimeFormat.string(row.at)
            author = row.author
            unitId = row.unitID
            text = row.text
        }

        static let schema = Schema.object([
            ("at", Schema.dateTime), ("author", Schema.string()), ("unitId", Schema.uuid), ("text", Schema.string()),
        ], required: ["at", "author", "unitId", "text"])
    }

    struct TextInput: Content {
        var text: String
        static let schema = Schema.object([("text", Schema.string(maxLength: 4000, minLength: 1))], required: ["text"])
    }

    struct LookBackInput: Content {
        var at: String
        static let schema = Schema.object([("at", Schema.string(maxLength: 40, description: "ISO 8601 (无时区按北京时间)"))],
                                          required: ["at"])
    }

    /// The watch kind of a scheduled look-back; its unit is the one that will do it.
    static let lookBackWatch = "look_back"

    static func register(_ api: APIRoutes) {
        let tag = "Ledger"
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", Schema.ref("Error"))
        api.add(.POST, "items/{id}/messages", summary: "留言：承办与交办单位往来（抄送反馈）/ post to the item's thread", tag: tag,
                body: Schema.ref("TextInput"), responses: [(201, "已发送 / posted", Schema.ref("Message")), notFound], roles: Roles.itemCorrespondents, use: postMessage)
        api.add(.POST, "items/{id}/progress", summary: "报送任务进展 / report progress on a task", tag: tag,
                body: Schema.ref("TextInput"),
                responses: [(201, "已报送 / reported", Schema.ref("Message")), notFound,
                            (409, "不是进行中的任务 / not an open task", Schema.ref("Error"))], roles: Roles.taskReporters, use: postProgress)
        api.add(.POST, "items/{id}/look-back", summary: "安排回头看 / schedule a look-back of a closed item", tag: tag,
                body: Schema.ref("LookBackInput"),
                responses: [(200, "已安排 / scheduled", Schema.ref("Item")), notFound,
                            (409, "未销号 / not closed", Schema.ref("Error"))], roles: Roles.lookBack, use: scheduleLookBack)
    }

    @Sendable static func postMessage(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(TextInput.self)
        return try await postMessage(req, text: input.text).encodeResponse(status: .created, for: req)
    }

    /// A message goes to the other side: from the handling unit to the sender, from anyone else to the
    /// handling unit (and to the sender when the handling unit has none yet).
    static func postMessage(_ req: Request, text: String) async throws -> MessageDTO {
        let actor = try req.requireRole(.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise, .leader)
        let text = try Check.text(text, "text", max: 4000)
        let now = Date()
        return try await req.write { db in
            let item = try await LedgerRoutes.load(req, actor: actor, on: db)
            let row = LedgerNote(item: try item.requireID(), kind: .message, at: now, author: actor.auditName, unit: actor.unitID, text: text)
            try await row.create(on: db)
            let recipient = item.assignedUnitID == actor.unitID ? item.registeringUnitID : (item.assignedUnitID ?? item.registeringUnitID)
            if recipient != actor.unitID {
                try await Notification(channel: "inbox", unitID: recipient, subject: "留言：\(item.title)", body: text,
                                       entityType: LedgerService.entityType, entityID: try item.requireID().text, now: now).create(on: db)
            }
            let dto = MessageDTO(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "ledger_message",
                                      entityID: try row.requireID().text, before: MessageDTO?.none, after: dto)
            return dto
        }
    }

    @Sendable static func postProgress(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(TextInput.self)
        return try await postProgress(req, text: input.text).encodeResponse(status: .created, for: req)
    }

    /// Only the task's units report; a report acts on the cards issued so far (they stop escalating).
    static func postProgress(_ req: Request, text: String) async throws -> MessageDTO {
        let actor = try req.requireRole(.admin, .unitOperator)
        let text = try Check.text(text, "text", max: 4000)
        let now = Date()
        return try await req.write { db in
            let item = try await LedgerRoutes.load(req, actor: actor, on: db)
            guard item.kind == ItemKind.task.rawValue, ItemState(rawValue: item.state)?.isOpen ?? false else {
                throw DubanError.conflict("只有进行中的任务报送进展 / only open tasks take progress reports", code: "not_open_task")
            }
            let itemID = try item.requireID()
            if actor.role != .admin {
                let shared = try await LedgerItemUnit.query(on: db).filter(\.$itemID == itemID).filter(\.$unitID == actor.unitID).count()
                guard item.assignedUnitID == actor.unitID || shared > 0 else { throw DubanError.forbidden }
            }
            let row = LedgerNote(item: itemID, kind: .progress, at: now, author: actor.auditName, unit: actor.unitID, text: text)
            try await row.create(on: db)
            item.lastProgressAt = now.wholeMilliseconds
            try await item.save(on: db)
            try await TaskCards.actedOn(itemID, now: now, on: db)
            let dto = MessageDTO(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "ledger_progress",
                                      entityID: try row.requireID().text, before: MessageDTO?.none, after: dto)
            return dto
        }
    }

    @Sendable static func scheduleLookBack(_ req: Request) async throws -> ItemDTO {
        try await scheduleLookBack(req, at: try req.decodeJSON(LookBackInput.self).at)
    }

    /// 回头看 — the unit of the scheduler gets the notice when it falls due; the look-back itself is the
    /// `look_back_pass` / `look_back_fail` event.
    static func scheduleLookBack(_ req: Request, at text: String) async throws -> ItemDTO {
        let actor = try req.requireRole(.admin, .supervisor, .dispatcher, .inspector)
        guard let at = ChinaTimeFormat.parse(text) else { throw DubanError.invalid("at", "at 应为 ISO 8601 时间 / must be ISO 8601") }
        let now = Date()
        guard at > now else { throw DubanError.invalid("at", "回头看时间应在将来 / the look-back must be in the future") }
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let item = try await LedgerRoutes.load(req, actor: actor, on: db)
            guard item.state == ItemState.closed.rawValue else {
                throw DubanError.conflict("销号后才能安排回头看 / only a closed item gets a look-back", code: "not_closed")
            }
            let before = try LedgerService.dto(item, now: now)
            try await DeadlineWatches.watch(entityType: LedgerService.entityType, entityID: try item.requireID().text, kind: lookBackWatch,
                                            unitID: actor.unitID, due: at, rule: "回头看", now: now, on: db)
            let after = try await LedgerService.detailed(item, now: now, calculator: calculator, on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: LedgerService.entityType,
                                      entityID: try item.requireID().text, before: before, after: after)
            return after
        }
    }
}
