import DubanCore
import Fluent
import Vapor

/// The public side of the elevator module: the label query (`GET /api/v1/public/elevators/{code}`,
/// page `/e/{code}`), the QR code of the label (`/e/{code}/qr.svg`), and the report form, which
/// registers a hotline case through the public hotline channel and its rate limits. Nothing private
/// is shown: no staff or certificate numbers, no owners, no phone but the maintenance unit's
/// 24-hour emergency phone (004 成府发〔2015〕29号 三(三)5).
enum ElevatorPublic {
    static let howToReport = "电梯困人请立即拨打维保单位24小时应急救援电话或96333，报出应急救援识别码；发现电梯故障或安全问题，可在本页填写反映，或拨打区长专线。"

    static func register(_ api: APIRoutes) {
        api.add(.GET, "public/elevators/{code}", summary: "电梯公示信息（扫码）/ an elevator's public label", tag: "Elevators",
                responses: [(200, "公示信息 / public label", Schema.ref("PublicElevator")), (404, "不存在 / not found", Schema.ref("Error"))],
                requiresAuth: false, pathSchemas: ["code": Schema.string(maxLength: 20)], use: label)
        api.add(.POST, "public/elevators/{code}/reports", summary: "市民反映电梯问题（转热线工单，限流）/ report a problem (a hotline case)",
                tag: "Elevators", body: Schema.ref("ElevatorReportInput"),
                responses: [(201, "已受理 / received", Schema.ref("PublicSubmissionResult")), (404, "不存在 / not found", Schema.ref("Error")),
                            (429, "过于频繁 / too many", Schema.ref("Error"))],
                requiresAuth: false, pathSchemas: ["code": Schema.string(maxLength: 20)], use: report)
    }

    static func find(_ code: String, on db: any Database) async throws -> ElevatorRow {
        let clean = code.uppercased()
        guard (1...20).contains(clean.count), clean.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let row = try await ElevatorRow.query(on: db).filter(\.$labelCode == clean).first() else {
            throw DubanError.notFound("电梯 / elevator")
        }
        return row
    }

    static func view(_ row: ElevatorRow, now: Date, rules: ElevatorRules, on db: any Database) async throws -> PublicElevatorDTO {
        let unit = try await Unit.find(row.maintenanceUnitID, on: db)
        let maintainer = try await ElevatorMaintainerRow.find(row.maintenanceUnitID, on: db)
        let inspection = try await ElevatorInspectionRow.query(on: db).filter(\.$elevatorID == (try row.requireID()))
            .sort(\.$inspectedOn, .descending).sort(\.$createdAt, .descending).first()
        let maintenance = try row.lastMaintenanceAt.map { last in
            try ElevatorService.core { try rules.maintenance(lastMaintenanceAt: last, now: now) }.status
        }
        let expired = row.validUntil.map { rules.isInspectionExpired(validUntil: $0, now: now) } ?? false
        let stopped = row.statusValue == .stopped && row.stopNoticeAt != nil
        return PublicElevatorDTO(
            labelCode: row.labelCode, registrationCode: row.registrationCode, rescueCode: row.rescueCode, location: ElevatorService.location(row),
            useUnit: row.useUnitName, maintenanceUnit: unit?.name ?? "", emergencyPhone: maintainer?.emergencyPhone, status: row.status,
            statusText: ElevatorPhase(status: row.statusValue, sealStage: row.sealStage.flatMap(SealStage.init)).chinese,
            stopReason: stopped ? row.stopReason : nil, expectedRepairAt: stopped ? row.expectedRepairAt.map(ChinaTimeFormat.string) : nil,
            lastMaintenanceOn: row.lastMaintenanceAt.flatMap { LocalDate(chinaTimeOf: $0)?.description },
            maintenanceStatus: maintenance?.rawValue, maintenanceStatusText: maintenance?.chinese,
            inspectionBody: inspection?.body, inspectionDate: inspection?.inspectedOn, inspector: inspection?.inspector,
            inspectionConclusion: inspection.map { InspectionConclusion(rawValue: $0.conclusion)?.chinese ?? $0.conclusion },
            inspectionValidUntil: row.inspectionValidUntil, inspectionExpired: expired, howToReport: howToReport)
    }

    @Sendable static func label(_ req: Request) async throws -> PublicElevatorDTO {
        let row = try await find(req.parameters.get("code") ?? "", on: req.db)
        let now = req.application.clock()
        return try await view(row, now: now, rules: try await ElevatorService.rules(calculator: req.application.calendarStore.calculator, on: req.db),
                              on: req.db)
    }

    /// A citizen's report about the elevator: a hotline case naming the car (location, registration
    /// and rescue codes), under the public channel's limits (SPEC M4).
    static func submit(_ input: ElevatorReportInput, code: String, req: Request) async throws -> HotlineCase {
        let row = try await find(code, on: req.db)
        let phone = try Check.text(input.phone, "phone", max: 30)
        guard phone.filter(\.isNumber).count >= 7 else { throw DubanError.invalid("phone", "请填写可联系的电话 / give a phone number we can call") }
        let what = try Check.text(input.whatHappened, "whatHappened", max: 3800)
        let text = "电梯问题（注册代码\(row.registrationCode)，应急救援识别码\(row.rescueCode)）：\(what)"
        let category = try await PublicHotlineRoutes.category(nil, text: "电梯 特种设备 " + what, on: req.db)
        let intake = HotlineIntakeInput(type: HotlineCaseType.complaint.rawValue, callerName: input.name, callerPhone: phone, area: nil,
                                        confidential: false, receivedAt: nil, place: ElevatorService.location(row), whatHappened: text,
                                        demand: nil, categoryCode: category)
        return try await PublicHotlineRoutes.submitCase(intake, channel: "web", ip: req.remoteAddress?.ipAddress ?? "unknown", phone: phone, req: req)
    }

    @Sendable static func report(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(ElevatorReportInput.self)
        let hotline = try await submit(input, code: req.parameters.get("code") ?? "", req: req)
        return try await PublicSubmissionResult(
            trackingCode: hotline.trackingCode,
            message: "已受理，请记下受理编号，凭编号和手机后四位查询进度 / received; keep the tracking code").encodeResponse(status: .created, for: req)
    }

    // MARK: Pages

    /// The address the label's QR code opens: `DUBAN_PUBLIC_URL` (the site's public address) or,
    /// without it, the host the request came to.
    static func publicURL(_ req: Request, code: String) -> String {
        let base = Environment.get("DUBAN_PUBLIC_URL").flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://" + (req.headers.first(name: .host) ?? "localhost:\(req.application.http.server.configuration.port)")
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/e/" + code
    }

    struct PublicPage: Encodable {
        var elevator: PublicElevatorDTO
        var trackingCode: String?
    }

    static func registerPages(_ app: Application) {
        app.get("e", ":code", use: publicPage)
        app.post("e", ":code", "report", use: publicReport)
        app.get("e", ":code", "qr.svg", use: qrCode)
    }

    @Sendable static func publicPage(_ req: Request) async throws -> Response {
        let dto = try await label(req)
        return try await req.render("elevator-public", title: "电梯公示信息 \(dto.registrationCode)",
                                    PublicPage(elevator: dto, trackingCode: req.query[String.self, at: "code"].map { String($0.prefix(40)) }))
    }

    struct ReportForm: Content {
        var phone: String?
        var whatHappened: String?
        var name: String?
    }

    @Sendable static func publicReport(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        let code = req.parameters.get("code") ?? ""
        do {
            let hotline = try await submit(ElevatorReportInput(phone: form.phone ?? "", whatHappened: form.whatHappened ?? "", name: form.name),
                                           code: code, req: req)
            return req.redirect(to: "/e/\(code)?code=\(hotline.trackingCode)")
        } catch let error as DubanError where error.status.code < 500 && error.status != .notFound {
            let dto = try await label(req)
            return try await req.render("elevator-public", title: "电梯公示信息 \(dto.registrationCode)", PublicPage(elevator: dto, trackingCode: nil),
                                        error: error.message, status: error.status)
        }
    }

    /// The label's QR code (core `QRCode`, drawn as SVG in-process), encoding the public page's URL.
    @Sendable static func qrCode(_ req: Request) async throws -> Response {
        let row = try await find(req.parameters.get("code") ?? "", on: req.db)
        let url = publicURL(req, code: row.labelCode)
        let code: QRCode
        do { code = try QRCode.encode(url, errorCorrection: .medium) } catch {
            throw DubanError.invalid("code", "无法生成二维码 / could not encode the QR code")
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'")
        return Response(status: .ok, headers: headers, body: .init(string: code.svg(moduleSize: 6, quietZone: 4)))
    }
}
