/// 第三方志愿评价员 — a third-party volunteer evaluator of dissatisfied cases, known to the system by
/// a position code (000 阳政办〔2017〕33号 附件6 第七条: "评价员很据…提供的岗位代码和密码登录…第三方评价系统").
public struct HotlineEvaluator: Hashable, Codable, Sendable, Identifiable {
    /// 岗位代码 — the position code, unique.
    public var positionCode: String
    /// The evaluator's name (shown to hotline staff only).
    public var name: String
    /// The evaluator's share weight: with ratios 2:1:1 the first gets half of the cases. 0 takes none.
    public var ratio: Int
    /// An evaluator away (出差、生病, 附件6 第十五条) or disqualified (第十六条) gets no new cases.
    public var active: Bool

    public init(positionCode: String, name: String = "", ratio: Int = 1, active: Bool = true) {
        self.positionCode = positionCode
        self.name = name
        self.ratio = ratio
        self.active = active
    }

    public var id: String { positionCode }

    /// The largest ratio accepted, which keeps the assignment arithmetic far from overflow.
    public static let maximumRatio = 1_000

    /// Checks an administrator's list: position codes non-blank and unique, ratios 0…``maximumRatio``.
    public static func validate(_ evaluators: [HotlineEvaluator]) throws(HotlineError) {
        var codes = Set<String>()
        for (index, evaluator) in evaluators.enumerated() {
            let code = TextNormalization.clean(evaluator.positionCode)
            guard !code.isEmpty else { throw .required(field: "evaluators[\(index)].positionCode") }
            guard codes.insert(code).inserted else {
                throw .invalidConfiguration(field: "evaluators[\(index)].positionCode", reason: "duplicate position code \(code)")
            }
            guard (0...maximumRatio).contains(evaluator.ratio) else {
                throw .invalidConfiguration(field: "evaluators[\(index)].ratio", reason: "must be 0…\(maximumRatio), got \(evaluator.ratio)")
            }
        }
    }
}
