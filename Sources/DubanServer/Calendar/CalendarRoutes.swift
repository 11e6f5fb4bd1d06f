import DubanCore
import Fluent
import Vapor

/// `/api/v1/calendar`: deadline arithmetic and day look-up (public, SPEC §3), and the admin's
/// corrections of holidays and working hours.
enum CalendarRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Calendar"
        let error = Schema.ref("Error")
        api.add(.GET, "calendar/deadline", summary: "计算期限 / compute a deadline (SPEC A1)", tag: tag,
                query: [.init(name: "start", schema: Schema.string(maxLength: 40), required: true,
                              description: "起算时间 ISO 8601；无时区按北京时间 / start, ISO 8601 (no offset: China time)"),
                        .init(name: "amount", schema: Schema.integer(minimum: 1), required: true, description: "数量 / amount"),
                        .init(name: "unit", schema: Schema.enumeration(DeadlineUnit.allCases.map(\.rawValue)), required: true,
                              description: "单位 / unit")],
                responses: [(200, "期限 / the deadline", Schema.ref("Deadline"))], requiresAuth: false, use: deadline)
        api.add(.GET, "calendar/days/{date}", summary: "某日是否工作日 / whether a date is a working day", tag: tag,
                responses: [(200, "日期信息 / the day", Schema.ref("Day")), (404, "不存在 / not found", error)],
                requiresAuth: false, pathSchemas: ["date": Schema.date], use: day)
        api.add(.GET, "calendar/years", summary: "各年节假日数据 / holiday data by year", tag: tag,
                responses: [(200, "年份列表 / years", Schema.array(Schema.ref("CalendarYear")))], use: years)
        api.add(.PUT, "calendar/years/{year}", summary: "更正某年节假日（管理员）/ correct a year (admin)", tag: tag,
                body: Schema.ref("CalendarYearInput"),
                responses: [(200, "已保存 / saved", Schema.ref("CalendarYear")), (404, "不存在 / not found", error)],
                pathSchemas: ["year": Schema.integer(minimum: 2000, maximum: 2100)], roles: Roles.admin, use: putYear)
        api.add(.DELETE, "calendar/years/{year}", summary: "撤销更正，恢复随版本发布的数据（管理员）/ revert to shipped data (admin)",
                tag: tag, responses: [(204, "已恢复 / reverted", nil), (404, "不存在 / not found", error)],
                pathSchemas: ["year": Schema.integer(minimum: 2000, maximum: 2100)], roles: Roles.admin, use: deleteYear)
        api.add(.GET, "calendar/working-hours", summary: "工作时间 / working hours", tag: tag,
                responses: [(200, "工作时间 / working hours", Schema.ref("WorkingHours"))], use: workingHours)
        api.add(.PUT, "calendar/working-hours", summary: "设置工作时间（管理员）/ set working hours (admin)", tag: tag,
                body: Schema.ref("WorkingHours"),
                responses: [(200, "已保存 / saved", Schema.ref("WorkingHours"))], roles: Roles.admin, use: putWorkingHours)
        api.add(.GET, "calendar/warning-lead", summary: "到期前提醒提前量 / how long before a deadline the due-soon warning fires", tag: tag,
                responses: [(200, "提前量 / the lead", Schema.ref("WarningLead"))], use: warningLead)
        api.add(.PUT, "calendar/warning-lead", summary: "设置提醒提前量（管理员）/ set the warning lead (admin)", tag: tag,
                body: Schema.ref("WarningLead"),
                responses: [(200, "已保存 / saved", Schema.ref("WarningLead"))], roles: Roles.admin, use: putWarningLead)
    }

    @Sendable static func deadline(_ req: Request) async throws -> DeadlineDTO {
        guard let startText = req.query[String.self, at: "start"] else {
            throw DubanError.invalid("start", "缺少 start / start is required", code: "missing_field")
        }
        guard let start = ChinaTimeFormat.parse(startText) else {
            throw DubanError.invalid("start", "start 应为 ISO 8601 时间 / start must be ISO 8601")
        }
        guard let amountText = req.query[String.self, at: "amount"] else {
            throw DubanError.invalid("amount", "缺少 amount / amount is required", code: "missing_field")
        }
        guard let amount = Int(amountText) else { throw DubanError.invalid("amount", "amount 应为整数 / amount must be an integer") }
        guard let unit = req.query[String.self, at: "unit"] else {
            throw DubanError.invalid("unit", "缺少 unit / unit is required", code: "missing_field")
        }
        do {
            let result = try req.application.calendarStore.calculator.due(from: start, amount: amount, unit: unit)
            return DeadlineDTO(start: ChinaTimeFormat.string(start), amount: amount, unit: unit,
                               due: ChinaTimeFormat.string(result.due), rule: result.rule.chinese, ruleEnglish: result.rule.english)
        } catch let error as CalendarError {
            throw error.dubanError
        }
    }

    @Sendable static func day(_ req: Request) async throws -> DayDTO {
        guard let text = req.parameters.get("date"), let date = LocalDate(text) else {
            throw DubanError.invalid("date", "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd")
        }
        let info = req.application.calendarStore.calculator.calendar.dayInfo(date)
        return DayDTO(date: info.date.description, workday: info.workday, name: info.name)
    }

    @Sendable static func years(_ req: Request) async throws -> [CalendarYearDTO] {
        try req.requireActor()
        let store = req.application.calendarStore
        let overridden = Set(try await CalendarYearOverride.query(on: req.db).all().compactMap(\.id))
        let calendar = store.calculator.calendar
        return calendar.knownYears.compactMap { year in
            calendar.data(for: year).map { CalendarYearDTO($0, source: overridden.contains(year) ? "admin" : "shipped") }
        }
    }

    static func yearParameter(_ req: Request) throws -> Int {
        guard let text = req.parameters.get("year"), let year = Int(text), (2000...2100).contains(year) else {
            throw DubanError.invalid("year", "年份应为 2000–2100 / year must be 2000–2100")
        }
        return year
    }

    @Sendable static func putYear(_ req: Request) async throws -> CalendarYearDTO {
        let year = try yearParameter(req)
        return try await saveYear(req, year: year, input: try req.decodeJSON(CalendarYearInput.self))
    }

    /// Shared by the API and the calendar page.
    @discardableResult
    static func saveYear(_ req: Request, year: Int, input: CalendarYearInput) async throws -> CalendarYearDTO {
        let actor = try req.requireRole(.admin)
        func days(_ list: [NamedDayDTO], _ field: String) throws -> [NamedDay] {
            try list.enumerated().map { index, day in
                guard let date = LocalDate(day.date) else {
                    throw DubanError.invalid("\(field).\(index).date", "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd")
                }
                return NamedDay(date: date, name: try Check.text(day.name, "\(field).\(index).name", max: 50))
            }
        }
        guard input.holidays.count <= 120, input.workdays.count <= 60 else {
            throw DubanError.invalid("holidays", "条目过多 / too many days")
        }
        let data: HolidayYear
        do {
            data = try HolidayYear(year: year, holidays: try days(input.holidays, "holidays"), workdays: try days(input.workdays, "workdays"))
        } catch let error as CalendarError {
            throw error.dubanError
        }
        let encoded = String(decoding: try JSONEncoder().encode(data), as: UTF8.self)
        try await req.write { db in
            let before = try await CalendarYearOverride.find(year, on: db)
            let row = before ?? CalendarYearOverride()
            let previous = before?.data
            row.id = year
            row.data = encoded
            row.updatedBy = actor.auditName
            row.updatedAt = Date()
            try await row.save(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: before == nil ? .create : .update,
                                      entityType: "calendar_year", entityID: String(year), before: previous, after: encoded)
        }
        try await req.application.calendarStore.reload(on: req.db)
        return CalendarYearDTO(data, source: "admin")
    }

    @Sendable static func deleteYear(_ req: Request) async throws -> HTTPStatus {
        let actor = try req.requireRole(.admin)
        let year = try yearParameter(req)
        try await req.write { db in
            guard let row = try await CalendarYearOverride.find(year, on: db) else {
                throw DubanError.notFound("更正 / correction")
            }
            let before = row.data
            try await row.delete(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .delete, entityType: "calendar_year",
                                      entityID: String(year), before: before, after: String?.none)
        }
        try await req.application.calendarStore.reload(on: req.db)
        return .noContent
    }

    @Sendable static func workingHours(_ req: Request) async throws -> WorkingHoursDTO {
        try req.requireActor()
        return WorkingHoursDTO(req.application.calendarStore.calculator.workingHours)
    }

    @Sendable static func putWorkingHours(_ req: Request) async throws -> WorkingHoursDTO {
        try await saveWorkingHours(req, try req.decodeJSON(WorkingHoursDTO.self))
    }

    /// Shared by the API and the calendar page.
    @discardableResult
    static func saveWorkingHours(_ req: Request, _ input: WorkingHoursDTO) async throws -> WorkingHoursDTO {
        let actor = try req.requireRole(.admin)
        let hours = try input.validated()
        let encoded = String(decoding: try JSONEncoder().encode(hours), as: UTF8.self)
        try await req.write { db in try await Setting.put(CalendarStore.workingHoursKey, encoded, actor: actor.auditName, on: db) }
        try await req.application.calendarStore.reload(on: req.db)
        return WorkingHoursDTO(hours)
    }

    @Sendable static func warningLead(_ req: Request) async throws -> WarningLeadDTO {
        try req.requireActor()
        let seconds = try await DeadlineWatches.leadSeconds(on: req.db)
        return WarningLeadDTO(minutes: Int(seconds / 60), isDefault: try await Setting.find(DeadlineWatches.leadSettingKey, on: req.db) == nil)
    }

    @Sendable static func putWarningLead(_ req: Request) async throws -> WarningLeadDTO {
        try await saveWarningLead(req, minutes: try req.decodeJSON(WarningLeadDTO.Input.self).minutes)
    }

    /// Shared by the API and the calendar page. Applies to deadlines watched from now on.
    @discardableResult
    static func saveWarningLead(_ req: Request, minutes: Int) async throws -> WarningLeadDTO {
        let actor = try req.requireRole(.admin)
        guard (0...WarningLeadDTO.maximumMinutes).contains(minutes) else {
            throw DubanError.invalid("minutes", "提前量应为0–\(WarningLeadDTO.maximumMinutes)分钟 / 0 to \(WarningLeadDTO.maximumMinutes) minutes")
        }
        try await req.write { db in try await Setting.put(DeadlineWatches.leadSettingKey, String(minutes), actor: actor.auditName, on: db) }
        return WarningLeadDTO(minutes: minutes, isDefault: false)
    }
}
