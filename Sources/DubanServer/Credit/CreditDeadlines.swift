import DubanCore
import Fluent
import Vapor

/// What the scheduler does with the credit module's deadlines:
/// - a 双公示 deadline warns and then reports the late publication to the recording unit;
/// - the end of a record's period or of the red-list window re-evaluates the subject (its grade may
///   change and take its measures);
/// - an objection or repair review due soon or overdue is reported to the supervisors;
/// - a closed statement window tells the supervisors the listing may be decided;
/// - the end of a listing's term removes the subject from the black list (期满移出).
enum CreditDeadlines {
    static func register(on app: Application) {
        let store = app.calendarStore
        app.deadlineHandlers.register(CreditService.recordEntity) { event, row, now, db in
            guard let id = UUID(uuidString: row.entityID), let record = try await CreditRecordRow.find(id, on: db),
                  let unit = try await Unit.find(record.subjectUnitID, on: db) else { return [] }
            switch row.kind {
            case CreditService.publicationWatch:
                let what = "\(unit.name) \(record.decisionNumber ?? "")"
                let subject = event == .dueSoon ? "双公示即将到期：\(what)" : "双公示逾期未公示：\(what)"
                let body = "决定日期\(record.decisionDate)，应于\(ChinaTimeFormat.string(row.dueAt))前公示（\(row.rule)）。"
                return [Notification(channel: "inbox", unitID: row.unitID, subject: subject, body: body,
                                     entityType: CreditService.recordEntity, entityID: row.entityID, now: now)]
            default:
                if event == .overdue { try await CreditStandings.refresh(unit, now: now, actor: "scheduler", on: db) }
                return []
            }
        }
        for entity in [CreditReviews.objectionEntity, CreditReviews.repairEntity] {
            let what = entity == CreditReviews.objectionEntity ? "信用异议复核" : "信用修复审核"
            app.deadlineHandlers.register(entity) { event, row, now, db in
                let subject = "\(what)\(event == .dueSoon ? "即将到期" : "已逾期")"
                let body = "期限\(ChinaTimeFormat.string(row.dueAt))（\(row.rule)）。"
                return try await CreditService.supervisorUnits(on: db).map { unit in
                    Notification(channel: "inbox", unitID: unit, subject: subject, body: body, entityType: entity,
                                 entityID: row.entityID, now: now)
                }
            }
        }
        app.deadlineHandlers.register(CreditBlackList.entity) { event, row, now, db in
            guard event == .overdue, let id = UUID(uuidString: row.entityID), let caseRow = try await BlackListCaseRow.find(id, on: db),
                  let unit = try await Unit.find(caseRow.subjectUnitID, on: db) else { return [] }
            switch row.kind {
            case CreditBlackList.listingEndWatch:
                let value = try CreditBlackList.facts(of: caseRow)
                guard value.state.isListed else { return [] }
                try await CreditBlackList.apply(.expire, to: caseRow, unit: unit, actor: "scheduler", now: now,
                                                calculator: store.calculator, on: db)
                return []
            default:
                return try await CreditService.supervisorUnits(on: db).map { supervisor in
                    Notification(channel: "inbox", unitID: supervisor, subject: "陈述申辩期已届满：\(unit.name)",
                                 body: "可作出是否列入严重失信主体名单的决定。", entityType: CreditBlackList.entity,
                                 entityID: row.entityID, now: now)
                }
            }
        }
    }
}
