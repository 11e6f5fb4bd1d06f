import DubanCore
import Fluent
import Vapor

/// The hotline assessment's pages: a period's ranking with a bar chart of totals and the export, and
/// one unit's item-by-item deductions (each linked to its case) with the assessor's entry form.
enum AssessmentPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("assessments", "hotline", use: ranking)
        pages.get("assessments", "hotline", "units", ":unitId", use: unit)
        pages.post("assessments", "hotline", "units", ":unitId", roles: Roles.supervision, use: saveEntry)
    }

    struct PeriodLinks: Encodable {
        var period: String
        var label: String
        var previous: String
        var next: String
        var query: String
    }

    static func periodLinks(_ period: AssessmentPeriod) -> PeriodLinks {
        let label = "\(period.firstDay.year)年\(period.firstDay.month)–\(period.lastDay.month)月"
        return PeriodLinks(period: period.description, label: label,
                           previous: HotlineAssessments.shifted(period, by: -2).description,
                           next: HotlineAssessments.shifted(period, by: 2).description,
                           query: period.description.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    /// The period of `?period=`, or the bi-monthly period of today.
    static func period(_ req: Request) throws -> AssessmentPeriod {
        if let text = req.query[String.self, at: "period"], !text.isEmpty { return try AssessmentRoutes.period(req) }
        guard let today = LocalDate(chinaTimeOf: Date()) else { throw DubanError.invalid("period", "日期无效 / invalid date") }
        return HotlineAssessments.period(containing: today)
    }

    struct Row: Encodable {
        var rank: Int
        var unit: String
        var unitId: String?
        var items: [String]
        var base: String
        var bonus: String
        var penalty: String
        var total: String
        var cases: Int
        var last: Bool
    }

    struct RankingPage: Encodable {
        var period: PeriodLinks
        var items: [String]
        var rows: [Row]
        var hasRows: Bool
        var chart: BarChart
    }

    @Sendable static func ranking(_ req: Request) async throws -> Response {
        try req.requireRole(AssessmentRoutes.readers)
        let period = try period(req)
        let result = try await HotlineAssessments.result(for: period, on: req.db, calculator: req.application.calendarStore.calculator)
        let links = periodLinks(period)
        let lastRank = result.assessment.units.map(\.rank).max() ?? 0
        let rows = result.assessment.units.map { unit in
            Row(rank: unit.rank, unit: unit.unit, unitId: result.units[unit.unit]?.uuidString,
                items: HotlineItem.allCases.map { unit.items[$0].description }, base: unit.base.description,
                bonus: unit.bonus.description, penalty: unit.penalty.description, total: unit.total.description,
                cases: unit.cases, last: result.assessment.units.count > 1 && unit.rank == lastRank)
        }
        let chart = BarChart(
            label: "\(links.label)热线考评总分排名 / total scores", rows: result.assessment.units.map { unit in
                (label: "\(unit.rank). \(unit.unit)", value: unit.total.doubleValue, display: unit.total.description,
                 href: result.units[unit.unit].map { "/assessments/hotline/units/\($0.uuidString)?period=\(links.query)" })
            }, maximum: 105)
        let page = RankingPage(period: links, items: HotlineItem.allCases.map { "(\($0.rawValue)) \($0.chineseName) \($0.maximum)" },
                               rows: rows, hasRows: !rows.isEmpty, chart: chart)
        return try await req.render("assessment", title: "热线考评 \(links.label)", page)
    }

    struct ItemRow: Encodable {
        var code: String
        var name: String
        var maximum: String
        var score: String
        var deductions: [DeductionRow]
    }

    struct DeductionRow: Encodable {
        var reason: String
        var points: String
        var caseCode: String?
        var itemId: String?
    }

    struct EntryField: Encodable {
        var index: Int
        var name: String
        var maximum: String
        var value: String
    }

    struct UnitPage: Encodable {
        var period: PeriodLinks
        var unit: String
        var unitId: String
        var scored: Bool
        var rank: Int
        var total: String
        var base: String
        var bonus: String
        var penalty: String
        var cases: Int
        var satisfaction: String
        var items: [ItemRow]
        var canEnter: Bool
        var organisation: [EntryField]
        var cityDeductions: String
        var bonusCases: Int
        var disciplineReferrals: Int
        var note: String
        var enteredBy: String?
        var enteredAt: String?
    }

    @Sendable static func unit(_ req: Request) async throws -> Response {
        try await unitPage(req, error: nil, status: .ok)
    }

    static func unitPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let unitID = try req.idParameter("unitId", what: "单位 / unit")
        guard AssessmentRoutes.readers.contains(actor.role) || (actor.role == .unitOperator && actor.unitID == unitID) else {
            throw DubanError.forbidden
        }
        guard let unit = try await Unit.find(unitID, on: req.db) else { throw DubanError.notFound("单位 / unit") }
        let period = try period(req)
        let calculator = req.application.calendarStore.calculator
        let result = try await HotlineAssessments.result(for: period, on: req.db, calculator: calculator)
        let score = result.assessment.score(of: unit.name)
        let entry = try await AssessmentEntry.query(on: req.db).filter(\.$period == period.description).filter(\.$unitID == unitID).first()
        let items = HotlineItem.allCases.map { item in
            ItemRow(code: item.rawValue, name: item.chineseName, maximum: item.maximum.description,
                    score: (score?.items[item] ?? item.maximum).description,
                    deductions: (score?.deductions(for: item) ?? []).map { d in
                        DeductionRow(reason: d.reason.chineseName, points: d.points == .zero ? "—" : "−\(d.points)",
                                     caseCode: d.caseID, itemId: d.caseID.flatMap { result.items[$0]?.uuidString })
                    })
        }
        let stored = entry?.organisationPoints ?? []
        let tally = score?.satisfactionTally
        let page = UnitPage(
            period: periodLinks(period), unit: unit.name, unitId: unitID.uuidString, scored: score != nil, rank: score?.rank ?? 0,
            total: score?.total.description ?? "—", base: score?.base.description ?? "—", bonus: score?.bonus.description ?? "0",
            penalty: score?.penalty.description ?? "0", cases: score?.cases ?? 0,
            satisfaction: tally.map { t in t.ratePercent.map { "\($0)%（\(t.satisfied)/\(t.eligible)）" } ?? "—" } ?? "—", items: items,
            canEnter: actor.role == .admin || actor.role == .supervisor,
            organisation: OrganisationItem.allCases.map { item in
                EntryField(index: item.rawValue - 1, name: item.chinese, maximum: item.maximum.description,
                           value: stored.count == 6 ? stored[item.rawValue - 1].description : "0")
            },
            cityDeductions: entry.map { ScorePoints(tenThousandths: $0.cityDeductions).description } ?? "0",
            bonusCases: entry?.bonusCases ?? 0, disciplineReferrals: entry?.disciplineReferrals ?? 0, note: entry?.note ?? "",
            enteredBy: entry?.enteredBy, enteredAt: entry.map { ChinaTimeFormat.string($0.enteredAt) })
        return try await req.render("assessment-unit", title: "\(unit.name) 热线考评", page, error: error,
                                    notice: req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil,
                                    status: status)
    }

    struct EntryForm: Content {
        var org0: String?
        var org1: String?
        var org2: String?
        var org3: String?
        var org4: String?
        var org5: String?
        var cityDeductions: String?
        var bonusCases: String?
        var disciplineReferrals: String?
        var note: String?
    }

    @Sendable static func saveEntry(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EntryForm.self)
        let unitID = try req.idParameter("unitId", what: "单位 / unit")
        let period = try period(req)
        let back = "/assessments/hotline/units/\(unitID.uuidString)?period=\(periodLinks(period).query)"
        return try await req.formAction(back: back, rerender: { try await unitPage($0, error: $1, status: $2) }) {
            let actor = try req.requireRole(.admin, .supervisor)
            func number(_ text: String?, _ field: String) throws -> Double {
                let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return 0 }
                guard let value = Double(trimmed) else { throw DubanError.invalid(field, "应为数字 / must be a number") }
                return value
            }
            func count(_ text: String?, _ field: String) throws -> Int {
                let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return 0 }
                guard let value = Int(trimmed) else { throw DubanError.invalid(field, "应为整数 / must be a whole number") }
                return value
            }
            let organisation = try [form.org0, form.org1, form.org2, form.org3, form.org4, form.org5].enumerated()
                .map { try number($0.element, "organisation[\($0.offset)]") }
            let input = AssessmentEntryInput(
                organisation: organisation, cityDeductions: try number(form.cityDeductions, "cityDeductions"),
                bonusCases: try count(form.bonusCases, "bonusCases"), disciplineReferrals: try count(form.disciplineReferrals, "disciplineReferrals"),
                note: form.note)
            _ = try await req.write { db in
                guard let unit = try await Unit.find(unitID, on: db) else { throw DubanError.notFound("单位 / unit") }
                return try await HotlineAssessments.save(input, period: period, unit: unit, actor: actor, now: Date(), on: db)
            }
        }
    }
}
