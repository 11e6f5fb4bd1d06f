/// 异议处理 — how long a reviewer has to decide an objection (004 成府发〔2018〕12号 requires a
/// 告知、异议和投诉 procedure but gives no time limit).
public struct CreditObjectionRules: Hashable, Codable, Sendable {
    /// Working days from filing to decision. Duban's default, 15: in line with local credit
    /// platforms (e.g. 信用广州: accept within 2, check within 2, the providing department replies
    /// within 10 working days), not a seed number.
    public var reviewWorkingDays: Int

    /// An objection review limit of `reviewWorkingDays` working days.
    public init(reviewWorkingDays: Int) {
        self.reviewWorkingDays = reviewWorkingDays
    }
}
