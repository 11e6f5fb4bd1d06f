/// 满意度 — the caller's answer at the follow-up call (回访), SPEC M4 and A2.
public enum HotlineSatisfaction: String, CaseIterable, Codable, Sendable {
    /// 非常满意 — very satisfied.
    case verySatisfied = "非常满意"
    /// 满意 — satisfied.
    case satisfied = "满意"
    /// 基本满意 — basically satisfied.
    case basicallySatisfied = "基本满意"
    /// 不满意 — dissatisfied.
    case dissatisfied = "不满意"

    /// Whether the answer counts towards the satisfaction rate's numerator
    /// (000 阳政办(2017)33号 附件7 (13): "(群众非常满意数+满意数+基本满意数)").
    public var countsAsSatisfied: Bool {
        self != .dissatisfied
    }
}
