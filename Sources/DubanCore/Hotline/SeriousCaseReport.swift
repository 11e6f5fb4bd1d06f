import Foundation

/// Which cases go into the leaders' weekly report. The seed says only "可能存在重大安全隐患或群众反响强烈的
/// 群众投诉件" (000 阳政办〔2017〕33号 附件2 第三条(九)); the criteria that make this concrete are Duban
/// defaults an administrator may switch or tune.
public struct SeriousCaseCriteria: Hashable, Codable, Sendable {
    /// Major events. Default on (the seed's "重大安全隐患").
    public var majorEvents: Bool
    /// Cases staff marked high-profile. Default on (the seed's "群众反响强烈").
    public var highProfile: Bool
    /// Second-supervision cases. Default on: the centre reviews them weekly (附件2 第八条).
    public var secondSupervision: Bool
    /// Cases an evaluator found reasonably dissatisfied. Default on: they go to supervision anyway
    /// (附件3 第六条).
    public var evaluatorFoundReasonable: Bool
    /// Cases with more than ``HotlineLimits/repeatsBeforeFormalLetter`` complaints. Default on: the
    /// accountability threshold of 附件5 第四条(七).
    public var frequentRepeats: Bool
    /// Cases overdue by more than this many working days (A1 `working_days` after the deadline); nil
    /// leaves overdue cases out. Default 5: a case a working week late has outlasted the ordinary
    /// 7-working-day limit by most of it again and needs a leader's push; less late cases appear in
    /// the monthly on-time rate (附件5 第四条(五)).
    public var overdueWorkingDays: Int?

    public init(majorEvents: Bool = true, highProfile: Bool = true, secondSupervision: Bool = true,
                evaluatorFoundReasonable: Bool = true, frequentRepeats: Bool = true, overdueWorkingDays: Int? = 5) {
        self.majorEvents = majorEvents
        self.highProfile = highProfile
        self.secondSupervision = secondSupervision
        self.evaluatorFoundReasonable = evaluatorFoundReasonable
        self.frequentRepeats = frequentRepeats
        self.overdueWorkingDays = overdueWorkingDays
    }

    /// The documented defaults.
    public static let standard = SeriousCaseCriteria()
}

/// One line of the report.
public struct SeriousCaseEntry: Hashable, Codable, Sendable {
    public let caseID: String
    public let type: HotlineCaseType
    public let categoryCode: String
    /// Every reason the case qualifies, most severe first.
    public let reasons: [SeriousCaseReason]
}

/// 周报 — the weekly back-office report of serious cases sent to district leaders for 签办
/// (000 阳政办〔2017〕33号 附件2 第三条(九): "区信息网络中心每周对可能存在重大安全隐患或群众反响强烈的群众投诉件
/// 进行整理,通过后台报表的方式呈送区领导签办").
public struct SeriousCaseReport: Hashable, Codable, Sendable {
    /// The Monday–Sunday week reported.
    public let week: DatePeriod
    /// The serious cases, most severe first, then by receipt, then id.
    public let entries: [SeriousCaseEntry]

    /// Builds the report of `week` from `cases`. A case is considered when it was open at some time in
    /// the week: received before the week's end and not closed before its start. Overdue is judged at
    /// the case's closing, or at `asOf` while it is open.
    public static func build(week: DatePeriod, cases: [SeriousCaseFacts], asOf: Date, calculator: DeadlineCalculator,
                             criteria: SeriousCaseCriteria = .standard) throws(HotlineError) -> SeriousCaseReport {
        let bounds = HotlineWeek.bounds(of: week)
        var selected: [(facts: SeriousCaseFacts, entry: SeriousCaseEntry)] = []
        for facts in cases where facts.receivedAt < bounds.upperBound && (facts.closedAt ?? bounds.lowerBound) >= bounds.lowerBound {
            let reasons = try reasons(for: facts, asOf: asOf, calculator: calculator, criteria: criteria)
            guard !reasons.isEmpty else { continue }
            selected.append((facts, SeriousCaseEntry(caseID: facts.id, type: facts.type, categoryCode: facts.categoryCode, reasons: reasons)))
        }
        selected.sort { lhs, rhs in
            let left = lhs.entry.reasons[0], right = rhs.entry.reasons[0]
            if left != right { return left < right }
            if lhs.facts.receivedAt != rhs.facts.receivedAt { return lhs.facts.receivedAt < rhs.facts.receivedAt }
            return lhs.facts.id < rhs.facts.id
        }
        return SeriousCaseReport(week: week, entries: selected.map(\.entry))
    }

    /// The reasons `facts` qualifies under `criteria`, most severe first; empty when it does not.
    public static func reasons(for facts: SeriousCaseFacts, asOf: Date, calculator: DeadlineCalculator,
                               criteria: SeriousCaseCriteria = .standard) throws(HotlineError) -> [SeriousCaseReason] {
        var reasons: [SeriousCaseReason] = []
        if criteria.majorEvents, facts.majorEvent { reasons.append(.majorEvent) }
        if criteria.highProfile, facts.highProfile { reasons.append(.highProfile) }
        if criteria.frequentRepeats, facts.complaintCount > HotlineLimits.repeatsBeforeFormalLetter { reasons.append(.frequentRepeat) }
        if criteria.evaluatorFoundReasonable, facts.evaluatorVerdict == .reasonable { reasons.append(.evaluatorFoundReasonable) }
        if criteria.secondSupervision, facts.secondSupervision { reasons.append(.secondSupervision) }
        if let days = criteria.overdueWorkingDays, let due = facts.dueAt,
           try isOverdue(due: due, byMoreThan: days, at: facts.closedAt ?? asOf, calculator: calculator) {
            reasons.append(.longOverdue)
        }
        return reasons
    }

    /// Whether `reference` is more than `days` working days after `due`: after the deadline
    /// `days` working days from `due` (A1), or simply after `due` for 0.
    static func isOverdue(due: Date, byMoreThan days: Int, at reference: Date,
                          calculator: DeadlineCalculator) throws(HotlineError) -> Bool {
        guard days > 0 else { return reference > due }
        do {
            return try calculator.due(from: due, amount: days, unit: .workingDays).isMissed(at: reference)
        } catch let error as CalendarError {
            throw .calendar(error)
        } catch {
            throw .calendar(.outOfRange(field: "dueAt", reason: "\(error)"))
        }
    }
}
