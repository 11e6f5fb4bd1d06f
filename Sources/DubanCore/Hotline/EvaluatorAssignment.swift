/// One case given to one evaluator.
public struct EvaluatorAssignmentDecision: Hashable, Codable, Sendable {
    public let caseID: String
    /// The chosen evaluator's position code.
    public let positionCode: String
}

/// 评价分派 — gives each dissatisfied case to an evaluator "by ratio and position code"
/// (000 阳政办〔2017〕33号 附件3 第四条: "市长专线、区长专线系统将群众不满意件按比例和岗位代码自动分派给评价员";
/// 附件6 第七条 第二步).
///
/// Deterministic: among active evaluators with a ratio above 0, the one furthest below its share
/// gets the case. With ratio r, current count c, R the sum of ratios and C the sum of counts, the
/// evaluator's due after this case is r·(C+1)/R, and it is owed r·(C+1)/R − c; the largest owed wins
/// (compared exactly as r·(C+1) − c·R), ties going to the smallest position code. Each count then stays
/// within one case of its exact share, so the long-run shares are the ratios.
public enum EvaluatorAssignment {
    /// The evaluator for `caseID`, given each evaluator's cases so far keyed by position code
    /// (missing = 0; counts of inactive evaluators are ignored). Throws
    /// ``HotlineError/noActiveEvaluator`` when nobody can take it.
    public static func assign(caseID: String, evaluators: [HotlineEvaluator],
                              assignedCounts: [String: Int]) throws(HotlineError) -> EvaluatorAssignmentDecision {
        var eligible: [(code: String, ratio: Int, count: Int)] = []
        var seen = Set<String>()
        for evaluator in evaluators where evaluator.active && evaluator.ratio > 0 {
            let code = TextNormalization.clean(evaluator.positionCode)
            guard !code.isEmpty, seen.insert(code).inserted else { continue }
            let ratio = min(evaluator.ratio, HotlineEvaluator.maximumRatio)
            eligible.append((code, ratio, max(0, assignedCounts[evaluator.positionCode] ?? assignedCounts[code] ?? 0)))
        }
        let totalRatio = eligible.reduce(0) { $0 + $1.ratio }
        let totalCount = eligible.reduce(0) { $0 + $1.count }
        let best = eligible.max { lhs, rhs in
            let lhsOwed = lhs.ratio * (totalCount + 1) - lhs.count * totalRatio
            let rhsOwed = rhs.ratio * (totalCount + 1) - rhs.count * totalRatio
            // Equal owed: the smaller position code ranks higher, so the order is total.
            return lhsOwed != rhsOwed ? lhsOwed < rhsOwed : lhs.code > rhs.code
        }
        guard let best else { throw .noActiveEvaluator }
        return EvaluatorAssignmentDecision(caseID: caseID, positionCode: best.code)
    }
}
