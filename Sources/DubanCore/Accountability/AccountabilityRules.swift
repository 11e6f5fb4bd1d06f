import Foundation

/// The clauses of 000 阳政办(2017)33号 附件5 that can be computed from data (``AccountabilityTrigger/computable``).
/// Pure: the facts, the history and the configuration are given; nothing is read or stored.
public enum AccountabilityRules {
    /// The proposals for one calendar `month`, ordered by unit, then by clause.
    ///
    /// - 第四条(二)(三)(四)(八): one letter per unit and clause when its list of cases is not empty.
    /// - 第四条(五): a letter when on-time completion (closedOnTime / casesDue) is below 100 %.
    /// - 第四条(七): a letter when a caller complained about one matter more than 3 times (4 or more).
    /// - 第五条(五): an interview when on-time completion is below 98 % or overdue cases are more than 5.
    ///   Below 98 % is also below 100 %: both the letter of 第四条(五) and the interview are proposed,
    ///   since they are different clauses with different addressees (函告 to the principal leader,
    ///   约谈 of the leader in charge); the supervisor may dismiss the letter as absorbed.
    /// - A month with no case due proposes nothing on rates (the rate is undefined, not 0 %).
    /// - 第五条(十): with `ranking`, an interview for every unit at the last rank (ties all count);
    ///   nothing when fewer than 2 units are ranked or all share one rank (nobody is behind anybody).
    ///   Its period is the ranking's two months.
    /// - 第七条(七): accountability when the principal leader had more than 2 confirmed interviews
    ///   (3 or more) "半年内": in the window of the evaluated month and the 5 calendar months before
    ///   it (for 2026-10: 2026-05-01 … 2026-10-31, both ends included), and at least one of them falls
    ///   in the evaluated month, so one set of interviews is not proposed again every month; a further
    ///   interview in a later month while the count stays above 2 is proposed again.
    ///
    /// Throws ``AccountabilityError/invalidValue(field:chinese:english:)`` when `month` is not one
    /// month, the ranking is not two months, a unit repeats, or a count is impossible.
    public static func propose(
        month: AssessmentPeriod, units: [AccountabilityUnitMonth], history: [ConfirmedInterview] = [],
        ranking: BimonthlyRanking? = nil, config: AccountabilityConfig = .standard
    ) throws -> [AccountabilityProposal] {
        try config.validate()
        guard month.months == 1 else {
            throw AccountabilityError.invalidValue(
                field: "month", chinese: "须为单个自然月，例如 2026-09/2026-09", english: "must be one calendar month, e.g. 2026-09/2026-09")
        }
        try validate(units)
        var proposals: [AccountabilityProposal] = []
        for facts in units {
            proposals += monthly(facts, month: month, config: config)
        }
        if let ranking {
            proposals += try lastPlace(ranking)
        }
        proposals += principalInterviews(history, month: month, config: config)
        let order = Dictionary(uniqueKeysWithValues: AccountabilityTrigger.allCases.enumerated().map { ($1, $0) })
        return proposals.sorted {
            $0.unit != $1.unit ? $0.unit < $1.unit : (order[$0.trigger] ?? 0) < (order[$1.trigger] ?? 0)
        }
    }

    /// 第四条 and 第五条(五) for one unit.
    private static func monthly(_ facts: AccountabilityUnitMonth, month: AssessmentPeriod,
                                config: AccountabilityConfig) -> [AccountabilityProposal] {
        var result: [AccountabilityProposal] = []
        func add(_ trigger: AccountabilityTrigger, _ ids: [String], _ figures: [String]) {
            result.append(AccountabilityProposal(unit: facts.unit, trigger: trigger, period: month,
                                                 caseIDs: Array(Set(ids)).sorted(), figures: figures))
        }
        // 第四条(二)(三)(四)(八): any such case in the month.
        let listed: [(AccountabilityTrigger, [String], String)] = [
            (.lateSignFor, facts.lateSignForCaseIDs, "未及时签收"),
            (.lateTransfer, facts.lateTransferCaseIDs, "未按时交办、转办、退回"),
            (.noFollowUp, facts.noFollowUpCaseIDs, "未及时回访"),
            (.evaluatorDissatisfied, facts.evaluatorDissatisfiedCaseIDs, "第三方评价员不满意"),
        ]
        for (trigger, ids, label) in listed where !ids.isEmpty {
            add(trigger, ids, ["\(label) \(Set(ids).count) 件"])
        }
        let rate = ExactRate(facts.closedOnTime, of: facts.casesDue)
        let rateFigure = rate.map { "按期办结率 \($0)" }
        // 第四条(五): "当月群众投诉件按期办结率未达到100%".
        if let rate, rate.isBelow(percent: config.letterOnTimeBelowPercent), let rateFigure {
            add(.monthlyOnTimeBelow100, [], [rateFigure])
        }
        // 第四条(七): "同一投诉人同一事项重复投诉3次(不含3次)以上".
        let repeated = facts.repeatComplaints.filter { Set($0.caseIDs).count > config.repeatComplaintsMoreThan }
            .sorted { $0.matter < $1.matter }
        if !repeated.isEmpty {
            add(.repeatComplaints, repeated.flatMap(\.caseIDs),
                repeated.map { "同一事项“\($0.matter)”投诉 \(Set($0.caseIDs).count) 次" })
        }
        // 第五条(五): "按期办结率未达到98%,或…一月内超期案件累计超过5件".
        let overdue = Set(facts.overdueCaseIDs).count
        let lowRate = rate.map { $0.isBelow(percent: config.interviewOnTimeBelowPercent) } ?? false
        if lowRate || overdue > config.interviewOverdueMoreThan {
            var figures: [String] = []
            if let rateFigure { figures.append(rateFigure) }
            figures.append("超期案件 \(overdue) 件")
            add(.monthlyOnTimeBelow98OrOverdue, facts.overdueCaseIDs, figures)
        }
        return result
    }

    /// 第五条(十): "双月考核排名末位".
    private static func lastPlace(_ ranking: BimonthlyRanking) throws -> [AccountabilityProposal] {
        guard ranking.period.months == 2 else {
            throw AccountabilityError.invalidValue(
                field: "ranking.period", chinese: "须为两个月，例如 2026-09/2026-10", english: "must be two months, e.g. 2026-09/2026-10")
        }
        for (unit, rank) in ranking.ranks where rank < 1 || rank > ranking.ranks.count {
            throw AccountabilityError.invalidValue(
                field: "ranking.ranks.\(unit)", chinese: "名次须为 1–\(ranking.ranks.count)",
                english: "a rank must be 1–\(ranking.ranks.count)")
        }
        guard ranking.ranks.count >= 2, let last = ranking.ranks.values.max(), Set(ranking.ranks.values).count > 1 else {
            return []
        }
        return ranking.ranks.filter { $0.value == last }.keys.sorted().map {
            AccountabilityProposal(unit: $0, trigger: .lastInBimonthlyRanking, period: ranking.period,
                                   figures: ["双月考核排名第 \(last) 名（共 \(ranking.ranks.count) 个单位）"])
        }
    }

    /// 第七条(七): "单位主要领导半年内被约谈超过2次以上".
    private static func principalInterviews(_ history: [ConfirmedInterview], month: AssessmentPeriod,
                                            config: AccountabilityConfig) -> [AccountabilityProposal] {
        guard let windowStart = month.firstDay.adding(months: -(config.principalInterviewWindowMonths - 1)) else { return [] }
        let counted = history.filter { $0.principalLeader && windowStart <= $0.date && $0.date <= month.lastDay }
        return Dictionary(grouping: counted, by: \.unit).keys.sorted().compactMap { unit in
            let interviews = counted.filter { $0.unit == unit }.sorted { $0.date < $1.date }
            guard interviews.count > config.principalInterviewsMoreThan,
                  interviews.contains(where: { $0.date >= month.firstDay }) else { return nil }
            let dates = interviews.map(\.date.description).joined(separator: "、")
            return AccountabilityProposal(
                unit: unit, trigger: .principalInterviewedRepeatedly, period: month,
                figures: ["主要领导被约谈 \(interviews.count) 次（\(dates)），统计期 \(windowStart) 至 \(month.lastDay)"])
        }
    }

    /// Units named once, with possible counts.
    private static func validate(_ units: [AccountabilityUnitMonth]) throws {
        var seen = Set<String>()
        for (index, facts) in units.enumerated() {
            let field = "units[\(index)]"
            if facts.unit.trimmingCharacters(in: .whitespaces).isEmpty {
                throw AccountabilityError.missingField("\(field).unit")
            }
            if !seen.insert(facts.unit).inserted {
                throw AccountabilityError.invalidValue(
                    field: "\(field).unit", chinese: "单位“\(facts.unit)”重复", english: "unit \"\(facts.unit)\" appears twice")
            }
            if facts.casesDue < 0 {
                throw AccountabilityError.invalidValue(
                    field: "\(field).casesDue", chinese: "件数不能为负", english: "a count cannot be negative")
            }
            if !(0...facts.casesDue).contains(facts.closedOnTime) {
                throw AccountabilityError.invalidValue(
                    field: "\(field).closedOnTime", chinese: "按期办结数须在 0 与应办结数之间",
                    english: "closedOnTime must be between 0 and casesDue")
            }
        }
    }
}
