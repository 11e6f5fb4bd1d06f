import DubanCore
import Vapor

/// 定期报告 pages: the history of sent reports and each report as a printable A4 notice (红头, 文号,
/// title, body, date), from the same handlers as `/api/v1/reports`.
enum ReportPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("reports", use: history)
        pages.get("reports", ":id", use: notice)
    }

    struct HistoryPage: Encodable {
        var rows: [ReportDTO]
        var empty: Bool
        var nextHref: String?
        var kinds: [KindRow]
    }

    struct KindRow: Encodable {
        var name: String
        var citation: String
    }

    @Sendable static func history(_ req: Request) async throws -> Response {
        let page = try await ScheduledReports.list(req)
        let next = page.nextCursor.map { "/reports?cursor=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        return try await req.render("scheduled-reports", title: "定期报告", HistoryPage(
            rows: page.items, empty: page.items.isEmpty, nextHref: next,
            kinds: ReportKind.allCases.map { KindRow(name: $0.chinese, citation: $0.citation) }))
    }

    struct NoticePage: Encodable {
        var report: ReportDTO
        var sections: [Section]
    }

    struct Section: Encodable {
        var heading: String
        var paragraphs: [String]
        var header: [String]
        var rows: [[String]]
        var hasTable: Bool
    }

    @Sendable static func notice(_ req: Request) async throws -> Response {
        let report = try await ScheduledReports.get(req)
        return try await req.render("scheduled-report", title: report.title, NoticePage(
            report: report,
            sections: (report.sections ?? []).map { section in
                Section(heading: section.heading, paragraphs: section.paragraphs, header: section.table.first ?? [],
                        rows: Array(section.table.dropFirst()), hasTable: !section.table.isEmpty)
            }))
    }
}
