@testable import DubanServer
import DubanCore
import Foundation
import Vapor

/// A small government website served on loopback (an ephemeral port) for the census-check tests.
/// Every date is relative to `today`, so the expectations hold on any day.
///
/// `/` (the "good" site): 3 dated entries within 2 weeks (fewer than 10), links to five columns, two
/// service guides, a missing page, a broken image, a refused external link and a robots-disallowed page.
/// `/old/index.html` (the "stale" site): one entry 20 days old and five stale dynamic columns.
final class FixtureSite: @unchecked Sendable {
    let app: Application
    let port: Int
    let today: LocalDate
    /// Every request the site received: path with query, and the User-Agent.
    let requests: RequestLog

    var base: String { "http://127.0.0.1:\(port)" }

    private init(app: Application, port: Int, today: LocalDate, requests: RequestLog) {
        self.app = app
        self.port = port
        self.today = today
        self.requests = requests
    }

    final class RequestLog: AsyncMiddleware, @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(path: String, agent: String)] = []

        var all: [(path: String, agent: String)] { lock.withLock { entries } }

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            let entry = (request.url.string, request.headers.first(name: .userAgent) ?? "")
            lock.withLock { entries.append(entry) }
            return try await next.respond(to: request)
        }
    }

    static func day(_ today: LocalDate, _ offset: Int) -> LocalDate { today.adding(days: offset)! }

    static func chinese(_ date: LocalDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    static func start(today: LocalDate, slowDelay: Duration = .milliseconds(1500)) async throws -> FixtureSite {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        let log = RequestLog()
        app.middleware.use(log)
        @Sendable func html(_ body: String, title: String = "汉阳区人民政府") -> Response {
            var headers = HTTPHeaders()
            headers.contentType = .html
            return Response(status: .ok, headers: headers,
                            body: .init(string: "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(title)</title></head><body>\(body)</body></html>"))
        }
        @Sendable func d(_ offset: Int) -> LocalDate { day(today, offset) }
        app.get("robots.txt") { _ in "User-agent: *\nDisallow: /private/\n" }
        app.get { _ in
            html("""
            <div class="nav"><a href="/news/">要闻</a> <a href="/dongtai/">部门动态</a> <a href="notice/">通知公告</a>
            <a href="/policy/">政策文件</a> <a href="/renshi/">人事任免</a></div>
            <img src="/img/logo.png" alt="徽标"><img src="img/broken.png" alt="横幅">
            <ul><li><a href="/news/a.html">区政府召开常务会议</a> <span>\(d(-1))</span></li>
            <li><a href="/news/a.html?p=2">全区安全生产大检查</a> \(d(-7).description.replacingOccurrences(of: "-", with: "/"))</li>
            <li><a href="/news/a.html?p=3">防汛工作部署</a> \(chinese(d(-14)))</li>
            <li><a href="/news/a.html?p=4">旧闻</a> \(d(-15))</li></ul>
            <p><a href="/guide/1.html">开办企业办事指南</a> <a href="/guide/2.html">养老服务办事指南</a>
            <a href="/missing-home.html">失效链接</a> <a href="http://127.0.0.1:1/refused">外部系统</a>
            <a href="/private/secret.html">内部</a> <a href="mailto:zwfw@hanyang.gov.cn">信箱</a></p>
            """)
        }
        app.get("img", "logo.png") { _ in Response(status: .ok, body: .init(string: "PNG")) }
        app.get("news") { _ in
            html("<h1>要闻</h1><a href=\"a.html\">会议</a> \(d(-1)) <a href=\"missing.html\">旧稿</a> \(d(-3)) <a href=\"/slow.html\">专题</a>")
        }
        app.get("news", "a.html") { _ in html("<p>区政府召开常务会议 \(d(-1))</p>") }
        app.get("slow.html") { _ async throws -> Response in
            try await Task.sleep(for: slowDelay)
            return html("<p>慢页面 \(d(-1))</p>")
        }
        app.get("dongtai") { _ in html("<h1>部门动态</h1><a href=\"/news/a.html\">动态</a> \(d(-20))") }
        app.get("notice") { _ in html("<h1>通知公告</h1><a href=\"/news/a.html\">通知</a> \(chinese(d(-80)))") }
        app.get("policy") { _ in html("<h1>政策文件</h1><p>暂无内容</p>") }
        app.get("renshi") { _ in
            let old = today.adding(months: -12)!.adding(days: -1)!
            return html("<h1>人事任免</h1><a href=\"/news/a.html\">任免</a> \(old.description.replacingOccurrences(of: "-", with: "/"))")
        }
        app.get("guide", "1.html") { _ in
            html("""
            <h1>开办企业办事指南</h1><table><tr><th>事项名称</th><td>企业设立登记</td></tr><tr><th>设定依据</th><td>《公司法》</td></tr>
            <tr><th>申请条件</th><td>…</td></tr><tr><th>办理材料</th><td><a href="/files/form.doc">申请表</a></td></tr>
            <tr><th>办理地点</th><td>汉阳区政务服务中心</td></tr><tr><th>办理时间</th><td>工作日</td></tr>
            <tr><th>联系电话</th><td>027-84466029</td></tr><tr><th>办理流程</th><td>受理—审核—发证</td></tr></table>
            """, title: "办事指南")
        }
        app.get("guide", "2.html") { _ in
            html("""
            <h1>养老服务办事指南</h1><p>事项名称：高龄津贴申领</p><p>法律依据：《老年人权益保障法》</p><p>受理条件：年满80周岁</p>
            <p>所需材料：<a href="/files/missing.xls">申请表</a></p><p>办理地点：各街道社区服务中心</p>
            """, title: "办事指南")
        }
        app.get("files", "form.doc") { _ in Response(status: .ok, body: .init(string: "DOC")) }
        app.get("sb") { _ in html("<p>在线申报</p>") }
        app.get("cx") { _ in Response(status: .serviceUnavailable) }
        // The stale site.
        app.get("old", "index.html") { _ in
            html((1...5).map { "<a href=\"/old/c\($0)/\">栏目\($0)</a>" }.joined(separator: " ") + " <p>最近更新 \(d(-20))</p>")
        }
        for n in 1...3 {
            app.get("old", "c\(n)") { _ in html("<a href=\"/old/index.html\">首页</a> \(d(-30))") }
        }
        app.get("old", "c4") { _ in html("<a href=\"/old/index.html\">首页</a> \(today.adding(months: -7)!)") }
        app.get("old", "c5") { _ in html("<a href=\"/old/index.html\">首页</a>") }

        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else {
            await app.server.shutdown()
            try await app.asyncShutdown()
            throw Abort(.internalServerError, reason: "fixture site did not bind")
        }
        return FixtureSite(app: app, port: port, today: today, requests: log)
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// The good site's configuration: five columns, two guides, two online systems.
    var config: SiteAuditConfig {
        SiteAuditConfig(
            columns: [
                ColumnSpec(name: "要闻", url: "\(base)/news/", type: .news),
                ColumnSpec(name: "部门动态", url: "\(base)/dongtai/", type: .news),
                ColumnSpec(name: "通知公告", url: "\(base)/notice/", type: .notice),
                ColumnSpec(name: "政策文件", url: "\(base)/policy/", type: .policy),
                ColumnSpec(name: "人事任免", url: "\(base)/renshi/", type: .personnel),
            ],
            guides: ["\(base)/guide/1.html", "\(base)/guide/2.html"],
            onlineSystems: ["\(base)/sb/", "\(base)/cx/"])
    }

    var staleConfig: SiteAuditConfig {
        SiteAuditConfig(columns: [
            ColumnSpec(name: "动态一", url: "\(base)/old/c1/", type: .news),
            ColumnSpec(name: "动态二", url: "\(base)/old/c2/", type: .news),
            ColumnSpec(name: "要闻", url: "\(base)/old/c3/", type: .news),
            ColumnSpec(name: "通知公告", url: "\(base)/old/c4/", type: .notice),
            ColumnSpec(name: "政策文件", url: "\(base)/old/c5/", type: .policy),
        ])
    }

    /// Crawl options for tests: the slow limit is 0.5 s (the fixture's slow page takes 1.5 s), no pacing.
    static func options(auditDate: LocalDate?) -> CrawlOptions {
        var options = CrawlOptions()
        options.slowSeconds = 0.5
        options.minInterval = 0
        options.concurrency = 4
        options.timeBudget = 60
        options.auditDate = auditDate
        return options
    }
}
