import DubanCore
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// 首页看板 (SPEC M8, issue #9): per role, today's due and overdue work, the unit's rank, open listed
/// hazards, hotline KPIs, credit grades and elevator compliance — every number with the list it counts.
/// `GET /api/v1/dashboard` and the home page `/` show the same DTO.
struct DashboardDTO: Content {
    /// A number and the list behind it (nil when the viewer has no page listing it).
    struct Figure: Content {
        var key: String
        var label: String
        var count: Int
        var href: String?
    }

    struct Work: Content {
        var overdue: Figure
        var dueToday: Figure
        /// Overdue items by assigned unit, most first (at most 10).
        var overdueByUnit: [Figure]
        /// Items registered and closed per China-time week, oldest first (12 weeks).
        var weeks: [Week]
    }

    struct Week: Content {
        var week: String
        var opened: Int
        var closed: Int
    }

    struct Rank: Content {
        /// The bi-monthly assessment period (附件7 "双月进行考评").
        var period: String
        /// The viewer's unit's rank and total (unit operators), nil for district roles or when unscored.
        var unit: String?
        var rank: Int?
        var total: String?
        var units: Int
        /// The best and worst units (district roles), or the viewer's unit.
        var rows: [RankRow]
        var href: String?
    }

    struct RankRow: Content {
        var rank: Int
        var unit: String
        var total: String
        var totalValue: Double
    }

    struct Hotline: Content {
        var period: String
        var cases: Int
        var signForOnTimePercent: Double?
        var completionOnTimePercent: Double?
        var satisfactionPercent: Double?
        var signedLate: Int
        var completedLate: Int
        var href: String?
    }

    struct Elevators: Content {
        var total: Int
        var compliant: Int
        var compliancePercent: Double?
        var maintenanceOverdue: Figure
        var inspectionExpired: Figure
        var href: String
    }

    var at: String
    var role: String
    /// "全区" or the viewer's unit.
    var scope: String
    var panels: [String]
    var work: Work?
    var listed: Figure?
    var rank: Rank?
    var hotline: Hotline?
    var credit: [Figure]?
    var elevators: Elevators?

    static let schema: JSON = {
        let figure = Schema.ref("DashboardFigure")
        let week = Schema.object([("week", Schema.date), ("opened", Schema.integer(minimum: 0)), ("closed", Schema.integer(minimum: 0))],
                                 required: ["week", "opened", "closed"])
        let work = Schema.object([("overdue", figure), ("dueToday", figure), ("overdueByUnit", Schema.array(figure)),
                                  ("weeks", Schema.array(week))], required: ["overdue", "dueToday", "overdueByUnit", "weeks"])
        let rankRow = Schema.object([("rank", Schema.integer(minimum: 1)), ("unit", Schema.string()), ("total", Schema.string()),
                                     ("totalValue", Schema.number)], required: ["rank", "unit", "total", "totalValue"])
        let rank = Schema.object([("period", Schema.string()), ("unit", Schema.string()), ("rank", Schema.integer(minimum: 1)),
                                  ("total", Schema.string()), ("units", Schema.integer(minimum: 0)), ("rows", Schema.array(rankRow)),
                                  ("href", Schema.string())], required: ["period", "units", "rows"])
        let hotline = Schema.object([("period", Schema.string()), ("cases", Schema.integer(minimum: 0)),
                                     ("signForOnTimePercent", Schema.number), ("completionOnTimePercent", Schema.number),
                                     ("satisfactionPercent", Schema.number), ("signedLate", Schema.integer(minimum: 0)),
                                     ("completedLate", Schema.integer(minimum: 0)), ("href", Schema.string())],
                                    required: ["period", "cases", "signedLate", "completedLate"])
        let elevators = Schema.object([("total", Schema.integer(minimum: 0)), ("compliant", Schema.integer(minimum: 0)),
                                       ("compliancePercent", Schema.number), ("maintenanceOverdue", figure),
                                       ("inspectionExpired", figure), ("href", Schema.string())],
                                      required: ["total", "compliant", "maintenanceOverdue", "inspectionExpired", "href"])
        return Schema.object([
            ("at", Schema.dateTime), ("role", Schema.enumeration(Role.allCases.map(\.rawValue))), ("scope", Schema.string()),
            ("panels", Schema.array(Schema.enumeration(DashboardPanel.allCases.map(\.rawValue)))),
            ("work", work), ("listed", figure), ("rank", rank), ("hotline", hotline), ("credit", Schema.array(figure)),
            ("elevators", elevators),
        ], required: ["at", "role", "scope", "panels"])
    }()

    static let figureSchema = Schema.object([("key", Schema.string()), ("label", Schema.string()), ("count", Schema.integer(minimum: 0)),
                                             ("href", Schema.string())], required: ["key", "label", "count"])
}

/// A short cache for the dashboard's whole-district aggregates (the weekly trend, the by-unit ranking,
/// the hotline assessment, elevators), so that a home page over 1,000,000 items stays fast; the headline
/// counts (overdue, due today, listed) are always live. Its lifetime is the adjustable setting
/// `dashboard.cacheSeconds` (default 120 s, 0 turns it off).
///
/// Stale while revalidating: within one more lifetime after an entry expires, a view is answered with it
/// at once and the entry is recomputed in the background (one refresh at a time per entry), so no office
/// waits seconds for a district-wide recount; an entry older than that is recomputed before answering.
/// So a figure is never more than two lifetimes old (4 minutes by default).
final class DashboardCache: @unchecked Sendable {
    private struct Entry {
        var computed: Date
        var value: any Sendable
        var refreshing = false
    }

    private let lock = NIOLock()
    private var entries: [String: Entry] = [:]

    func value<T: Sendable>(_ key: String, now: Date, lifetime: Int, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        guard lifetime > 0 else { return try await make() }
        let fresh = Double(lifetime)
        let (hit, refresh): (T?, Bool) = lock.withLock {
            guard let entry = entries[key], let value = entry.value as? T, now.timeIntervalSince(entry.computed) < 2 * fresh else { return (nil, false) }
            guard now.timeIntervalSince(entry.computed) >= fresh, !entry.refreshing else { return (value, false) }
            entries[key]?.refreshing = true
            return (value, true)
        }
        if let hit {
            if refresh {
                Task {
                    do {
                        store(key, try await make(), at: Date())
                    } catch {
                        lock.withLock { entries[key]?.refreshing = false }
                    }
                }
            }
            return hit
        }
        let value = try await make()
        store(key, value, at: now)
        return value
    }

    private func store(_ key: String, _ value: any Sendable, at: Date) {
        lock.withLock {
            if entries.count > 1000 { entries.removeAll() }
            entries[key] = Entry(computed: at, value: value)
        }
    }

    func clear() { lock.withLock { entries.removeAll() } }
}

extension Application {
    private struct DashboardCacheKey: StorageKey { typealias Value = DashboardCache }

    var dashboardCache: DashboardCache {
        if let cache = storage[DashboardCacheKey.self] { return cache }
        let cache = DashboardCache()
        storage[DashboardCacheKey.self] = cache
        return cache
    }
}

/// The events index the weekly "closed" trend reads (no full scan of the timeline), and a partial index
/// of the listed items holding the scope columns: a unit's "listed, still open" count and list read the
/// few listed rows instead of scanning the ledger (measured: a full scan of 300,000 items took 294 ms).
struct CreateDashboardIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.createIndex("idx_ledger_events_to_state_at", on: LedgerEvent.schema, columns: ["to_state", "at"])
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("""
            CREATE INDEX idx_ledger_listed_scope ON ledger_items (state, assigned_unit_id, supervised_unit_id, registering_unit_id, id)
            WHERE listing_level IS NOT NULL
            """).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "idx_ledger_listed_scope").run()
        try await sql.drop(index: "idx_ledger_events_to_state_at").run()
    }
}

enum Dashboard {
    static let cacheSettingKey = "dashboard.cacheSeconds"
    static let defaultCacheSeconds = 120
    static let setting = AdjustableSetting(
        key: cacheSettingKey, defaultValue: defaultCacheSeconds, range: 0...3600,
        description: "首页看板全区汇总（趋势、单位排名、热线考评、电梯）的缓存秒数，0 为不缓存；过期后的下一个周期内先显示上次结果、后台重算；超期、今日到期、挂牌数始终实时 / seconds the dashboard's district aggregates are cached (0: off; for one more lifetime a stale value is shown while it is recomputed); headline counts are always live")
    /// Weeks in the trend chart.
    static let weeks = 12

    static func register(_ api: APIRoutes) {
        api.add(.GET, "dashboard", summary: "首页看板（按角色）/ the viewer's dashboard", tag: "Reports",
                responses: [(200, "看板 / dashboard", Schema.ref("Dashboard"))], use: get)
    }

    /// Every role has a dashboard; what it holds depends on the role (``DashboardPanel/panels(for:)``).
    static let roles: [Role] = Role.allCases

    @Sendable static func get(_ req: Request) async throws -> DashboardDTO {
        let actor = try req.requireRole(roles)
        return try await build(req, actor: actor, now: Date())
    }

    static func percent(_ part: Int, of whole: Int) -> Double? {
        whole > 0 ? (Double(part) * 1000 / Double(whole)).rounded() / 10 : nil
    }

    static func build(_ req: Request, actor: Actor, now: Date) async throws -> DashboardDTO {
        guard let sql = req.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let db = req.db
        let panels = DashboardPanel.panels(for: actor.role)
        let lifetime = try await AdjustableSetting.value(cacheSettingKey, on: db)
        let cache = req.application.dashboardCache
        // The cached aggregates may be refreshed after this request has been answered: the application's database.
        let shared = req.application.db
        guard let sharedSQL = shared as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        // The list's own scope: the numbers are the lengths of the lists they link to.
        var base = LedgerListQuery(limit: 1)
        var scopeNames: Set<String>?
        var scopeKey = "district"
        if actor.role == .evaluator {
            base.scope = []
            base.sharedItems = try await HotlineCase.query(on: db).filter(\.$evaluatorID == actor.userID).all(\.$id).compactMap { $0 }
            scopeKey = "evaluator:\(actor.userID)"
        } else if let units = try await LedgerRoutes.scope(of: actor, on: db) {
            base.scope = units
            base.sharedItems = try await LedgerRoutes.sharedItems(of: units, on: db)
            scopeNames = Set(try await Unit.query(on: db).filter(\.$path =~ actor.unitPath.encoded).all(\.$name))
            scopeKey = "unit:\(actor.unitID)"
        }
        var dto = DashboardDTO(at: ChinaTimeFormat.string(now), role: actor.role.rawValue,
                               scope: actor.role.isUnitScoped ? actor.unitName : "全区", panels: panels.map(\.rawValue))

        if panels.contains(.work) {
            var overdue = base
            overdue.overdueAt = now
            var today = base
            today.overdueAt = DashboardDay.endOfToday(now)
            today.dueFrom = now
            let scope = actor.role == .evaluator ? base.sharedItems : base.scope, evaluator = actor.role == .evaluator
            let byUnit: [DashboardDTO.Figure] = try await cache.value("byUnit:\(scopeKey)", now: now, lifetime: lifetime) { [base] in
                try await overdueByUnit(base, now: now, on: shared)
            }
            let weeks: [DashboardDTO.Week] = try await cache.value("weeks:\(scopeKey)", now: now, lifetime: lifetime) {
                try await trend(scope: scope, evaluator: evaluator, now: now, on: sharedSQL)
            }
            dto.work = .init(
                overdue: .init(key: "overdue", label: "超期未办结", count: try await overdue.count(on: db), href: "/items?overdue=true"),
                dueToday: .init(key: "dueToday", label: "今日到期", count: try await today.count(on: db), href: "/items?due=today"),
                overdueByUnit: byUnit, weeks: weeks)
        }
        if panels.contains(.listed) {
            var listed = base
            listed.listedOnly = true
            listed.openOnly = true
            dto.listed = .init(key: "listed", label: "挂牌督办未销号", count: try await listed.count(on: db), href: "/items?listed=true&open=true")
        }
        if panels.contains(.rank) || panels.contains(.hotline) {
            // The current bi-monthly period; early in a period with no case yet, the one before it.
            let current = HotlineAssessments.period(containing: LocalDate(chinaTimeOf: now) ?? LocalDate(year: 2026, month: 1, day: 1)!)
            let calculator = req.application.calendarStore.calculator
            let assessment: HotlineAssessment = try await cache.value("hotline:\(current.description)", now: now, lifetime: lifetime) {
                let result = try await HotlineAssessments.assessment(for: current, on: shared, calculator: calculator)
                guard result.units.allSatisfy({ $0.cases == 0 }) else { return result }
                let previous = try await HotlineAssessments.assessment(for: HotlineAssessments.shifted(current, by: -2), on: shared, calculator: calculator)
                return previous.units.isEmpty ? result : previous
            }
            let period = assessment.period
            let reader = AssessmentRoutes.readers.contains(actor.role)
            let periodQuery = "period=" + period.description
            if panels.contains(.rank) {
                let own = assessment.score(of: actor.unitName)
                let rows = actor.role.isUnitScoped ? (own.map { [$0] } ?? [])
                    : Array(assessment.units.prefix(5)) + (assessment.units.count > 10 ? Array(assessment.units.suffix(5)) : Array(assessment.units.dropFirst(5)))
                dto.rank = .init(
                    period: period.description, unit: actor.role.isUnitScoped ? actor.unitName : nil,
                    rank: actor.role.isUnitScoped ? own?.rank : nil, total: actor.role.isUnitScoped ? own?.total.description : nil,
                    units: assessment.units.count,
                    rows: rows.map { .init(rank: $0.rank, unit: $0.unit, total: $0.total.description, totalValue: $0.total.doubleValue) },
                    href: reader ? "/assessments/hotline?\(periodQuery)"
                        : actor.role == .unitOperator ? "/assessments/hotline/units/\(actor.unitID.text)?\(periodQuery)" : nil)
            }
            if panels.contains(.hotline) {
                let kpis = HotlineKPIs(assessment, units: scopeNames)
                dto.hotline = .init(
                    period: period.description, cases: kpis.cases, signForOnTimePercent: kpis.signForOnTimePercent,
                    completionOnTimePercent: kpis.completionOnTimePercent, satisfactionPercent: kpis.satisfactionPercent,
                    signedLate: kpis.signedLate, completedLate: kpis.completedLate,
                    href: reader ? "/assessments/hotline?\(periodQuery)"
                        : actor.role == .unitOperator ? "/assessments/hotline/units/\(actor.unitID.text)?\(periodQuery)"
                        : actor.role == .dispatcher ? "/hotline" : nil)
            }
        }
        if panels.contains(.credit), CreditService.readers.contains(actor.role) {
            dto.credit = try await credit(actor, now: now, on: db, sql: sql)
        }
        if panels.contains(.elevators), ElevatorService.districtReaders.contains(actor.role) || actor.role.isUnitScoped {
            dto.elevators = try await cache.value("elevators:\(scopeKey)", now: now, lifetime: lifetime) { [base] in
                try await elevators(scope: base.scope, now: now, on: sharedSQL)
            }
        }
        return dto
    }

    struct UnitCountRow: Decodable { var unit: UUID?; var n: Int }
    struct CountOnly: Decodable { var n: Int }
    struct CountRow: Decodable { var key: String?; var n: Int }

    /// Overdue items per assigned unit: one grouped pass over the overdue part of `idx_ledger_open_due`.
    static func overdueByUnit(_ base: LedgerListQuery, now: Date, on db: any Database) async throws -> [DashboardDTO.Figure] {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        var query = base
        query.overdueAt = now
        guard let select = query.filtered(sql.select().column(SQLIdentifier("assigned_unit_id"), as: "unit")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(LedgerItem.schema)) else { return [] }
        let rows = try await select.where(SQLIdentifier("assigned_unit_id"), .isNot, SQLLiteral.null)
            .groupBy(SQLIdentifier("assigned_unit_id")).orderBy(SQLRaw("n DESC")).limit(10)
            .all(decoding: UnitCountRow.self)
        let names = try await LedgerPages.unitNames(rows.compactMap(\.unit), on: db)
        return rows.compactMap { row in
            guard let unit = row.unit else { return nil }
            return .init(key: unit.text, label: names[unit] ?? "—", count: row.n, href: "/items?overdue=true&unitId=\(unit.text)")
        }
    }

    /// Registered and closed items per China-time week: range counts on `idx_ledger_created` and on
    /// `idx_ledger_events_to_state_at`.
    static func trend(scope: [UUID]?, evaluator: Bool, now: Date, on sql: any SQLDatabase) async throws -> [DashboardDTO.Week] {
        let starts = DashboardDay.weekStarts(now, count: weeks)
        var result: [DashboardDTO.Week] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : start.addingTimeInterval(7 * 86_400)
            var opened: SQLQueryString = "SELECT COUNT(*) AS n FROM ledger_items WHERE created_at >= \(bind: start) AND created_at < \(bind: end)"
            var closed: SQLQueryString = "SELECT COUNT(*) AS n FROM ledger_events e"
            let closedWhere: SQLQueryString = " WHERE e.to_state = \(bind: ItemState.closed.rawValue) AND e.at >= \(bind: start) AND e.at < \(bind: end)"
            if let scope {
                if scope.isEmpty { result.append(.init(week: day(start), opened: 0, closed: 0)); continue }
                let ids = SQLGroupExpression(scope.map { SQLBind($0) })
                if evaluator {
                    opened = opened + " AND id IN \(ids)"
                    closed = closed + closedWhere + " AND e.item_id IN \(ids)"
                } else {
                    opened = opened + " AND assigned_unit_id IN \(ids)"
                    closed = closed + " JOIN ledger_items i ON i.id = e.item_id" + closedWhere + " AND i.assigned_unit_id IN \(ids)"
                }
            } else {
                closed = closed + closedWhere
            }
            result.append(.init(week: day(start), opened: try await sql.raw(opened).first(decoding: CountOnly.self)?.n ?? 0,
                                closed: try await sql.raw(closed).first(decoding: CountOnly.self)?.n ?? 0))
        }
        return result
    }

    static func day(_ instant: Date) -> String { LocalDate(chinaTimeOf: instant)?.description ?? "" }

    /// Credit grades of the enterprises in scope (SPEC A3): stored standings by grade, and the clean
    /// grade for enterprises never evaluated (as the subject list shows them).
    static func credit(_ actor: Actor, now: Date, on db: any Database, sql: any SQLDatabase) async throws -> [DashboardDTO.Figure] {
        let enterprises = Unit.query(on: db).filter(\.$kind == UnitKind.enterprise.rawValue)
        if actor.role.isUnitScoped { enterprises.filter(\.$path =~ actor.unitPath.encoded) }
        let total = try await enterprises.count()
        var query: SQLQueryString = """
            SELECT s.grade AS key, COUNT(*) AS n FROM credit_standings s JOIN units u ON u.id = s.unit_id
            WHERE u.kind = \(bind: UnitKind.enterprise.rawValue)
            """
        if actor.role.isUnitScoped { query = query + " AND u.path LIKE \(bind: actor.unitPath.encoded + "%")" }
        let rows = try await sql.raw(query + " GROUP BY s.grade").all(decoding: CountRow.self)
        var counts = Dictionary(rows.compactMap { row in row.key.map { ($0, row.n) } }, uniquingKeysWith: +)
        let clean = CreditStandings.clean(now: now, rules: try await CreditRulesStore.current(on: db)).grade
        counts[clean.rawValue, default: 0] += max(0, total - rows.reduce(0) { $0 + $1.n })
        return CreditGrade.allCases.map { grade in
            .init(key: grade.rawValue, label: grade.chinese, count: counts[grade.rawValue] ?? 0, href: "/credit/subjects")
        }
    }

    struct ElevatorRow: Decodable { var total: Int; var overdue: Int?; var expired: Int?; var bad: Int? }

    /// Elevators in service (not scrapped) in scope, those overdue for maintenance or past their
    /// inspection, and the compliant rest.
    static func elevators(scope: [UUID]?, now: Date, on sql: any SQLDatabase) async throws -> DashboardDTO.Elevators {
        var query: SQLQueryString = """
            SELECT COUNT(*) AS total, SUM(CASE WHEN maintenance_due_at < \(bind: now) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN inspection_expires_at < \(bind: now) THEN 1 ELSE 0 END) AS expired,
              SUM(CASE WHEN maintenance_due_at < \(bind: now) OR inspection_expires_at < \(bind: now) THEN 1 ELSE 0 END) AS bad
            FROM elevators WHERE status <> \(bind: ElevatorStatus.scrapped.rawValue)
            """
        if let scope {
            guard !scope.isEmpty else {
                return .init(total: 0, compliant: 0, compliancePercent: nil,
                             maintenanceOverdue: .init(key: "maintenanceOverdue", label: "超期未维保", count: 0, href: "/elevators"),
                             inspectionExpired: .init(key: "inspectionExpired", label: "检验过期", count: 0, href: "/elevators"), href: "/elevators")
            }
            let ids = SQLGroupExpression(scope.map { SQLBind($0) })
            query = query + " AND (use_unit_id IN \(ids) OR maintenance_unit_id IN \(ids))"
        }
        let row = try await sql.raw(query).first(decoding: ElevatorRow.self)
        let total = row?.total ?? 0
        let compliant = total - (row?.bad ?? 0)
        return .init(total: total, compliant: compliant, compliancePercent: percent(compliant, of: total),
                     maintenanceOverdue: .init(key: "maintenanceOverdue", label: "超期未维保", count: row?.overdue ?? 0, href: "/elevators"),
                     inspectionExpired: .init(key: "inspectionExpired", label: "检验过期", count: row?.expired ?? 0, href: "/elevators"),
                     href: "/elevators")
    }
}
