/// Where a repair application (信用修复申请) is: applied → approved or refused (004 成府发〔2018〕12号: 信用修复).
public enum CreditRepairState: String, Codable, CaseIterable, Sendable {
    /// 已申请 — applied, under review.
    case applied
    /// 准予修复 — approved: the record's publication and scoring end; the record is kept.
    case approved
    /// 不予修复 — refused: the record stands.
    case refused

    /// "已申请", "准予修复", "不予修复".
    public var chinese: String {
        switch self {
        case .applied: "已申请"
        case .approved: "准予修复"
        case .refused: "不予修复"
        }
    }
}
