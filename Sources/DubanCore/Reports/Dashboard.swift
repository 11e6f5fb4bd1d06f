import Foundation

/// 首页看板 — what each role's home page shows (SPEC M8 "dashboards per role"). Pure: the server counts,
/// this decides which panels a role gets and turns an assessment into the hotline KPIs.
public enum DashboardPanel: String, CaseIterable, Codable, Sendable {
    /// Today's due and overdue work (SPEC M3 deadlines).
    case work
    /// The unit's rank in the hotline score (000 阳政办(2017)33号 附件7) and task supervision.
    case rank
    /// Open listed hazards (000 阳政办(2017)45号 挂牌督办).
    case listed
    /// Hotline KPIs: on-time sign-for, on-time completion, satisfaction (附件7 items 7, 8, 13).
    case hotline
    /// Credit grade distribution (SPEC A3).
    case credit
    /// Elevator compliance (maintenance and inspection).
    case elevators

    /// The panels a role's home page shows. Every role sees its work; leaders and supervisors see
    /// everything; a unit operator sees its own unit's rank and hotline KPIs; an enterprise its own
    /// hazards, credit and elevators; an evaluator only the cases given to it (its work).
    public static func panels(for role: Role) -> [DashboardPanel] {
        switch role {
        case .admin, .supervisor, .leader: allCases
        case .dispatcher: [.work, .hotline, .rank]
        case .unitOperator: [.work, .rank, .hotline, .listed, .elevators]
        case .inspector: [.work, .listed, .credit, .elevators]
        case .enterprise: [.work, .listed, .credit, .elevators]
        case .evaluator: [.work]
        }
    }
}

/// The hotline KPIs of a set of units in one assessment period, from the engine's own deductions, so
/// the dashboard and the score can never disagree: a case signed late (附件7 (7), 4 working hours) or
/// closed late (附件7 (8)) is exactly a case the score deducted for.
public struct HotlineKPIs: Hashable, Codable, Sendable {
    public var cases: Int
    public var signedLate: Int
    public var completedLate: Int
    /// Cases in the satisfaction rate (附件7 (13)) and those rated satisfied.
    public var satisfactionEligible: Int
    public var satisfied: Int

    public init(cases: Int = 0, signedLate: Int = 0, completedLate: Int = 0, satisfactionEligible: Int = 0, satisfied: Int = 0) {
        self.cases = cases
        self.signedLate = signedLate
        self.completedLate = completedLate
        self.satisfactionEligible = satisfactionEligible
        self.satisfied = satisfied
    }

    /// Sums the lines of `units` (nil: every unit). A case counts once per reason, however many
    /// deductions it drew.
    public init(_ assessment: HotlineAssessment, units: Set<String>? = nil) {
        self.init()
        for unit in assessment.units where units?.contains(unit.unit) ?? true {
            cases += unit.cases
            var late = Set<String>(), overdue = Set<String>()
            for deduction in unit.deductions {
                guard let id = deduction.caseID else { continue }
                switch deduction.reason {
                case .signedLate, .unsignedAtPeriodEnd: late.insert(id)
                case .closedLate, .openOverdue: overdue.insert(id)
                default: break
                }
            }
            signedLate += late.count
            completedLate += overdue.count
            satisfactionEligible += unit.satisfactionTally.eligible
            satisfied += unit.satisfactionTally.satisfied
        }
    }

    /// Percentages with one decimal, nil without cases.
    public var signForOnTimePercent: Double? { Self.percent(cases - signedLate, of: cases) }
    public var completionOnTimePercent: Double? { Self.percent(cases - completedLate, of: cases) }
    public var satisfactionPercent: Double? { Self.percent(satisfied, of: satisfactionEligible) }

    static func percent(_ part: Int, of whole: Int) -> Double? {
        guard whole > 0 else { return nil }
        return (Double(max(part, 0)) * 1000 / Double(whole)).rounded() / 10
    }
}

/// The China-time day around an instant, for "due today".
public enum DashboardDay {
    /// The start of the next China calendar day after `now` (the end of today).
    public static func endOfToday(_ now: Date) -> Date {
        guard let day = LocalDate(chinaTimeOf: now) else { return now }
        return day.chinaDate(hour: 24)
    }

    /// The Monday starting each of the `count` China-time weeks ending with the week of `now`, oldest first.
    public static func weekStarts(_ now: Date, count: Int) -> [Date] {
        guard let today = LocalDate(chinaTimeOf: now) else { return [] }
        let startOfToday = today.chinaDate()
        // 1970-01-01 was a Thursday: day number + 3 mod 7 is days since Monday.
        let sinceMonday = ((Int((startOfToday.timeIntervalSince1970 + TimeInterval(ChinaTime.secondsFromGMT)) / 86_400) + 3) % 7 + 7) % 7
        let monday = startOfToday.addingTimeInterval(-Double(sinceMonday) * 86_400)
        return (0..<max(count, 0)).reversed().map { monday.addingTimeInterval(-Double($0) * 7 * 86_400) }
    }
}

extension DashboardDay {
    /// `yyyymmdd` of `now`'s China-time day, for file names.
    public static func stamp(_ now: Date) -> String {
        guard let day = LocalDate(chinaTimeOf: now) else { return "export" }
        return day.description.replacingOccurrences(of: "-", with: "")
    }
}
