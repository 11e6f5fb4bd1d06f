import DubanCore
import Fluent
import SQLKit
import Vapor

/// The columns a list shows of an item, read straight through SQLKit: the ledger list is the hottest
/// query (SPEC §4: overdue list p99 ≤ 10 ms at 1 M items), and building Fluent models costs more than the
/// query itself (a reflection pass per row).
struct ItemRow: Decodable, Sendable {
    var id: UUID
    var kind: String
    var title: String
    var description: String?
    var location: String?
    var category: String?
    var fixMode: String?
    var source: String?
    var supervisedUnitId: UUID?
    var registeringUnitId: UUID
    var assignedUnitId: UUID?
    var openDueAt: Date?
    var listingLevel: String?
    var findings: String
    var facts: String
    var createdAt: Date
    var deadlineText: String?
    var reportCadence: String?
    var card: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, kind, title, description, location, category
        case fixMode = "fix_mode", source
        case supervisedUnitId = "supervised_unit_id", registeringUnitId = "registering_unit_id", assignedUnitId = "assigned_unit_id"
        case openDueAt = "open_due_at", listingLevel = "listing_level", findings, facts, createdAt = "created_at"
        case deadlineText = "deadline_text", reportCadence = "report_cadence", card
    }

    init(_ item: LedgerItem) throws {
        id = try item.requireID()
        kind = item.kind
        title = item.title
        description = item.details
        location = item.location
        category = item.category
        fixMode = item.fixMode
        source = item.source
        supervisedUnitId = item.supervisedUnitID
        registeringUnitId = item.registeringUnitID
        assignedUnitId = item.assignedUnitID
        openDueAt = item.openDueAt
        listingLevel = item.listingLevel
        findings = item.findings
        facts = item.facts
        createdAt = item.createdAt
        deadlineText = item.deadlineText
        reportCadence = item.reportCadence
        card = item.card
    }
}

/// `GET /api/v1/items` as one SQL statement: filters, the viewer's scope, and keyset paging on
/// (open_due_at, id) for the overdue list or (created_at, id) newest first — each served by an index
/// of `CreateLedger`.
struct LedgerListQuery {
    var scope: [UUID]?
    var sharedItems: [UUID] = []
    var state: ItemState?
    var kind: ItemKind?
    var grade: HazardGrade?
    var unit: UUID?
    var listedOnly = false
    var overdueAt: Date?
    var cursor: String?
    var limit: Int

    /// With `overdueAt`, items due from this instant on (the "due today" list: `dueFrom` now, `overdueAt` the end of the day).
    var dueFrom: Date?
    /// Only items still open (every state but closed and cancelled).
    var openOnly = false

    /// The filters and the viewer's scope, shared by the list and its count (the dashboard's numbers
    /// are the lengths of the lists they link to).
    ///
    /// The scope is an OR over the three unit columns, each with an index that starts with it and goes on with
    /// `open_due_at` (`CreateScopeDueIndexes`): with a due range (overdue, due today) the database reads the
    /// three index ranges and merges them (SQLite's multi-index OR, PostgreSQL's BitmapOr) — measured at
    /// 1,000,000 items: a street's overdue count 469 → 2 ms. Without a due range the list is newest first, best
    /// read in `idx_ledger_created` order until the page is full; SQLite would rather collect and sort the
    /// scope's every item (62,818 of them for a street: 251 ms instead of 4), so there its last column is
    /// written `+registering_unit_id`, SQLite's documented way to keep a term from using an index.
    func filtered(_ select: SQLSelectBuilder) -> SQLSelectBuilder? {
        var select = select
        if let scope {
            guard !scope.isEmpty || !sharedItems.isEmpty else { return nil }
            let unindexed = overdueAt == nil && dueFrom == nil && select.database.dialect.name == "sqlite"
            select = select.where { group in
                var group = group
                if !scope.isEmpty {
                    let registering: any SQLExpression = unindexed ? SQLRaw("+registering_unit_id") : SQLIdentifier("registering_unit_id")
                    group = group.orWhere(SQLIdentifier("assigned_unit_id"), .in, SQLBind.group(scope))
                        .orWhere(SQLIdentifier("supervised_unit_id"), .in, SQLBind.group(scope))
                        .orWhere(registering, .in, SQLBind.group(scope))
                }
                if !sharedItems.isEmpty { group = group.orWhere(SQLIdentifier("id"), .in, sharedItems) }
                return group
            }
        }
        if let state { select = select.where(SQLIdentifier("state"), .equal, state.rawValue) }
        if let kind { select = select.where(SQLIdentifier("kind"), .equal, kind.rawValue) }
        if let grade { select = select.where(SQLIdentifier("grade"), .equal, grade.rawValue) }
        if let unit { select = select.where(SQLIdentifier("assigned_unit_id"), .equal, unit) }
        if listedOnly { select = select.where(SQLIdentifier("listing_level"), .isNot, SQLLiteral.null) }
        if openOnly {
            select = select.where(SQLIdentifier("state"), .in, ItemState.allCases.filter(\.isOpen).map(\.rawValue))
        }
        if let overdueAt { select = select.where(SQLIdentifier("open_due_at"), .lessThan, overdueAt) }
        if let dueFrom { select = select.where(SQLIdentifier("open_due_at"), .greaterThanOrEqual, dueFrom) }
        return select
    }

    /// The count over all the list's pages as one SELECT of `n` (nil: the scope is empty).
    func countSelect(on sql: any SQLDatabase) -> SQLSelectBuilder? {
        filtered(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(LedgerItem.schema))
    }

    /// How many rows the list holds over all its pages.
    func count(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        guard let select = countSelect(on: sql) else { return 0 }
        return try await select.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// One page as one SELECT: the filters, the cursor's bound, the order and one row more than `limit`
    /// (nil: the scope is empty).
    func pageSelect(on sql: any SQLDatabase) throws -> SQLSelectBuilder? {
        let column = overdueAt == nil ? "created_at" : "open_due_at"
        let ascending = overdueAt != nil
        guard var select = filtered(sql.select().columns(ItemRow.CodingKeys.allCases.map { SQLIdentifier($0.rawValue) })
            .from(LedgerItem.schema)) else { return nil }
        if let cursor {
            let position = try Cursor.decode(cursor)
            guard let millis = Int64(position.key) else { throw DubanError.invalid("cursor", "分页游标无效 / invalid cursor") }
            // Stored times are whole milliseconds; a half-millisecond window finds the cursor's own instant.
            let at = Date(timeIntervalSince1970: Double(millis) / 1000)
            let low = at.addingTimeInterval(-0.0005), high = at.addingTimeInterval(0.0005)
            // After the cursor: past its instant, or at it with a later id. Written with the bound outside the OR
            // so that the index range starts at the cursor (a deep page reads 51 rows, not every row before it).
            select = select.where(SQLIdentifier(column), ascending ? .greaterThanOrEqual : .lessThan, ascending ? low : high)
                .where { group in
                    group.where(SQLIdentifier(column), ascending ? .greaterThanOrEqual : .lessThan, ascending ? high : low)
                        .orWhere(SQLIdentifier("id"), ascending ? .greaterThan : .lessThan, position.id)
                }
        }
        let direction: SQLDirection = ascending ? .ascending : .descending
        return select.orderBy(SQLIdentifier(column), direction).orderBy(SQLIdentifier("id"), direction).limit(limit + 1)
    }

    func run(on db: any Database) async throws -> (rows: [ItemRow], nextCursor: String?) {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        guard let select = try pageSelect(on: sql) else { return ([], nil) }
        let rows = try await select.all(decoding: ItemRow.self)
        let shown = Array(rows.prefix(limit))
        guard rows.count > limit, let last = shown.last, let time = overdueAt == nil ? last.createdAt : last.openDueAt else {
            return (shown, nil)
        }
        return (shown, Cursor(key: String(Int64((time.timeIntervalSince1970 * 1000).rounded())), id: last.id).encoded)
    }
}
