import DubanCore
import Fluent
import Vapor

/// 蓝/黄/红牌督办 — the scheduler's pass over open tasks. Each task's card is worked out by the core's
/// `TaskCard`; when it worsens, a notice is issued to the task's lead unit (and its responsible units),
/// and a notice not acted on within `escalationWorkingDays` is escalated to the supervisors. A progress
/// report, or the lead unit moving the task, acts on the notices issued so far.
enum TaskCards {
    /// Working days a unit has to act on a card before the supervisors are told. The seeds give no
    /// figure; 2 working days is Duban's default, changed with the `tasks.card_escalation_working_days`
    /// setting (`PUT /api/v1/settings/{key}`).
    static let defaultEscalationWorkingDays = 2
    static let escalationSettingKey = "tasks.card_escalation_working_days"

    /// States in which a task's unit owes the work and may carry a card.
    static let workingStates: [ItemState] = [.assigned, .signedFor, .inProgress]

    static func severity(_ card: TaskCard?) -> Int {
        switch card {
        case nil, .clear?: 0
        case .blue?: 1
        case .yellow?: 2
        case .red?: 3
        }
    }

    /// Progress reports due and not made: counted from the last report, or from the assignment.
    static func missedReports(of item: LedgerItem, now: Date, calculator: DeadlineCalculator) throws -> Int {
        let facts = try LedgerService.facts(of: item)
        guard workingStates.contains(facts.state), let assigned = facts.assignedAt,
              let cadence = item.reportCadence.flatMap(ProgressCadence.init(rawValue:)) else { return 0 }
        return try cadence.missedReports(since: max(assigned, item.lastProgressAt ?? assigned), at: now, calculator: calculator)
    }

    static func card(of item: LedgerItem, now: Date, calculator: DeadlineCalculator) throws -> TaskCard {
        let facts = try LedgerService.facts(of: item)
        let missed = try missedReports(of: item, now: now, calculator: calculator)
        return try TaskCard.card(for: TaskCardFacts(state: facts.state, deadline: facts.deadline, missedProgressReports: missed),
                                 at: now, calculator: calculator)
    }

    /// The unit acted: its open notices stop escalating.
    static func actedOn(_ itemID: UUID, now: Date, on db: any Database) async throws {
        try await LedgerCardNotice.query(on: db).filter(\.$itemID == itemID).filter(\.$actedAt == nil).filter(\.$escalatedAt == nil)
            .set(\.$actedAt, to: now.wholeMilliseconds).set(\.$escalateAt, to: nil).update()
    }

    struct Report: Equatable {
        var issued = 0
        var escalated = 0
    }

    /// One pass: refresh the cards of open tasks (a few hundred a year in a district; read through the
    /// (kind, state) index), issue notices for worsened cards, escalate notices past their time.
    static func sweep(now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> Report {
        var report = Report()
        let escalationDays = try await escalationWorkingDays(on: db)
        let tasks = try await LedgerItem.query(on: db).filter(\.$kind == ItemKind.task.rawValue)
            .filter(\.$state ~~ workingStates.map(\.rawValue)).all()
        for item in tasks {
            let card = try card(of: item, now: now, calculator: calculator)
            let previous = item.card.flatMap(TaskCard.init(rawValue:))
            guard card != previous else { continue }
            item.card = card.rawValue
            try await item.save(on: db)
            guard severity(card) > severity(previous) else { continue }
            let notice = LedgerCardNotice()
            notice.itemID = try item.requireID()
            notice.unitID = item.assignedUnitID
            notice.card = card.rawValue
            notice.issuedAt = now.wholeMilliseconds
            notice.escalateAt = try calculator.due(from: now, amount: escalationDays, unit: .workingDays).due
            try await notice.create(on: db)
            let shared = try await LedgerItemUnit.query(on: db).filter(\.$itemID == item.requireID()).all(\.$unitID)
            for unit in [item.assignedUnitID].compactMap({ $0 }) + shared {
                try await Notification(channel: "inbox", unitID: unit, subject: "\(card.chinese)督办：\(item.title)",
                                       body: reason(card) + "请在\(escalationDays)个工作日内报送进展或办理，逾期将报督查室。",
                                       entityType: LedgerService.entityType, entityID: try item.requireID().text, now: now).create(on: db)
            }
            report.issued += 1
        }
        let late = try await LedgerCardNotice.query(on: db).filter(\.$escalateAt <= now).all()
        if !late.isEmpty {
            let supervisors = Set(try await User.query(on: db).filter(\.$role == Role.supervisor.rawValue).all(\.$unit.$id))
            for notice in late {
                notice.escalatedAt = now.wholeMilliseconds
                notice.escalateAt = nil
                try await notice.save(on: db)
                let title = try await LedgerItem.find(notice.itemID, on: db)?.title ?? ""
                for unit in supervisors {
                    try await Notification(channel: "inbox", unitID: unit, subject: "督办升级：\(title)",
                                           body: "\(TaskCard(rawValue: notice.card)?.chinese ?? notice.card)发出后承办单位未在期限内报送进展或办理。",
                                           entityType: LedgerService.entityType, entityID: notice.itemID.text, now: now).create(on: db)
                }
                report.escalated += 1
            }
        }
        return report
    }

    static func reason(_ card: TaskCard) -> String {
        switch card {
        case .clear: ""
        case .blue: "任务临近完成时限。"
        case .yellow: "任务未按期报送进展。"
        case .red: "任务已超过完成时限。"
        }
    }

    static func escalationWorkingDays(on db: any Database) async throws -> Int {
        try await AdjustableSetting.value(escalationSettingKey, on: db)
    }
}
