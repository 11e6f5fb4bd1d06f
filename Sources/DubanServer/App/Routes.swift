import Fluent
import Vapor

func routes(_ app: Application) throws {
    app.get("healthz") { req async throws -> Response in
        // A trivial query proves the database answers; otherwise 503.
        do {
            _ = try await Unit.query(on: req.db).limit(1).count()
        } catch {
            throw DubanError(.serviceUnavailable, code: "database_unavailable", message: "数据库不可用 / database unavailable")
        }
        return try await ["status": "ok"].encodeResponse(for: req)
    }
    app.get("metrics") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: DubanMetrics.render()))
    }

    let api = APIRoutes(app: app, routes: app.grouped("api", "v1"))
    AccountRoutes.register(api)
    UnitRoutes.register(api)
    PersonRoutes.register(api)
    BodyRoutes.register(api)
    AuditRoutes.register(api)
    CalendarRoutes.register(api)
    NotificationRoutes.register(api)
    LedgerRoutes.register(api)
    RegisterRoutes.register(api)
    SettingsRoutes.register(api)
    HotlineRoutes.register(api)
    AssessmentRoutes.register(api)
    ProposalService.register(api)
    AccountabilityRoutes.register(api)
    SupervisionRoutes.register(api)
    CreditRoutes.register(api)
    ElevatorRoutes.register(api)
    SiteAuditRoutes.register(api)
    Dashboard.register(api)
    ScheduledReports.register(api)
    // After every list: the exports document the lists' own filters.
    ListExport.register(api)

    let document = OpenAPIDocument.build(app.apiRegistry.all)
    app.get("openapi.json") { req async throws -> Response in
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let response = Response(status: .ok, body: .init(data: try encoder.encode(document)))
        response.headers.contentType = .json
        return response
    }

    try WebRoutes.register(app)
}
