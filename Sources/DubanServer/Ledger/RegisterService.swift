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

    /// The register as a table, header first.
    static func exportMajorFireHazards(on db: any Database) async throws -> [[String]] {
        var table = [MajorFireHazardRegister.columns]
        try await forEachBatch(LedgerItem.query(on: db).filter(\.$register != nil).filter(\.$kind == ItemKind.hazard.rawValue)) { batch in
            for item in batch {
                let row = (try? JSONDecoder().decode([String: String].self, from: Data((item.register ?? "{}").utf8))) ?? [:]
                table.append([String(table.count)] + MajorFireHazardRegister.fields.map { row[$0] ?? "" })
            }
        }
        return table
    }

    /// Runs `body` on the query's items in (created_at, id) order, 500 at a time: constant memory
    /// however long a register grows.
    static func forEachBatch(_ base: QueryBuilder<LedgerItem>, _ body: ([LedgerItem]) async throws -> Void) async throws {
        var lastCreated: Date?
        var lastID: UUID?
        while true {
            let query = base.copy()
            if let lastCreated, let lastID {
                query.group(.or) { or in
                    or.filter(\.$createdAt > lastCreated)
                    or.group(.and) { and in and.filter(\.$createdAt == lastCreated).filter(\.$id > lastID) }
                }
            }
            let batch = try await query.sort(\.$createdAt).sort(\.$id).limit(500).all()
            try await body(batch)
            guard batch.count == 500, let last = batch.last else { break }
            lastCreated = last.createdAt
            lastID = last.id
        }
    }
}
