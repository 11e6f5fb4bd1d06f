import DubanCore
import Fluent
import Vapor

/// The 附件5 ladder in the database (000 阳政办(2017)33号 附件5): the rules' monthly proposals from the
/// hotline cases, a supervisor's own proposals for the clauses no data shows, and every step of the
/// core ``AccountabilityMachine`` (confirm or dismiss, the 约谈's written plan within 7 working days,
/// the unit's appeal within 5 working days), each audited and notified to the unit.
enum AccountabilityService {
    static let entityType = "accountability_action"
    /// States in which a decided action stands: not proposed, dismissed or withdrawn on appeal.
    static let standingStates: [AccountabilityState] = [.confirmed, .planSubmitted, .planAccepted, .appealed]

    /// Confirmed 约谈 and 问责 per unit name whose decision falls in `period` (附件7 item (16): "被约谈或追责的,扣10分").
    static func interviewsAndAccountability(in period: AssessmentPeriod, on db: any Database) async throws -> [String: Int] {
        let rows = try await AccountabilityRecord.query(on: db)
            .filter(\.$level ~~ [AccountabilityLevel.interview.rawValue, AccountabilityLevel.accountability.rawValue])
            .filter(\.$state ~~ standingStates.map(\.rawValue))
            .filter(\.$decidedAt >= period.start).filter(\.$decidedAt < period.end).all()
        let names = try await LedgerPages.unitNames(rows.map(\.unitID), on: db)
        var counts: [String: Int] = [:]
        for row in rows { if let name = names[row.unitID] { counts[name, default: 0] += 1 } }
        return counts
    }

    static func action(of row: AccountabilityRecord) throws -> AccountabilityAction {
        try JSONDecoder().decode(AccountabilityAction.self, from: Data(row.action.utf8))
    }

    /// Copies `action` into the row's JSON and its query columns.
    static func store(_ action: AccountabilityAction, in row: AccountabilityRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        row.action = String(decoding: try encoder.encode(action), as: UTF8.self)
        row.state = action.state.rawValue
        row.decidedAt = action.confirmedAt ?? (action.state == .dismissed ? action.steps.last?.at : nil)
        row.planDueAt = action.planDue
        row.appealDueAt = action.appealDue
    }

    // MARK: - Monthly facts and proposals

    /// The month's facts per unit from the hotline cases (SPEC M5):
    /// - due: cases whose deadline falls in the month; on time when closed by it; overdue otherwise;
    /// - late sign-for and late return (more than 1 working day): the 附件7 engine's own findings on the
    ///   cases assigned in the month (items 7 and 10), so the two never disagree;
    /// - no follow-up (第四条(四)): cases closed in the month with no contact with the caller logged
    ///   (附件2 第三条(四): the unit tells the caller the result and asks satisfaction before reporting);
    /// - evaluator dissatisfied: verdicts "合理诉求" given in the month;
    /// - repeats: chains of 重复投诉 (each case names the earlier one) with a case in the month.
    static func facts(month: AssessmentPeriod, on db: any Database, calculator: DeadlineCalculator) async throws -> [AccountabilityUnitMonth] {
        let firstIndex = month.firstDay.year * 12 + month.firstDay.month - 1 - 2
        let window = try AssessmentPeriod(firstYear: firstIndex / 12, firstMonth: firstIndex % 12 + 1,
                                          lastYear: month.lastDay.year, lastMonth: month.lastDay.month)
        let cases = try await HotlineAssessmentSource.cases(in: window, on: db)
        var byUnit: [String: AccountabilityUnitMonth] = [:]
        func touch(_ unit: String) { if byUnit[unit] == nil { byUnit[unit] = AccountabilityUnitMonth(unit: unit, casesDue: 0, closedOnTime: 0) } }
        for item in cases where month.contains(item.dueAt) {
            touch(item.unit)
            byUnit[item.unit]!.casesDue += 1
            if let closed = item.closedAt, closed <= item.dueAt {
                byUnit[item.unit]!.closedOnTime += 1
            } else {
                byUnit[item.unit]!.overdueCaseIDs.append(item.id)
            }
        }
        let assigned = cases.filter { month.contains($0.assignedAt) }
        let scored = try HotlineAssessmentSource.score(assigned, units: [], period: month, calculator: calculator)
        for unit in scored.units {
            for deduction in unit.deductions {
                guard let id = deduction.caseID else { continue }
                switch deduction.reason {
                case .signedLate, .unsignedAtPeriodEnd: touch(unit.unit); byUnit[unit.unit]!.lateSignForCaseIDs.append(id)
                case .returnedLate: touch(unit.unit); byUnit[unit.unit]!.lateTransferCaseIDs.append(id)
                default: break
                }
            }
        }
        // No follow-up: closed in the month, and not one contact attempt logged.
        let closed = cases.filter { $0.closedAt.map(month.contains) ?? false }
        let codes = closed.map(\.id)
        var contacted = Set<String>()
        for chunk in codes.chunked(500) {
            let rows = try await HotlineCase.query(on: db).filter(\.$trackingCode ~~ chunk).all()
            let ids = rows.compactMap(\.id)
            let withContact = Set(try await HotlineContact.query(on: db).filter(\.$caseID ~~ ids).all().map(\.caseID))
            for row in rows where row.id.map(withContact.contains) ?? false { contacted.insert(row.trackingCode) }
        }
        for item in closed where !contacted.contains(item.id) {
            touch(item.unit)
            byUnit[item.unit]!.noFollowUpCaseIDs.append(item.id)
        }
        // Evaluator verdicts in the month.
        let verdicts = try await HotlineCase.query(on: db).filter(\.$evaluatedAt >= month.start).filter(\.$evaluatedAt < month.end).all()
            .filter { $0.evaluation.flatMap(EvaluatorVerdict.init(rawValue:))?.countsAsEvaluatorDissatisfied ?? false }
        let verdictItems = try await LedgerItem.query(on: db).filter(\.$id ~~ verdicts.compactMap(\.id)).all()
        let verdictUnits = Dictionary(uniqueKeysWithValues: verdictItems.compactMap { item in item.id.map { ($0, item.assignedUnitID) } })
        let names = try await LedgerPages.unitNames(verdictItems.compactMap(\.assignedUnitID), on: db)
        for row in verdicts {
            guard let id = row.id, let unitID = verdictUnits[id] ?? nil, let name = names[unitID] else { continue }
            touch(name)
            byUnit[name]!.evaluatorDissatisfiedCaseIDs.append(row.trackingCode)
        }
        for group in try await repeatGroups(month: month, on: db) {
            touch(group.unit)
            byUnit[group.unit]!.repeatComplaints.append(RepeatComplaintGroup(matter: group.matter, caseIDs: group.codes))
        }
        return byUnit.values.sorted { $0.unit < $1.unit }
    }

    /// Chains of repeat complaints (each case's `repeat_of` names the earlier case about the same
    /// matter, 附件4 第二条) that gained a case in `month`; the unit is the one holding the latest case.
    static func repeatGroups(month: AssessmentPeriod, on db: any Database) async throws -> [(unit: String, matter: String, codes: [String])] {
        let recent = try await HotlineCase.query(on: db).filter(\.$repeatOf != nil)
            .filter(\.$receivedAt >= month.start).filter(\.$receivedAt < month.end).all()
        guard !recent.isEmpty else { return [] }
        var known: [UUID: HotlineCase] = [:]
        for row in recent { if let id = row.id { known[id] = row } }
        // Walk up each chain (bounded), loading the earlier cases as needed.
        var frontier = Set(recent.compactMap(\.repeatOf)).subtracting(known.keys)
        var depth = 0
        while !frontier.isEmpty, depth < 20 {
            for row in try await HotlineCase.query(on: db).filter(\.$id ~~ Array(frontier)).all() { if let id = row.id { known[id] = row } }
            frontier = Set(known.values.compactMap(\.repeatOf)).subtracting(known.keys)
            depth += 1
        }
        func root(_ row: HotlineCase) -> HotlineCase {
            var current = row
            var steps = 0
            while let parent = current.repeatOf, let next = known[parent], steps < 50 { current = next; steps += 1 }
            return current
        }
        let roots = Set(recent.map { root($0).id })
        // Every case in those chains, including those received before the month.
        let members = try await HotlineCase.query(on: db).filter(\.$repeatOf != nil).filter(\.$receivedAt < month.end).all()
        for row in members { if let id = row.id { known[id] = row } }
        var groups: [UUID: [HotlineCase]] = [:]
        for row in known.values {
            let top = root(row)
            guard let id = top.id, roots.contains(id) else { continue }
            groups[id, default: []].append(row)
        }
        let items = try await LedgerItem.query(on: db).filter(\.$id ~~ Array(known.keys)).all()
        let unitOf = Dictionary(uniqueKeysWithValues: items.compactMap { item in item.id.map { ($0, item.assignedUnitID) } })
        let names = try await LedgerPages.unitNames(items.compactMap(\.assignedUnitID), on: db)
        return groups.compactMap { rootID, rows in
            let sorted = rows.sorted { $0.receivedAt < $1.receivedAt }
            guard let latest = sorted.last?.id, let unitID = unitOf[latest] ?? nil, let name = names[unitID] else { return nil }
            return (name, known[rootID]?.trackingCode ?? rootID.uuidString, sorted.map(\.trackingCode))
        }.sorted { $0.matter < $1.matter }
    }

    /// Runs the rules for `month` (a month that has ended) and stores the proposals not already made.
    static func evaluate(month: AssessmentPeriod, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> [AccountabilityRecord] {
        guard month.months == 1 else { throw DubanError.invalid("month", "须为单个自然月 / must be one month") }
        guard month.end <= now else { throw DubanError.invalid("month", "只能评估已结束的月份 / only a month that has ended") }
        let facts = try await facts(month: month, on: db, calculator: calculator)
        // The bi-monthly ranking, when the month closes a period of 附件7 (January–February, …).
        var ranking: BimonthlyRanking?
        if month.firstDay.month.isMultiple(of: 2) {
            let period = HotlineAssessments.period(containing: month.firstDay)
            let result = try await HotlineAssessments.result(for: period, on: db, calculator: calculator)
            ranking = BimonthlyRanking(period: period, ranks: Dictionary(uniqueKeysWithValues: result.assessment.units.map { ($0.unit, $0.rank) }))
        }
        let history = try await confirmedInterviews(on: db)
        let proposals: [AccountabilityProposal]
        do {
            proposals = try AccountabilityRules.propose(month: month, units: facts, history: history, ranking: ranking)
        } catch let error as AccountabilityError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: error.field)
        }
        var created: [AccountabilityRecord] = []
        for proposal in proposals {
            if let row = try await insert(proposal, by: "system", now: now, on: db) { created.append(row) }
        }
        return created
    }

    /// Every standing 约谈 as the rules' history (第七条(七)).
    static func confirmedInterviews(on db: any Database) async throws -> [ConfirmedInterview] {
        try await AccountabilityRecord.query(on: db).filter(\.$level == AccountabilityLevel.interview.rawValue)
            .filter(\.$state ~~ standingStates.map(\.rawValue)).all()
            .compactMap { try action(of: $0).confirmedInterview }
    }

    /// Stores `proposal` unless one with its key exists; notifies the unit's inbox.
    static func insert(_ proposal: AccountabilityProposal, by proposer: String, now: Date, on db: any Database) async throws -> AccountabilityRecord? {
        guard try await AccountabilityRecord.query(on: db).filter(\.$dedupKey == proposal.dedupKey).first() == nil else { return nil }
        guard let unit = try await Unit.query(on: db).filter(\.$name == proposal.unit).first(), let unitID = unit.id else { return nil }
        let row = AccountabilityRecord()
        let id = UUID()
        row.id = id
        row.unitID = unitID
        row.level = proposal.level.rawValue
        row.trigger = proposal.trigger.rawValue
        row.period = proposal.period.description
        row.dedupKey = proposal.dedupKey
        row.summary = proposal.figures.joined(separator: "；")
        row.evidence = proposal.caseIDs.joined(separator: ",")
        row.proposedAt = now
        row.proposedBy = proposer
        try store(AccountabilityAction(id: id.uuidString, proposal: proposal), in: row)
        try await row.create(on: db)
        try await AuditLog.record(on: db, actor: proposer, action: .create, entityType: entityType, entityID: id.uuidString,
                                  before: String?.none, after: try dto(row, unit: unit.name, now: now), at: now)
        return row
    }

    /// A supervisor's own proposal, for any clause (the ones no data shows: media exposure, false
    /// reporting, …), with what was found.
    static func propose(trigger: AccountabilityTrigger, unit: Unit, month: AssessmentPeriod, note: String, actor: Actor, now: Date,
                        on db: any Database) async throws -> AccountabilityRecord {
        let proposal = AccountabilityProposal(unit: unit.name, trigger: trigger, period: month, figures: [note])
        guard let row = try await insert(proposal, by: actor.auditName, now: now, on: db) else {
            throw DubanError(.conflict, code: "already_proposed", message: "本期已就该条款提请 / already proposed for this clause and period", field: "trigger")
        }
        return row
    }

    /// Applies one step of the core machine, audited; the unit is told of every decision.
    static func apply(_ event: AccountabilityEvent, to row: AccountabilityRecord, actor: Actor, now: Date, calculator: DeadlineCalculator,
                      on db: any Database) async throws -> AccountabilityDTO {
        guard let unit = try await Unit.find(row.unitID, on: db) else { throw DubanError.notFound("单位 / unit") }
        let before = try dto(row, unit: unit.name, now: now)
        // The machine knows supervisors and unit operators; an administrator acts as a supervisor.
        let role: Role = actor.role == .admin ? .supervisor : actor.role
        let next: AccountabilityAction
        do {
            next = try AccountabilityMachine.apply(
                event, to: try action(of: row), by: AccountabilityActor(role: role, unit: actor.unitName, userID: actor.auditName),
                at: now, calculator: calculator)
        } catch let error as AccountabilityError {
            let status: HTTPResponseStatus = switch error.code {
            case "forbidden", "forbidden_unit": .forbidden
            case "invalid_value", "missing_field": .unprocessableEntity
            default: .conflict
            }
            throw DubanError(status, code: error.code, message: error.message, field: error.field)
        }
        try store(next, in: row)
        try await row.save(on: db)
        let after = try dto(row, unit: unit.name, now: now)
        try await AuditLog.record(on: db, actor: actor.auditName, action: .transition, entityType: entityType,
                                  entityID: after.id.uuidString, before: before, after: after, at: now)
        if role == .supervisor, event.kind != .dismiss || before.state != "proposed" {
            try await Notification(channel: "inbox", unitID: row.unitID, subject: "\(after.levelName)：\(after.stateName)",
                                   body: "\(after.clause) \(after.clauseText)。\(after.summary)", entityType: entityType,
                                   entityID: after.id.uuidString, now: now).create(on: db)
        }
        return after
    }

    static func dto(_ row: AccountabilityRecord, unit: String, now: Date) throws -> AccountabilityDTO {
        let action = try action(of: row)
        let facts = AccountabilityMachine.facts(of: action, at: now)
        let trigger = action.proposal.trigger
        return AccountabilityDTO(
            id: try row.requireID(), unitId: row.unitID, unit: unit, level: action.level.rawValue, levelName: action.level.chinese,
            trigger: trigger.rawValue, clause: trigger.clause, clauseText: trigger.clauseText, citation: trigger.citation,
            period: row.period, summary: row.summary, caseIds: action.proposal.caseIDs, state: action.state.rawValue,
            stateName: action.state.chinese, proposedAt: ChinaTimeFormat.string(row.proposedAt), proposedBy: row.proposedBy, decidedAt: row.decidedAt.map(ChinaTimeFormat.string),
            interviewDate: action.interviewDate?.description, principalLeader: action.principalLeaderInterviewed,
            planDue: facts.planDue.map(ChinaTimeFormat.string), planOverdue: facts.planOverdue, planSubmittedLate: facts.planSubmittedLate,
            appealDue: facts.appealDue.map(ChinaTimeFormat.string), appealWindowClosed: facts.appealWindowClosed,
            steps: action.steps.map { .init(event: $0.event.rawValue, eventName: $0.event.chinese, state: $0.state.chinese, at: ChinaTimeFormat.string($0.at),
                                            actor: $0.actor.userID, text: $0.text) })
    }
}

struct AccountabilityDTO: Content {
    struct Step: Content {
        var event: String
        var eventName: String
        var state: String
        var at: String
        var actor: String
        var text: String?
    }

    var id: UUID
    var unitId: UUID
    var unit: String
    var level: String
    var levelName: String
    var trigger: String
    var clause: String
    var clauseText: String
    var citation: String
    var period: String
    var summary: String
    var caseIds: [String]
    var state: String
    var stateName: String
    var proposedAt: String
    var proposedBy: String
    var decidedAt: String?
    var interviewDate: String?
    var principalLeader: Bool
    var planDue: String?
    var planOverdue: Bool
    var planSubmittedLate: Bool
    var appealDue: String?
    var appealWindowClosed: Bool
    var steps: [Step]

    static let schema = Schema.object([
        ("id", Schema.uuid), ("unitId", Schema.uuid), ("unit", Schema.string()),
        ("level", Schema.enumeration(AccountabilityLevel.allCases.map(\.rawValue))), ("levelName", Schema.string()),
        ("trigger", Schema.enumeration(AccountabilityTrigger.allCases.map(\.rawValue))), ("clause", Schema.string()),
        ("clauseText", Schema.string()), ("citation", Schema.string()), ("period", Schema.string()), ("summary", Schema.string()),
        ("caseIds", Schema.array(Schema.string())), ("state", Schema.enumeration(AccountabilityState.allCases.map(\.rawValue))),
        ("stateName", Schema.string()), ("proposedAt", Schema.dateTime), ("proposedBy", Schema.string()),
        ("decidedAt", Schema.nullable(Schema.dateTime)), ("interviewDate", Schema.nullable(Schema.date)), ("principalLeader", Schema.boolean),
        ("planDue", Schema.nullable(Schema.dateTime)), ("planOverdue", Schema.boolean), ("planSubmittedLate", Schema.boolean),
        ("appealDue", Schema.nullable(Schema.dateTime)), ("appealWindowClosed", Schema.boolean),
        ("steps", Schema.array(Schema.object([
            ("event", Schema.string()), ("eventName", Schema.string()), ("state", Schema.string()), ("at", Schema.dateTime),
            ("actor", Schema.string()), ("text", Schema.nullable(Schema.string())),
        ], required: ["event", "eventName", "state", "at", "actor"]))),
    ], required: ["id", "unitId", "unit", "level", "levelName", "trigger", "clause", "clauseText", "citation", "period", "summary",
                  "caseIds", "state", "stateName", "proposedAt", "proposedBy", "principalLeader", "planOverdue", "planSubmittedLate",
                  "appealWindowClosed", "steps"])
}

extension AccountabilityService {
    static let evaluatedSettingKey = "accountability.evaluated_through"

    /// The scheduler's monthly run: once a month has ended, its proposals are made (once; the month is
    /// remembered in the settings table, and proposals are unique per unit, clause and period anyway).
    static func monthly(now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> Int {
        guard let today = LocalDate(chinaTimeOf: now) else { return 0 }
        let index = today.year * 12 + today.month - 1 - 1
        let month = try AssessmentPeriod(firstYear: index / 12, firstMonth: index % 12 + 1, lastYear: index / 12, lastMonth: index % 12 + 1)
        let key = String(month.description.prefix(7))
        if let done = try await Setting.find(evaluatedSettingKey, on: db), done.value >= key { return 0 }
        let created = try await evaluate(month: month, now: now, calculator: calculator, on: db)
        try await Setting.put(evaluatedSettingKey, key, actor: "system", on: db)
        return created.count
    }
}
