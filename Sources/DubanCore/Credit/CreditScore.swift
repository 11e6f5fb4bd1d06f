import Foundation

/// 信用评分 — score, grade and list conditions of one subject (SPEC M6, A3; 002 篇1: points deducted
/// by hazard danger and violation severity, grades by score band, measures by grade).
public enum CreditScore {
    /// The standing at `now` from the subject's `records` (give the records of one subject only).
    ///
    /// - Score = ``CreditRules/baseScore`` + the points of every record that counts at `now`
    ///   (``CreditRecord/counts(at:)``), commendations together at most ``CreditRules/commendationCap``.
    /// - Red list: a grade in ``CreditRedListRules/grades``, no penalty decision (other than a
    ///   revoked one) in the ``CreditRedListRules/penaltyFreeMonths`` before today, and no black-list
    ///   condition. A repaired or expired penalty still bars the red list inside the window: repair
    ///   ends the punishment, it does not earn a reward.
    /// - Black list: see ``blackListReasons(counting:grade:rules:)``.
    public static func evaluate(records: [CreditRecord], at now: Date, rules: CreditRules) -> CreditStanding {
        let today = CreditTime.day(of: now)
        let counting = records.filter { $0.counts(at: now) }
        let deductions = counting.filter { $0.kind != .commendation }.reduce(0) { $0 + $1.points }
        let commendations = counting.filter { $0.kind == .commendation }.reduce(0) { $0 + $1.points }
        let commendationPoints = min(commendations, rules.commendationCap)
        let score = rules.baseScore + deductions + commendationPoints
        let grade = rules.gradeBands.grade(for: score)
        let reasons = blackListReasons(counting: counting, grade: grade, rules: rules)
        return CreditStanding(
            day: today, score: score, grade: grade, deductions: deductions, commendationPoints: commendationPoints,
            countingRecordIDs: counting.map(\.id),
            isRedListEligible: rules.redList.grades.contains(grade) && reasons.isEmpty
                && !hasPenalty(records, inMonths: rules.redList.penaltyFreeMonths, before: today),
            blackListReasons: reasons, measures: rules.measures[grade])
    }

    /// The black-list entry conditions that hold (SPEC A3), in ``BlackListReason`` order:
    /// - low grade: the grade is one of ``CreditBlackListRules/entryGrades``;
    /// - repeated penalties: ``CreditBlackListRules/penaltyCount`` counting penalty decisions whose
    ///   decision dates lie within one window of ``CreditBlackListRules/penaltyWindowMonths``, i.e.
    ///   the last is before the first + 12 months (004 成府发〔2015〕29号: "12个月内…被处罚两次以上").
    ///   The window is half-open like every Duban period: decisions exactly 12 months apart are not
    ///   within 12 months; 12 months less a day apart are;
    /// - accident: a counting accident-responsibility record, when ``CreditBlackListRules/entersOnAccident``.
    static func blackListReasons(counting: [CreditRecord], grade: CreditGrade, rules: CreditRules) -> [BlackListReason] {
        var reasons: [BlackListReason] = []
        if rules.blackList.entryGrades.contains(grade) {
            reasons.append(.lowGrade)
        }
        let penaltyDates = counting.filter(\.kind.isPenalty).map(\.decisionDate).sorted()
        let count = rules.blackList.penaltyCount
        if count >= 1, penaltyDates.count >= count {
            let window = rules.blackList.penaltyWindowMonths
            let clustered = (0...(penaltyDates.count - count)).contains { first in
                penaltyDates[first + count - 1] < CreditTime.adding(months: window, to: penaltyDates[first])
            }
            if clustered { reasons.append(.repeatedPenalties) }
        }
        if rules.blackList.entersOnAccident, counting.contains(where: { $0.kind == .accidentResponsibility }) {
            reasons.append(.accidentResponsibility)
        }
        return reasons
    }

    /// Whether a penalty decision, not revoked, lies in the `months` months ending `today`: decided
    /// on or before today, and today before the decision date + `months` (half-open, so a penalty
    /// exactly 24 months old is outside a 24-month window and one 23 months old is inside).
    static func hasPenalty(_ records: [CreditRecord], inMonths months: Int, before today: LocalDate) -> Bool {
        records.contains { record in
            record.kind.isPenalty && record.state != .revoked && record.decisionDate <= today
                && today < CreditTime.adding(months: months, to: record.decisionDate)
        }
    }
}
