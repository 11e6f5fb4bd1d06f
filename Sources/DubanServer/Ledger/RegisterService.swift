import DubanCore
import Fluent
import Vapor

/// Import and export of the major fire-hazard register in the seed's columns (000 阳政办(2017)45号 附件).
enum RegisterService {
    /// Stores validated register rows as listed major hazards, all or none (the caller's transaction).
    /// Each row is a hazard already under district-level listed supervision, with its planned completion
    /// date as the listing's target; 单位负责人 and 计划整改完毕时间 fill 责任 and 时限 of the five implementations.
    static func importMajorFireHazards(_ rows: [[String: String]], registeringUnit: UUID, actor: String, now: Date,
                                       on db: any Database) async throws -> [UUID] {
        var ids: [UUID] = []
        for row in rows {
            let name = row["单位(建筑)名称"] ?? ""
            let supervised = try await UnitAlias.query(on: db).filter(\.$aliasKey == TextNormalization.nameKey(name)).first()
            let target = row["计划整改完毕时间"].flatMap(MajorFireHazardRegister.plannedCompletion)?.chinaDate(hour: 24)
            var facts = ItemFacts(kind: .hazard, registeringUnitID: registeringUnit.uuidString, grade: .major,
                                  fiveImplementations: FiveImplementations(responsibility: row["单位负责人"], timeLimit: row["计划整改完毕时间"]))
            facts.listingLevel = .district
            facts.listingTarget = target
            let item = LedgerItem()
            item.id = UUID()
            item.kind = ItemKind.hazard.rawValue
            item.title = name + " 重大火灾隐患"
            item.details = row["隐患基本情况"]
            item.location = row["行政辖区"]
            item.category = "消防"
            item.fixMode = FixMode.timeLimited.rawValue
            item.source = HazardSource.inspection.rawValue
            item.supervisedUnitID = supervised?.$unit.id
            item.registeringUnitID = registeringUnit
            item.findings = "[]"
            item.register = try canonical(row)
            item.createdAt = now.addingTimeInterval(Double(ids.count) / 1000).wholeMilliseconds
            try LedgerService.store(facts, in: item, now: now)
            try await item.create(on: db)
            try await AuditLog.record(on: db, actor: actor, action: .create, entityType: LedgerService.entityType,
                                      entityID: try item.requireID().text, before: ItemDTO?.none, after: try LedgerService.dto(item, now: now))
            ids.append(try item.requireID())
        }
        return ids
    }

    static func canonical(_ row: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(row), as: UTF8.self)
    }

    /// The register as CSV (with a byte-order mark, so Excel and WPS read the Chinese correctly).
    static func exportMajorFireHazards(on db: any Database) async throws -> String {
        var table = [MajorFireHazardRegister.columns]
        var lastCreated: Date?
        var lastID: UUID?
        // Batches in (created_at, id) order: constant memory however long the register grows.
        while true {
            let query = LedgerItem.query(on: db).filter(\.$register != nil)
            if let lastCreated, let lastID {
                query.group(.or) { or in
                    or.filter(\.$createdAt > lastCreated)
                    or.group(.and) { and in and.filter(\.$createdAt == lastCreated).filter(\.$id > lastID) }
                }
            }
            let batch = try await query.sort(\.$createdAt).sort(\.$id).limit(500).all()
            for item in batch {
                let row = (try? JSONDecoder().decode([String: String].self, from: Data((item.register ?? "{}").utf8))) ?? [:]
                table.append([String(table.count)] + MajorFireHazardRegister.fields.map { row[$0] ?? "" })
            }
            guard batch.count == 500, let last = batch.last else { break }
            lastCreated = last.createdAt
            lastID = last.id
        }
        return CSV.encode(table, byteOrderMark: true)
    }
}

/// `/api/v1/registers/major-fire-hazards`: the register as CSV, out and in.
enum RegisterRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Ledger"
        api.add(.GET, "registers/major-fire-hazards", summary: "导出重大火灾隐患台账（CSV，附件原表列）/ export the register as CSV",
                tag: tag, responses: [(200, "CSV (text/csv)", nil)], use: export)
        api.add(.POST, "registers/major-fire-hazards",
                summary: "导入重大火灾隐患台账（CSV，附件原表列；任一行有误则全部不导入）/ import the register (all or nothing)", tag: tag,
                responses: [(201, "已导入 / imported", Schema.ref("RegisterImport")),
                            (422, "逐行错误 / row errors, nothing imported", Schema.ref("RegisterErrors"))], use: importCSV)
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        try req.requireRole(.admin, .supervisor, .leader, .inspector)
        let csv = try await RegisterService.exportMajorFireHazards(on: req.db)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"major-fire-hazards.csv\"")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }

    struct ImportResult: Content {
        var imported: Int
        var ids: [UUID]
        static let schema = Schema.object([("imported", Schema.integer(minimum: 0)), ("ids", Schema.array(Schema.uuid))],
                                          required: ["imported", "ids"])
    }

    struct RowErrors: Content {
        struct Detail: Content { var code: String; var message: String; var field: String? }
        struct Row: Content { var row: Int; var column: String; var message: String }
        var error: Detail
        var rows: [Row]
        static let schema = Schema.object([
            ("error", Schema.object([("code", Schema.string()), ("message", Schema.string()), ("field", Schema.string())],
                                    required: ["code", "message"])),
            ("rows", Schema.array(Schema.object([("row", Schema.integer()), ("column", Schema.string()), ("message", Schema.string())],
                                                required: ["row", "column", "message"]))),
        ], required: ["error", "rows"])
    }

    @Sendable static func importCSV(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor, .inspector)
        guard let buffer = req.body.data, let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes) else {
            throw DubanError.badRequest("请求体应为 UTF-8 编码的 CSV / send the register as UTF-8 CSV")
        }
        let table: [[String]]
        do {
            table = try CSV.parse(text)
        } catch {
            throw DubanError.badRequest("CSV 格式错误：\(error) / malformed CSV")
        }
        switch MajorFireHazardRegister.validate(table) {
        case .failure(let invalid):
            let first = invalid.errors.first
            let body = RowErrors(
                error: .init(code: "invalid_rows", message: "有\(invalid.errors.count)处错误，未导入任何行 / nothing imported",
                             field: first.map { "第\($0.row)行「\($0.column)」" }),
                rows: invalid.errors.map { RowErrors.Row(row: $0.row, column: $0.column, message: $0.message) })
            return try await body.encodeResponse(status: .unprocessableEntity, for: req)
        case .success(let rows):
            let now = Date()
            let ids = try await req.write { db in
                try await RegisterService.importMajorFireHazards(rows, registeringUnit: actor.unitID, actor: actor.auditName, now: now, on: db)
            }
            return try await ImportResult(imported: ids.count, ids: ids).encodeResponse(status: .created, for: req)
        }
    }
}
