import DubanCore
import Fluent
import Vapor

/// Registering items, applying the state machine's events and carrying out their effects, each in
/// one transaction with its audit entry.
enum LedgerService {
    static let entityType = "ledger_item"

    static func facts(of item: LedgerItem) throws -> ItemFacts {
        try JSONDecoder().decode(ItemFacts.self, from: Data(item.facts.utf8))
    }

    /// Writes `facts` and the columns copied from them.
    static func store(_ facts: ItemFacts, in item: LedgerItem, now: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        item.facts = String(decoding: try encoder.encode(facts), as: UTF8.self)
        item.state = facts.state.rawValue
        item.grade = facts.grade.rawValue
        item.assignedUnitID = facts.assignedUnitID.flatMap(UUID.init(uuidString:))
        item.dueAt = facts.deadline?.wholeMilliseconds
        item.openDueAt = [.assigned, .signedFor, .inProgress].contains(facts.state) ? facts.deadline?.wholeMilliseconds : nil
        item.listingLevel = facts.state.isOpen ? facts.listingLevel?.rawValue : nil
        item.fiveComplete = facts.fiveImplementations.isComplete
        if !TaskCards.workingStates.contains(facts.state) { item.card = nil }
        item.updatedAt = now.wholeMilliseconds
    }

    /// The item with everything its page shows: timeline, thread, progress reports, attachments, the
    /// task's other units and missed reports, and a scheduled look-back.
    static func detailed(_ item: LedgerItem, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> ItemDTO {
        let id = try item.requireID()
        var dto = try dto(item, now: now)
        dto.timeline = try await LedgerEvent.query(on: db).filter(\.$itemID == id).sort(\.$at).all().map(TimelineDTO.init)
        dto.messages = try await LedgerNote.list(.message, of: id, on: db).map(LedgerThreads.MessageDTO.init)
        dto.attachments = try await LedgerAttachments.rows(of: id, on: db).map(LedgerAttachments.AttachmentDTO.init)
        if item.kind == ItemKind.task.rawValue {
            dto.progress = try await LedgerNote.list(.progress, of: id, on: db).map(LedgerThreads.MessageDTO.init)
            dto.coUnitIds = try await LedgerItemUnit.query(on: db).filter(\.$itemID == id).all(\.$unitID)
            dto.missedReports = try TaskCards.missedReports(of: item, now: now, calculator: calculator)
        }
        dto.lookBackDueAt = try await WatchedDeadline.query(on: db)
            .filter(\.$entityType == entityType).filter(\.$entityID == id.text).filter(\.$kind == LedgerThreads.lookBackWatch)
            .filter(\.$state ~~ [DeadlineWatch.State.pending.rawValue, DeadlineWatch.State.warned.rawValue])
            .first().map { ChinaTimeFormat.string($0.dueAt) }
        return dto
    }

    static func dto(_ item: LedgerItem, now: Date) throws -> ItemDTO {
        try dto(ItemRow(item), now: now)
    }

    static func dto(_ row: ItemRow, now: Date) throws -> ItemDTO {
        let facts = try JSONDecoder().decode(ItemFacts.self, from: Data(row.facts.utf8))
        return ItemDTO(
            id: row.id, kind: facts.kind, state: facts.state, stateName: facts.state.chinese, grade: facts.grade,
            title: row.title, description: row.description, location: row.location, category: row.category,
            fixMode: row.fixMode.flatMap(FixMode.init(rawValue:)), source: row.source.flatMap(HazardSource.init(rawValue:)),
            supervisedUnitId: row.supervisedUnitId, registeringUnitId: row.registeringUnitId, assignedUnitId: row.assignedUnitId,
            dueAt: facts.deadline.map(ChinaTimeFormat.string), overdue: row.openDueAt.map { $0 < now } ?? false,
            listingLevel: row.listingLevel.flatMap(ListingLevel.init(rawValue:)), fiveImplementations: facts.fiveImplementations,
            fiveImplementationsMissing: facts.fiveImplementations.missing, extensionsApproved: facts.extensionsApproved,
            pendingExtensionDue: facts.pendingExtension.map { ChinaTimeFormat.string($0.newDue) }, returns: facts.returns,
            reworks: facts.reworks, findings: (try? JSONDecoder().decode([FindingDTO].self, from: Data(row.findings.utf8))) ?? [],
            createdAt: ChinaTimeFormat.string(row.createdAt),
            deadlineText: row.deadlineText, reportCadence: row.reportCadence.flatMap(ProgressCadence.init(rawValue:)),
            card: row.card.flatMap(TaskCard.init(rawValue:)))
    }

    /// Validated descriptive fields; `creating` requires kind and title.
    struct Fields: Sendable {
        var kind: ItemKind?
        var title: String?
        var description: String??
        var location: String??
        var category: String??
        var grade: HazardGrade?
        var fixMode: FixMode??
        var source: HazardSource??
        var supervisedUnitID: UUID??
        var findings: [FindingDTO]?
        var five: FiveImplementations?
        var deadlineText: String??
        var reportCadence: ProgressCadence?
        var coUnitIDs: [UUID]?
    }

    static func validate(_ input: ItemInput, creating: Bool) throws -> Fields {
        var fields = Fields()
        if creating || input.kind != nil { fields.kind = try Check.enumeration(input.kind ?? "", "kind", as: ItemKind.self) }
        if creating || input.title != nil { fields.title = try Check.text(input.title ?? "", "title") }
        if let v = input.description { fields.description = .some(try Check.optionalText(v, "description", max: 4000)) }
        if let v = input.location { fields.location = .some(try Check.optionalText(v, "location", max: 300)) }
        if let v = input.category { fields.category = .some(try Check.optionalText(v, "category", max: 100)) }
        if let v = input.grade { fields.grade = try Check.enumeration(v, "grade", as: HazardGrade.self) }
        if let v = input.fixMode { fields.fixMode = .some(v.isEmpty ? nil : try Check.enumeration(v, "fixMode", as: FixMode.self)) }
        if let v = input.source { fields.source = .some(v.isEmpty ? nil : try Check.enumeration(v, "source", as: HazardSource.self)) }
        if let v = input.supervisedUnitId { fields.supervisedUnitID = .some(v.isEmpty ? nil : try Check.uuid(v, "supervisedUnitId")) }
        if let list = input.findings {
            guard list.count <= 100 else { throw DubanError.invalid("findings", "最多100条 / at most 100 findings") }
            fields.findings = try list.enumerated().map { index, finding in
                FindingDTO(description: try Check.text(finding.description, "findings.\(index).description", max: 1000),
                           standard: try Check.optionalText(finding.standard, "findings.\(index).standard", max: 100),
                           clause: try Check.optionalText(finding.clause, "findings.\(index).clause", max: 100),
                           determination: try Check.optionalText(finding.determination, "findings.\(index).determination", max: 200))
            }
        }
        if let five = input.fiveImplementations {
            fields.five = FiveImplementations(
                responsibility: try Check.optionalText(five.responsibility, "fiveImplementations.responsibility", max: 500),
                measures: try Check.optionalText(five.measures, "fiveImplementations.measures", max: 2000),
                funds: try Check.optionalText(five.funds, "fiveImplementations.funds", max: 500),
                timeLimit: try Check.optionalText(five.timeLimit, "fiveImplementations.timeLimit", max: 200),
                emergencyPlan: try Check.optionalText(five.emergencyPlan, "fiveImplementations.emergencyPlan", max: 2000))
        }
        if let v = input.deadlineText { fields.deadlineText = .some(try Check.optionalText(v, "deadlineText", max: 100)) }
        if let v = input.reportCadence { fields.reportCadence = try Check.enumeration(v, "reportCadence", as: ProgressCadence.self) }
        if let list = input.coUnitIds {
            guard list.count <= 50 else { throw DubanError.invalid("coUnitIds", "最多50个单位 / at most 50 units") }
            fields.coUnitIDs = try list.enumerated().map { try Check.uuid($1, "coUnitIds.\($0)") }
        }
        if fields.deadlineText != nil || fields.reportCadence != nil || fields.coUnitIDs != nil, let kind = fields.kind, kind != .task {
            throw DubanError.invalid("kind", "完成时限原文、报送周期、责任单位只用于任务 / deadline text, cadence and co-units are for tasks")
        }
        return fields
    }

    static func apply(_ fields: Fields, to item: LedgerItem, facts: inout ItemFacts) throws {
        if let title = fields.title { item.title = title }
        if let v = fields.description { item.details = v }
        if let v = fields.location { item.location = v }
        if let v = fields.category { item.category = v }
        if let v = fields.fixMode { item.fixMode = v?.rawValue }
        if let v = fields.source { item.source = v?.rawValue }
        if let v = fields.supervisedUnitID { item.supervisedUnitID = v }
        if let v = fields.findings {
            item.findings = String(decoding: try JSONEncoder().encode(v), as: UTF8.self)
        }
        if let grade = fields.grade { facts.grade = grade }
        if let five = fields.five { facts.fiveImplementations = five }
        if let v = fields.deadlineText { item.deadlineText = v }
        if let v = fields.reportCadence { item.reportCadence = v.rawValue }
    }

    /// The supervised unit the fields name, if any, must exist.
    static func requireSupervisedUnit(_ fields: Fields, on db: any Database) async throws {
        try await Unit.requireExisting([fields.supervisedUnitID ?? nil].compactMap { $0 }, field: "supervisedUnitId", on: db)
    }

    /// Replaces a task's responsible units besides the lead.
    static func setCoUnits(_ ids: [UUID], of item: LedgerItem, on db: any Database) async throws {
        let itemID = try item.requireID()
        try await Unit.requireExisting(ids, field: "coUnitIds", on: db)
        let unique = Array(Set(ids))
        try await LedgerItemUnit.query(on: db).filter(\.$itemID == itemID).delete()
        for unit in unique {
            let row = LedgerItemUnit()
            row.itemID = itemID
            row.unitID = unit
            try await row.create(on: db)
        }
    }

    /// A task assigned without a deadline takes the date its deadline text gives, read in the year of
    /// the assignment, at the close of that working day (SPEC A1: 18:00).
    static func taskDeadline(_ item: LedgerItem, at now: Date) -> Date? {
        guard item.kind == ItemKind.task.rawValue, let text = item.deadlineText, let today = LocalDate(chinaTimeOf: now),
              let date = TaskDeadlineParser.parse(text, year: today.year) else { return nil }
        return date.chinaDate(hour: 18)
    }

    static func create(_ fields: Fields, actor: Actor, now: Date, on db: any Database) async throws -> LedgerItem {
        guard let kind = fields.kind else { throw DubanError.invalid("kind", "缺少 kind / kind is required", code: "missing_field") }
        try await requireSupervisedUnit(fields, on: db)
        let item = LedgerItem()
        item.id = UUID()
        item.kind = kind.rawValue
        item.title = ""
        item.findings = "[]"
        item.registeringUnitID = actor.unitID
        item.createdAt = now.wholeMilliseconds
        var facts = ItemFacts(kind: kind, registeringUnitID: actor.unitID.uuidString)
        if kind == .task { item.reportCadence = ProgressCadence.monthly.rawValue }
        try apply(fields, to: item, facts: &facts)
        try store(facts, in: item, now: now)
        try await item.insert(on: db)
        if let coUnits = fields.coUnitIDs { try await setCoUnits(coUnits, of: item, on: db) }
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: entityType,
                                  entityID: try item.requireID().text, before: ItemDTO?.none, after: try dto(item, now: now))
        return item
    }

    static func update(_ item: LedgerItem, fields: Fields, actor: Actor, now: Date, on db: any Database) async throws {
        if fields.kind != nil { throw DubanError.invalid("kind", "类别不能修改 / the kind cannot change") }
        let before = try dto(item, now: now)
        var facts = try facts(of: item)
        guard facts.state.isOpen else { throw DubanError.conflict("已销号或撤销的条目不能修改 / the item is closed", code: "closed") }
        if fields.grade != nil && ![.registered, .returned].contains(facts.state) {
            throw DubanError.invalid("grade", "交办后不能改等级 / the grade is fixed once assigned")
        }
        if (fields.deadlineText != nil || fields.reportCadence != nil || fields.coUnitIDs != nil) && item.kind != ItemKind.task.rawValue {
            throw DubanError.invalid("kind", "完成时限原文、报送周期、责任单位只用于任务 / deadline text, cadence and co-units are for tasks")
        }
        try await requireSupervisedUnit(fields, on: db)
        try apply(fields, to: item, facts: &facts)
        try store(facts, in: item, now: now)
        try await item.save(on: db)
        if let coUnits = fields.coUnitIDs { try await setCoUnits(coUnits, of: item, on: db) }
        try await AuditLog.record(on: db, actor: actor.auditName, action: .update, entityType: entityType,
                                  entityID: try item.requireID().text, before: before, after: try dto(item, now: now))
    }

    /// Builds the core event from the request, or names the missing or bad field.
    static func event(from input: ItemEventInput) throws -> ItemEvent {
        let kind = try Check.enumeration(input.event, "event", as: ItemEventKind.self)
        func time(_ value: String?, _ field: String) throws -> Date {
            guard let value else { throw DubanError.invalid(field, "缺少 \(field) / \(field) is required", code: "missing_field") }
            guard let date = ChinaTimeFormat.parse(value) else { throw DubanError.invalid(field, "\(field) 应为 ISO 8601 时间 / must be ISO 8601") }
            return date
        }
        func optionalTime(_ value: String?, _ field: String) throws -> Date? {
            guard let value, !value.isEmpty else { return nil }
            return try time(value, field)
        }
        func reason() throws -> String { try Check.text(input.reason ?? "", "reason", max: 2000) }
        func unit() throws -> String { try Check.uuid(input.unitId, "unitId").uuidString }
        switch kind {
        case .assign: return .assign(unitID: try unit(), deadline: try optionalTime(input.deadline, "deadline"))
        case .reassign: return .reassign(unitID: try unit(), deadline: try optionalTime(input.deadline, "deadline"))
        case .signFor: return .signFor
        case .return: return .return(reason: try reason(), leaderSigned: input.leaderSigned ?? false)
        case .startWork: return .startWork
        case .requestExtension: return .requestExtension(newDue: try time(input.newDue, "newDue"), reason: try reason())
        case .approveExtension: return .approveExtension
        case .rejectExtension: return .rejectExtension(reason: try reason())
        case .submit:
            // The evidence is counted from the attachments when the event is applied (`transition`).
            return .submit(result: try Check.text(input.result ?? "", "result", max: 4000), evidenceCount: 0)
        case .verifyPass: return .verifyPass
        case .verifyFail: return .verifyFail(reason: try reason(), newDeadline: try optionalTime(input.deadline, "deadline"))
        case .close: return .close
        case .lookBackPass: return .lookBackPass
        case .lookBackFail: return .lookBackFail(reason: try reason(), deadline: try time(input.deadline, "deadline"))
        case .cancel: return .cancel(reason: try reason())
        case .list:
            return .list(level: try Check.enumeration(input.level ?? "", "level", as: ListingLevel.self),
                         targetDate: try time(input.targetDate, "targetDate"))
        case .escalateListing: return .escalateListing(targetDate: try time(input.targetDate, "targetDate"))
        case .requestSuspension: return .requestSuspension(reason: try reason())
        case .decideSuspension:
            guard let suspend = input.suspend else { throw DubanError.invalid("suspend", "缺少 suspend / suspend is required", code: "missing_field") }
            return .decideSuspension(suspend: suspend)
        case .closeAtIntake: return .closeAtIntake(reason: try reason())
        }
    }

    /// Applies `event`; the new facts, the timeline entry, the audit entry and the effects commit together.
    static func transition(_ item: LedgerItem, event: ItemEvent, actor: Actor, now: Date, calculator: DeadlineCalculator,
                           on db: any Database) async throws {
        if case .assign(let unit, _) = event { try await requireUnit(unit, on: db) }
        if case .reassign(let unit, _) = event { try await requireUnit(unit, on: db) }
        let before = try dto(item, now: now)
        let facts = try facts(of: item)
        var event = event
        if case .assign(let unit, nil) = event, let due = taskDeadline(item, at: now) { event = .assign(unitID: unit, deadline: due) }
        if case .reassign(let unit, nil) = event, let due = taskDeadline(item, at: now) { event = .reassign(unitID: unit, deadline: due) }
        if case .submit(let result, _) = event {
            // Evidence is new since the assignment or, after a failed check, since the last report.
            let lastReport = try await LedgerEvent.query(on: db).filter(\.$itemID == item.requireID())
                .filter(\.$event == ItemEventKind.submit.rawValue).sort(\.$at, .descending).first()?.at
            let since = [facts.assignedAt, lastReport].compactMap { $0 }.max()
            if item.kind == ItemKind.hotline.rawValue {
                try await HotlineService.checkReply(item, result: result, since: since, on: db)
            }
            event = .submit(result: result, evidenceCount: try await LedgerAttachments.evidenceCount(of: item, since: since, on: db))
        }
        let result = ItemMachine.apply(event, to: facts, by: ActorFacts(role: actor.role, unitID: actor.unitID.uuidString),
                                       at: now, calculator: calculator)
        let transition: ItemTransition
        switch result {
        case .success(let value): transition = value
        case .failure(let error):
            let status: HTTPResponseStatus = switch error {
            case .invalidState: .conflict
            case .forbiddenRole, .notAssignedUnit, .verifierIsAssignedUnit: .forbidden
            default: .unprocessableEntity
            }
            throw DubanError(status, code: error.code, message: error.message, field: error.field)
        }
        try store(transition.facts, in: item, now: now)
        try await item.save(on: db)
        let entry = LedgerEvent()
        entry.itemID = try item.requireID()
        entry.at = now.wholeMilliseconds
        entry.event = transition.entry.event.rawValue
        entry.fromState = transition.entry.from.rawValue
        entry.toState = transition.entry.to.rawValue
        entry.actor = actor.auditName
        entry.actorUnitID = actor.unitID.text
        entry.note = transition.entry.note
        entry.late = transition.entry.late
        try await entry.create(on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: entityType,
                                  entityID: try item.requireID().text, before: before, after: try dto(item, now: now))
        try await perform(transition.effects, for: item, event: transition.entry.event, now: now, on: db)
        try await CreditHooks.ledgerEvent(item, event: transition.entry.event, actor: actor, now: now, calculator: calculator, on: db)
        try await ElevatorHooks.ledgerEvent(item, event: transition.entry.event, actor: actor, now: now, calculator: calculator, on: db)
        switch transition.entry.event {
        case .lookBackPass, .lookBackFail:
            try await DeadlineWatches.close(entityType: entityType, entityID: try item.requireID().text, kind: LedgerThreads.lookBackWatch, on: db)
        default:
            // The unit moved the task: the cards issued so far are acted on.
            if item.kind == ItemKind.task.rawValue && actor.unitID == item.assignedUnitID {
                try await TaskCards.actedOn(try item.requireID(), now: now, on: db)
            }
        }
    }

    private static func requireUnit(_ id: String, on db: any Database) async throws {
        guard let uuid = UUID(uuidString: id), try await Unit.find(uuid, on: db) != nil else {
            throw DubanError.invalid("unitId", "单位不存在 / unit not found")
        }
    }

    /// Carries out what the machine asked for: deadline watches, notices.
    static func perform(_ effects: [ItemEffect], for item: LedgerItem, event: ItemEventKind, now: Date, on db: any Database) async throws {
        let id = try item.requireID().text
        for effect in effects {
            switch effect {
            case .watchDeadline(let watch, let due, let rule):
                try await DeadlineWatches.watch(entityType: entityType, entityID: id, kind: watch.rawValue,
                                                unitID: item.assignedUnitID, due: due, rule: rule?.chinese ?? "指定期限", now: now, on: db)
            case .closeWatch(let watch):
                try await DeadlineWatches.close(entityType: entityType, entityID: id, kind: watch.rawValue, on: db)
            case .notifyUnit(let unit, let about):
                var body = item.title
                // A referral names the receiving unit's person answering for referrals (issue #4).
                if item.kind == ItemKind.referral.rawValue, let unitID = UUID(uuidString: unit),
                   let contact = try await Unit.find(unitID, on: db)?.referralContactID, let person = try await Person.find(contact, on: db) {
                    body += "（抄送移送责任人：\(person.name)）"
                }
                try await Notification(channel: "inbox", unitID: UUID(uuidString: unit), subject: notice(about),
                                       body: body, entityType: entityType, entityID: id, now: now).create(on: db)
            case .notifySupervisors(let about):
                let units = Set(try await User.query(on: db).filter(\.$role == Role.supervisor.rawValue).all(\.$unit.$id))
                for unit in units {
                    try await Notification(channel: "inbox", unitID: unit, subject: notice(about), body: item.title,
                                           entityType: entityType, entityID: id, now: now).create(on: db)
                }
            case .publishListing, .endListing:
                // The listing columns follow the facts (see `store`); the public page reads them.
                break
            }
        }
    }

    static func notice(_ event: ItemEventKind) -> String {
        switch event {
        case .assign, .reassign: "交办：请签收"
        case .return: "退回：请重新交办"
        case .requestExtension: "延期申请待审批"
        case .approveExtension: "延期已批准"
        case .rejectExtension: "延期未批准"
        case .submit: "报结：请验收"
        case .verifyFail: "验收未通过：请继续整改"
        case .lookBackFail: "回头看发现问题复发：已重新打开"
        case .close: "已销号"
        case .list, .escalateListing: "挂牌督办"
        case .requestSuspension: "停产停业申请：请在7日内决定"
        default: "台账事项：\(event.rawValue)"
        }
    }
}
