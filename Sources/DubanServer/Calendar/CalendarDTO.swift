import DubanCore
import Vapor

/// `GET /api/v1/calendar/deadline` (SPEC §3): the due instant and the rule that produced it.
struct DeadlineDTO: Content {
    var start: String
    var amount: Int
    var unit: String
    var due: String
    var rule: String
    var ruleEnglish: String

    static let schema = Schema.object([
        ("start", Schema.dateTime), ("amount", Schema.integer(minimum: 1)),
        ("unit", Schema.enumeration(DeadlineUnit.allCases.map(\.rawValue))), ("due", Schema.dateTime),
        ("rule", Schema.string(description: "产生该期限的规则 / the rule that produced the deadline")),
        ("ruleEnglish", Schema.string()),
    ], required: ["start", "amount", "unit", "due", "rule", "ruleEnglish"])
}

/// `GET /api/v1/calendar/days/{date}` (SPEC §3).
struct DayDTO: Content {
    var date: String
    var workday: Bool
    var name: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(workday, forKey: .workday)
        try c.encode(name, forKey: .name)
    }

    static let schema = Schema.object([
        ("date", Schema.date), ("workday", Schema.boolean), ("name", Schema.nullable(Schema.string())),
    ], required: ["date", "workday", "name"])
}

struct NamedDayDTO: Content {
    var date: String
    var name: String

    static let schema = Schema.object([("date", Schema.date), ("name", Schema.string(maxLength: 50, minLength: 1))],
                                      required: ["date", "name"])
}

/// One year of the calendar: holidays, 调休 working days, and where the data comes from.
struct CalendarYearDTO: Content {
    var year: Int
    /// "shipped" (Resources/calendar/china.json) or "admin" (a correction stored in the database).
    var source: String
    var holidays: [NamedDayDTO]
    var workdays: [NamedDayDTO]

    init(_ data: HolidayYear, source: String) {
        year = data.year
        self.source = source
        holidays = data.holidays.map { NamedDayDTO(date: $0.date.description, name: $0.name) }
        workdays = data.workdays.map { NamedDayDTO(date: $0.date.description, name: $0.name) }
    }

    static let schema = Schema.object([
        ("year", Schema.integer()), ("source", Schema.enumeration(["shipped", "admin"])),
        ("holidays", Schema.array(Schema.ref("NamedDay"))), ("workdays", Schema.array(Schema.ref("NamedDay"))),
    ], required: ["year", "source", "holidays", "workdays"])
}

struct CalendarYearInput: Content {
    var holidays: [NamedDayDTO]
    var workdays: [NamedDayDTO]

    static let schema = Schema.object([
        ("holidays", Schema.array(Schema.ref("NamedDay"), maxItems: 120)),
        ("workdays", Schema.array(Schema.ref("NamedDay"), maxItems: 60)),
    ], required: ["holidays", "workdays"])
}

/// Working periods as wall-clock times: `[{"start":"09:00","end":"12:00"},{"start":"13:00","end":"18:00"}]`.
struct WorkingHoursDTO: Content {
    struct Period: Content {
        var start: String
        var end: String
    }
    var periods: [Period]

    init(periods: [Period]) { self.periods = periods }

    init(_ hours: WorkingHours) {
        periods = hours.periods.map { period in
            let parts = period.description.components(separatedBy: "–")
            return Period(start: parts.first ?? "", end: parts.last ?? "")
        }
    }

    static let schema = Schema.object([
        ("periods", Schema.array(Schema.object([
            ("start", Schema.string(pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$")),
            ("end", Schema.string(pattern: "^([01][0-9]|2[0-4]):[0-5][0-9]$")),
        ], required: ["start", "end"]), maxItems: 6)),
    ], required: ["periods"])

    func validated() throws -> WorkingHours {
        func minutes(_ text: String, _ field: String) throws -> Int {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m),
                  h * 60 + m <= 1440 else {
                throw DubanError.invalid(field, "时间格式应为 HH:MM / time must be HH:MM")
            }
            return h * 60 + m
        }
        guard (1...6).contains(periods.count) else {
            throw DubanError.invalid("periods", "工作时段应为1–6段 / 1 to 6 working periods")
        }
        do {
            return try WorkingHours(periods: try periods.enumerated().map { index, period in
                try WorkingPeriod(startMinute: try minutes(period.start, "periods.\(index).start"),
                                  endMinute: try minutes(period.end, "periods.\(index).end"))
            })
        } catch let error as CalendarError {
            throw DubanError(.unprocessableEntity, code: error.code, message: error.message, field: "periods")
        }
    }
}

/// How long before a deadline the "due soon" warning fires. The seeds give no lead time: the default
/// of 24 hours is Duban's (`isDefault` says when it is in force).
struct WarningLeadDTO: Content {
    var minutes: Int
    var isDefault: Bool

    /// At most 30 days.
    static let maximumMinutes = 30 * 24 * 60

    struct Input: Content {
        var minutes: Int
    }

    static let schema = Schema.object([
        ("minutes", Schema.integer(minimum: 0, maximum: maximumMinutes)), ("isDefault", Schema.boolean),
    ], required: ["minutes"])
}
