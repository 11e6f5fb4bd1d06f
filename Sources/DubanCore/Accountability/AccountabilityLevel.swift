/// 责任追究等级 — the three rungs of the accountability ladder of 000 阳政办(2017)33号 附件5.
public enum AccountabilityLevel: String, Codable, CaseIterable, Sendable {
    /// 函告 — a formal letter to the unit's principal leader; the unit disciplines the person directly
    /// responsible (附件5 第四条).
    case letter
    /// 约谈 — an interview of the leader in charge or the principal leader by the 区治庸办, followed by a
    /// written rectification plan (附件5 第五条、第六条).
    case interview
    /// 问责 — held to account by the 区治庸办 (附件5 第七条).
    case accountability

    /// "函告", "约谈", "问责".
    public var chinese: String {
        switch self {
        case .letter: "函告"
        case .interview: "约谈"
        case .accountability: "问责"
        }
    }
}
