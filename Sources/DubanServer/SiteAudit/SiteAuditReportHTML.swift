import AsyncHTTPClient
import DubanCore
import Foundation

/// The audit as a stand-alone HTML page in Chinese (`duban site-audit --out report.html`, and the
/// server's report page): verdict, score, every veto and deduction with its evidence, and what the
/// tool cannot judge.
public enum SiteAuditReportHTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func points(_ tenths: Int) -> String {
        tenths % 10 == 0 ? String(tenths / 10) : String(format: "%.1f", Double(tenths) / 10)
    }

    static func time(_ date: Date) -> String {
        String(ChinaTimeFormat.string(date).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    private static func findingRows(_ findings: [CensusFinding], veto: Bool) -> String {
        var html = ""
        for finding in findings {
            html += "<section class=\"finding\"><h3>\(escape(finding.indicator))"
            html += veto ? "：<strong>单项否决</strong>" : "：扣\(points(finding.tenths))分"
            html += "</h3><p class=\"rule\">评分标准：\(escape(finding.rule))</p><table><thead><tr><th>网址</th><th>状态</th><th>日期</th><th>说明</th></tr></thead><tbody>"
            for evidence in finding.evidence {
                html += "<tr><td><a href=\"\(escape(evidence.url))\">\(escape(evidence.url))</a></td>"
                html += "<td>\(evidence.status.map(String.init) ?? "—")</td><td>\(evidence.date?.description ?? "—")</td>"
                html += "<td>\(escape(evidence.detail))</td></tr>"
            }
            html += "</tbody></table></section>\n"
        }
        return html
    }

    public static func render(_ result: SiteAuditResult) -> String {
        let report = result.report
        let verdict = report.passed ? "合格" : "不合格"
        var html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>政府网站普查自查报告 · \(escape(result.url))</title>
        <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#2b2622}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}td,th{border:1px solid #c9c2b6;padding:.3rem .5rem;text-align:left;font-size:.9rem;word-break:break-all}
        .pass{color:#2e6b30}.fail{color:#a1281d}.rule{color:#6b6257}</style></head><body>
        <h1>政府网站普查自查报告</h1>
        <p>依据：000 阳政办(2017)46号 附件2《全国政府网站普查评分标准》。本报告由督办系统自动检查生成，仅供自查参考。</p>
        <table><tbody>
        <tr><th>网站首页</th><td><a href="\(escape(result.url))">\(escape(result.url))</a></td></tr>
        <tr><th>监测时间点</th><td>\(report.auditDate)</td></tr>
        <tr><th>检查时间</th><td>\(time(result.startedAt)) 至 \(time(result.finishedAt))（北京时间）</td></tr>
        <tr><th>结论</th><td class="\(report.passed ? "pass" : "fail")"><strong>\(verdict)</strong>（单项否决\(report.vetoes.count)项，扣分\(points(report.deductedTenths))分；扣分达到\(report.failAtDeducted)分为不合格，此为督办系统可调整的默认值）</td></tr>
        <tr><th>得分</th><td><strong>\(points(report.scoreTenths))</strong> / 100</td></tr>
        <tr><th>检查范围</th><td>读取页面\(result.stats.pagesRead)个，检查链接\(result.stats.linksChecked)个，robots.txt 禁止\(result.stats.disallowedByRobots)个，用时\(String(format: "%.1f", result.stats.seconds))秒\(result.stats.truncated ? "；<strong>已达检查上限，结果可能不完整</strong>" : "")</td></tr>
        </tbody></table>

        """
        html += "<h2>单项否决（\(report.vetoes.count)项）</h2>\n"
        html += report.vetoes.isEmpty ? "<p>未发现单项否决情形。</p>\n" : findingRows(report.vetoes, veto: true)
        html += "<h2>扣分项（共扣\(points(report.deductedTenths))分）</h2>\n"
        html += report.deductions.isEmpty ? "<p>未发现扣分情形。</p>\n" : findingRows(report.deductions, veto: false)
        if !result.facts.columns.isEmpty {
            html += "<h2>栏目更新情况</h2><table><thead><tr><th>栏目</th><th>类别</th><th>时限</th><th>最近更新</th><th>结果</th></tr></thead><tbody>"
            for column in result.facts.columns {
                let latest = column.latest(auditDate: report.auditDate)
                let fresh = column.isFresh(auditDate: report.auditDate)
                html += "<tr><td><a href=\"\(escape(column.spec.url))\">\(escape(column.spec.name))</a></td><td>\(column.spec.type.label)</td>"
                html += "<td>\(column.spec.type.windowLabel)</td><td>\(latest?.description ?? "未注明")</td>"
                html += "<td class=\"\(fresh ? "pass" : "fail")\">\(fresh ? "已更新" : column.reachable ? "未更新" : "无法访问")</td></tr>"
            }
            html += "</tbody></table>\n"
        }
        html += "<h2>需人工核查的指标</h2><ul>"
        for item in report.notAssessed { html += "<li>\(escape(item))</li>" }
        html += "</ul></body></html>\n"
        return html
    }

    /// The JSON form (`--out report.json`): the result with dates as ISO 8601.
    public static func json(_ result: SiteAuditResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(result)
    }
}

/// Entry point of `duban site-audit`.
public enum SiteAuditCommandRunner {
    /// Reads a JSON configuration (`columns`, `guides`, `onlineSystems`); an unreadable file or a bad
    /// field is reported with its place.
    public static func loadConfig(_ path: String?) throws -> SiteAuditConfig {
        guard let path else { return SiteAuditConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SiteAuditConfigError(message: "无法读取配置文件 / cannot read \(path)")
        }
        do {
            return try JSONDecoder().decode(SiteAuditConfig.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            if context.codingPath.isEmpty {
                throw SiteAuditConfigError(message: "配置文件不是有效的 JSON / not valid JSON: \(context.debugDescription)")
            }
            throw SiteAuditConfigError(message: "配置字段无效 / invalid field \(Self.path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw SiteAuditConfigError(message: "配置缺少字段 / missing field \(Self.path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw SiteAuditConfigError(message: "配置字段无效 / invalid field \(Self.path(context.codingPath)): \(context.debugDescription)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    public static func run(url: String, config: SiteAuditConfig, options: CrawlOptions,
                           progress: @escaping @Sendable (String) -> Void) async -> SiteAuditResult {
        let crawler = SiteCrawler(eventLoopGroup: HTTPClient.defaultEventLoopGroup, options: options, progress: progress)
        let result = await crawler.audit(homeURL: url, config: config)
        await crawler.shutdown()
        return result
    }
}

public struct SiteAuditConfigError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
