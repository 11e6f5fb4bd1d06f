import Crypto
import DubanCore
import Fluent
import Vapor

/// `/api/v1/items/{id}/attachments`: photos and documents on an item. An upload is the raw file as the
/// body, its type in `Content-Type` and its name in `?name=`; the core's `AttachmentCheck` refuses a
/// wrong type, a body that is not what it claims, and files over the limit.
enum LedgerAttachments {
    struct AttachmentDTO: Content {
        var id: UUID
        var name: String
        var contentType: String
        var size: Int
        var sha256: String
        var photo: Bool
        var uploadedBy: String
        var unitId: UUID
        var createdAt: String

        init(_ row: LedgerAttachment) throws {
            id = try row.requireID()
            name = row.name
            contentType = row.contentType
            size = row.size
            sha256 = row.sha256
            photo = AttachmentType(rawValue: row.contentType)?.isPhoto ?? false
            uploadedBy = row.uploadedBy
            unitId = row.unitID
            createdAt = ChinaTimeFormat.string(row.createdAt)
        }

        static let schema = Schema.object([
            ("id", Schema.uuid), ("name", Schema.string()), ("contentType", Schema.enumeration(AttachmentType.allCases.map(\.rawValue))),
            ("size", Schema.integer(minimum: 1)), ("sha256", Schema.string()), ("photo", Schema.boolean),
            ("uploadedBy", Schema.string()), ("unitId", Schema.uuid), ("createdAt", Schema.dateTime),
        ], required: ["id", "name", "contentType", "size", "sha256", "photo", "uploadedBy", "unitId", "createdAt"])
    }

    static func register(_ api: APIRoutes) {
        let tag = "Ledger"
        let maxSize = ByteCount(value: api.app.duban.maxAttachmentBytes + 64 * 1024)
        api.add(.POST, "items/{id}/attachments", summary: "上传照片或材料 / upload a photo or document", tag: tag,
                query: [.init(name: "name", schema: Schema.string(maxLength: 200, minLength: 1), required: true,
                              description: "文件名 / file name")],
                responses: [(201, "已上传 / uploaded", Schema.ref("Attachment")),
                            (404, "不存在 / not found", Schema.ref("Error")), (409, "已关闭 / closed", Schema.ref("Error"))],
                rawBody: (AttachmentType.allCases.map(\.rawValue), maxSize), use: upload)
        api.add(.GET, "items/{id}/attachments", summary: "附件列表 / list attachments", tag: tag,
                responses: [(200, "附件 / attachments", Schema.array(Schema.ref("Attachment"))),
                            (404, "不存在 / not found", Schema.ref("Error"))], use: list)
        api.add(.GET, "items/{id}/attachments/{attachmentId}", summary: "下载附件 / download an attachment", tag: tag,
                responses: [(200, "文件 / the file", nil), (404, "不存在 / not found", Schema.ref("Error"))], use: download)
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let name = try req.query.get(String?.self, at: "name") ?? ""
        let contentType = req.headers.contentType.map { "\($0.type)/\($0.subType)" } ?? ""
        let bytes = req.body.data.map { Data(buffer: $0) } ?? Data()
        let dto = try await add(req, name: name, contentType: contentType, bytes: bytes)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    /// Shared by the API and the item page's upload form.
    static func add(_ req: Request, name: String, contentType: String, bytes: Data) async throws -> AttachmentDTO {
        let actor = try req.requireRole(.admin, .supervisor, .dispatcher, .inspector, .unitOperator, .enterprise)
        let type: AttachmentType
        switch AttachmentCheck.check(name: name, contentType: contentType, bytes: bytes, maxBytes: req.application.duban.maxAttachmentBytes) {
        case .success(let value): type = value
        case .failure(let error):
            let status: HTTPResponseStatus = if case .tooLarge = error { .payloadTooLarge } else { .unprocessableEntity }
            throw DubanError(status, code: error.code, message: error.message, field: error.field)
        }
        let now = Date()
        return try await req.write { db in
            let item = try await LedgerRoutes.load(req, actor: actor, on: db)
            guard ItemState(rawValue: item.state)?.isOpen ?? false else {
                throw DubanError.conflict("已销号或撤销的条目不能再上传 / the item is closed", code: "closed")
            }
            let row = LedgerAttachment()
            row.id = UUID()
            row.itemID = try item.requireID()
            row.name = TextNormalization.clean(name)
            row.contentType = type.rawValue
            row.size = bytes.count
            row.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            row.data = bytes
            row.uploadedBy = actor.auditName
            row.unitID = actor.unitID
            row.createdAt = now.wholeMilliseconds
            try await row.create(on: db)
            let dto = try AttachmentDTO(row)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "ledger_attachment",
                                      entityID: try row.requireID().text, before: AttachmentDTO?.none, after: dto)
            return dto
        }
    }

    @Sendable static func list(_ req: Request) async throws -> [AttachmentDTO] {
        let actor = try req.requireActor()
        let item = try await LedgerRoutes.load(req, actor: actor, on: req.db)
        return try await rows(of: item.requireID(), on: req.db).map(AttachmentDTO.init)
    }

    /// An item's attachments without their bytes, oldest first.
    static func rows(of itemID: UUID, on db: any Database) async throws -> [LedgerAttachment] {
        try await LedgerAttachment.query(on: db).filter(\.$itemID == itemID).sort(\.$createdAt)
            .field(\.$id).field(\.$itemID).field(\.$name).field(\.$contentType).field(\.$size)
            .field(\.$sha256).field(\.$uploadedBy).field(\.$unitID).field(\.$createdAt).all()
    }

    @Sendable static func download(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let item = try await LedgerRoutes.load(req, actor: actor, on: req.db)
        guard let id = req.parameters.get("attachmentId").flatMap(UUID.init(uuidString:)),
              let row = try await LedgerAttachment.query(on: req.db).filter(\.$id == id).filter(\.$itemID == item.requireID()).first()
        else { throw DubanError.notFound("附件 / attachment") }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: row.contentType)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        let encoded = row.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        return Response(status: .ok, headers: headers, body: .init(data: row.data))
    }

    /// Site photos the assigned unit attached since `since` (a hotline reply's photos).
    static func photoCount(of item: LedgerItem, since: Date?, on db: any Database) async throws -> Int {
        guard let unit = item.assignedUnitID else { return 0 }
        let query = LedgerAttachment.query(on: db).filter(\.$itemID == (try item.requireID())).filter(\.$unitID == unit)
            .filter(\.$contentType ~~ AttachmentType.allCases.filter(\.isPhoto).map(\.rawValue))
        if let since { query.filter(\.$createdAt >= since.wholeMilliseconds) }
        return try await query.count()
    }

    /// Evidence for a report (报结): files the assigned unit attached since the item was last assigned.
    static func evidenceCount(of item: LedgerItem, since assignedAt: Date?, on db: any Database) async throws -> Int {
        guard let unit = item.assignedUnitID else { return 0 }
        let query = LedgerAttachment.query(on: db).filter(\.$itemID == (try item.requireID())).filter(\.$unitID == unit)
        if let assignedAt { query.filter(\.$createdAt >= assignedAt.wholeMilliseconds) }
        return try await query.count()
    }
}
