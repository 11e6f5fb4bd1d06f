import DubanCore
import Fluent
import Vapor

/// The public side of the hotline: the web form (`POST /api/v1/public/hotline`), the status page by
/// tracking code and the phone's last four digits, and Open311 GeoReport v2 under `/open311/v2`.
/// Nothing here shows who called, or a confidential case's account.
enum PublicHotlineRoutes {
    static func register(_ api: APIRoutes) {
        api.add(.POST, "public/hotline", summary: "市民在线反映（限流）/ submit a complaint (rate limited)", tag: "Hotline",
                body: Schema.ref("PublicSubmission"),
                responses: [(201, "已受理 / received", Schema.ref("PublicSubmissionResult")), (429, "过于频繁 / too many", Schema.ref("Error"))],
                requiresAuth: false, use: submit)
        api.add(.GET, "public/hotline/{code}", summary: "按受理编号和手机尾号查询进度 / status by tracking code", tag: "Hotline",
                query: [.init(name: "phone4", schema: Schema.string(maxLength: 4, minLength: 4), required: true, description: "来电号码后四位 / last 4 digits")],
                responses: [(200, "进度 / status", Schema.ref("PublicCase")), (404, "不存在 / not found", Schema.ref("Error"))],
                requiresAuth: false, pathSchemas: ["code": Schema.string(maxLength: 40)], use: status)
        Open311Routes.register(api.app)
    }

    /// The hotline desk that public and Open311 cases are registered by: the unit of a dispatcher.
    static func desk(on db: any Database) async throws -> Actor {
        guard let user = try await User.query(on: db).filter(\.$role == Role.dispatcher.rawValue).sort(\.$username).first() else {
            throw DubanError(.serviceUnavailable, code: "no_hotline_desk", message: "热线尚未设置派单员 / no dispatcher is set up")
        }
        return Actor(userID: try user.requireID(), username: "public", displayName: "市民", role: .dispatcher, unitID: user.$unit.id,
                     unitName: "", unitPath: UnitPath(ids: []), viaSession: false)
    }

    /// Registers a citizen's case after the anti-abuse limits (per IP per hour, per phone per day).
    static func submitCase(_ input: HotlineIntakeInput, channel: String, ip: String, phone: String, req: Request) async throws -> HotlineCase {
        let now = Date()
        let key = HotlineService.submitterKey(ip)
        let limits = HotlineService.configuration.submissionLimits
        let phoneKey = RepeatComplaintKeys.phoneKey(phone, localAreaCode: HotlineService.configuration.localAreaCode)
        let calculator = req.application.calendarStore.calculator
        return try await req.write { db in
            let byIP = try await HotlineCase.query(on: db).filter(\.$submitterKey == key)
                .filter(\.$receivedAt >= now.addingTimeInterval(-Double(limits.perIP.windowSeconds))).all(\.$receivedAt)
            var byPhone: [Date] = []
            if let phoneKey {
                byPhone = try await HotlineCase.query(on: db).filter(\.$phoneKey == phoneKey).filter(\.$submitterKey != nil)
                    .filter(\.$receivedAt >= now.addingTimeInterval(-Double(limits.perPhone.windowSeconds))).all(\.$receivedAt)
            }
            guard SubmissionLimiter.decide(now: now, recentForIP: byIP, recentForPhone: byPhone, limits: limits).isAllowed else {
                throw DubanError(.tooManyRequests, code: "rate_limited", message: "提交过于频繁，请稍后再试或拨打热线 / too many submissions; try later")
            }
            let actor = try await desk(on: db)
            return try await HotlineService.intake(input, channel: channel, actor: actor, submitterKey: key, now: now,
                                                   calculator: calculator, on: db).0
        }
    }

    /// A category for what a citizen wrote: the one they chose, else the best suggestion, else 其他.
    static func category(_ chosen: String?, text: String, on db: any Database) async throws -> String {
        let categories = try await HotlineService.categories(on: db).filter { $0.active && !$0.majorEvent }
        if let chosen, categories.contains(where: { $0.code == chosen }) { return chosen }
        return CategorySuggester.suggest(text: text, categories: categories, limit: 1).first?.category.code ?? "other"
    }

    @Sendable static func submit(_ req: Request) async throws -> Response {
        let input = try req.decodeJSON(PublicSubmissionInput.self)
        let phone = try Check.text(input.phone, "phone", max: 30)
        guard phone.filter(\.isNumber).count >= 7 else { throw DubanError.invalid("phone", "请填写可联系的电话 / give a phone number we can call") }
        let what = try Check.text(input.whatHappened, "whatHappened", max: 4000)
        let type = try input.type.map { try Check.enumeration($0, "type", as: HotlineCaseType.self) } ?? .complaint
        let code = try await category(input.categoryCode, text: what + (input.demand ?? ""), on: req.db)
        let intake = HotlineIntakeInput(type: type.rawValue, callerName: input.name, callerPhone: phone, area: nil,
                                        confidential: input.confidential, receivedAt: nil, place: input.place, whatHappened: what,
                                        demand: input.demand, categoryCode: code)
        let hotline = try await submitCase(intake, channel: "web", ip: req.remoteAddress?.ipAddress ?? "unknown", phone: phone, req: req)
        return try await PublicSubmissionResult(
            trackingCode: hotline.trackingCode,
            message: "已受理，请记下受理编号，凭编号和手机后四位查询进度 / received; keep the tracking code").encodeResponse(status: .created, for: req)
    }

    /// The public progress of a case, as the Open311 status mapping words it.
    static func progress(_ hotline: HotlineCase, _ facts: ItemFacts) -> Open311CaseProgress {
        switch facts.state {
        case .registered: return .received
        case .assigned: return .dispatched
        case .signedFor: return .signedFor
        case .inProgress: return hotline.evaluation == "reasonable" ? .reopened : .inProgress
        case .returned: return .returnedForReassignment
        case .submitted, .verified: return .replied
        case .cancelled: return .closedOutOfScope
        case .closed:
            switch hotline.resolution {
            case "out_of_scope": return .closedOutOfScope
            case "unreasonable": return .closedUnreasonable
            default: return .closedResolved
            }
        }
    }

    @Sendable static func status(_ req: Request) async throws -> PublicCaseDTO {
        let code = req.parameters.get("code") ?? ""
        let last4 = req.query[String.self, at: "phone4"] ?? ""
        // One answer for an unknown code and a wrong phone: nothing to learn by guessing.
        let notFound = DubanError.notFound("工单 / case")
        guard let tracking = try? TrackingCode(validating: code),
              let hotline = try await HotlineCase.query(on: req.db).filter(\.$trackingCode == tracking.description).first(),
              PublicStatusCheck.matches(phoneLast4: last4, phone: hotline.callerPhone ?? ""),
              let item = try await LedgerItem.find(hotline.id, on: req.db) else { throw notFound }
        let facts = try LedgerService.facts(of: item)
        let progress = progress(hotline, facts)
        let mapping = Open311StatusMapping.standard
        let categories = try await HotlineService.categories(on: req.db)
        return PublicCaseDTO(
            trackingCode: hotline.trackingCode, type: (HotlineCaseType(rawValue: hotline.caseType) ?? .other).chinese,
            category: categories.first { $0.code == hotline.categoryCode }?.name ?? hotline.categoryCode,
            status: mapping.status(for: progress).rawValue, statusText: mapping.statusNotes(for: progress),
            receivedOn: LocalDate(chinaTimeOf: hotline.receivedAt)?.description ?? "",
            closedOn: facts.closedAt.flatMap { LocalDate(chinaTimeOf: $0)?.description },
            dueAt: facts.state.isOpen ? facts.deadline.map(ChinaTimeFormat.string) : nil)
    }
}
