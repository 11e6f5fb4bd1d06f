import DubanCore
import Fluent
import SQLKit
import Vapor

/// The hotline assessment of a period from the database: the cases (``HotlineAssessmentSource``), the
/// assessor's entries (``AssessmentEntry``) and the confirmed 约谈 and 问责 of the period (item 16),
/// scored by the core engine, with what the pages need to link each deduction to its case.
enum HotlineAssessments {
    /// The bi-monthly periods of 附件7 ("双月进行考评"): January–February, March–April, …
    static func period(containing day: LocalDate) -> AssessmentPeriod {
        let first = day.month.isMultiple(of: 2) ? day.month - 1 : day.month
        // Months 1…12 and first + 1 ≤ 12 always make a valid period.
        return try! AssessmentPeriod(firstYear: day.year, firstMonth: first, lastYear: day.year, lastMonth: first + 1)
    }

    /// The period two months before or after `period` (which is bi-monthly).
    static func shifted(_ period: AssessmentPeriod, by months: Int) -> AssessmentPeriod {
        let index = period.firstDay.year * 12 + (period.firstDay.month - 1) + months
        return self.period(containing: LocalDate(year: index / 12, month: index % 12 + 1, day: 1)!)
    }

    /// The assessor's entries for `period`, with the unit names the engine keys on.
    static func entries(for period: AssessmentPeriod, on db: any Database) async throws -> [(AssessmentEntry, String)] {
        let rows = try await AssessmentEntry.query(on: db).filter(\.$period == period.description).all()
        let names = try await LedgerPages.unitNames(rows.map(\.unitID), on: db)
        return rows.compactMap { row in names[row.unitID].map { (row, $0) } }.sorted { $0.1 < $1.1 }
    }

    /// The unit input the engine scores: the assessor's entries, and item 16's interviews counted from
    /// the confirmed 约谈 and 问责 of the period (附件7 (16): "被约谈或追责的,扣10分").
    static func unitInput(for period: AssessmentPeriod, on db: any Database) async throws -> [HotlineUnitInput] {
        let entries = try await entries(for: period, on: db)
        let interviews = try await AccountabilityService.interviewsAndAccountability(in: period, on: db)
        var byUnit: [String: HotlineUnitInput] = [:]
        for (entry, name) in entries {
            byUnit[name] = try HotlineUnitInput(
                unit: name, organisationDeductions: entry.organisationPoints.reduce(.zero, +),
                cityDeductions: ScorePoints(tenThousandths: entry.cityDeductions), bonusCases: entry.bonusCases,
                disciplineReferrals: entry.disciplineReferrals, interviews: interviews[name] ?? 0)
        }
        for (name, count) in interviews where byUnit[name] == nil {
            byUnit[name] = try HotlineUnitInput(unit: name, interviews: count)
        }
        return byUnit.values.sorted { $0.unit < $1.unit }
    }

    struct Result {
        var assessment: HotlineAssessment
        /// Tracking code → ledger item id, for links from a deduction to its case.
        var items: [String: UUID]
        /// Unit name → unit id.
        var units: [String: UUID]
    }

    /// The score of `period` alone (the dashboard needs no links).
    static func assessment(for period: AssessmentPeriod, on db: any Database, calculator: DeadlineCalculator) async throws -> HotlineAssessment {
        let cases = try await HotlineAssessmentSource.cases(in: period, on: db)
        let units = try await unitInput(for: period, on: db)
        return try HotlineAssessmentSource.score(cases, units: units, period: period, calculator: calculator)
    }

    struct CodeRow: Decodable { var id: UUID; var trackingCode: String; enum CodingKeys: String, CodingKey { case id, trackingCode = "tracking_code" } }

    static func result(for period: AssessmentPeriod, on db: any Database, calculator: DeadlineCalculator) async throws -> Result {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let assessment = try await assessment(for: period, on: db, calculator: calculator)
        // The links: tracking codes and unit names to ids, by SQL (a period can have thousands of deductions).
        let codes = Set(assessment.units.flatMap { $0.deductions.compactMap(\.caseID) })
        var items: [String: UUID] = [:]
        for chunk in Array(codes).chunked(500) {
            let rows = try await sql.raw("SELECT id, tracking_code FROM hotline_cases WHERE tracking_code IN \(SQLGroupExpression(chunk.map { SQLBind($0) }))")
                .all(decoding: CodeRow.self)
            for row in rows { items[row.trackingCode] = row.id }
        }
        var unitIDs: [String: UUID] = [:]
        let names = assessment.units.map(\.unit)
        if !names.isEmpty {
            for row in try await sql.raw("SELECT id, name FROM units WHERE name IN \(SQLGroupExpression(names.map { SQLBind($0) }))")
                .all(decoding: LedgerPages.UnitName.self) {
                unitIDs[row.name] = row.id
            }
        }
        return Result(assessment: assessment, items: items, units: unitIDs)
    }

    /// The ranking as a table for CSV and XLSX: rank, unit, each item, base, bonus, penalty, total, cases.
    static func table(_ assessment: HotlineAssessment) -> [[String]] {
        let header = ["排名", "单位"] + HotlineItem.allCases.map { "(\($0.rawValue)) \($0.maximum)分" }
            + ["基础分", "加分", "减分", "总分", "案件数"]
        return [header] + assessment.units.map { unit in
            ["\(unit.rank)", unit.unit] + HotlineItem.allCases.map { unit.items[$0].description }
                + [unit.base.description, unit.bonus.description, unit.penalty.description, unit.total.description, "\(unit.cases)"]
        }
    }

    /// Saves the assessor's entry for `unit` (one per unit and period), audited.
    static func save(_ input: AssessmentEntryInput, period: AssessmentPeriod, unit: Unit, actor: Actor, now: Date,
                     on db: any Database) async throws -> AssessmentEntryDTO {
        let values = try input.validated()
        let unitID = try unit.requireID()
        let existing = try await AssessmentEntry.query(on: db).filter(\.$period == period.description)
            .filter(\.$unitID == unitID).first()
        let before = try existing.map { try AssessmentEntryDTO($0, unit: unit.name) }
        let entry = existing ?? AssessmentEntry()
        entry.period = period.description
        entry.unitID = unitID
        entry.organisation = values.organisation.map { String($0.tenThousandths) }.joined(separator: ",")
        entry.cityDeductions = values.city.tenThousandths
        entry.bonusCases = values.bonus
        entry.disciplineReferrals = values.referrals
        entry.note = values.note
        entry.enteredBy = actor.auditName
        entry.enteredAt = now
        try await entry.save(on: db)
        let after = try AssessmentEntryDTO(entry, unit: unit.name)
        try await AuditLog.record(on: db, actor: actor.auditName, action: existing == nil ? .create : .update,
                                  entityType: "assessment_entry", entityID: try entry.requireID().uuidString,
                                  before: before, after: after, at: now)
        return after
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
