import DubanCore
import Fluent
import Vapor

/// 严重失信主体名单 — the black-list procedure (SPEC A3) through the core's `BlackListCase`: a
/// supervisor proposes when an entry condition holds and notifies the subject (告知), which may state
/// its case within 5 working days (陈述申辩, watched by the scheduler); the written decision lists and
/// publishes; the listing ends after 3 years (the scheduler) or early on application after 12 months.
enum CreditBlackList {
    static let entity = "credit_black_list_case"
    static let statementWatch = "statement"
    static let listingEndWatch = "listing_end"

    static func facts(of row: BlackListCaseRow) throws -> BlackListCase {
        try CreditService.decode(BlackListCase.self, row.facts)
    }

    static func store(_ value: BlackListCase, in row: BlackListCaseRow, now: Date) throws {
        row.facts = try CreditService.encode(value)
        row.state = value.state.rawValue
        row.listedOn = value.listedOn?.description
        row.listingEndsOn = value.listingEndsOn?.description
        row.decisionDocument = value.decisionDocument
        row.updatedAt = now.wholeMilliseconds
    }

    /// The case that has the subject on the list at `now`, if any.
    static func listedCase(of subject: UUID, now: Date, on db: any Database) async throws -> (BlackListCaseRow, BlackListCase)? {
        let rows = try await BlackListCaseRow.query(on: db).filter(\.$subjectUnitID == subject)
            .filter(\.$state ~~ [BlackListState.listed.rawValue, BlackListState.removalRequested.rawValue]).all()
        for row in rows {
            let value = try facts(of: row)
            if value.isListed(at: now) { return (row, value) }
        }
        return nil
    }

    static func cases(of subject: UUID, on db: any Database) async throws -> [BlackListCaseRow] {
        try await BlackListCaseRow.query(on: db).filter(\.$subjectUnitID == subject).sort(\.$proposedAt, .descending).all()
    }

    /// 拟列入 — opens a case when an entry condition holds and no case is running.
    static func propose(_ unit: Unit, actor: Actor, now: Date, on db: any Database) async throws -> BlackListCaseRow {
        try CreditService.requireReviewer(actor)
        let subject = try unit.requireID()
        let running = try await BlackListCaseRow.query(on: db).filter(\.$subjectUnitID == subject)
            .filter(\.$state ~~ BlackListCaseRow.openStates.map(\.rawValue)).count()
        guard running == 0 else {
            throw DubanError.conflict("该主体已有进行中的黑名单程序 / a black-list case is already running", code: "case_running")
        }
        let standing = try await CreditStandings.evaluate(subject, now: now, on: db).standing
        let id = UUID()
        let value = try creditStep {
            try BlackListCase.propose(id: id.text, subjectID: subject.text, conditions: standing.blackListReasons, at: now)
        }
        let row = BlackListCaseRow()
        row.id = id
        row.subjectUnitID = subject
        row.proposedAt = now.wholeMilliseconds
        try store(value, in: row, now: now)
        try await row.create(on: db)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: entity, entityID: id.text,
                                  before: BlackListCaseDTO?.none, after: try dto(row, now: now), at: now)
        return row
    }

    /// One step of the case by `actor`. Who may take which step: the subject states its case and
    /// applies for early removal; a reviewer does the rest. The entry conditions are evaluated at `now`.
    static func act(_ row: BlackListCaseRow, input: BlackListEventInput, actor: Actor, now: Date, calculator: DeadlineCalculator,
                    on db: any Database) async throws {
        let kind = try Check.enumeration(input.event, "event", as: BlackListEventKind.self)
        guard BlackListEventInput.events.contains(kind) else {
            throw DubanError.invalid("event", "期满移出由系统按期执行 / the listing ends by itself at its term")
        }
        guard let unit = try await Unit.find(row.subjectUnitID, on: db) else { throw DubanError.notFound("信用主体 / credit subject") }
        let conditions: () async throws -> [BlackListReason] = { try await CreditStandings.evaluate(row.subjectUnitID, now: now, on: db).standing.blackListReasons }
        let event: BlackListEvent
        switch kind {
        case .submitStatement:
            try CreditService.requireSubjectSide(actor, of: unit)
            event = .submitStatement(text: try Check.optionalText(input.statement, "statement", max: 4000) ?? "")
        case .applyForRemoval:
            try CreditService.requireSubjectSide(actor, of: unit)
            event = .applyForRemoval(conditions: try await conditions())
        case .notify:
            try CreditService.requireReviewer(actor)
            event = .notify
        case .list:
            try CreditService.requireReviewer(actor)
            event = .list(decisionDocument: try Check.optionalText(input.decisionDocument, "decisionDocument", max: 100) ?? "",
                          conditions: try await conditions())
        case .dismiss:
            try CreditService.requireReviewer(actor)
            event = .dismiss(reason: try Check.optionalText(input.reason, "reason", max: 2000) ?? "")
        case .approveRemoval:
            try CreditService.requireReviewer(actor)
            event = .approveRemoval(conditions: try await conditions())
        case .refuseRemoval:
            try CreditService.requireReviewer(actor)
            event = .refuseRemoval(reason: try Check.optionalText(input.reason, "reason", max: 2000) ?? "")
        case .expire:
            throw DubanError.invalid("event", "期满移出由系统按期执行 / the listing ends by itself at its term")
        }
        try await apply(event, to: row, unit: unit, actor: actor.auditName, now: now, calculator: calculator, on: db)
    }

    /// Applies a core event and carries out what follows: watches, notices, list changes, audit.
    static func apply(_ event: BlackListEvent, to row: BlackListCaseRow, unit: Unit, actor: String, now: Date,
                      calculator: DeadlineCalculator, on db: any Database) async throws {
        let rules = try await CreditRulesStore.current(on: db)
        let before = try dto(row, now: now)
        let next = try creditStep { try facts(of: row).applying(event, at: now, calculator: calculator, rules: rules) }
        try store(next, in: row, now: now)
        try await row.save(on: db)
        let id = try row.requireID()
        let subject = try unit.requireID()
        func tellSubject(_ title: String, _ body: String) async throws {
            try await Notification(channel: "inbox", unitID: subject, subject: title, body: body, entityType: entity,
                                   entityID: id.text, now: now).create(on: db)
        }
        func tellSupervisors(_ title: String) async throws {
            for unitID in try await CreditService.supervisorUnits(on: db) {
                try await Notification(channel: "inbox", unitID: unitID, subject: title, body: unit.name, entityType: entity,
                                       entityID: id.text, now: now).create(on: db)
            }
        }
        switch event {
        case .notify:
            if let due = next.statementDue {
                try await DeadlineWatches.watch(entityType: entity, entityID: id.text, kind: statementWatch, unitID: subject,
                                                due: due.due, rule: "陈述申辩\(due.rule.chinese)", now: now, on: db)
                try await tellSubject("拟列入严重失信主体名单告知",
                                      "因\(next.reasons.map(\.chinese).joined(separator: "、"))，拟将贵单位列入严重失信主体名单。"
                                      + "贵单位可于\(ChinaTimeFormat.string(due.due))前陈述申辩（\(due.rule.chinese)）。")
            }
        case .submitStatement:
            try await DeadlineWatches.close(entityType: entity, entityID: id.text, kind: statementWatch, on: db)
            try await tellSupervisors("黑名单程序：当事人已陈述申辩")
        case .list(let document, _):
            try await DeadlineWatches.close(entityType: entity, entityID: id.text, kind: statementWatch, on: db)
            if let ends = next.listingEndsOn {
                try await DeadlineWatches.watch(entityType: entity, entityID: id.text, kind: listingEndWatch, unitID: nil,
                                                due: ends.chinaDate(), rule: "列入期限\(rules.blackList.listingMonths)个月", now: now, on: db)
            }
            try await CreditStandings.listChange(subject, list: .black, change: .entered, caseID: id, document: document,
                                                 note: next.reasons.map(\.chinese).joined(separator: "、"), now: now, on: db)
            try await tellSubject("列入严重失信主体名单决定（\(document)）",
                                  "贵单位已被列入严重失信主体名单，期限至\(next.listingEndsOn?.description ?? "")；"
                                  + "满\(rules.blackList.earlyRemovalAfterMonths)个月后可申请提前移出。")
        case .dismiss:
            try await DeadlineWatches.close(entityType: entity, entityID: id.text, kind: statementWatch, on: db)
            try await tellSubject("不予列入严重失信主体名单", next.dismissalReason ?? "")
        case .applyForRemoval:
            try await tellSupervisors("黑名单程序：申请提前移出")
        case .approveRemoval, .expire:
            try await DeadlineWatches.close(entityType: entity, entityID: id.text, kind: listingEndWatch, on: db)
            try await CreditStandings.listChange(subject, list: .black, change: .removed, caseID: id, document: next.decisionDocument,
                                                 note: next.removal?.chinese, now: now, on: db)
            try await tellSubject("移出严重失信主体名单（\(next.removal?.chinese ?? "")）", unit.name)
        case .refuseRemoval:
            try await tellSubject("不同意提前移出严重失信主体名单", next.removalRefusalReason ?? "")
        }
        try await AuditLog.record(on: db, actor: actor, action: .transition, entityType: entity, entityID: id.text,
                                  before: before, after: try dto(row, now: now), at: now)
        try await CreditStandings.refresh(unit, now: now, actor: actor, on: db)
    }

    static func dto(_ row: BlackListCaseRow, now: Date) throws -> BlackListCaseDTO {
        let value = try facts(of: row)
        func time(_ date: Date?) -> String? { date.map(ChinaTimeFormat.string) }
        return BlackListCaseDTO(
            id: try row.requireID(), subjectId: row.subjectUnitID, state: value.state, stateName: value.state.chinese,
            listed: value.isListed(at: now), reasons: value.reasons.map { NamedCode(code: $0.rawValue, name: $0.chinese) },
            proposedAt: ChinaTimeFormat.string(value.proposedAt), notifiedAt: time(value.notifiedAt),
            statementDue: time(value.statementDue?.due), statementRule: value.statementDue?.rule.chinese, statement: value.statement,
            statementAt: time(value.statementAt), decisionDocument: value.decisionDocument, listedAt: time(value.listedAt),
            listedOn: value.listedOn?.description, listingEndsOn: value.listingEndsOn?.description,
            earlyRemovalFrom: value.earlyRemovalFrom?.description, removalAppliedAt: time(value.removalAppliedAt),
            removalRefusalReason: value.removalRefusalReason, removedAt: time(value.removedAt), removal: value.removal,
            dismissedAt: time(value.dismissedAt), dismissalReason: value.dismissalReason)
    }

    /// The published form of a listing.
    static func publicEntry(_ value: BlackListCase, unit: Unit) -> PublicBlackListEntryDTO {
        PublicBlackListEntryDTO(
            name: unit.name, creditCode: unit.creditCode, reasons: value.reasons.map { NamedCode(code: $0.rawValue, name: $0.chinese) },
            decisionDocument: value.decisionDocument, listedOn: value.listedOn?.description,
            listingEndsOn: value.listingEndsOn?.description)
    }
}
