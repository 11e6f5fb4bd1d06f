import DubanCore
import Fluent
import Vapor

/// Task supervision by quarter (001) and 议提案 handling against its targets (001 阳政办(2018)4号).
enum SupervisionPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("assessments", "tasks", use: tasks)
        pages.get("proposals", use: proposals)
        pages.post("proposals", roles: Roles.supervision, use: createProposal)
        pages.post("proposals", ":id", ":step", use: proposalStep)
    }

    struct TaskRow: Encodable {
        var rank: String
        var unit: String
        var due: Int
        var onTime: Int
        var late: Int
        var overdue: Int
        var rate: String
        var yellow: Int
        var red: Int
    }

    struct TasksPage: Encodable {
        var period: String
        var label: String
        var previous: String
        var next: String
        var rows: [TaskRow]
        var hasRows: Bool
        var chart: BarChart
    }

    /// The calendar quarter of `day`, or the one `?period=` names.
    static func quarter(_ req: Request) throws -> AssessmentPeriod {
        if let text = req.query[String.self, at: "period"], !text.isEmpty { return try AssessmentRoutes.period(req) }
        let today = LocalDate(chinaTimeOf: Date()) ?? LocalDate(year: 2026, month: 1, day: 1)!
        let first = (today.month - 1) / 3 * 3 + 1
        return try AssessmentPeriod(firstYear: today.year, firstMonth: first, lastYear: today.year, lastMonth: first + 2)
    }

    static func shifted(_ period: AssessmentPeriod, by months: Int) -> String {
        let first = period.firstDay.year * 12 + period.firstDay.month - 1 + months
        let last = period.lastDay.year * 12 + period.lastDay.month - 1 + months
        return String(format: "%04d-%02d/%04d-%02d", first / 12, first % 12 + 1, last / 12, last % 12 + 1)
    }

    @Sendable static func tasks(_ req: Request) async throws -> Response {
        try req.requireRole(AssessmentRoutes.readers)
        let period = try quarter(req)
        let report = try await Supervision.taskReport(period: period, now: Date(), on: req.db)
        let rows = report.units.map { unit in
            TaskRow(rank: unit.rank.map(String.init) ?? "—", unit: unit.unit, due: unit.tasksDue, onTime: unit.closedOnTime,
                    late: unit.closedLate, overdue: unit.openOverdue, rate: unit.onTimeRate?.description ?? "—",
                    yellow: unit.yellowCards, red: unit.redCards)
        }
        let chart = BarChart(label: "按期完成率 / on-time rate", rows: report.units.compactMap { unit in
            guard let rate = unit.onTimeRate, rate.denominator > 0 else { return nil }
            return (label: "\(unit.rank ?? 0). \(unit.unit)", value: Double(rate.numerator) * 100 / Double(rate.denominator),
                    display: rate.percentText, href: nil)
        }, maximum: 100)
        let months = period.months
        let page = TasksPage(period: period.description, label: "\(period.firstDay.year)年\(period.firstDay.month)–\(period.lastDay.month)月",
                             previous: shifted(period, by: -months), next: shifted(period, by: months), rows: rows,
                             hasRows: !rows.isEmpty, chart: chart)
        return try await req.render("assessment-tasks", title: "目标任务督查", page)
    }

    struct ProposalsPage: Encodable {
        struct Target: Encodable {
            var name: String
            var actual: String
            var target: String
            var met: String
        }

        struct UnitLine: Encodable {
            var unit: String
            var assigned: Int
            var reply: String
            var meeting: String
            var satisfaction: String
        }

        var year: Int
        var previousYear: Int
        var nextYear: Int
        var targets: [Target]
        var units: [UnitLine]
        var rows: [ProposalDTO]
        var hasRows: Bool
        var overdue: [String]
        var isSupervisor: Bool
        var unitID: String
        var kinds: [WebRoutes.Option]
        var ratings: [WebRoutes.Option]
        var today: String
    }

    @Sendable static func proposals(_ req: Request) async throws -> Response {
        try await proposalsPage(req, error: nil, status: .ok)
    }

    static func proposalsPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let year = try ProposalService.year(req)
        let now = Date()
        let rows = try await ProposalService.rows(year: year, actor: actor, on: req.db)
        let names = try await ProposalService.names(rows, on: req.db)
        let dtos = try rows.map { try ProposalService.dto($0, names: names, now: now) }
        let report = try ProposalSupervision.summary(proposals: try rows.map { try ProposalService.facts($0, names: names) }, at: now)
        func check(_ name: String, _ c: TargetCheck, _ sign: String) -> ProposalsPage.Target {
            .init(name: name, actual: c.rate?.description ?? "—", target: "\(sign)\(c.targetPercent)%",
                  met: c.met.map { $0 ? "达标" : "未达标" } ?? "—")
        }
        let o = report.overall
        let page = ProposalsPage(
            year: year, previousYear: year - 1, nextYear: year + 1,
            targets: [check("办复率", o.replyRate, ""), check("见面率", o.meetingRate, ""), check("满意率", o.satisfactionRate, "≥")],
            units: report.units.map { .init(unit: $0.unit, assigned: $0.assigned, reply: $0.replyRate.rate?.description ?? "—",
                                            meeting: $0.meetingRate.rate?.description ?? "—",
                                            satisfaction: $0.satisfactionRate.rate?.description ?? "—") },
            rows: dtos, hasRows: !dtos.isEmpty, overdue: report.overdue.map { "\($0.id)（\($0.hostUnit)）" },
            isSupervisor: actor.role == .admin || actor.role == .supervisor, unitID: actor.unitID.uuidString,
            kinds: ProposalKind.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: false) },
            ratings: ProposalSatisfaction.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: false) },
            today: LocalDate(chinaTimeOf: now)?.description ?? "")
        return try await req.render("proposals", title: "议提案办理", page, error: error,
                                    notice: req.query[String.self, at: "saved"] != nil ? "已保存" : nil, status: status)
    }

    struct ProposalForm: Content {
        var number: String?
        var kind: String?
        var title: String?
        var proposer: String?
        var host: String?
        var coUnits: String?
        var assignedOn: String?
    }

    @Sendable static func createProposal(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ProposalForm.self)
        return try await req.formAction(back: "/proposals", rerender: { try await proposalsPage($0, error: $1, status: $2) }) {
            let host = try await RosterPages.unitID(named: form.host, field: "hostUnitId", on: req.db)
            var co: [String] = []
            for name in (form.coUnits ?? "").split(whereSeparator: { "、,，".contains($0) }) {
                if let id = try await RosterPages.unitID(named: String(name), field: "coUnitIds", on: req.db) { co.append(id.uuidString) }
            }
            let input = ProposalInput(number: form.number, kind: form.kind, title: form.title, proposer: form.proposer,
                                      hostUnitId: host?.uuidString, coUnitIds: co, assignedOn: form.assignedOn)
            try await ProposalService.create(input, actor: try req.requireRole(.admin, .supervisor), req: req)
        }
    }

    struct StepForm: Content {
        var at: String?
        var summary: String?
        var satisfaction: String?
    }

    @Sendable static func proposalStep(_ req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        let step = req.parameters.get("step") ?? ""
        return try await req.formAction(back: "/proposals", rerender: { try await proposalsPage($0, error: $1, status: $2) }) {
            guard ["reply", "meeting", "rating"].contains(step) else { throw DubanError.notFound("操作 / step") }
            _ = try await ProposalService.step(req, step, input: ProposalStepInput(at: form.at, summary: form.summary, satisfaction: form.satisfaction))
        }
    }
}
