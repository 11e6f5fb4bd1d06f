import DubanCore
import Fluent
import SQLKit
import Vapor

/// `/api/v1/public/credit/...`, open to anyone (SPEC M6 公示): the credit query by 统一社会信用代码 or
/// name, the red and black lists, and the 双公示 list of penalty and licensing decisions. Only what is
/// published: never an unpublished, objected, revoked, repaired or expired record.
enum CreditPublicRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Credit (public)"
        api.add(.GET, "public/credit", summary: "信用查询（统一社会信用代码或名称）/ credit query by code or name", tag: tag,
                query: [.init(name: "code", schema: Schema.string(maxLength: 18, minLength: 18), description: "统一社会信用代码 / credit code"),
                        .init(name: "name", schema: Schema.string(maxLength: 200), description: "名称或别名（完全一致）/ exact name or alias")],
                responses: [(200, "信用信息 / credit", Schema.ref("PublicCredit")), (404, "无此主体 / no such subject", Schema.ref("Error"))],
                requiresAuth: false, use: query)
        api.add(.GET, "public/credit/black-list", summary: "严重失信主体名单（黑名单）/ the black list", tag: tag, query: [.limit, .cursor],
                responses: [(200, "名单 / list", Schema.page(of: "PublicBlackListEntry"))], requiresAuth: false, use: blackList)
        api.add(.GET, "public/credit/red-list", summary: "守信红名单 / the red list", tag: tag, query: [.limit, .cursor],
                responses: [(200, "名单 / list", Schema.page(of: "PublicRedListEntry"))], requiresAuth: false, use: redList)
        api.add(.GET, "public/credit/decisions", summary: "双公示：行政许可和行政处罚决定（新→旧）/ published licensing and penalty decisions",
                tag: tag, query: [.limit, .cursor],
                responses: [(200, "决定 / decisions", Schema.page(of: "PublicCreditRecord"))], requiresAuth: false, use: decisions)
    }

    @Sendable static func query(_ req: Request) async throws -> PublicCreditDTO {
        let code = try req.queryText("code", max: 40), name = try req.queryText("name", max: 200)
        guard (code == nil) != (name == nil) else {
            throw DubanError.invalid(code == nil ? "code" : "name", "请提供统一社会信用代码或名称之一 / give either code or name")
        }
        let unit = try await find(code: code, name: name, on: req.db)
        return try await view(unit, now: Date(), on: req.db)
    }

    /// The enterprise with this exact code, or this exact name or alias.
    static func find(code: String?, name: String?, on db: any Database) async throws -> Unit {
        var unit: Unit?
        if let code {
            guard case .success(let parsed) = CreditCode.parse(code) else {
                throw DubanError.invalid("code", "统一社会信用代码无效 / invalid credit code", code: "invalid_credit_code")
            }
            unit = try await Unit.query(on: db).filter(\.$creditCode == parsed.value).first()
        } else if let name {
            let alias = try await UnitAlias.query(on: db).filter(\.$aliasKey == TextNormalization.nameKey(name)).first()
            if let id = alias?.$unit.id { unit = try await Unit.find(id, on: db) }
        }
        guard let unit, unit.kindValue == .enterprise else { throw DubanError.notFound("信用主体 / credit subject") }
        return unit
    }

    /// Grade, list status and the records the public may see.
    static func view(_ unit: Unit, now: Date, on db: any Database) async throws -> PublicCreditDTO {
        let (standing, rows, _, _) = try await CreditStandings.evaluate(try unit.requireID(), now: now, on: db)
        let listed = try await CreditBlackList.listedCase(of: try unit.requireID(), now: now, on: db)
        return PublicCreditDTO(
            name: unit.name, creditCode: unit.creditCode, day: standing.day.description, grade: standing.grade,
            gradeName: standing.grade.chinese, exposed: standing.measures.contains(.exposure),
            redListed: standing.isRedListEligible && listed == nil, blackListed: listed != nil,
            blackList: listed.map { CreditBlackList.publicEntry($0.1, unit: unit) },
            records: try rows.compactMap { try CreditService.publicDTO($0, now: now) })
    }

    static func units(_ ids: [UUID], on db: any Database) async throws -> [UUID: Unit] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await Unit.query(on: db).filter(\.$id ~~ unique).all().compactMap { unit in
            unit.id.map { ($0, unit) }
        })
    }

    /// Listed subjects by listing day (keyset on listed_on, id).
    @Sendable static func blackList(_ req: Request) async throws -> ListPage<PublicBlackListEntryDTO> {
        let page = try PageRequest(req)
        let now = Date()
        let query = BlackListCaseRow.query(on: req.db)
            .filter(\.$state ~~ [BlackListState.listed.rawValue, BlackListState.removalRequested.rawValue])
        if let cursor = page.cursor {
            query.group(.or) { or in
                or.filter("listed_on", .greaterThan, cursor.key)
                or.group(.and) { and in and.filter("listed_on", .equal, cursor.key).filter(.id, .greaterThan, cursor.id) }
            }
        }
        let rows = try await query.sort("listed_on").sort(\.$id).limit(page.limit + 1).all()
        let shown = Array(rows.prefix(page.limit))
        let units = try await units(shown.map(\.subjectUnitID), on: req.db)
        let items = try shown.compactMap { row -> PublicBlackListEntryDTO? in
            let value = try CreditBlackList.facts(of: row)
            guard value.isListed(at: now), let unit = units[row.subjectUnitID] else { return nil }
            return CreditBlackList.publicEntry(value, unit: unit)
        }
        var next: String?
        if rows.count > page.limit, let last = shown.last { next = Cursor(key: last.listedOn ?? "", id: try last.requireID()).encoded }
        return ListPage(items: items, nextCursor: next)
    }

    struct RedRow: Decodable {
        var subjectId: UUID
        var name: String
        var creditCode: String?
        var grade: String?

        enum CodingKeys: String, CodingKey {
            case subjectId = "subject_id", name = "subject_name", creditCode = "subject_code", grade = "subject_grade"
        }
    }

    /// Enterprises on the red list (SPEC A3: grade A and no penalty decision in 24 months), by name.
    /// A subject never evaluated has no record and stands as a clean subject does.
    @Sendable static func redList(_ req: Request) async throws -> ListPage<PublicRedListEntryDTO> {
        let page = try PageRequest(req)
        guard let sql = req.db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let clean = CreditStandings.clean(now: Date(), rules: try await CreditRulesStore.current(on: req.db))
        let units = SQLIdentifier(Unit.schema), standings = SQLIdentifier(CreditStandingRow.schema)
        let unitID = SQLColumn(SQLIdentifier("id"), table: units), unitName = SQLColumn(SQLIdentifier("name"), table: units)
        let red = SQLColumn(SQLIdentifier("red_listed"), table: standings)
        var select = sql.select()
            .column(unitID, as: "subject_id").column(unitName, as: "subject_name")
            .column(SQLColumn(SQLIdentifier("credit_code"), table: units), as: "subject_code")
            .column(SQLColumn(SQLIdentifier("grade"), table: standings), as: "subject_grade")
            .from(units)
            .join(standings, method: SQLJoinMethod.left, on: SQLBinaryExpression(left: SQLColumn(SQLIdentifier("unit_id"), table: standings),
                                                                                op: SQLBinaryOperator.equal, right: unitID))
            .where(SQLColumn(SQLIdentifier("kind"), table: units), .equal, SQLBind(UnitKind.enterprise.rawValue))
        if clean.isRedListEligible {
            select = select.where { group in
                group.where(red, .equal, SQLBind(true)).orWhere(SQLColumn(SQLIdentifier("unit_id"), table: standings), .is, SQLLiteral.null)
            }
        } else {
            select = select.where(red, .equal, SQLBind(true))
        }
        if let cursor = page.cursor {
            select = select.where { group in
                group.where(unitName, .greaterThan, SQLBind(cursor.key)).orWhere { same in
                    same.where(unitName, .equal, SQLBind(cursor.key)).where(unitID, .greaterThan, SQLBind(cursor.id))
                }
            }
        }
        let rows = try await select.orderBy(unitName, SQLDirection.ascending).orderBy(unitID, SQLDirection.ascending).limit(page.limit + 1)
            .all(decoding: RedRow.self)
        let shown = Array(rows.prefix(page.limit))
        let items = shown.map { row in
            PublicRedListEntryDTO(name: row.name, creditCode: row.creditCode,
                                  grade: row.grade.flatMap(CreditGrade.init(rawValue:)) ?? clean.grade)
        }
        var next: String?
        if rows.count > page.limit, let last = shown.last { next = Cursor(key: last.name, id: last.subjectId).encoded }
        return ListPage(items: items, nextCursor: next)
    }

    /// 双公示 — published licensing and penalty decisions in effect, newest publication first.
    @Sendable static func decisions(_ req: Request) async throws -> ListPage<PublicCreditRecordDTO> {
        let page = try PageRequest(limitOnly: req)
        let now = Date()
        guard let today = LocalDate(chinaTimeOf: now)?.description else { return ListPage(items: [], nextCursor: nil) }
        let query = CreditRecordRow.query(on: req.db).filter(\.$requiresPublication == true).filter(\.$publishedAt != nil)
            .filter(\.$state == CreditRecordState.active.rawValue).filter(\.$expiresOn > today).filter(\.$decisionDate <= today)
        let (rows, next) = try await DateKeyset.page(query, field: "published_at", ascending: false,
                                                     cursor: req.query[String.self, at: "cursor"], limit: page.limit,
                                                     value: { $0.publishedAt })
        let units = try await units(rows.map(\.subjectUnitID), on: req.db)
        return ListPage(items: try rows.compactMap { try CreditService.publicDTO($0, now: now, subject: units[$0.subjectUnitID]) },
                        nextCursor: next)
    }
}
