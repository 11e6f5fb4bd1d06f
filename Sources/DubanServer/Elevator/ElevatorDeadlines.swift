import DubanCore
import Fluent
import Vapor

/// What the scheduler does with the elevator module's deadlines (SPEC A4, 004 成府发〔2015〕29号):
/// - maintenance due soon / overdue (15 days) → the maintenance unit is told; overdue goes into the archive;
/// - inspection application due soon / overdue (1 month before the validity ends) → the use unit;
/// - the validity ended → the elevator is flagged in its archive and may not be put in service;
/// - a stop still on after 24 hours without a notice → the use unit, and the archive;
/// - a trapped-passenger report not reached in 30 minutes, or an accident not reported in 1 hour →
///   the incident is marked as a breach and the supervisors are told.
enum ElevatorDeadlines {
    /// Watches `deadline` with the elevator rules' own warning instant (the module's warning leads are
    /// its adjustable settings, not the scheduler's general lead).
    static func watch(entityID: String, kind: String, unitID: UUID?, deadline: Deadline, warnAt: Date, now: Date,
                      on db: any Database) async throws {
        let row = try await DeadlineWatches.watch(entityType: ElevatorService.entity, entityID: entityID, kind: kind, unitID: unitID,
                                                  deadline: deadline, now: now, on: db)
        row.warnAt = warnAt > now && warnAt < deadline.due ? warnAt : nil
        row.nextFireAt = DeadlineWatch.firstFire(dueAt: deadline.due, warnAt: row.warnAt)
        try await row.save(on: db)
    }

    static func register(on app: Application) {
        app.deadlineHandlers.register(ElevatorService.entity) { event, watched, now, db in
            guard let id = UUID(uuidString: watched.entityID), let row = try await ElevatorRow.find(id, on: db) else { return [] }
            let place = "\(ElevatorService.location(row))（\(row.registrationCode)）"
            let due = ChinaTimeFormat.string(watched.dueAt)
            let subject: String
            switch (watched.kind, event) {
            case (ElevatorService.maintenanceWatch, .dueSoon):
                subject = "电梯维保即将到期：\(place)"
            case (ElevatorService.maintenanceWatch, .overdue):
                subject = "电梯超期未维保：\(place)"
                try await ElevatorService.archive(row, kind: "maintenance_overdue", "超期未维保：应于\(due)前维保（\(watched.rule)）",
                                                  actor: "scheduler", at: now, on: db)
            case (ElevatorService.inspectionApplicationWatch, .dueSoon):
                subject = "电梯定期检验即将需申请：\(place)"
            case (ElevatorService.inspectionApplicationWatch, .overdue):
                subject = "电梯定期检验逾期未申请：\(place)"
                try await ElevatorService.archive(row, kind: "inspection_application_overdue", "逾期未申请定期检验：应于\(due)前申请",
                                                  actor: "scheduler", at: now, on: db)
            case (ElevatorService.inspectionExpiryWatch, .overdue):
                subject = "电梯超过检验合格有效期，不得使用：\(place)"
                try await ElevatorService.archive(row, kind: "inspection_expired", "超过检验合格有效期（\(watched.rule)），不得投入使用",
                                                  actor: "scheduler", at: now, on: db)
            case (ElevatorService.stopNoticeWatch, .overdue):
                guard row.statusValue == .stopped, row.stopNoticeAt == nil else { return [] }
                subject = "电梯停运超过24小时未公告：\(place)"
                try await ElevatorService.archive(row, kind: "stop_notice_overdue", "停运超过24小时未公告（\(watched.rule)）",
                                                  actor: "scheduler", at: now, on: db)
            default:
                return []
            }
            let body = "期限\(due)（\(watched.rule)）。成府发〔2015〕29号。"
            var units = Set([watched.unitID].compactMap { $0 })
            if event == .overdue, watched.kind == ElevatorService.maintenanceWatch, let street = row.streetUnitID { units.insert(street) }
            return units.map { unit in
                Notification(channel: "inbox", unitID: unit, subject: subject, body: body, entityType: ElevatorService.entity,
                             entityID: watched.entityID, now: now)
            }
        }
        app.deadlineHandlers.register(ElevatorService.incidentEntity) { event, watched, now, db in
            guard event == .overdue, let id = UUID(uuidString: watched.entityID), let incident = try await ElevatorIncidentRow.find(id, on: db),
                  incident.doneAt == nil else { return [] }
            incident.breach = true
            try await incident.save(on: db)
            let kind = IncidentKind(rawValue: incident.kind) ?? .trapped
            let subject = kind == .trapped ? "困人救援超过30分钟未到场" : "电梯事故超过1小时未报告"
            if let row = try await ElevatorRow.find(incident.elevatorID, on: db) {
                try await ElevatorService.archive(row, kind: "incident_breach", subject, actor: "scheduler", at: now, ref: id, on: db)
            }
            return try await CreditService.supervisorUnits(on: db).map { unit in
                Notification(channel: "inbox", unitID: unit, subject: subject, body: "期限\(ChinaTimeFormat.string(watched.dueAt))（\(watched.rule)）",
                             entityType: ElevatorService.incidentEntity, entityID: watched.entityID, now: now)
            }
        }
    }
}
