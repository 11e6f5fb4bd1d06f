import DubanCore
import Fluent
import Vapor

/// `/site-audit`: the audited websites, each with its score history charted (SVG) and its audits;
/// `/site-audit/audits/:id` shows one audit's Chinese report. Same handlers and access as the API.
enum SiteAuditPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("site-audit", use: sites)
        pages.get("site-audit", "sites", ":id", use: site)
        pages.post("site-audit", "sites", ":id", "audits", use: start)
        pages.get("site-audit", "audits", ":id", use: report)
    }

    struct SiteRow: Encodable {
        var id: String
        var name: String
        var url: String
        var latest: String
    }

    struct SitesPage: Encodable {
        var items: [SiteRow]
        var empty: Bool
        var nextHref: String?
    }

    static func scoreText(_ tenths: Int?) -> String {
        guard let tenths else { return "—" }
        return SiteAuditReportHTML.points(tenths)
    }

    @Sendable static func sites(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let list = try await SiteAuditRoutes.listSites(req)
        var rows: [SiteRow] = []
        for site in list.items {
            let latest = try await SiteAuditRow.query(on: req.db).filter(\.$siteID == UUID(uuidString: site.id)!)
                .filter(\.$state == "finished").sort(\.$startedAt, .descending).first()
            rows.append(SiteRow(id: site.id, name: site.name, url: site.url, latest: scoreText(latest?.scoreTenths)))
        }
        let content = SitesPage(items: rows, empty: rows.isEmpty, nextHref: list.nextCursor.map { "/site-audit?cursor=\($0)" })
        return try await req.render("site-audits", title: t["siteAudit"] ?? "", content)
    }

    struct AuditRow: Encodable {
        var id: String
        var started: String
        var auditDate: String
        var trigger: String
        var state: String
        var score: String
        var deducted: String
        var vetoes: Int
        var passed: Bool
        var finished: Bool
    }

    struct SitePage: Encodable {
        var site: SiteAuditRoutes.SiteDTO
        var chart: LineChart
        var hasChart: Bool
        var audits: [AuditRow]
        var availability: AvailabilitySummary
        var nextAudit: String
        var canStart: Bool
        var nextHref: String?
    }

    @Sendable static func site(_ req: Request) async throws -> Response {
        let actor = try SiteAuditRoutes.viewer(req)
        let t = Strings.table(Language.of(req))
        let site = try await SiteAuditRoutes.site(req)
        let siteID = try site.requireID()
        let page = try await SiteAuditRoutes.listAudits(req)
        let rows = page.items.map { audit in
            AuditRow(id: audit.id, started: SiteAuditReportHTML.time(audit.startedAt), auditDate: audit.auditDate,
                     trigger: audit.trigger == "scheduled" ? "定期" : "手动", state: audit.state,
                     score: audit.score.map { scoreText(Int(($0 * 10).rounded())) } ?? "—",
                     deducted: audit.deducted.map { scoreText(Int(($0 * 10).rounded())) } ?? "—",
                     vetoes: audit.vetoes ?? 0, passed: audit.passed ?? false, finished: audit.state == "finished")
        }
        // The chart: the last 30 finished audits, oldest first, in whole points; the pass line at 100 − the fail mark.
        let history = try await SiteAuditRow.query(on: req.db).filter(\.$siteID == siteID).filter(\.$state == "finished")
            .sort(\.$startedAt, .descending).limit(30).all().reversed()
        let failAt = try await AdjustableSetting.value(SiteAuditService.passSettingKey, on: req.db)
        let chart = LineChart(label: "\(site.name) \(t["siteScoreHistory"] ?? "")",
                              values: history.map { (label: String($0.auditDate.suffix(5)), value: Int((Double($0.scoreTenths ?? 0) / 10).rounded())) },
                              guides: [(value: 100 - failAt, label: "\(100 - failAt)")], floor: 0, ceiling: 100, tickEvery: 5)
        let today = LocalDate(chinaTimeOf: Date())!
        let availability = try await SiteAuditService.availability(siteID: siteID, lastDay: today.adding(days: -1) ?? today,
                                                                   slowSeconds: req.application.siteAuditOptions.slowSeconds, on: req.db)
        let content = SitePage(site: SiteAuditRoutes.SiteDTO(site), chart: chart, hasChart: !history.isEmpty, audits: rows,
                               availability: availability, nextAudit: SiteAuditReportHTML.time(site.nextAuditAt),
                               canStart: actor.role == .admin || actor.role == .supervisor,
                               nextHref: page.nextCursor.map { "/site-audit/sites/\(siteID.text)?cursor=\($0)" })
        return try await req.render("site-audit", title: site.name, content)
    }

    @Sendable static func start(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor)
        let site = try await SiteAuditRoutes.site(req)
        _ = try await SiteAuditService.start(site: site, trigger: "manual", actor: actor.auditName, app: req.application)
        return req.redirect(to: "/site-audit/sites/\(try site.requireID().text)")
    }

    @Sendable static func report(_ req: Request) async throws -> Response {
        _ = try SiteAuditRoutes.viewer(req)
        let id = try req.idParameter("id", what: "自查 / audit")
        guard let row = try await SiteAuditRow.find(id, on: req.db), let result = SiteAuditRoutes.decodeResult(row) else {
            throw DubanError.notFound("自查 / audit")
        }
        var headers = HTTPHeaders()
        headers.contentType = .html
        // A stand-alone document with its own style element; nothing else may load.
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(string: SiteAuditReportHTML.render(result)))
    }
}
