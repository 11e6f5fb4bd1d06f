import Foundation

/// 定期报告 — the reports the seeds ask for on fixed cadences (SPEC M8 "scheduled reports on the seeds'
/// cadences"), each generated once per period by the scheduler.
public enum ReportKind: String, CaseIterable, Codable, Sendable {
    /// 每周四通报 — 001 阳政办(2018)12号 ("每周四通报") and 阳政办(2018)11号 (每周通报).
    case weeklyBulletin = "weekly_bulletin"
    /// 月度台账报告 — 000 阳政办(2017)35号 ("台账每月25日前报送").
    case monthlyLedger = "monthly_ledger"
    /// 双月热线考评 — 000 阳政办(2017)33号 附件7 ("双月进行考评").
    case bimonthlyHotline = "bimonthly_hotline"
    /// 季度排名通报 — 001 阳政办(2018)12号 ("每季度组织召开一次…通报会", 排名靠后单位跟踪督办).
    case quarterlyRanking = "quarterly_ranking"

    public var chinese: String {
        switch self {
        case .weeklyBulletin: "每周督办通报"
        case .monthlyLedger: "月度台账报告"
        case .bimonthlyHotline: "市长专线双月考评通报"
        case .quarterlyRanking: "季度目标任务排名通报"
        }
    }

    /// The seed sentence the cadence comes from.
    public var citation: String {
        switch self {
        case .weeklyBulletin: "001 阳政办(2018)12号「每周四通报」；阳政办(2018)11号「每周通报」"
        case .monthlyLedger: "000 阳政办(2017)35号「台账每月25日前报送」"
        case .bimonthlyHotline: "000 阳政办(2017)33号 附件7「双月进行考评」"
        case .quarterlyRanking: "001 阳政办(2018)12号「每季度组织召开一次…通报会」，排名靠后单位跟踪督办"
        }
    }

    /// The short word of the report's number (文号): 汉阳督报〔2026〕12号 style.
    public var numberPrefix: String {
        switch self {
        case .weeklyBulletin: "周报"
        case .monthlyLedger: "月报"
        case .bimonthlyHotline: "考评"
        case .quarterlyRanking: "季报"
        }
    }

    /// The last whole block of `months` months (the year cut into 12 / `months` blocks from January) before the
    /// block containing `today`: its first day, the 1st after it ends (the report's day) and its index in its year.
    static func previousBlock(of months: Int, before today: LocalDate) -> (start: LocalDate, issued: LocalDate, index: Int)? {
        var year = today.year, index = (today.month - 1) / months - 1
        if index < 0 { index = 12 / months - 1; year -= 1 }
        let firstMonth = index * months + 1
        let next = firstMonth + months
        guard let start = LocalDate(year: year, month: firstMonth, day: 1),
              let issued = next > 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: next, day: 1)
        else { return nil }
        return (start, issued, index)
    }
}

/// One report's period: what it covers (`start`…`end`, China time) and the day it is issued.
public struct ReportPeriod: Hashable, Codable, Sendable {
    public var kind: ReportKind
    /// Unique per kind: `2026-11-19` (the Thursday), `2026-11`, `2026-09/2026-10`, `2026Q3`.
    public var key: String
    public var start: Date
    public var end: Date
    public var issuedOn: LocalDate

    /// The sequence number within the issue year (the 文号's number): the week, month, period or quarter.
    public var sequence: Int

    public var label: String {
        switch kind {
        case .weeklyBulletin: "\(issuedOn.year)年第\(sequence)期（截至\(issuedOn.month)月\(issuedOn.day)日）"
        case .monthlyLedger: "\(issuedOn.year)年\(issuedOn.month)月"
        case .bimonthlyHotline: key
        case .quarterlyRanking: "\(key.prefix(4))年第\(sequence)季度"
        }
    }

    /// The last whole block of `months` months (the year cut into 12 / `months` blocks from January) before the
    /// block containing `today`: its first day, the 1st after it ends (the report's day) and its index in its year.
    static func previousBlock(of months: Int, before today: LocalDate) -> (start: LocalDate, issued: LocalDate, index: Int)? {
        var year = today.year, index = (today.month - 1) / months - 1
        if index < 0 { index = 12 / months - 1; year -= 1 }
        let firstMonth = index * months + 1
        let next = firstMonth + months
        guard let start = LocalDate(year: year, month: firstMonth, day: 1),
              let issued = next > 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: next, day: 1)
        else { return nil }
        return (start, issued, index)
    }
}

public enum ReportSchedule {
    /// The default day of the month the ledger report is generated: before the 25th of 000 阳政办(2017)35号
    /// with working days to spare (a documented default, adjustable).
    public static let defaultMonthlyDay = 20

    /// The latest period of `kind` whose report is due at `now` (nil before the first one of the calendar):
    /// - weekly: every Thursday 00:00, covering the seven days before it;
    /// - monthly: on `monthlyDay` (1…24), covering the month up to that day;
    /// - bi-monthly: on the 1st after a period of 附件7 ends (Jan–Feb, …), covering that period;
    /// - quarterly: on the 1st after a quarter ends, covering that quarter.
    public static func latestDue(_ kind: ReportKind, now: Date, monthlyDay: Int = defaultMonthlyDay) -> ReportPeriod? {
        guard let today = LocalDate(chinaTimeOf: now) else { return nil }
        switch kind {
        case .weeklyBulletin:
            let midnight = today.chinaDate()
            // 1970-01-01 was a Thursday.
            let days = Int(((midnight.timeIntervalSince1970 + Double(ChinaTime.secondsFromGMT)) / 86_400).rounded())
            let sinceThursday = ((days % 7) + 7) % 7
            let thursday = midnight.addingTimeInterval(-Double(sinceThursday) * 86_400)
            guard let issued = LocalDate(chinaTimeOf: thursday) else { return nil }
            let dayOfYear = Int((thursday.timeIntervalSince(LocalDate(year: issued.year, month: 1, day: 1)!.chinaDate()) / 86_400).rounded())
            return ReportPeriod(kind: kind, key: issued.description, start: thursday.addingTimeInterval(-7 * 86_400), end: thursday,
                                issuedOn: issued, sequence: dayOfYear / 7 + 1)
        case .monthlyLedger:
            let day = min(max(monthlyDay, 1), 24)
            var year = today.year, month = today.month
            if today.day < day {
                month -= 1
                if month == 0 { month = 12; year -= 1 }
            }
            guard let first = LocalDate(year: year, month: month, day: 1), let issued = LocalDate(year: year, month: month, day: day) else { return nil }
            return ReportPeriod(kind: kind, key: String(format: "%04d-%02d", year, month), start: first.chinaDate(),
                                end: issued.chinaDate(), issuedOn: issued, sequence: month)
        case .bimonthlyHotline:
            guard let block = previousBlock(of: 2, before: today) else { return nil }
            let key = String(format: "%04d-%02d/%04d-%02d", block.start.year, block.start.month, block.start.year, block.start.month + 1)
            return ReportPeriod(kind: kind, key: key, start: block.start.chinaDate(), end: block.issued.chinaDate(),
                                issuedOn: block.issued, sequence: block.index + 1)
        case .quarterlyRanking:
            guard let block = previousBlock(of: 3, before: today) else { return nil }
            return ReportPeriod(kind: kind, key: "\(block.start.year)Q\(block.index + 1)", start: block.start.chinaDate(),
                                end: block.issued.chinaDate(), issuedOn: block.issued, sequence: block.index + 1)
        }
    }

    /// The last whole block of `months` months (the year cut into 12 / `months` blocks from January) before the
    /// block containing `today`: its first day, the 1st after it ends (the report's day) and its index in its year.
    static func previousBlock(of months: Int, before today: LocalDate) -> (start: LocalDate, issued: LocalDate, index: Int)? {
        var year = today.year, index = (today.month - 1) / months - 1
        if index < 0 { index = 12 / months - 1; year -= 1 }
        let firstMonth = index * months + 1
        let next = firstMonth + months
        guard let start = LocalDate(year: year, month: firstMonth, day: 1),
              let issued = next > 12 ? LocalDate(year: year + 1, month: 1, day: 1) : LocalDate(year: year, month: next, day: 1)
        else { return nil }
        return (start, issued, index)
    }
}
