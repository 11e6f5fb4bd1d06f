import Foundation

/// 考评计分 — the hotline assessment engine (000 阳政办(2017)33号 附件7 考评计分办法 and 考核评分表,
/// SPEC M5 and A2). Pure: the cases, the unit facts, the period and the working calendar are given.
public enum HotlineScoring {
    /// Scores every unit with a case assigned in `period` or a line in `units`, and ranks them.
    ///
    /// Per unit (SPEC A2): items 1–14 each floored at 0 ("扣完为止") and rounded to 2 decimals (half
    /// away from zero); base = their sum (max 100); bonus = min(5, bonus cases); penalty =
    /// 5 × discipline referrals + 10 × interviews; total = base + bonus − penalty. Units are in rank
    /// order: total descending, equal totals sharing a rank (1, 2, 2, 4) and listed by unit name.
    /// Cases assigned outside the period are ignored; facts of a case dated after the period end
    /// still count for it.
    ///
    /// Throws ``AssessmentError/duplicateUnit(line:unit:firstLine:)`` when `units` names a unit
    /// twice, ``AssessmentError/invalidValue(line:field:chinese:english:)`` for an unusable
    /// `policy`, and ``AssessmentError/calendar(caseID:field:_:)`` for an instant outside years 1–9999.
    public static func score(cases: [HotlineCaseInput], units: [HotlineUnitInput], period: AssessmentPeriod,
                             calculator: DeadlineCalculator, policy: HotlineScoringPolicy = .standard)
        throws -> HotlineAssessment {
        try validate(policy)
        var slots: [String: Int] = [:]
        var tallies: [HotlineUnitTally] = []
        for facts in units {
            if slots[facts.unit] != nil {
                throw AssessmentError.duplicateUnit(line: nil, unit: facts.unit, firstLine: nil)
            }
            slots[facts.unit] = tallies.count
            var tally = HotlineUnitTally(unit: facts.unit)
            tally.facts = facts
            tallies.append(tally)
        }
        let rules = HotlineCaseRules(period: period, calculator: calculator, policy: policy)
        let start = period.start
        let end = period.end
        var lastUnit: String?
        var lastSlot = 0
        for item in cases where start <= item.assignedAt && item.assignedAt < end {
            // Cases usually come grouped by unit; skip the hash lookup for a run of the same unit.
            if item.unit != lastUnit {
                if let slot = slots[item.unit] {
                    lastSlot = slot
                } else {
                    lastSlot = tallies.count
                    slots[item.unit] = lastSlot
                    tallies.append(HotlineUnitTally(unit: item.unit))
                }
                lastUnit = item.unit
            }
            try rules.apply(item, to: &tallies[lastSlot])
        }
        return HotlineAssessment(period: period, units: ranked(tallies.map { unitScore($0, policy: policy) }))
    }

    /// Items 1–6, 11 and 13 from the unit's totals, then the floors, base, bonus, penalty and total.
    private static func unitScore(_ tally: HotlineUnitTally, policy: HotlineScoringPolicy) -> HotlineUnitScore {
        var tally = tally
        if let facts = tally.facts {
            // Items 1–6: the assessor's deductions (SPEC A2: "10 − organisationDeductions").
            if facts.organisationDeductions > .zero {
                tally.deduct(facts.organisationDeductions, from: .organisation, caseID: nil, reason: .organisationFindings)
            }
            // 000 附件7 (11): "区长专线自办件市级考核成绩每扣1分,对应扣相关承办单位2分".
            if facts.cityDeductions > .zero {
                tally.deduct(facts.cityDeductions.times(policy.cityDeductionMultiplier), from: .cityAssessment,
                             caseID: nil, reason: .cityDeductions)
            }
        }
        // Item 13 (30 points): the band of the rate; no eligible case keeps full marks (SPEC A2).
        if tally.satisfaction.eligible > 0 {
            tally.deducted[HotlineItem.satisfaction.index] += bandDeduction(tally.satisfaction, policy: policy)
        }
        var items = HotlineItemScores.full
        for item in HotlineItem.allCases {
            // "扣完为止": an item never goes below zero.
            items[item] = max(.zero, item.maximum - tally.deducted[item.index]).roundedToHundredths()
        }
        let base = items.sum
        let facts = tally.facts
        // 000 附件7 (15): "每件加1分…加分最高不超过5分".
        let bonus = min(policy.bonusCap, policy.bonusPerCase.times(facts?.bonusCases ?? 0)).roundedToHundredths()
        // 000 附件7 (16): "移交纪委进行协调处理的案件,每件扣5分;被约谈或追责的,扣10分".
        var penalty = policy.disciplineReferralPenalty.times(facts?.disciplineReferrals ?? 0)
            + policy.interviewPenalty.times(facts?.interviews ?? 0)
        if let cap = policy.penaltyCap { penalty = min(cap, penalty) }
        penalty = penalty.roundedToHundredths()
        // "加减分项不计入百分制,得分计入考核总分".
        return HotlineUnitScore(unit: tally.unit, items: items, base: base, bonus: bonus, penalty: penalty,
                                total: base + bonus - penalty, rank: 0, cases: tally.cases,
                                deductions: tally.deductions.flatMap { $0 }, satisfactionTally: tally.satisfaction)
    }

    /// The deduction of the first band (highest minimum first) the rate reaches; a rate below every
    /// band loses the whole item.
    static func bandDeduction(_ tally: HotlineSatisfactionTally, policy: HotlineScoringPolicy) -> ScorePoints {
        let bands = policy.satisfactionBands.sorted { $0.minimumPercent > $1.minimumPercent }
        return bands.first { tally.reaches(percent: $0.minimumPercent) }?.deduction ?? HotlineItem.satisfaction.maximum
    }

    /// Sorted by total descending, then unit name; equal totals share the rank of the first of them.
    private static func ranked(_ scores: [HotlineUnitScore]) -> [HotlineUnitScore] {
        let sorted = scores.sorted { ($0.total, $1.unit) > ($1.total, $0.unit) }
        var result: [HotlineUnitScore] = []
        result.reserveCapacity(sorted.count)
        for (position, score) in sorted.enumerated() {
            let rank = position > 0 && result[position - 1].total == score.total ? result[position - 1].rank : position + 1
            result.append(HotlineUnitScore(
                unit: score.unit, items: score.items, base: score.base, bonus: score.bonus, penalty: score.penalty,
                total: score.total, rank: rank, cases: score.cases, deductions: score.deductions,
                satisfactionTally: score.satisfactionTally))
        }
        return result
    }

    /// Refuses policy amounts the calendar cannot count with.
    private static func validate(_ policy: HotlineScoringPolicy) throws {
        let amounts = [("signForWorkingHours", policy.signForWorkingHours, DeadlineUnit.workingHours),
                       ("extensionLeadWorkingHours", policy.extensionLeadWorkingHours, .workingHours),
                       ("returnWorkingDays", policy.returnWorkingDays, .workingDays)]
        for (field, amount, unit) in amounts where !(1...unit.maximumAmount).contains(amount) {
            throw AssessmentError.invalidValue(
                line: nil, field: "policy.\(field)", chinese: "须为 1–\(unit.maximumAmount)",
                english: "must be 1…\(unit.maximumAmount)")
        }
        if policy.excessiveExtensions < 1 {
            throw AssessmentError.invalidValue(
                line: nil, field: "policy.excessiveExtensions", chinese: "须至少为 1", english: "must be at least 1")
        }
    }
}
