import Foundation

/// The drill check of one maintenance unit at `now`.
public struct DrillCheck: Hashable, Codable, Sendable {
    /// Ended half years without a drill, oldest first.
    public let missingHalfYears: [DatePeriod]
    /// The half year containing `now` (China time).
    public let currentHalfYear: DatePeriod
    /// 本半年度应演练 — the current half year still needs its drill, due by the end of its last day;
    /// nil when a drill is already logged in it or the unit's duty has not begun.
    public let dueThisHalfYear: Deadline?

    /// Whether any ended half year lacks its drill.
    public var isBreach: Bool { !missingHalfYears.isEmpty }

    /// "2026年上半年" / "2026年下半年".
    public static func chineseName(of halfYear: DatePeriod) -> String {
        "\(halfYear.start.year)年\(halfYear.start.month == 1 ? "上" : "下")半年"
    }
}

extension ElevatorRules {
    /// 应急演练 — each maintenance unit drills at least once every half year (004 成府发〔2015〕29号 三(三)4:
    /// "每半年至少对本单位维保的电梯进行一次应急演练"; SPEC A4: half years 1 Jan–30 Jun and 1 Jul–31 Dec).
    ///
    /// Half years and drill days are China dates. Checked are the half years from the one containing
    /// `since` (when the unit took up maintenance; see
    /// ``ElevatorConfiguration/drillCountsFirstPartialHalfYear``) up to the one before the current
    /// half year: the current one counts as missing only once it has ended, and until then is
    /// reported as ``DrillCheck/dueThisHalfYear``. Drills dated after `now` are ignored.
    public func drills(drillDates: [Date], since: Date, now: Date) throws(ElevatorError) -> DrillCheck {
        guard let today = LocalDate(chinaTimeOf: now), let start = LocalDate(chinaTimeOf: since),
              let current = PeriodicRule.halfYearly.period(containing: today),
              let startHalf = PeriodicRule.halfYearly.period(containing: start)
        else {
            throw .calendar(.outOfRange(field: "now", reason: "an instant is outside years 1–9999"))
        }
        let drillDays = drillDates.filter { $0 <= now }.compactMap { LocalDate(chinaTimeOf: $0) }
        func drilled(in period: DatePeriod) -> Bool { drillDays.contains { period.contains($0) } }

        var firstHalf = startHalf
        if !configuration.drillCountsFirstPartialHalfYear, start != startHalf.start {
            guard let next = startHalf.end.adding(days: 1).flatMap({ PeriodicRule.halfYearly.period(containing: $0) }) else {
                throw .calendar(.outOfRange(field: "since", reason: "the next half year is outside years 1–9999"))
            }
            firstHalf = next
        }

        var missing: [DatePeriod] = []
        var period = firstHalf
        while period.end < current.start {
            if !drilled(in: period) { missing.append(period) }
            guard let next = period.end.adding(days: 1).flatMap({ PeriodicRule.halfYearly.period(containing: $0) }) else { break }
            period = next
        }
        let owesCurrent = firstHalf.start <= current.start && !drilled(in: current)
        return DrillCheck(
            missingHalfYears: missing, currentHalfYear: current,
            dueThisHalfYear: owesCurrent ? PeriodicRule.halfYearly.deadline(for: current) : nil)
    }
}
