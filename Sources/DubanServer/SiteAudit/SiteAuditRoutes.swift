import DubanCore
import Fluent
import Vapor

/// `/api/v1/site-audit`: government websites under census check, their audits and availability (SPEC M9).
enum SiteAuditRoutes {
    struct SiteInput: Content {
        var name: String
        var url: String
        var config: SiteAuditConfig?

        static let schema = Schema.object([
            ("name", Schema.string(maxLength: 200)), ("url", Schema.string(maxLength: 500)),
            ("config", Schema.ref("SiteAuditConfig")),
        ], required: ["name", "url"])

        static let configSchema = Schema.object([
            ("columns", Schema.array(Schema.object([
                ("name", Schema.string(maxLength: 200)), ("url", Schema.string(maxLength: 500)),
                ("type", Schema.enumeration(ColumnType.allCases.map(\.rawValue))),
            ], required: ["name", "url", "type"]), maxItems: 200)),
            ("guides", Schema.array(Schema.string(maxLength: 500), maxItems: 200)),
            ("onlineSystems", Schema.array(Schema.string(maxLength: 500), maxItems: 50)),
        ])
    }

    struct SiteDTO: Content {
        var id: String
        var name: String
        var url: String
        var config: SiteAuditConfig
        var nextAuditAt: Date
        var nextProbeAt: Date
        var createdAt: Date

        static let schema = Schema.object([
            ("id", Schema.uuid), ("name", Schema.string()), ("url", Schema.string()), ("config", Schema.ref("SiteAuditConfig")),
            ("nextAuditAt", Schema.dateTime), ("nextProbeAt", Schema.dateTime), ("createdAt", Schema.dateTime),
        ], required: ["id", "name", "url", "config", "nextAuditAt", "nextProbeAt", "createdAt"])

        init(_ site: AuditedSite) {
            id = site.id?.text ?? ""
            name = site.name
            url = site.url
            config = SiteAuditService.config(of: site)
            nextAuditAt = site.nextAuditAt
            nextProbeAt = site.nextProbeAt
            createdAt = site.createdAt
        }
    }

    struct AuditDTO: Content {
        var id: String
        var siteId: String
        var state: String
        var trigger: String
        var startedAt: Date
        var finishedAt: Date?
        var auditDate: String
        var score: Double?
        var deducted: Double?
        var vetoes: Int?
        var passed: Bool?

        static let schema = Schema.object([
            ("id", Schema.uuid), ("siteId", Schema.uuid), ("state", Schema.enumeration(["running", "finished", "failed"])),
            ("trigger", Schema.enumeration(["manual", "scheduled"])), ("startedAt", Schema.dateTime),
            ("finishedAt", Schema.nullable(Schema.dateTime)), ("auditDate", Schema.date),
            ("score", Schema.nullable(Schema.number)), ("deducted", Schema.nullable(Schema.number)),
            ("vetoes", Schema.nullable(Schema.integer())), ("passed", Schema.nullable(Schema.boolean)),
        ], required: ["id", "siteId", "state", "trigger", "startedAt", "finishedAt", "auditDate", "score", "deducted", "vetoes", "passed"])

        init(_ row: SiteAuditRow) {
            id = row.id?.text ?? ""
            siteId = row.siteID.text
            state = row.state
            trigger = row.trigger
            startedAt = row.startedAt
            finishedAt = row.finishedAt
            auditDate = row.auditDate
            score = row.scoreTenths.map { Double($0) / 10 }
            deducted = row.deductedTenths.map { Double($0) / 10 }
            vetoes = row.vetoes
            passed = row.passed
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(siteId, forKey: .siteId)
            try c.encode(state, forKey: .state)
            try c.encode(trigger, forKey: .trigger)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(finishedAt, forKey: .finishedAt)
            try c.encode(auditDate, forKey: .auditDate)
            try c.encode(score, forKey: .score)
            try c.encode(deducted, forKey: .deducted)
            try c.encode(vetoes, forKey: .vetoes)
            try c.encode(passed, forKey: .passed)
        }
    }

    /// The whole audit: its summary and the stored result (report, facts, crawl counts).
    struct AuditDetailDTO: Content {
        var audit: AuditDTO
        var result: SiteAuditResult?

        static let schema = Schema.object([
            ("audit", Schema.ref("SiteAudit")),
            ("result", ["description": "报告、观测事实与抓取统计 / report, facts and crawl counts"]),
        ], required: ["audit"])
    }

    struct AvailabilityDTO: Content {
        var siteId: String
        var summary: AvailabilitySummary

        static let schema = Schema.object([
            ("siteId", Schema.uuid),
            ("summary", Schema.object([
                ("firstDay", Schema.date), ("lastDay", Schema.date), ("probes", Schema.integer()), ("failures", Schema.integer()),
                ("shortDays", Schema.array(Schema.date)), ("failurePercent", Schema.integer()), ("sufficient", Schema.boolean),
                ("veto", Schema.boolean), ("deductionTenths", Schema.integer()),
            ], required: ["firstDay", "lastDay", "probes", "failures", "shortDays", "failurePercent", "sufficient", "veto", "deductionTenths"])),
        ], required: ["siteId", "summary"])
    }

    struct ProbeDTO: Content {
        var at: Date
        var seconds: Double
        var status: Int?
        var failed: Bool

        static let schema = Schema.object([
            ("at", Schema.dateTime), ("seconds", Schema.number), ("status", Schema.nullable(Schema.integer())), ("failed", Schema.boolean),
        ], required: ["at", "seconds", "status", "failed"])

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(at, forKey: .at)
            try c.encode(seconds, forKey: .seconds)
            try c.encode(status, forKey: .status)
            try c.encode(failed, forKey: .failed)
        }
    }

    static let components: [(String, JSON)] = [
        ("SiteAuditSiteInput", SiteInput.schema), ("SiteAuditConfig", SiteInput.configSchema), ("SiteAuditSite", SiteDTO.schema),
        ("SiteAudit", AuditDTO.schema), ("SiteAuditDetail", AuditDetailDTO.schema), ("SiteAvailability", AvailabilityDTO.schema),
        ("SiteProbe", ProbeDTO.schema),
    ]

    static func register(_ api: APIRoutes) {
        let tag = "SiteAudit"
        api.add(.GET, "site-audit/sites", summary: "普查自查网站列表 / audited websites", tag: tag,
                query: [.limit, .cursor], responses: [(200, "网站 / sites", Schema.page(of: "SiteAuditSite"))], use: listSites)
        api.add(.POST, "site-audit/sites", summary: "登记普查自查网站 / register a website for census checks", tag: tag,
                body: Schema.ref("SiteAuditSiteInput"),
                responses: [(201, "已登记 / registered", Schema.ref("SiteAuditSite")),
                            (409, "网址已登记 / URL already registered", Schema.ref("Error"))], use: createSite)
        api.add(.GET, "site-audit/sites/{id}", summary: "网站 / one website", tag: tag,
                responses: [(200, "网站 / site", Schema.ref("SiteAuditSite")), (404, "不存在 / not found", Schema.ref("Error"))], use: getSite)
        api.add(.POST, "site-audit/sites/{id}/audits", summary: "开始一次普查自查 / start an audit", tag: tag,
                responses: [(202, "已开始 / started", Schema.ref("SiteAudit")), (404, "不存在 / not found", Schema.ref("Error"))],
                use: startAudit)
        api.add(.GET, "site-audit/sites/{id}/audits", summary: "网站的自查历史 / a website's audit history", tag: tag,
                query: [.limit, .cursor],
                responses: [(200, "自查记录（新的在前）/ audits, newest first", Schema.page(of: "SiteAudit")),
                            (404, "不存在 / not found", Schema.ref("Error"))], use: listAudits)
        api.add(.GET, "site-audit/audits/{id}", summary: "一次自查的报告 / one audit with its report", tag: tag,
                responses: [(200, "报告 / report", Schema.ref("SiteAuditDetail")), (404, "不存在 / not found", Schema.ref("Error"))],
                use: getAudit)
        api.add(.POST, "site-audit/sites/{id}/probes", summary: "立即探测首页可用性 / probe the home page now", tag: tag,
                responses: [(201, "探测结果 / probe", Schema.ref("SiteProbe")), (404, "不存在 / not found", Schema.ref("Error"))],
                use: probeNow)
        api.add(.GET, "site-audit/sites/{id}/availability", summary: "一周可用性（≥20次/天，15秒，5%否决）/ availability over a week",
                tag: tag,
                query: [.init(name: "lastDay", schema: Schema.date, description: "监测周的最后一天，默认昨天 / last day of the week, default yesterday")],
                responses: [(200, "可用性 / availability", Schema.ref("SiteAvailability")), (404, "不存在 / not found", Schema.ref("Error"))],
                use: availability)
    }

    static func viewer(_ req: Request) throws -> Actor { try req.requireRole(.admin, .supervisor, .leader) }

    static func site(_ req: Request) async throws -> AuditedSite {
        let id = try req.idParameter("id", what: "网站 / site")
        guard let site = try await AuditedSite.find(id, on: req.db) else { throw DubanError.notFound("网站 / site") }
        return site
    }

    @Sendable static func listSites(_ req: Request) async throws -> ListPage<SiteDTO> {
        _ = try viewer(req)
        let page = try PageRequest(req)
        let (rows, next) = try await page.fetch(AuditedSite.query(on: req.db), orderedBy: \.$url, id: \.$id)
        return ListPage(items: rows.map(SiteDTO.init), nextCursor: next)
    }

    /// An http(s) URL with a host, at most 500 characters; relative ones are read against `base`.
    static func checkURL(_ value: String, _ field: String, base: URL? = nil) throws -> String {
        let clean = try Check.text(value, field, max: 500)
        guard let resolved = HTMLScanner.resolve(clean, against: base), resolved.lowercased().hasPrefix("http") else {
            throw DubanError.invalid(field, "\(field) 应为 http:// 或 https:// 网址 / must be an http(s) URL")
        }
        return resolved
    }

    @Sendable static func createSite(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor)
        let input = try req.decodeJSON(SiteInput.self)
        let name = try Check.text(input.name, "name")
        let url = try checkURL(input.url, "url")
        let config = input.config ?? SiteAuditConfig()
        guard config.columns.count <= 200, config.guides.count <= 200, config.onlineSystems.count <= 50 else {
            throw DubanError.invalid("config", "栏目、办事指南或在线系统过多 / too many columns, guides or systems")
        }
        for (index, column) in config.columns.enumerated() {
            _ = try Check.text(column.name, "config.columns[\(index)].name")
            _ = try checkURL(column.url, "config.columns[\(index)].url", base: URL(string: url))
        }
        for (index, guide) in config.guides.enumerated() { _ = try checkURL(guide, "config.guides[\(index)]", base: URL(string: url)) }
        for (index, system) in config.onlineSystems.enumerated() {
            _ = try checkURL(system, "config.onlineSystems[\(index)]", base: URL(string: url))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let configText = String(decoding: try encoder.encode(config), as: UTF8.self)
        let now = Date().wholeMilliseconds
        let site = try await req.write { db -> AuditedSite in
            if try await AuditedSite.query(on: db).filter(\.$url == url).first() != nil {
                throw DubanError.conflict("该网址已登记 / URL already registered", code: "duplicate_url", field: "url")
            }
            let site = AuditedSite()
            site.id = UUID()
            site.name = name
            site.url = url
            site.config = configText
            site.createdBy = actor.auditName
            site.createdAt = now
            // The first scheduled audit and probe are due at once.
            site.nextAuditAt = now
            site.nextProbeAt = now
            try await site.create(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "audited_site",
                                      entityID: site.id!.text, before: Optional<String>.none,
                                      after: ["name": name, "url": url, "config": configText], at: now)
            return site
        }
        let response = try await SiteDTO(site).encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable static func getSite(_ req: Request) async throws -> SiteDTO {
        _ = try viewer(req)
        return SiteDTO(try await site(req))
    }

    @Sendable static func startAudit(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor)
        let site = try await site(req)
        let row = try await SiteAuditService.start(site: site, trigger: "manual", actor: actor.auditName, app: req.application)
        let response = try await AuditDTO(row).encodeResponse(for: req)
        response.status = .accepted
        return response
    }

    @Sendable static func listAudits(_ req: Request) async throws -> ListPage<AuditDTO> {
        _ = try viewer(req)
        let site = try await site(req)
        let page = try PageRequest(req)
        let query = SiteAuditRow.query(on: req.db).filter(\.$siteID == (try site.requireID()))
        let (rows, next) = try await DateKeyset.page(query, field: "started_at", ascending: false, cursor: req.query[String.self, at: "cursor"],
                                                     limit: page.limit) { $0.startedAt }
        return ListPage(items: rows.map(AuditDTO.init), nextCursor: next)
    }

    static func decodeResult(_ row: SiteAuditRow) -> SiteAuditResult? {
        guard let text = row.result else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(SiteAuditResult.self, from: Data(text.utf8))
    }

    @Sendable static func getAudit(_ req: Request) async throws -> AuditDetailDTO {
        _ = try viewer(req)
        let id = try req.idParameter("id", what: "自查 / audit")
        guard let row = try await SiteAuditRow.find(id, on: req.db) else { throw DubanError.notFound("自查 / audit") }
        return AuditDetailDTO(audit: AuditDTO(row), result: decodeResult(row))
    }

    @Sendable static func probeNow(_ req: Request) async throws -> Response {
        _ = try req.requireRole(.admin, .supervisor)
        let site = try await site(req)
        let row = try await SiteAuditService.probe(site: site, app: req.application)
        let slow = req.application.siteAuditOptions.slowSeconds
        let dto = ProbeDTO(at: row.at, seconds: row.seconds, status: row.status, failed: row.probe.failed(slowSeconds: slow))
        let response = try await dto.encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable static func availability(_ req: Request) async throws -> AvailabilityDTO {
        _ = try viewer(req)
        let site = try await site(req)
        let lastDay: LocalDate
        if let text = req.query[String.self, at: "lastDay"] {
            lastDay = LocalDate(try Check.date(text, "lastDay"))!
        } else {
            let today = LocalDate(chinaTimeOf: Date())!
            lastDay = today.adding(days: -1) ?? today
        }
        let summary = try await SiteAuditService.availability(siteID: try site.requireID(), lastDay: lastDay,
                                                              slowSeconds: req.application.siteAuditOptions.slowSeconds, on: req.db)
        return AvailabilityDTO(siteId: try site.requireID().text, summary: summary)
    }
}
