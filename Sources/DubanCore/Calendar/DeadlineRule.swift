import Foundation

/// The rule behind a ``Deadline``, with a description for people in Chinese and English.
public enum DeadlineRule: Hashable, Codable, Sendable {
    /// `amount` `unit`s counted forward from `start` (SPEC A1).
    case after(amount: Int, unit: DeadlineUnit, start: Date)
    /// `amount` months back from `end`, e.g. the inspection application due 1 month before the
    /// inspection validity expires (004 成府发〔2015〕29号; SPEC A4).
    case monthsBefore(amount: Int, end: Date)
    /// The due date of one period of a periodic rule.
    case periodic(PeriodicRule, period: DatePeriod)

    /// "4个工作小时", "届满前1个月", "每周四" …
    public var chinese: String {
        switch self {
        case .after(let amount, let unit, _): return unit.chineseQuantity(amount)
        case .monthsBefore(let amount, _): return "届满前\(amount)个月"
        case .periodic(let rule, _): return rule.chinese
        }
    }

    /// "4 working hours", "1 month before expiry", "weekly on Thursday" …
    public var english: String {
        switch self {
        case .after(let amount, let unit, _): return unit.englishQuantity(amount)
        case .monthsBefore(let amount, _): return "\(DeadlineUnit.months.englishQuantity(amount)) before expiry"
        case .periodic(let rule, _): return rule.english
        }
    }
}
