/// The units of deadline arithmetic (SPEC M2, A1), with the API's raw values.
public enum DeadlineUnit: String, CaseIterable, Codable, Sendable {
    /// Elapsed minutes, e.g. elevator rescue on site within 30 minutes (004 成府发〔2015〕29号).
    case minutes
    /// Elapsed hours, e.g. accident report within 1 hour, elevator stop notice after 24 hours
    /// (004 成府发〔2015〕29号).
    case hours
    /// Hours of working time, e.g. sign-for within 4 working hours (000 阳政办(2017)33号 附件7).
    case workingHours = "working_hours"
    /// Working days, start day not counted, e.g. return within 1 working day (000 阳政办(2017)33号),
    /// 双公示 within 7 working days (000 阳政办(2017)35号).
    case workingDays = "working_days"
    /// N × 24 hours, e.g. elevator maintenance every 15 days (004 成府发〔2015〕29号).
    case days
    /// Calendar months, e.g. inspection applied for 1 month before expiry (004 成府发〔2015〕29号).
    case months

    /// Parses an API value; throws ``CalendarError/unknownUnit(_:)`` for anything else.
    public init(validating rawValue: String) throws {
        guard let unit = DeadlineUnit(rawValue: rawValue) else { throw CalendarError.unknownUnit(rawValue) }
        self = unit
    }

    /// The largest accepted amount: about 100 years in every unit, which keeps every result inside
    /// years 1–9999 for any sensible start and bounds the work a request can cause.
    public var maximumAmount: Int {
        switch self {
        case .minutes: return 52_560_000
        case .hours: return 876_000
        case .workingHours: return 200_000
        case .workingDays: return 25_000
        case .days: return 36_500
        case .months: return 1_200
        }
    }

    /// "4个工作小时", "1个工作日", "30分钟" …
    public func chineseQuantity(_ amount: Int) -> String {
        switch self {
        case .minutes: return "\(amount)分钟"
        case .hours: return "\(amount)小时"
        case .workingHours: return "\(amount)个工作小时"
        case .workingDays: return "\(amount)个工作日"
        case .days: return "\(amount)天"
        case .months: return "\(amount)个月"
        }
    }

    /// "4 working hours", "1 working day", "30 minutes" …
    public func englishQuantity(_ amount: Int) -> String {
        let noun: String
        switch self {
        case .minutes: noun = "minute"
        case .hours: noun = "hour"
        case .workingHours: noun = "working hour"
        case .workingDays: noun = "working day"
        case .days: noun = "day"
        case .months: noun = "month"
        }
        return "\(amount) \(noun)\(amount == 1 ? "" : "s")"
    }
}
