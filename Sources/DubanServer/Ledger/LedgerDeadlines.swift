import DubanCore
import Fluent
import Vapor

/// What the scheduler does with the ledger's deadlines. Every warning and overdue notice goes to the
/// handling unit; an overdue listed hazard is also escalated one level (升级督办, issue #4: "overdue
/// listed items escalate one level and notify the supervisor") with a new target date
/// the `ledger.escalation_target_days` setting (30 days by default) later, and the supervisors are told.
enum LedgerDeadlines {
    /// The target date of an escalated listing, in calendar days after the escalation. The seeds give no
    /// figure; 30 days is Duban's default, changed with the `ledger.escalation_target_days` setting.
    static let defaultEscalationTargetDays = 30
    static let escalationSettingKey = "ledger.escalation_target_days"

    static func register(on app: Application) {
        let store = app.calendarStore
        app.deadlineHandlers.register(LedgerService.entityType) { event, row, now, db in
            var notices = [DeadlineHandlers.unitNotice(event, for: row, now: now)]
            try await CreditHooks.ledgerDeadline(event, for: row, now: now, calculator: store.calculator, on: db)
            guard event == .overdue, row.kind == ItemWatch.listingTarget.rawValue,
                  let id = UUID(uuidString: row.entityID), let item = try await LedgerItem.find(id, on: db) else { return notices }
            let facts = try LedgerService.facts(of: item)
            guard facts.state.isOpen, facts.listingLevel?.escalated != nil else { return notices }
            let system = Actor(userID: UUID(uuid: UUID_NULL), username: "scheduler", displayName: "系统", role: .supervisor,
                               unitID: item.registeringUnitID, unitName: "", unitPath: UnitPath(ids: []), viaSession: false)
            let days = try await AdjustableSetting.value(escalationSettingKey, on: db)
            try await LedgerService.transition(
                item, event: .escalateListing(targetDate: now.addingTimeInterval(Double(days) * 86400)),
                actor: system, now: now, calculator: store.calculator, on: db)
            let supervisors = Set(try await User.query(on: db).filter(\.$role == Role.supervisor.rawValue).all(\.$unit.$id))
            notices += supervisors.map { unit in
                Notification(channel: "inbox", unitID: unit, subject: "升级督办：\(item.title)",
                             body: "挂牌督办事项逾期未整改，已升级为\(item.listingLevel.flatMap(ListingLevel.init(rawValue:))?.chinese ?? "上一级")督办。",
                             entityType: LedgerService.entityType, entityID: row.entityID, now: now)
            }
            return notices
        }
    }
}

private let UUID_NULL: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
