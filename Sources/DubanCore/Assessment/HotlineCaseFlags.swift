/// Counted findings about one hotline case, entered by the hotline centre after spot checks and
/// reviews (000 阳政办(2017)33号 附件7 items 9, 10 and 12). Every count is ≥ 0; absent is 0.
public struct HotlineCaseFlags: Hashable, Sendable {
    /// 回复内容弄虚作假 — false reply (item 9, −1 each).
    public let falseReply: Int
    /// 反馈内容过于简单、无实质内容 — reply too thin (item 9, −0.5 each).
    public let thinReply: Int
    /// 答非所问,敷衍了事 — reply off the point (item 9, −0.5 each).
    public let offTopic: Int
    /// 缺少回访时间、投诉人满意度 — reply without follow-up time or satisfaction (item 9, −0.5 each).
    public let missingFollowUpInfo: Int
    /// 对职责范围内的投诉件拖延、推诿 — shirked a case within the unit's remit (item 10, −1 each).
    public let shirked: Int
    /// 重点案件书面督办仍然推诿 — still shirked after written supervision (item 10, −1 each).
    public let shirkedAfterWrittenSupervision: Int
    /// 二次督办件首办责任单位推诿 — shirked a second-supervision case (item 12, −1 each).
    public let secondSupervisionShirked: Int

    /// No findings.
    public static let noFindings = HotlineCaseFlags(validated: 0, 0, 0, 0, 0, 0, 0)

    /// Throws ``AssessmentError/invalidValue(line:field:chinese:english:)`` for a negative count.
    public init(falseReply: Int = 0, thinReply: Int = 0, offTopic: Int = 0, missingFollowUpInfo: Int = 0,
                shirked: Int = 0, shirkedAfterWrittenSupervision: Int = 0, secondSupervisionShirked: Int = 0) throws {
        let counts = [("falseReply", falseReply), ("thinReply", thinReply), ("offTopic", offTopic),
                      ("missingFollowUpInfo", missingFollowUpInfo), ("shirked", shirked),
                      ("shirkedAfterWrittenSupervision", shirkedAfterWrittenSupervision),
                      ("secondSupervisionShirked", secondSupervisionShirked)]
        if let negative = counts.first(where: { $0.1 < 0 }) {
            throw InputProblem.negative.error(line: nil, field: "flags.\(negative.0)")
        }
        self.init(validated: falseReply, thinReply, offTopic, missingFollowUpInfo, shirked,
                  shirkedAfterWrittenSupervision, secondSupervisionShirked)
    }

    private init(validated falseReply: Int, _ thinReply: Int, _ offTopic: Int, _ missingFollowUpInfo: Int,
                 _ shirked: Int, _ shirkedAfterWrittenSupervision: Int, _ secondSupervisionShirked: Int) {
        self.falseReply = falseReply
        self.thinReply = thinReply
        self.offTopic = offTopic
        self.missingFollowUpInfo = missingFollowUpInfo
        self.shirked = shirked
        self.shirkedAfterWrittenSupervision = shirkedAfterWrittenSupervision
        self.secondSupervisionShirked = secondSupervisionShirked
    }
}

extension HotlineCaseFlags: Codable {
    private enum CodingKeys: String, CodingKey {
        case falseReply, thinReply, offTopic, missingFollowUpInfo, shirked, shirkedAfterWrittenSupervision,
             secondSupervisionShirked
    }

    /// Reads SPEC A2's `flags` object; absent fields are 0, negative ones are refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(validated: try container.decodeCount(forKey: .falseReply), try container.decodeCount(forKey: .thinReply),
                  try container.decodeCount(forKey: .offTopic), try container.decodeCount(forKey: .missingFollowUpInfo),
                  try container.decodeCount(forKey: .shirked),
                  try container.decodeCount(forKey: .shirkedAfterWrittenSupervision),
                  try container.decodeCount(forKey: .secondSupervisionShirked))
    }

    /// Writes all seven counts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(falseReply, forKey: .falseReply)
        try container.encode(thinReply, forKey: .thinReply)
        try container.encode(offTopic, forKey: .offTopic)
        try container.encode(missingFollowUpInfo, forKey: .missingFollowUpInfo)
        try container.encode(shirked, forKey: .shirked)
        try container.encode(shirkedAfterWrittenSupervision, forKey: .shirkedAfterWrittenSupervision)
        try container.encode(secondSupervisionShirked, forKey: .secondSupervisionShirked)
    }
}
