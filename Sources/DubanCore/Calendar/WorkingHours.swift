/// The working periods of a working day (工作时间), in which `working_hours` are counted and whose
/// last close ends a `working_days` deadline (SPEC A1).
///
/// Default 09:00–12:00 and 13:00–18:00: 8 hours a day, so "half a working day" (半个工作日) is
/// 4 working hours (000 阳政办(2017)33号 附件7: "半个工作日(4小时)内签收").
public struct WorkingHours: Hashable, Codable, Sendable {
    /// The periods, ascending and not overlapping.
    public let periods: [WorkingPeriod]

    /// 09:00–12:00 and 13:00–18:00.
    public static let standard = WorkingHours(validated: [
        WorkingPeriod(unchecked: 9 * 60, 12 * 60),
        WorkingPeriod(unchecked: 13 * 60, 18 * 60),
    ])

    /// Throws ``CalendarError/invalidWorkingHours(reason:)`` when `periods` is empty, or the periods
    /// are not ascending or overlap (touching, as 12:00–13:00 after 09:00–12:00, is allowed).
    public init(periods: [WorkingPeriod]) throws {
        guard !periods.isEmpty else {
            throw CalendarError.invalidWorkingHours(reason: "at least one working period is needed")
        }
        for (earlier, later) in zip(periods, periods.dropFirst()) where later.startMinute < earlier.endMinute {
            throw CalendarError.invalidWorkingHours(
                reason: "working periods must be ascending and not overlap: \(earlier) then \(later)")
        }
        self.periods = periods
    }

    private init(validated periods: [WorkingPeriod]) {
        self.periods = periods
    }

    /// Decodes `{"periods":[…]}` and validates it as ``init(periods:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(periods: try container.decode([WorkingPeriod].self, forKey: .periods))
    }

    /// Working seconds in one working day (28 800 by default).
    public var secondsPerDay: Double {
        periods.reduce(0) { $0 + $1.duration }
    }

    /// The close of the last period (18:00 by default), in seconds after midnight.
    public var closingSecond: Double {
        Double((periods.last?.endMinute ?? 0) * 60)
    }
}
