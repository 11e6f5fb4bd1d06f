import Foundation

/// 考评周期 — an assessment period of whole months, written `yyyy-mm/yyyy-mm` (first and last month).
///
/// The hotline is assessed bi-monthly (000 阳政办(2017)33号 附件7: "双月进行考评"), so `2026-09/2026-10`
/// is the usual value; any range of 1 to ``maximumMonths`` months is accepted. The period runs from
/// 00:00 China time on the first day of the first month to 24:00 of the last day of the last month;
/// a case belongs to the period in which it was assigned (SPEC A2).
public struct AssessmentPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The longest period accepted: a year, for a year-end assessment.
    public static let maximumMonths = 12

    /// The first day of the first month.
    public let firstDay: LocalDate
    /// The last day of the last month.
    public let lastDay: LocalDate

    /// Parses `yyyy-mm/yyyy-mm`; throws ``AssessmentError/invalidPeriod(_:chinese:english:)`` when
    /// the text is malformed, a month is not 01–12, the last month precedes the first, or the range
    /// is longer than ``maximumMonths`` months.
    public init(_ text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = Self.yearMonth(parts[0]), let last = Self.yearMonth(parts[1]) else {
            throw AssessmentError.invalidPeriod(
                text, chinese: "格式应为 yyyy-mm/yyyy-mm，例如 2026-09/2026-10",
                english: "expected yyyy-mm/yyyy-mm, e.g. 2026-09/2026-10")
        }
        try self.init(firstYear: first.year, firstMonth: first.month, lastYear: last.year, lastMonth: last.month)
    }

    /// The period from `firstMonth` of `firstYear` to `lastMonth` of `lastYear`, both included.
    public init(firstYear: Int, firstMonth: Int, lastYear: Int, lastMonth: Int) throws {
        let text = "\(Self.pad(firstYear, 4))-\(Self.pad(firstMonth, 2))/\(Self.pad(lastYear, 4))-\(Self.pad(lastMonth, 2))"
        guard let firstDay = LocalDate(year: firstYear, month: firstMonth, day: 1),
              LocalDate(year: lastYear, month: lastMonth, day: 1) != nil,
              let lastDay = LocalDate(year: lastYear, month: lastMonth,
                                      day: LocalDate.daysInMonth(year: lastYear, month: lastMonth)) else {
            throw AssessmentError.invalidPeriod(
                text, chinese: "年份须为 0001–9999，月份须为 01–12", english: "years must be 0001–9999 and months 01–12")
        }
        let months = (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1
        guard months >= 1 else {
            throw AssessmentError.invalidPeriod(
                text, chinese: "结束月份早于开始月份", english: "the last month is before the first month")
        }
        guard months <= Self.maximumMonths else {
            throw AssessmentError.invalidPeriod(
                text, chinese: "周期不得超过 \(Self.maximumMonths) 个月（此处为 \(months) 个月）",
                english: "a period may span at most \(Self.maximumMonths) months, not \(months)")
        }
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    /// 00:00 China time on the first day: the first instant of the period.
    public var start: Date {
        firstDay.chinaDate()
    }

    /// 24:00 China time on the last day (00:00 of the next day): the period end, the first instant
    /// after the period. A deadline equal to it has not passed at period end.
    public var end: Date {
        lastDay.chinaDate(hour: 24)
    }

    /// The number of months, 1–``maximumMonths``.
    public var months: Int {
        (lastDay.year - firstDay.year) * 12 + (lastDay.month - firstDay.month) + 1
    }

    /// Whether `instant` lies in the period: `start` ≤ instant < `end`.
    public func contains(_ instant: Date) -> Bool {
        start <= instant && instant < end
    }

    /// `yyyy-mm/yyyy-mm`.
    public var description: String {
        "\(Self.pad(firstDay.year, 4))-\(Self.pad(firstDay.month, 2))/\(Self.pad(lastDay.year, 4))-\(Self.pad(lastDay.month, 2))"
    }

    /// `yyyy-mm` with exactly four and two ASCII digits.
    private static func yearMonth(_ text: Substring) -> (year: Int, month: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }),
              let year = Int(text.prefix(4)), let month = Int(text.suffix(2)) else { return nil }
        return (year, month)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension AssessmentPeriod: Codable {
    /// Reads `yyyy-mm/yyyy-mm`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch let error as AssessmentError {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    /// Writes `yyyy-mm/yyyy-mm`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
