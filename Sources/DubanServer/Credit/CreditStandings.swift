import DubanCore
import Fluent
import Vapor

/// A subject's standing: evaluated by the core from its records at a given instant, stored as the
/// last evaluation, compared with the one before to take the measures due by grade (002 篇1) and
/// to record red-list changes for the partners' feed; and the month-end history of the score.
enum CreditStandings {
    static let measureEntity = "credit_measure"
    /// Notices about a subject's credit point at the subject.
    static let subjectEntity = "credit_subject"

    /// The standing at `now` from the subject's records, with the records and the rules used.
    static func evaluate(_ subject: UUID, now: Date, on db: any Database) async throws
        -> (standing: CreditStanding, rows: [CreditRecordRow], records: [CreditRecord], rules: CreditRules) {
        let rules = try await CreditRulesStore.current(on: db)
        let rows = try await CreditService.records(of: subject, on: db)
        let records = try rows.map(CreditService.record(of:))
        return (CreditScore.evaluate(records: records, at: now, rules: rules), rows, records, rules)
    }

    /// The standing of a subject without records: what a subject never evaluated is compared with.
    static func clean(now: Date, rules: CreditRules) -> CreditStanding {
        CreditScore.evaluate(records: [], at: now, rules: rules)
    }

    /// Re-evaluates the subject after a change and stores it; a new grade takes its measures, a
    /// change of red-list eligibility is recorded for the feed. Inside the caller's transaction.
    @discardableResult
    static func refresh(_ unit: Unit, now: Date, actor: String, on db: any Database) async throws -> CreditStanding {
        let id = try unit.requireID()
        let (standing, _, _, rules) = try await evaluate(id, now: now, on: db)
        let blackListed = try await CreditBlackList.listedCase(of: id, now: now, on: db) != nil
        let red = standing.isRedListEligible && !blackListed
        let stored = try await CreditStandingRow.find(id, on: db)
        let initial = clean(now: now, rules: rules)
        let previousGrade = stored.flatMap { CreditGrade(rawValue: $0.grade) } ?? initial.grade
        let previousRed = stored?.redListed ?? initial.isRedListEligible
        let row = stored ?? CreditStandingRow()
        row.id = id
        row.score = standing.score
        row.grade = standing.grade.rawValue
        row.redListed = red
        row.blackListed = blackListed
        row.evaluatedAt = now.wholeMilliseconds
        try await row.save(on: db)
        if standing.grade != previousGrade {
            try await takeMeasures(for: unit, standing: standing, previous: previousGrade, now: now, actor: actor, on: db)
        }
        if red != previousRed {
            try await listChange(id, list: .red, change: red ? .entered : .removed, caseID: nil, document: nil,
                                 note: "信用等级\(standing.grade.chinese)", now: now, on: db)
        }
        return standing
    }

    /// The measures due at the new grade (002 篇1: 表彰; 提示、警示、曝光; 向其主管部门通报), each recorded
    /// with the notice it sends: to the subject, or for 通报主管部门 to its supervising department — the
    /// unit above it in the directory.
    static func takeMeasures(for unit: Unit, standing: CreditStanding, previous: CreditGrade, now: Date, actor: String,
                             on db: any Database) async throws {
        let id = try unit.requireID()
        let change = "信用得分\(standing.score)分，等级由\(previous.chinese)变为\(standing.grade.chinese)"
        for measure in standing.measures {
            let notified: UUID?
            let subject: String
            let body: String
            if measure == .noticeToSupervisingDepartment {
                notified = unit.$parent.id
                subject = "通报主管部门：\(unit.name)信用等级为\(standing.grade.chinese)"
                body = "\(unit.name)\(change)。依 002 篇1“向其主管部门通报”，请督促其整改。"
            } else {
                notified = id
                subject = "信用\(measure.chinese)：信用等级为\(standing.grade.chinese)"
                body = "贵单位\(change)，依规予以\(measure.chinese)。"
            }
            let row = CreditMeasureRow()
            row.id = UUID()
            row.subjectUnitID = id
            row.measure = measure.rawValue
            row.grade = standing.grade.rawValue
            row.previousGrade = previous.rawValue
            row.score = standing.score
            row.notifiedUnitID = notified
            row.notice = subject
            row.at = now.wholeMilliseconds
            try await row.create(on: db)
            if let notified {
                try await Notification(channel: "inbox", unitID: notified, subject: subject, body: body,
                                       entityType: subjectEntity, entityID: id.text, now: now).create(on: db)
            }
            try await AuditLog.record(on: db, actor: actor, action: .create, entityType: measureEntity, entityID: try row.requireID().text,
                                      before: CreditMeasureDTO?.none, after: dto(row), at: now)
        }
    }

    static func listChange(_ subject: UUID, list: CreditListChange.List, change: CreditListChange.Change, caseID: UUID?,
                           document: String?, note: String?, now: Date, on db: any Database) async throws {
        let row = CreditListChange()
        row.id = UUID()
        row.at = now.wholeMilliseconds
        row.subjectUnitID = subject
        row.list = list.rawValue
        row.change = change.rawValue
        row.caseID = caseID
        row.decisionDocument = document
        row.note = note
        try await row.create(on: db)
    }

    static func dto(_ row: CreditMeasureRow) -> CreditMeasureDTO {
        let measure = CreditMeasure(rawValue: row.measure) ?? .reminder
        return CreditMeasureDTO(
            id: row.id ?? UUID(), measure: measure, measureName: measure.chinese, grade: CreditGrade(rawValue: row.grade) ?? .d,
            previousGrade: CreditGrade(rawValue: row.previousGrade) ?? .a, score: row.score, notifiedUnitId: row.notifiedUnitID,
            notice: row.notice, at: ChinaTimeFormat.string(row.at))
    }

    // MARK: History

    /// The score at the end of each of the last `months` months, the current month's point at `now`.
    /// Each record is taken as it stood then: a repair counts from the day it was approved; a revoked
    /// record never counted (an upheld objection revokes from the start).
    static func history(_ records: [CreditRecord], now: Date, rules: CreditRules, months: Int = 24) -> [CreditHistoryPointDTO] {
        guard let today = LocalDate(chinaTimeOf: now) else { return [] }
        let first = today.firstOfMonth
        return (0..<months).reversed().compactMap { back -> CreditHistoryPointDTO? in
            guard let month = first.adding(months: -back) else { return nil }
            let instant = back == 0 ? now : (month.adding(months: 1)?.chinaDate().addingTimeInterval(-1) ?? now)
            let asOf = records.map { record -> CreditRecord in
                var copy = record
                if record.state == .repaired, let repaired = record.repairedAt, repaired > instant { copy.state = .active }
                return copy
            }
            let standing = CreditScore.evaluate(records: asOf, at: instant, rules: rules)
            let label = "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
            return CreditHistoryPointDTO(month: label, score: standing.score, grade: standing.grade)
        }
    }
}
