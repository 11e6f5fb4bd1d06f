import DubanCore
import Fluent
import Vapor

/// `/calendar`: the working calendar for everyone (holidays, 调休 days, a deadline calculator) and, for
/// admins, the forms that correct a year and set working hours — no release needed.
enum CalendarPages {
    static func register(_ pages: any RoutesBuilder) {
        pages.get("calendar", use: page)
        pages.post("calendar", "years", ":year", roles: Roles.admin, use: saveYear)
        pages.post("calendar", "years", ":year", "revert", roles: Roles.admin, use: revertYear)
        pages.post("calendar", "working-hours", roles: Roles.admin, use: saveWorkingHours)
        pages.post("calendar", "warning-lead", roles: Roles.admin, use: saveWarningLead)
    }

    struct YearRow: Encodable {
        var year: Int
        var source: String
        var selected: Bool
    }

    struct CalendarPage: Encodable {
        var years: [YearRow]
        var year: Int
        var yearSource: String
        var holidays: [NamedDayDTO]
        var workdays: [NamedDayDTO]
        var holidaysText: String
        var workdaysText: String
        var workingHours: String
        var warningLeadHours: String
        var warningLeadIsDefault: Bool
        var isAdmin: Bool
        var units: [WebRoutes.Option]
        var start: String
        var amount: String
        var result: DeadlineDTO?
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        try await render(req, error: nil, notice: nil)
    }

    static func render(_ req: Request, error: String?, notice: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let lang = Language.of(req)
        let t = Strings.table(lang)
        let actor = try req.requireActor()
        let calculator = req.application.calendarStore.calculator
        let overridden = Set(try await CalendarYearOverride.query(on: req.db).all().compactMap(\.id))
        let known = calculator.calendar.knownYears
        let chinaNow = LocalDate(chinaTimeOf: Date())?.year ?? 2026
        let year = req.query[Int.self, at: "year"].flatMap { (2000...2100).contains($0) ? $0 : nil } ?? chinaNow
        let data = calculator.calendar.data(for: year)
        let dto = data.map { CalendarYearDTO($0, source: overridden.contains(year) ? "admin" : "shipped") }
        var result: DeadlineDTO?
        var failure = error
        let start = req.query[String.self, at: "start"] ?? ""
        let amount = req.query[String.self, at: "amount"] ?? ""
        let unit = req.query[String.self, at: "unit"] ?? DeadlineUnit.workingDays.rawValue
        if !start.isEmpty {
            do {
                result = try await CalendarRoutes.deadline(req)
            } catch let problem as DubanError {
                failure = problem.message
            }
        }
        func lines(_ days: [NamedDayDTO]) -> String { days.map { "\($0.date) \($0.name)" }.joined(separator: "\n") }
        let content = CalendarPage(
            years: (Set(known).union([year])).sorted(by: >).map {
                YearRow(year: $0, source: overridden.contains($0) ? (t["sourceAdmin"] ?? "") : (t["sourceShipped"] ?? ""),
                        selected: $0 == year)
            },
            year: year,
            yearSource: dto == nil ? (t["noData"] ?? "") : (dto?.source == "admin" ? (t["sourceAdmin"] ?? "") : (t["sourceShipped"] ?? "")),
            holidays: dto?.holidays ?? [], workdays: dto?.workdays ?? [],
            holidaysText: lines(dto?.holidays ?? []), workdaysText: lines(dto?.workdays ?? []),
            workingHours: calculator.workingHours.periods.map(\.description).joined(separator: ", "),
            warningLeadHours: String(format: "%g", try await DeadlineWatches.leadSeconds(on: req.db) / 3600),
            warningLeadIsDefault: try await Setting.find(DeadlineWatches.leadSettingKey, on: req.db) == nil,
            isAdmin: actor.role == .admin,
            units: DeadlineUnit.allCases.map {
                WebRoutes.Option(value: $0.rawValue, label: lang == .zh ? $0.chineseQuantity(1).replacingOccurrences(of: "1", with: "")
                                 : $0.rawValue, selected: $0.rawValue == unit)
            },
            start: start, amount: amount, result: result)
        return try await req.render("calendar", title: t["calendar"] ?? "", content, error: failure, notice: notice, status: status)
    }

    struct YearForm: Content {
        var holidays: String?
        var workdays: String?
    }

    /// "2027-01-01 元旦" per line.
    static func parse(_ text: String?) -> [NamedDayDTO] {
        (text ?? "").split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" || $0 == "　" })
            guard let date = parts.first else { return nil }
            return NamedDayDTO(date: String(date), name: parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "")
        }
    }

    /// Re-renders the page with a form's error.
    static func rerender(_ req: Request, _ message: String, _ status: HTTPResponseStatus) async throws -> Response {
        try await render(req, error: message, notice: nil, status: status)
    }

    @Sendable static func saveYear(_ req: Request) async throws -> Response {
        let form = try req.content.decode(YearForm.self)
        let input = CalendarYearInput(holidays: parse(form.holidays), workdays: parse(form.workdays))
        let year = try CalendarRoutes.yearParameter(req)
        return try await req.formAction(back: "/calendar?year=\(year)", rerender: rerender) {
            try await CalendarRoutes.saveYear(req, year: year, input: input)
        }
    }

    @Sendable static func revertYear(_ req: Request) async throws -> Response {
        let year = try CalendarRoutes.yearParameter(req)
        do {
            _ = try await CalendarRoutes.deleteYear(req)
        } catch let error as DubanError where error.status == .notFound {
            return req.redirect(to: "/calendar?year=\(year)")
        }
        return req.redirect(to: "/calendar?year=\(year)&saved=1")
    }

    struct HoursForm: Content {
        var periods: String?
    }

    @Sendable static func saveWorkingHours(_ req: Request) async throws -> Response {
        let form = try req.content.decode(HoursForm.self)
        let periods = (form.periods ?? "").split(whereSeparator: { $0 == "," || $0 == "，" || $0.isNewline }).map { part in
            let ends = part.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "~" }).map { $0.trimmingCharacters(in: .whitespaces) }
            return WorkingHoursDTO.Period(start: ends.first ?? "", end: ends.count > 1 ? ends[1] : "")
        }
        return try await req.formAction(back: "/calendar", rerender: rerender) {
            try await CalendarRoutes.saveWorkingHours(req, WorkingHoursDTO(periods: periods))
        }
    }

    struct LeadForm: Content {
        var hours: String?
    }

    @Sendable static func saveWarningLead(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LeadForm.self)
        return try await req.formAction(back: "/calendar", rerender: rerender) {
            guard let hours = Double(form.hours ?? ""), hours.isFinite, hours >= 0, hours < 1e6 else {
                throw DubanError.invalid("hours", "请填写小时数 / hours must be a number")
            }
            try await CalendarRoutes.saveWarningLead(req, minutes: Int((hours * 60).rounded()))
        }
    }
}
