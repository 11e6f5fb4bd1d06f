import DubanCore
import Fluent
import Vapor

/// The signed-in elevator pages: the compliance dashboard with its bar chart and the registry list,
/// one elevator's archive (一梯一档) with the guided use-unit form, and the printable A6 label.
enum ElevatorPages {
    static func register(signedIn pages: any RoutesBuilder, public app: Application) {
        ElevatorPublic.registerPages(app)
        pages.get("elevators", use: dashboard)
        pages.get("elevators", ":id", roles: ElevatorService.readers, use: archive)
        pages.post("elevators", ":id", "use-unit", roles: ElevatorService.registrars, use: useUnit)
        pages.get("elevators", ":id", "label", roles: ElevatorService.readers, use: label)
    }

    /// A horizontal bar chart drawn on the server as SVG geometry (like `LineChart`).
    struct BarChart: Encodable {
        struct Bar: Encodable {
            var y: Double
            var width: Double
            var label: String
            var value: Int
            var valueX: Double
            var textY: Double
        }

        var width: Double
        var height: Double
        var left: Double
        var barHeight: Double
        var bars: [Bar]
        var label: String

        init(label: String, values: [(String, Int)], width: Double = 640) {
            self.label = label
            self.width = width
            let left = 200.0
            self.left = left
            barHeight = 20
            let rowHeight = 28.0
            height = max(rowHeight * Double(values.count) + 8, 36)
            let maximum = Double(max(values.map { $0.1 }.max() ?? 1, 1))
            let span = width - left - 48
            bars = values.enumerated().map { index, value in
                let y = 4 + rowHeight * Double(index)
                let w = (Double(value.1) / maximum * span * 10).rounded() / 10
                return Bar(y: y, width: w, label: value.0, value: value.1, valueX: left + w + 6, textY: y + 15)
            }
        }
    }

    struct DashboardPage: Encodable {
        var dashboard: ElevatorDashboardDTO
        var chart: BarChart
        var statusChart: BarChart
        var elevators: [ElevatorDTO]
        var overdue: [ElevatorDueDTO]
    }

    @Sendable static func dashboard(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await ElevatorRoutes.context(req)
        try ElevatorRoutes.requireReader(actor)
        var dashboard = ElevatorDashboardDTO(at: ChinaTimeFormat.string(now), total: 0, byStatus: [:], maintenanceOverdue: 0, inspectionDue: 0,
                                             inspectionExpired: 0, rescueBreaches: 0, accidentReportBreaches: 0, byUseUnit: [], byMaintenanceUnit: [])
        if ElevatorService.districtReaders.contains(actor.role) {
            dashboard = try await ElevatorDashboard.build(now: now, rules: rules, on: req.db)
        }
        let list = try await ElevatorRoutes.list(req)
        let overdue = try await ElevatorRoutes.maintenanceOverdue(req)
        let chart = BarChart(label: "各维保单位超期未维保电梯数 / overdue maintenance by maintenance unit",
                             values: dashboard.byMaintenanceUnit.map { ($0.unit, $0.maintenanceOverdue) })
        let statusChart = BarChart(label: "电梯状态 / elevators by status",
                                   values: ElevatorStatus.allCases.map { ($0.chinese, dashboard.byStatus[$0.rawValue] ?? 0) })
        return try await req.render("elevators", title: "电梯安全 / Elevators",
                                    DashboardPage(dashboard: dashboard, chart: chart, statusChart: statusChart, elevators: list.items,
                                                  overdue: overdue.items))
    }

    struct ArchivePage: Encodable {
        var archive: ElevatorArchiveDTO
        var mayDetermine: Bool
        var housings: [Option]
        var decision: UseUnitDecisionDTO?
        var missing: [String]
    }

    struct Option: Encodable {
        var value: String
        var label: String
    }

    static func archivePage(_ req: Request, decision: UseUnitDecisionDTO? = nil, error: String? = nil,
                            status: HTTPResponseStatus = .ok) async throws -> Response {
        let (actor, now, _, rules) = try await ElevatorRoutes.context(req)
        let row = try await ElevatorService.load(try req.idParameter(what: "电梯 / elevator"), visibleTo: actor, on: req.db)
        let archive = try await ElevatorRoutes.archive(row, now: now, rules: rules, on: req.db)
        let missing = (decision?.missing ?? []).compactMap { UseUnitFact(rawValue: $0)?.chinese }
        return try await req.render("elevator", title: "电梯档案 \(row.registrationCode)", ArchivePage(
            archive: archive, mayDetermine: ElevatorService.registrars.contains(actor.role),
            housings: HousingKind.allCases.map { Option(value: $0.rawValue, label: $0.chinese) }, decision: decision, missing: missing),
            error: error, notice: req.query[String.self, at: "saved"] != nil ? "已保存 / saved" : nil, status: status)
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        try await archivePage(req)
    }

    struct UseUnitForm: Content {
        var housing: String?
        var propertyServiceCompany: String?
        var projectOwnerUnit: String?
        /// One owner per line.
        var owners: String?
        var agreedUseUnit: String?
        var streetDesignatedOwner: String?
        var districtDesignatedUseUnit: String?
    }

    /// The guided form: the answers go through the same service as the API; the decision, with the
    /// rule applied or what is still missing, is shown on the archive page.
    @Sendable static func useUnit(_ req: Request) async throws -> Response {
        let (actor, now, _, _) = try await ElevatorRoutes.context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let form = try req.content.decode(UseUnitForm.self)
        let input = UseUnitInput(housing: form.housing, propertyServiceCompany: form.propertyServiceCompany, projectOwnerUnit: form.projectOwnerUnit,
                                 owners: (form.owners ?? "").split(whereSeparator: \.isNewline).map(String.init),
                                 agreedUseUnit: form.agreedUseUnit, streetDesignatedOwner: form.streetDesignatedOwner,
                                 districtDesignatedUseUnit: form.districtDesignatedUseUnit, useUnitId: nil)
        do {
            let decision = try await req.write { db in
                let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
                return try await ElevatorService.determineUseUnit(row, input: input, actor: actor, now: now, on: db)
            }
            return try await archivePage(req, decision: UseUnitDecisionDTO(decision))
        } catch let error as DubanError where error.status.code < 500 && error.status != .notFound {
            return try await archivePage(req, error: error.message + (error.field.map { "（\($0)）" } ?? ""), status: error.status)
        }
    }

    struct LabelPage: Encodable {
        var elevator: PublicElevatorDTO
        var url: String
        var qr: String
    }

    /// 电梯标识 — the printable A6 label: the QR code opening the public page, the rescue code, the
    /// maintenance unit's emergency phone.
    @Sendable static func label(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await ElevatorRoutes.context(req)
        let row = try await ElevatorService.load(try req.idParameter(what: "电梯 / elevator"), visibleTo: actor, on: req.db)
        let view = try await ElevatorPublic.view(row, now: now, rules: rules, on: req.db)
        let response = try await req.view.render("elevator-label", LabelPage(
            elevator: view, url: ElevatorPublic.publicURL(req, code: row.labelCode), qr: "/e/\(row.labelCode)/qr.svg")).encodeResponse(for: req)
        response.headers.replaceOrAdd(name: "Content-Security-Policy",
                                      value: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
        return response
    }
}
