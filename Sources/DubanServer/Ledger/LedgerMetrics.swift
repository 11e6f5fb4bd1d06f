import DubanCore
import Fluent
import SQLKit
import Vapor

/// `GET /api/v1/items/metrics`: counts by state, grade, kind, category and unit, overdue counts, and the
/// rates 003 仙游 holds at 100 % ("重大隐患100%挂牌督办、100%落实" — major hazards listed, and with all five
/// implementations). Aggregates run in the database, over the viewer's scope.
struct LedgerMetricsDTO: Content {
    struct Count: Content { var key: String; var count: Int }
    struct UnitCount: Content { var unitId: UUID?; var unitName: String?; var open: Int; var overdue: Int }
    var total: Int
    var overdue: Int
    var byState: [Count]
    var byGrade: [Count]
    var byKind: [Count]
    var byCategory: [Count]
    var byUnit: [UnitCount]
    var majorHazards: Int
    var majorListed: Int
    var majorWithFiveImplementations: Int
    /// nil when there is no major hazard.
    var listedRate: Double?
    var fiveImplementationsRate: Double?

    static let schema: JSON = {
        let count = Schema.object([("key", Schema.string()), ("count", Schema.integer(minimum: 0))], required: ["key", "count"])
        let unit = Schema.object([("unitId", Schema.uuid), ("unitName", Schema.string()), ("open", Schema.integer(minimum: 0)),
                                  ("overdue", Schema.integer(minimum: 0))], required: ["open", "overdue"])
        return Schema.object([
            ("total", Schema.integer(minimum: 0)), ("overdue", Schema.integer(minimum: 0)),
            ("byState", Schema.array(count)), ("byGrade", Schema.array(count)), ("byKind", Schema.array(count)),
            ("byCategory", Schema.array(count)), ("byUnit", Schema.array(unit)),
            ("majorHazards", Schema.integer(minimum: 0)), ("majorListed", Schema.integer(minimum: 0)),
            ("majorWithFiveImplementations", Schema.integer(minimum: 0)),
            ("listedRate", Schema.number), ("fiveImplementationsRate", Schema.number),
        ], required: ["total", "overdue", "byState", "byGrade", "byKind", "byCategory", "byUnit", "majorHazards", "majorListed",
                      "majorWithFiveImplementations"])
    }()
}

enum LedgerMetrics {
    static func register(_ api: APIRoutes) {
        api.add(.GET, "items/metrics", summary: "台账统计 / ledger metrics", tag: "Ledger",
                responses: [(200, "统计 / metrics", Schema.ref("LedgerMetrics"))], use: metrics)
    }

    struct GroupRow: Decodable { var key: String?; var n: Int }
    struct UnitRow: Decodable { var unit: UUID?; var open: Int; var overdue: Int }
    struct MajorRow: Decodable { var major: Int; var listed: Int; var five: Int }

    @Sendable static func metrics(_ req: Request) async throws -> LedgerMetricsDTO {
        let actor = try req.requireActor()
        guard let sql = req.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let scope = try await LedgerRoutes.scope(of: actor, on: req.db)
        let now = Date()
        func whereScope(_ extra: SQLQueryString? = nil) -> SQLQueryString {
            var clause: SQLQueryString = "WHERE 1 = 1"
            if let scope {
                let ids = scope.map { SQLBind($0) }
                clause = "WHERE (assigned_unit_id IN \(SQLGroupExpression(ids)) OR supervised_unit_id IN \(SQLGroupExpression(ids)) OR registering_unit_id IN \(SQLGroupExpression(ids)))"
            }
            if let extra { clause = clause + " AND " + extra }
            return clause
        }
        func grouped(_ column: String) async throws -> [LedgerMetricsDTO.Count] {
            let rows = try await sql.raw("SELECT \(ident: column) AS key, COUNT(*) AS n FROM ledger_items \(whereScope()) GROUP BY \(ident: column) ORDER BY \(ident: column)")
                .all(decoding: GroupRow.self)
            return rows.map { .init(key: $0.key ?? "", count: $0.n) }
        }
        let byState = try await grouped("state")
        let overdue = try await sql.raw("SELECT COUNT(*) AS n FROM ledger_items \(whereScope("open_due_at < \(bind: now)"))")
            .first(decoding: GroupRow.self)?.n ?? 0
        let units = try await sql.raw("""
            SELECT assigned_unit_id AS unit,
                   SUM(CASE WHEN state IN ('assigned', 'signed_for', 'in_progress', 'submitted', 'verified') THEN 1 ELSE 0 END) AS open,
                   SUM(CASE WHEN open_due_at < \(bind: now) THEN 1 ELSE 0 END) AS overdue
            FROM ledger_items \(whereScope("assigned_unit_id IS NOT NULL")) GROUP BY assigned_unit_id
            """).all(decoding: UnitRow.self)
        let names = try await LedgerPages.unitNames(units.compactMap(\.unit), on: req.db)
        let major = try await sql.raw("""
            SELECT COUNT(*) AS major,
                   COALESCE(SUM(CASE WHEN listing_level IS NOT NULL THEN 1 ELSE 0 END), 0) AS listed,
                   COALESCE(SUM(CASE WHEN five_complete THEN 1 ELSE 0 END), 0) AS five
            FROM ledger_items \(whereScope("kind = 'hazard' AND grade = 'major' AND state <> 'cancelled'"))
            """).first(decoding: MajorRow.self)
        let majorCount = major?.major ?? 0
        return LedgerMetricsDTO(
            total: byState.reduce(0) { $0 + $1.count }, overdue: overdue, byState: byState, byGrade: try await grouped("grade"),
            byKind: try await grouped("kind"), byCategory: try await grouped("category"),
            byUnit: units.map { .init(unitId: $0.unit, unitName: $0.unit.flatMap { names[$0] }, open: $0.open, overdue: $0.overdue) }
                .sorted { ($0.overdue, $0.open) > ($1.overdue, $1.open) },
            majorHazards: majorCount, majorListed: major?.listed ?? 0, majorWithFiveImplementations: major?.five ?? 0,
            listedRate: majorCount > 0 ? Double(major?.listed ?? 0) / Double(majorCount) : nil,
            fiveImplementationsRate: majorCount > 0 ? Double(major?.five ?? 0) / Double(majorCount) : nil)
    }
}
