import DubanCore
import Fluent
import Vapor

/// Credit records that arise by themselves from the ledger (SPEC M6; 002 篇1: points deducted by the
/// danger of the hazard), for hazards of a supervised enterprise:
/// - assigned (交办) → 一般隐患 or 重大隐患 by its grade. Recorded at assignment, when the grade is fixed
///   and the hazard is confirmed; a hazard the enterprise reported itself (自查自报, 003 仙游) costs no
///   points, so self-reporting is never punished;
/// - listed (挂牌督办) → 挂牌督办 (and the hazard record, if listed before assignment);
/// - its rectification deadline passed while open → 隐患逾期未整改, once per deadline.
/// Each is published at once (002 篇1: credit status 定期向社会公示; a listing is public anyway).
/// Complaints of the hotline (SPEC M4) will add records the same way once that module exists.
enum CreditHooks {
    /// Called by `LedgerService.transition` after every transition, inside its transaction.
    static func ledgerEvent(_ item: LedgerItem, event: ItemEventKind, actor: Actor, now: Date, calculator: DeadlineCalculator,
                            on db: any Database) async throws {
        guard [.assign, .reassign, .list].contains(event), let unit = try await enterprise(of: item, on: db) else { return }
        try await hazardRecord(item, unit: unit, recordedBy: actor.auditName, now: now, calculator: calculator, on: db)
        if event == .list {
            let level = try LedgerService.facts(of: item).listingLevel
            try await add(.listedSupervision, for: item, unit: unit, ref: "listed", authority: level.map { "\($0.chinese)挂牌督办" },
                          recordedBy: actor.auditName, now: now, calculator: calculator, on: db)
        }
    }

    /// Called by the ledger's deadline handler for every fired deadline of an item.
    static func ledgerDeadline(_ event: DeadlineWatch.Event, for row: WatchedDeadline, now: Date, calculator: DeadlineCalculator,
                               on db: any Database) async throws {
        guard event == .overdue, row.kind == ItemWatch.rectification.rawValue, let id = UUID(uuidString: row.entityID),
              let item = try await LedgerItem.find(id, on: db), let unit = try await enterprise(of: item, on: db) else { return }
        try await add(.hazardOverdue, for: item, unit: unit, ref: "overdue:\(try row.requireID().text)", authority: nil,
                      recordedBy: "scheduler", now: now, calculator: calculator, on: db)
    }

    /// The item's supervised unit when the item is a hazard of an enterprise.
    static func enterprise(of item: LedgerItem, on db: any Database) async throws -> Unit? {
        guard item.kind == ItemKind.hazard.rawValue, let id = item.supervisedUnitID, let unit = try await Unit.find(id, on: db),
              unit.kindValue == .enterprise else { return nil }
        return unit
    }

    static func hazardRecord(_ item: LedgerItem, unit: Unit, recordedBy: String, now: Date, calculator: DeadlineCalculator,
                             on db: any Database) async throws {
        guard item.source != HazardSource.selfInspection.rawValue else { return }
        let kind: CreditRecordKind = try LedgerService.facts(of: item).grade == .major ? .majorHazard : .generalHazard
        let registering = try await Unit.find(item.registeringUnitID, on: db)?.name
        try await add(kind, for: item, unit: unit, ref: "hazard", authority: registering, recordedBy: recordedBy, now: now,
                      calculator: calculator, on: db)
    }

    /// Adds the record unless the same event of the same item already did.
    static func add(_ kind: CreditRecordKind, for item: LedgerItem, unit: Unit, ref: String, authority: String?, recordedBy: String,
                    now: Date, calculator: DeadlineCalculator, on db: any Database) async throws {
        let itemID = try item.requireID()
        let sourceRef = "\(LedgerService.entityType):\(itemID.text):\(ref)"
        guard try await CreditRecordRow.query(on: db).filter(\.$sourceRef == sourceRef).count() == 0,
              let today = LocalDate(chinaTimeOf: now) else { return }
        let findings = (try? CreditService.decode([FindingDTO].self, item.findings)) ?? []
        let basis = findings.compactMap { finding in
            [finding.standard, finding.clause].compactMap { $0 }.joined(separator: " ").nilIfEmpty
        }.joined(separator: "；")
        let new = CreditService.NewRecord(
            kind: kind, field: field(of: item), decisionDate: today, decisionNumber: nil, authority: authority,
            legalBasis: basis.nilIfEmpty, summary: item.title, publishedAt: now, source: "ledger", sourceRef: sourceRef,
            ledgerItemID: itemID)
        try await CreditService.create(new, subject: unit, recordedBy: recordedBy, recordingUnit: item.registeringUnitID, now: now,
                                       calculator: calculator, on: db)
    }

    /// The field by the item's category (it decides nothing for hazard records but is shown).
    static func field(of item: LedgerItem) -> CreditField {
        let category = item.category ?? ""
        if category.contains("消防") { return .fireSafety }
        if category.contains("特种设备") || category.contains("电梯") { return .specialEquipment }
        return .workSafety
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
