import DubanCore
import Fluent
import Vapor

/// `/api/v1/assessments/hotline…`: the 附件7 score of a period (SPEC A2 JSON), its export, and the
/// assessor's entries for the items the system cannot compute.
enum AssessmentRoutes {
    static let tag = "Assessment"
    static let periodParameter = APIOperation.QueryParameter(
        name: "period", schema: Schema.string(maxLength: 20, pattern: "^[0-9]{4}-[0-9]{2}/[0-9]{4}-[0-9]{2}$"),
        required: true, description: "如 2026-09/2026-10")
    /// Who reads scores and rankings: the supervisors who assess, the leaders, the administrators.
    static let readers: [Role] = [.admin, .supervisor, .leader]

    /// One unit of SPEC A2's `units` (`HotlineUnitScore`): the points of each item (1-6 … 14), base, bonus,
    /// penalty, total, rank and cases.
    static let unitScoreSchema = Schema.object([
        ("unit", Schema.string()),
        ("items", Schema.object(HotlineItem.allCases.map { ($0.rawValue, Schema.number) }, required: HotlineItem.allCases.map(\.rawValue))),
        ("base", Schema.number), ("bonus", Schema.number), ("penalty", Schema.number), ("total", Schema.number),
        ("rank", Schema.integer(minimum: 1)), ("cases", Schema.integer(minimum: 0)),
    ], required: ["unit", "items", "base", "bonus", "penalty", "total", "rank", "cases"])

    static func register(_ api: APIRoutes) {
        api.add(.GET, "assessments/hotline", summary: "热线考评计分（附件7，SPEC A2）/ the hotline score of a period", tag: tag,
                query: [periodParameter],
                responses: [(200, "计分 / scores (SPEC A2)", Schema.object([("period", Schema.string()), ("units", Schema.array(unitScoreSchema))],
                                                                      required: ["period", "units"]))],
                use: hotline)
        api.add(.GET, "assessments/hotline/export", summary: "导出考评排名（CSV 或 XLSX）/ the ranking as CSV or XLSX", tag: tag,
                query: [periodParameter, .init(name: "format", schema: Schema.enumeration(["csv", "xlsx"]),
                                               description: "文件格式，默认 csv / file format, default csv")],
                responses: [(200, "文件 / the file", nil)], use: export)
        api.add(.GET, "assessments/hotline/entries", summary: "考评员录入项 / the assessor's entries of a period", tag: tag,
                query: [periodParameter], responses: [(200, "录入项 / entries", Schema.array(Schema.ref("AssessmentEntry")))], use: entries)
        api.add(.PUT, "assessments/hotline/entries/{unitId}", summary: "录入(1)–(6)、(11)、(15)、(16)项 / enter the manual items of a unit",
                tag: tag, query: [periodParameter], body: Schema.ref("AssessmentEntryInput"),
                responses: [(200, "已保存 / saved", Schema.ref("AssessmentEntry")), (404, "无此单位 / no such unit", Schema.ref("Error"))],
                pathSchemas: ["unitId": Schema.uuid], use: putEntry)
    }

    static func period(_ req: Request) throws -> AssessmentPeriod {
        do { return try AssessmentPeriod(req.query[String.self, at: "period"] ?? "") } catch let error as AssessmentError {
            throw DubanError.invalid("period", error.message)
        }
    }

    @Sendable static func hotline(_ req: Request) async throws -> Response {
        try req.requireRole(readers)
        let result = try await HotlineAssessments.result(for: try period(req), on: req.db, calculator: req.application.calendarStore.calculator)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: result.assessment.json()))
    }

    @Sendable static func export(_ req: Request) async throws -> Response {
        try req.requireRole(readers)
        let period = try period(req)
        let result = try await HotlineAssessments.result(for: period, on: req.db, calculator: req.application.calendarStore.calculator)
        let name = "hotline-assessment-" + period.description.replacingOccurrences(of: "/", with: "_")
        return try RegisterRoutes.file(HotlineAssessments.table(result.assessment), name: name, title: "热线考评", req: req)
    }

    @Sendable static func entries(_ req: Request) async throws -> [AssessmentEntryDTO] {
        try req.requireRole(readers)
        return try await HotlineAssessments.entries(for: try period(req), on: req.db).map { try AssessmentEntryDTO($0.0, unit: $0.1) }
    }

    @Sendable static func putEntry(_ req: Request) async throws -> AssessmentEntryDTO {
        let actor = try req.requireRole(.admin, .supervisor)
        let period = try period(req)
        let unitID = try req.idParameter("unitId", what: "单位 / unit")
        let input = try req.decodeJSON(AssessmentEntryInput.self)
        return try await req.write { db in
            guard let unit = try await Unit.find(unitID, on: db) else { throw DubanError.notFound("单位 / unit") }
            return try await HotlineAssessments.save(input, period: period, unit: unit, actor: actor, now: Date(), on: db)
        }
    }
}
