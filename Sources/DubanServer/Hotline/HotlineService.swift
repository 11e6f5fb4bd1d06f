import DubanCore
import Fluent
import Vapor

/// The hotline's steps around the ledger (000 阳政办(2017)33号 附件1–7): intake with repeat detection and
/// major-event notices, dispatch with the urgency's time limit, contact attempts, the follow-up call,
/// the third-party evaluation of dissatisfied cases, and the caller's privacy.
enum HotlineService {
    static let configuration = HotlineConfiguration.standard

    // MARK: Categories

    /// The picklist, seeded with `HotlineCategory.defaults` on first use; admins edit it.
    static func categories(on db: any Database) async throws -> [HotlineCategory] {
        let rows = try await HotlineCategoryRow.query(on: db).sort(\.$position).all()
        return rows.compactMap { row in
            guard let code = row.id, let urgency = HotlineUrgency(rawValue: row.urgency) else { return nil }
            let keywords = (try? JSONDecoder().decode([String].self, from: Data(row.keywords.utf8))) ?? []
            return HotlineCategory(code: code, name: row.name, defaultUrgency: urgency, defaultUnitName: row.unitName,
                                   photoRequired: row.photoRequired, majorEvent: row.majorEvent, keywords: keywords, active: row.active)
        }
    }

    static func seedCategories(on db: any Database) async throws {
        guard try await HotlineCategoryRow.query(on: db).count() == 0 else { return }
        for (index, category) in HotlineCategory.defaults.enumerated() {
            let row = HotlineCategoryRow()
            row.id = category.code
            row.name = category.name
            row.urgency = category.defaultUrgency.rawValue
            row.unitName = category.defaultUnitName
            row.photoRequired = category.photoRequired
            row.majorEvent = category.majorEvent
            row.keywords = String(decoding: try JSONEncoder().encode(category.keywords), as: UTF8.self)
            row.position = index
            row.active = category.active
            try await row.create(on: db)
        }
    }

    static func hotlineError(_ error: HotlineError) -> DubanError {
        DubanError(.unprocessableEntity, code: error.code, message: error.message, field: error.field)
    }

    // MARK: Intake

    /// 受理: registers the case as a ledger item and its hotline facts; links a repeat complaint and makes
    /// it a 二次督办件; tells every concerned unit and the duty offices of a major event at once; then
    /// closes it at intake or dispatches it when the call taker said so.
    static func intake(_ input: HotlineIntakeInput, channel: String, actor: Actor, submitterKey: String?, now: Date,
                       calculator: DeadlineCalculator, on db: any Database) async throws -> (HotlineCase, LedgerItem) {
        let type = try Check.enumeration(input.type, "type", as: HotlineCaseType.self)
        let category: HotlineCategory
        let known = try await categories(on: db)
        do { category = try HotlineCategory.active(input.categoryCode, in: known) } catch {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: "categoryCode")
        }
        let urgency = try input.urgency.map { try Check.enumeration($0, "urgency", as: HotlineUrgency.self) } ?? category.defaultUrgency
        let what = try Check.text(input.whatHappened, "whatHappened", max: 4000)
        let place = try Check.optionalText(input.place, "place", max: 300)
        let phone = try Check.optionalText(input.callerPhone, "callerPhone", max: 30)
        if let phone, phone.filter(\.isNumber).count < 7 { throw DubanError.invalid("callerPhone", "电话号码不完整 / incomplete phone number") }
        let receivedAt = try input.receivedAt.flatMap { $0.isEmpty ? nil : $0 }.map { text -> Date in
            guard let date = ChinaTimeFormat.parse(text), date <= now.addingTimeInterval(60) else {
                throw DubanError.invalid("receivedAt", "受理时间应为不晚于现在的 ISO 8601 时间 / must be ISO 8601, not in the future")
            }
            return date
        } ?? now
        if let lat = input.latitude, !(-90...90).contains(lat) { throw DubanError.invalid("latitude", "纬度应在 −90 至 90 / latitude out of range") }
        if let long = input.longitude, !(-180...180).contains(long) { throw DubanError.invalid("longitude", "经度应在 −180 至 180 / longitude out of range") }

        let title = String(((place.map { $0 + "：" } ?? "") + what).prefix(60))
        let fields = LedgerService.Fields(kind: .hotline, title: title, description: .some(what), location: .some(place),
                                          category: .some(category.name))
        let item = try await LedgerService.create(fields, actor: actor, now: receivedAt, on: db)
        let hotline = HotlineCase()
        hotline.id = try item.requireID()
        hotline.trackingCode = try await newTrackingCode(on: receivedAt, db: db)
        hotline.caseType = type.rawValue
        hotline.channel = channel
        hotline.callerName = try Check.optionalText(input.callerName, "callerName", max: 50)
        hotline.callerPhone = phone
        hotline.phoneKey = phone.flatMap { RepeatComplaintKeys.phoneKey($0, localAreaCode: configuration.localAreaCode) }
        hotline.address = place
        hotline.addressKey = place.flatMap(RepeatComplaintKeys.addressKey)
        hotline.area = try Check.optionalText(input.area, "area", max: 100)
        hotline.confidential = input.confidential ?? false
        hotline.receivedAt = receivedAt.wholeMilliseconds
        hotline.demand = try Check.optionalText(input.demand, "demand", max: 2000)
        hotline.categoryCode = category.code
        hotline.urgency = urgency.rawValue
        hotline.majorEvent = category.majorEvent
        hotline.secondSupervision = false
        hotline.submitterKey = submitterKey
        hotline.latitude = input.latitude
        hotline.longitude = input.longitude

        // 附件1 二(九): 重复投诉件 — the same phone or place, the same category, within the window.
        let facts = RepeatCaseFacts(id: hotline.trackingCode, phoneKey: hotline.phoneKey, addressKey: hotline.addressKey,
                                    categoryCode: category.code, receivedAt: receivedAt, unitName: nil)
        let earlier = try await repeatCandidates(of: hotline, window: configuration.repeatWindow, on: db)
        let matches = RepeatComplaintDetector.matches(newCase: facts, candidates: earlier.map(\.facts), window: configuration.repeatWindow)
        if let newest = matches.first, let original = earlier.first(where: { $0.facts.id == newest.id }) {
            hotline.repeatOf = original.id
            hotline.secondSupervision = RepeatComplaintDetector.assess(matches: matches).isSecondSupervision
        }
        try await hotline.create(on: db)

        if hotline.majorEvent {
            try await announceMajorEvent(hotline, item: item, concerned: try (input.concernedUnitIds ?? []).enumerated().map {
                try Check.uuid($1, "concernedUnitIds.\($0)")
            }, now: now, on: db)
        }
        if let reason = input.closeReason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            hotline.resolution = type == .enquiry ? "knowledge" : "out_of_scope"
            try await hotline.save(on: db)
            try await LedgerService.transition(item, event: .closeAtIntake(reason: try Check.text(reason, "closeReason", max: 2000)),
                                               actor: actor, now: now, calculator: calculator, on: db)
        } else if let unit = input.unitId, !unit.isEmpty {
            try await dispatch(hotline, item: item, unit: try Check.uuid(unit, "unitId"),
                               lead: try input.leadUnitId.flatMap { $0.isEmpty ? nil : try Check.uuid($0, "leadUnitId") },
                               actor: actor, now: now, calculator: calculator, on: db)
        } else if hotline.repeatOf != nil, let original = try await LedgerItem.find(hotline.repeatOf, on: db),
                  let unit = original.assignedUnitID {
            // 附件1 二(九): a 二次督办件 goes to the first-responsible unit of the original case.
            try await dispatch(hotline, item: item, unit: unit, lead: nil, actor: actor, now: now, calculator: calculator, on: db)
        }
        return (hotline, item)
    }

    /// A code citizens quote: the date and a random number (sequential numbers would let anyone walk
    /// through other people's cases), with the check character of `TrackingCode`.
    static func newTrackingCode(on date: Date, db: any Database) async throws -> String {
        guard let day = LocalDate(chinaTimeOf: date) else { throw DubanError.invalid("receivedAt", "时间无效 / invalid time") }
        for _ in 0..<20 {
            let code = try TrackingCode(date: day, sequence: Int.random(in: 1...TrackingCode.maximumSequence)).description
            if try await HotlineCase.query(on: db).filter(\.$trackingCode == code).count() == 0 { return code }
        }
        throw DubanError.conflict("无法生成受理编号，请重试 / could not issue a tracking code, retry")
    }

    struct Candidate {
        var id: UUID
        var facts: RepeatCaseFacts
    }

    /// Earlier cases of the same category by the same phone or at the same place within the window,
    /// read through the (key, category, received_at) indexes.
    static func repeatCandidates(of hotline: HotlineCase, window: RepeatWindow, on db: any Database) async throws -> [Candidate] {
        let start = window.start(before: hotline.receivedAt)
        var rows: [HotlineCase] = []
        if let phone = hotline.phoneKey {
            rows += try await HotlineCase.query(on: db).filter(\.$phoneKey == phone).filter(\.$categoryCode == hotline.categoryCode)
                .filter(\.$receivedAt >= start).filter(\.$receivedAt <= hotline.receivedAt).limit(50).all()
        }
        if let address = hotline.addressKey {
            rows += try await HotlineCase.query(on: db).filter(\.$addressKey == address).filter(\.$categoryCode == hotline.categoryCode)
                .filter(\.$receivedAt >= start).filter(\.$receivedAt <= hotline.receivedAt).limit(50).all()
        }
        var seen = Set<UUID>()
        return rows.compactMap { row in
            guard let id = row.id, seen.insert(id).inserted else { return nil }
            return Candidate(id: id, facts: RepeatCaseFacts(id: row.trackingCode, phoneKey: row.phoneKey, addressKey: row.addressKey,
                                                            categoryCode: row.categoryCode, receivedAt: row.receivedAt, unitName: nil))
        }
    }

    /// 附件1 二(二)2: a major event goes at once to every unit concerned and to the duty offices.
    static func announceMajorEvent(_ hotline: HotlineCase, item: LedgerItem, concerned: [UUID], now: Date, on db: any Database) async throws {
        try await Unit.requireExisting(concerned, field: "concernedUnitIds", on: db)
        var units = concerned
        for office in configuration.dutyOffices {
            if let alias = try await UnitAlias.query(on: db).filter(\.$aliasKey == TextNormalization.nameKey(office)).first() {
                units.append(alias.$unit.id)
            }
        }
        for unit in Array(Set(units)) {
            try await Notification(channel: "inbox", unitID: unit, subject: "重大事件：\(item.title)",
                                   body: "\(hotline.trackingCode) \(item.details ?? "")", entityType: LedgerService.entityType,
                                   entityID: hotline.id?.text, now: now).create(on: db)
        }
    }

    // MARK: Dispatch

    /// 转办: to the first-responsible unit with the urgency's answer time (a major event: 30 minutes to
    /// dispatch, 附件5); a cross-department case may name its lead unit.
    static func dispatch(_ hotline: HotlineCase, item: LedgerItem, unit: UUID, lead: UUID?, actor: Actor, now: Date,
                         calculator: DeadlineCalculator, on db: any Database) async throws {
        if let lead, try await Unit.find(lead, on: db) == nil { throw DubanError.invalid("leadUnitId", "单位不存在 / unit not found") }
        let urgency = HotlineUrgency(rawValue: hotline.urgency) ?? .general
        let due: Deadline
        do { due = try configuration.timeLimits.answerDeadline(dispatchedAt: now, urgency: urgency, calculator: calculator) } catch {
            throw hotlineError(error)
        }
        hotline.leadUnitID = lead
        try await hotline.save(on: db)
        let facts = try LedgerService.facts(of: item)
        let event: ItemEvent = facts.state == .returned ? .reassign(unitID: unit.uuidString, deadline: due.due)
            : .assign(unitID: unit.uuidString, deadline: due.due)
        try await LedgerService.transition(item, event: event, actor: actor, now: now, calculator: calculator, on: db)
    }

    // MARK: Handling

    /// 联系来电人: to the minute, with the staff member's name, 30 minutes after a failed attempt.
    static func addContact(_ hotline: HotlineCase, item: LedgerItem, input: HotlineContactInput, actor: Actor, now: Date,
                           on db: any Database) async throws -> HotlineContact {
        guard item.assignedUnitID == actor.unitID || actor.role == .admin else { throw DubanError.forbidden }
        let at = try input.at.flatMap { $0.isEmpty ? nil : $0 }.map { text -> Date in
            guard let date = ChinaTimeFormat.parse(text) else { throw DubanError.invalid("at", "at 应为 ISO 8601 时间 / must be ISO 8601") }
            return date
        } ?? now
        let attempt = ContactAttempt(at: at, staffName: try Check.text(input.staff, "staff", max: 50), reached: input.reached,
                                     note: try Check.optionalText(input.note, "note", max: 500) ?? "")
        let log = try await contactLog(of: hotline, on: db)
        do { try log.validateNext(attempt, now: now) } catch { throw hotlineError(error) }
        let row = HotlineContact()
        row.caseID = try hotline.requireID()
        row.at = attempt.at
        row.staff = attempt.staffName
        row.reached = attempt.reached
        row.note = attempt.note.isEmpty ? nil : attempt.note
        row.unitID = actor.unitID
        try await row.create(on: db)
        return row
    }

    static func contactLog(of hotline: HotlineCase, on db: any Database) async throws -> ContactLog {
        let rows = try await HotlineContact.query(on: db).filter(\.$caseID == hotline.requireID()).sort(\.$at).all()
        return ContactLog(attempts: rows.map { ContactAttempt(at: $0.at, staffName: $0.staff, reached: $0.reached, note: $0.note ?? "") })
    }

    /// Before a reply (报结) of a hotline case: the caller was reached, or three attempts failed
    /// (附件2: "三次以上…"); photos for the categories that need them (附件2: 城市管理类、市政设施建设类和园林绿化类).
    static func checkReply(_ item: LedgerItem, result: String, since: Date?, on db: any Database) async throws {
        guard let hotline = try await HotlineCase.find(item.id, on: db) else { return }
        let log = try await contactLog(of: hotline, on: db)
        guard log.everReached || log.mayProceedWithoutContact else {
            throw DubanError.invalid("contacts", "答复前须联系来电人（或三次联系未果）/ contact the caller first, or record three failed attempts",
                                     code: "contact_required")
        }
        let categories = try await categories(on: db)
        guard let category = categories.first(where: { $0.code == hotline.categoryCode }) else { return }
        let photos = try await LedgerAttachments.photoCount(of: item, since: since, on: db)
        if let problem = ReplyCheck.problems(resultText: result, category: category, photoCount: photos).first {
            throw hotlineError(problem)
        }
    }

    // MARK: Follow-up and evaluation

    /// 回访: satisfied → 办结; 不满意 → a third-party evaluator, chosen by ratio and position code (附件3 第四条).
    static func followUp(_ hotline: HotlineCase, item: LedgerItem, satisfaction: HotlineSatisfaction, actor: Actor, now: Date,
                         calculator: DeadlineCalculator, on db: any Database) async throws {
        guard try LedgerService.facts(of: item).state == .submitted else {
            throw DubanError.conflict("只有已答复的工单才能回访 / only a replied case is followed up", code: "invalid_state", field: "state")
        }
        hotline.satisfaction = satisfaction.rawValue
        hotline.followedUpAt = now.wholeMilliseconds
        switch FollowUpRoute.route(satisfaction) {
        case .close:
            hotline.resolution = "satisfied"
            try await hotline.save(on: db)
            try await LedgerService.transition(item, event: .verifyPass, actor: actor, now: now, calculator: calculator, on: db)
            try await LedgerService.transition(item, event: .close, actor: actor, now: now, calculator: calculator, on: db)
        case .toEvaluator:
            let rows = try await HotlineEvaluatorRow.query(on: db).all()
            let evaluators = rows.map { HotlineEvaluator(positionCode: $0.positionCode, ratio: $0.ratio, active: $0.active) }
            var counts: [String: Int] = [:]
            for row in rows {
                counts[row.positionCode] = try await HotlineCase.query(on: db).filter(\.$evaluatorID == row.id).count()
            }
            let decision: EvaluatorAssignmentDecision
            do { decision = try EvaluatorAssignment.assign(caseID: hotline.trackingCode, evaluators: evaluators, assignedCounts: counts) } catch {
                throw hotlineError(error)
            }
            guard let evaluator = rows.first(where: { $0.positionCode == decision.positionCode }), let userID = evaluator.id else {
                throw hotlineError(.noActiveEvaluator)
            }
            hotline.evaluatorID = userID
            hotline.evaluation = "pending"
            try await hotline.save(on: db)
            try await Notification(channel: "inbox", unitID: nil, userID: userID, subject: "第三方评价：\(hotline.trackingCode)",
                                   body: item.title, entityType: LedgerService.entityType, entityID: hotline.id?.text, now: now).create(on: db)
        }
    }

    /// 第三方评价: 合理诉求 → back to the unit to handle again by a deadline, and supervision is told;
    /// 非合理诉求 → 办结 (附件6 第七条).
    static func evaluate(_ hotline: HotlineCase, item: LedgerItem, verdict: EvaluatorVerdict, note: String, deadline: Date?,
                         actor: Actor, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws {
        guard hotline.evaluation == "pending", hotline.evaluatorID == actor.userID else {
            throw DubanError.forbidden
        }
        hotline.evaluation = verdict.rawValue
        hotline.evaluatedAt = now.wholeMilliseconds
        let outcome = verdict.outcome(secondSupervision: hotline.secondSupervision)
        if outcome.rehandle {
            let urgency = HotlineUrgency(rawValue: hotline.urgency) ?? .general
            let due = try deadline ?? configuration.timeLimits.answerDeadline(dispatchedAt: now, urgency: urgency, calculator: calculator).due
            try await hotline.save(on: db)
            try await LedgerService.transition(item, event: .verifyFail(reason: note, newDeadline: due), actor: actor, now: now,
                                               calculator: calculator, on: db)
        } else {
            hotline.resolution = "unreasonable"
            try await hotline.save(on: db)
            try await LedgerService.transition(item, event: .verifyPass, actor: actor, now: now, calculator: calculator, on: db)
            var hotlineDesk = actor
            hotlineDesk.role = .dispatcher
            hotlineDesk.unitID = item.registeringUnitID
            try await LedgerService.transition(item, event: .close, actor: hotlineDesk, now: now, calculator: calculator, on: db)
        }
        if outcome.notifySupervision || outcome.referForAccountability {
            let supervisors = Set(try await User.query(on: db).filter(\.$role == Role.supervisor.rawValue).all(\.$unit.$id))
            for unit in supervisors {
                try await Notification(channel: "inbox", unitID: unit,
                                       subject: (outcome.referForAccountability ? "追责问责：" : "合理诉求重办：") + hotline.trackingCode,
                                       body: note, entityType: LedgerService.entityType, entityID: hotline.id?.text, now: now).create(on: db)
            }
        }
    }

    // MARK: Reading

    /// The case as `actor` may see it; a full view of the caller outside the hotline roles is audited.
    static func dto(_ hotline: HotlineCase, item: LedgerItem, actor: Actor, now: Date, calculator: DeadlineCalculator,
                    on db: any Database) async throws -> HotlineCaseDTO {
        let state = try LedgerService.facts(of: item).state
        let view = CallerVisibility.view(role: actor.role, confidential: hotline.confidential,
                                         isAssignedUnit: item.assignedUnitID == actor.unitID,
                                         contactNeeded: [.assigned, .signedFor, .inProgress].contains(state))
        let shown = CallerVisibility.render(name: hotline.callerName ?? "", phone: hotline.callerPhone ?? "", view: view)
        if CallerVisibility.isAuditedReveal(role: actor.role, view: view) {
            try await AuditLog.record(on: db, actor: actor.auditName, action: .reveal, entityType: "hotline_caller",
                                      entityID: try hotline.requireID().text, before: String?.none, after: "caller shown in full")
        }
        let contacts = try await HotlineContact.query(on: db).filter(\.$caseID == hotline.requireID()).sort(\.$at).all()
        let type = HotlineCaseType(rawValue: hotline.caseType) ?? .other
        return HotlineCaseDTO(
            id: try hotline.requireID(), trackingCode: hotline.trackingCode, type: type, typeName: type.chinese, channel: hotline.channel,
            caller: .init(view: view, name: shown?.name, phone: shown?.phone),
            area: view == .hidden ? nil : hotline.area, confidential: hotline.confidential,
            receivedAt: ChinaTimeFormat.string(hotline.receivedAt), place: hotline.address, demand: hotline.demand,
            categoryCode: hotline.categoryCode, urgency: HotlineUrgency(rawValue: hotline.urgency) ?? .general,
            majorEvent: hotline.majorEvent, leadUnitId: hotline.leadUnitID,
            satisfaction: hotline.satisfaction.flatMap(HotlineSatisfaction.init(rawValue:)), evaluation: hotline.evaluation,
            repeatOf: hotline.repeatOf, secondSupervision: hotline.secondSupervision, resolution: hotline.resolution,
            contacts: contacts.map { .init(at: ChinaTimeFormat.string($0.at), staff: $0.staff, reached: $0.reached, note: $0.note) },
            item: try await LedgerService.detailed(item, now: now, calculator: calculator, on: db))
    }

    /// SHA-256 of an IP address: enough to count a submitter's cases without keeping the address.
    static func submitterKey(_ ip: String) -> String {
        ActorMiddleware.tokenHash(ip)
    }
}
