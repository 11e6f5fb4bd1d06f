import DubanCore
import Fluent
import SQLKit
import Vapor

/// The 附件7 score over the database's hotline cases: each case as the SPEC A2 input line, from its
/// ledger timeline and hotline facts, scored by the same core engine as `duban assess hotline --input`.
enum HotlineAssessmentSource {
    /// Cases assigned in `period` (local time), one A2 line each. A case counts for the unit it is
    /// assigned to now; returns are that unit's own.
    struct CaseRow: Decodable {
        var id: UUID
        var trackingCode: String
        var satisfaction: String?
        var evaluation: String?
        enum CodingKeys: String, CodingKey { case id, trackingCode = "tracking_code", satisfaction, evaluation }
    }

    struct ItemRow: Decodable {
        var id: UUID
        var assignedUnitId: UUID?
        var facts: String
        enum CodingKeys: String, CodingKey { case id, assignedUnitId = "assigned_unit_id", facts }
    }

    struct EventRow: Decodable {
        var itemId: UUID
        var at: Date
        var event: String
        var actorUnitId: String
        enum CodingKeys: String, CodingKey { case itemId = "item_id", at, event, actorUnitId = "actor_unit_id" }
    }

    /// Read through SQLKit: the dashboard scores the current period on every uncached view, and building
    /// Fluent models (a reflection pass per row) cost most of it (`duban bench`, issue #10).
    static func cases(in period: AssessmentPeriod, on db: any Database) async throws -> [HotlineCaseInput] {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        // A case is assigned after it is received; 60 days covers one returned and assigned again.
        let rows = try await sql.raw("""
            SELECT id, tracking_code, satisfaction, evaluation FROM hotline_cases
            WHERE received_at < \(bind: period.end) AND received_at >= \(bind: period.start.addingTimeInterval(-60 * 86400))
            """).all(decoding: CaseRow.self)
        var result: [HotlineCaseInput] = []
        let decoder = JSONDecoder()
        for chunk in rows.chunked(500) {
            let ids = SQLGroupExpression(chunk.map { SQLBind($0.id) })
            let items = Dictionary(uniqueKeysWithValues: try await sql.raw(
                "SELECT id, assigned_unit_id, facts FROM ledger_items WHERE id IN \(ids)").all(decoding: ItemRow.self).map { ($0.id, $0) })
            let events = Dictionary(grouping: try await sql.raw(
                "SELECT item_id, at, event, actor_unit_id FROM ledger_events WHERE item_id IN \(ids) ORDER BY at").all(decoding: EventRow.self),
                by: \.itemId)
            let names = try await LedgerPages.unitNames(items.values.compactMap(\.assignedUnitId), on: db)
            for hotline in chunk {
                guard let item = items[hotline.id], let unit = item.assignedUnitId, let name = names[unit] else { continue }
                let facts = try decoder.decode(ItemFacts.self, from: Data(item.facts.utf8))
                guard let assignedAt = facts.assignedAt, period.contains(assignedAt), let due = facts.deadline else { continue }
                let timeline = events[hotline.id] ?? []
                let signed = timeline.first { $0.event == ItemEventKind.signFor.rawValue && $0.at >= assignedAt }?.at
                let returns = timeline.filter { $0.event == ItemEventKind.return.rawValue && $0.actorUnitId == unit.text }
                result.append(HotlineCaseInput(
                    id: hotline.trackingCode, unit: name, assignedAt: assignedAt, signedAt: signed, dueAt: due, closedAt: facts.closedAt,
                    returns: returns.map { HotlineReturn(at: $0.at) },
                    extensions: (facts.approvedExtensions ?? []).map {
                        HotlineExtension(requestedAt: $0.requestedAt, previousDueAt: $0.previousDue, newDueAt: $0.newDue)
                    },
                    satisfaction: hotline.satisfaction.flatMap(HotlineSatisfaction.init(rawValue:)), excludedFromRate: false,
                    evaluatorDissatisfied: hotline.evaluation.flatMap(EvaluatorVerdict.init(rawValue:))?.countsAsEvaluatorDissatisfied ?? false,
                    flags: try HotlineCaseFlags()))
            }
        }
        return result.sorted { $0.id < $1.id }
    }

    /// The cases as the JSONL file `duban assess hotline --input` reads.
    static func jsonl<Line: Encodable>(_ cases: [Line]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for line in cases {
            data.append(try encoder.encode(line))
            data.append(0x0A)
        }
        return data
    }

    static func score(_ cases: [HotlineCaseInput], units: [HotlineUnitInput], period: AssessmentPeriod,
                      calculator: DeadlineCalculator) throws -> HotlineAssessment {
        do {
            return try HotlineScoring.score(cases: cases, units: units, period: period, calculator: calculator)
        } catch let error as AssessmentError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: error.field)
        }
    }
}

/// `duban assess hotline`: the SPEC A2 JSON from JSONL files (the shipped calendar), or from the database.
public enum HotlineAssessmentCommand {
    /// Scores `cases` (and `units`) JSONL for `period` on the shipped working calendar under `root`.
    public static func fromFiles(period text: String, cases: Data, units: Data?, root: String) throws -> Data {
        let period = try AssessmentPeriod(text)
        let calendar = try CalendarStore.loadShipped(resourcesDirectory: root + "Resources/")
        let result = try HotlineScoring.score(cases: try HotlineAssessmentInput.parseCases(jsonl: cases),
                                              units: try units.map { try HotlineAssessmentInput.parseUnits(jsonl: $0) } ?? [],
                                              period: period, calculator: DeadlineCalculator(calendar: calendar))
        return result.json()
    }

    /// Scores the database's hotline cases for `period`; `export` receives them as the JSONL input.
    /// Without `units`, the assessor's entries stored for the period are used; `exportUnits` receives
    /// the unit input that was scored, so the file path can be checked against the database path.
    public static func fromDatabase(app: Application, period text: String, units: Data?, export: ((Data) throws -> Void)? = nil,
                                    exportUnits: ((Data) throws -> Void)? = nil) async throws -> Data {
        let period = try AssessmentPeriod(text)
        let cases = try await HotlineAssessmentSource.cases(in: period, on: app.db)
        try export?(try HotlineAssessmentSource.jsonl(cases))
        let unitInput: [HotlineUnitInput]
        if let units {
            unitInput = try HotlineAssessmentInput.parseUnits(jsonl: units)
        } else {
            unitInput = try await HotlineAssessments.unitInput(for: period, on: app.db)
        }
        try exportUnits?(try HotlineAssessmentSource.jsonl(unitInput))
        let result = try HotlineScoring.score(cases: cases, units: unitInput, period: period, calculator: app.calendarStore.calculator)
        return result.json()
    }
}
