import Foundation

/// One item's result for one unit.
public struct SchemeItemScore: Hashable, Codable, Sendable {
    /// The item's code.
    public var code: String
    /// The points lost, at most the item's points.
    public var deduction: ScorePoints
    /// points − deduction, never below 0.
    public var score: ScorePoints
    /// The occurrences counted (perOccurrence).
    public var occurrences: Int?
    /// The rate measured (rateBands); nil also when nothing was due, which deducts nothing.
    public var rate: ExactRate?
    /// A manual item with no entry yet (scored as no deduction until entered).
    public var manualMissing: Bool
}

/// One unit's scheme score.
public struct SchemeUnitScore: Hashable, Codable, Sendable {
    /// The unit.
    public var unit: String
    /// Per item, in the scheme's order.
    public var items: [SchemeItemScore]
    /// The sum of the item scores.
    public var total: ScorePoints
    /// 1 = highest total; equal totals share a rank (1, 2, 2, 4).
    public var rank: Int
}

/// Scores units on a data-defined ``AssessmentScheme``.
public enum SchemeScoring {
    /// The scores of every unit in `facts`, highest total first (ties by unit name).
    ///
    /// `manual` holds an assessor's deductions: unit → item code → points lost (≥ 0), capped at the
    /// item's points. A manual item without an entry deducts nothing and is flagged `manualMissing`.
    /// Throws ``SchemeError`` when the scheme is invalid, a unit repeats, a rate's counts are
    /// impossible, a manual entry names an unknown unit or a non-manual item, or is negative.
    public static func score(scheme: AssessmentScheme, facts: [SchemeUnitFacts],
                             manual: [String: [String: ScorePoints]] = [:]) throws -> [SchemeUnitScore] {
        try scheme.validate()
        var units = Set<String>()
        for (index, unit) in facts.enumerated() {
            if unit.unit.trimmingCharacters(in: .whitespaces).isEmpty { throw SchemeError.missingField("facts[\(index)].unit") }
            if !units.insert(unit.unit).inserted { throw SchemeError.duplicateCode(field: "facts[\(index)].unit", code: unit.unit) }
            let counts = [unit.overdueItems, unit.lateSignFor, unit.yellowCards, unit.redCards, unit.unclosedItems, unit.itemsDue]
            if counts.contains(where: { $0 < 0 }) || !(0...max(0, unit.itemsDue)).contains(unit.itemsClosedOnTime) {
                throw SchemeError.invalidValue(field: "facts[\(index)]", chinese: "计数不能为负，按期完成数不能超过应完成数",
                                               english: "counts cannot be negative and itemsClosedOnTime cannot exceed itemsDue")
            }
        }
        let manualCodes = Set(scheme.items.filter { $0.rule == .manual }.map(\.code))
        for (unit, entries) in manual {
            if !units.contains(unit) {
                throw SchemeError.invalidValue(field: "manual.\(unit)", chinese: "未知单位", english: "unknown unit")
            }
            for (code, points) in entries {
                if !manualCodes.contains(code) {
                    throw SchemeError.invalidValue(field: "manual.\(unit).\(code)", chinese: "不是人工评分项",
                                                   english: "not a manual item of the scheme")
                }
                if points < .zero {
                    throw SchemeError.invalidValue(field: "manual.\(unit).\(code)", chinese: "扣分不能为负",
                                                   english: "a deduction cannot be negative")
                }
            }
        }
        var scored: [SchemeUnitScore] = []
        for unit in facts {
            let entries: [String: ScorePoints] = manual[unit.unit] ?? [:]
            let items: [SchemeItemScore] = scheme.items.map { item in score(item, unit, entries[item.code]) }
            var total = ScorePoints.zero
            for item in items { total += item.score }
            scored.append(SchemeUnitScore(unit: unit.unit, items: items, total: total, rank: 0))
        }
        scored.sort { $0.total != $1.total ? $0.total > $1.total : $0.unit < $1.unit }
        return scored.enumerated().map { index, unit in
            var unit = unit
            unit.rank = (scored.firstIndex { $0.total == unit.total } ?? index) + 1
            return unit
        }
    }

    private static func score(_ item: SchemeItem, _ facts: SchemeUnitFacts, _ entered: ScorePoints?) -> SchemeItemScore {
        var raw = ScorePoints.zero
        var occurrences: Int?
        var rate: ExactRate?
        switch item.rule {
        case .perOccurrence(let metric, let points):
            occurrences = facts.count(metric)
            raw = points.times(facts.count(metric))
        case .rateBands(let metric, let bands):
            rate = facts.rate(metric)
            if let rate {
                // Lower bound inclusive: the first (highest) band whose bound the rate reaches.
                raw = bands.first { rate.isAtLeast(percent: $0.atLeastPercent) }?.deduction ?? item.points
            }
        case .manual:
            raw = entered ?? .zero
        }
        // "扣完为止": an item never goes below 0.
        let deduction = min(raw, item.points)
        return SchemeItemScore(code: item.code, deduction: deduction, score: item.points - deduction,
                               occurrences: occurrences, rate: rate, manualMissing: item.rule == .manual && entered == nil)
    }
}
