/// 住宅类型 — the kind of residential compound, which decides some use-unit rules
/// (004 成府发〔2015〕29号 二(四)).
public enum HousingKind: String, Codable, CaseIterable, Sendable {
    /// 普通住宅小区 — an ordinary compound.
    case ordinary
    /// 公共租赁住房 — public rental housing.
    case publicRental = "public_rental"
    /// 政府建设的集中居住小区 — a government-built resettlement compound.
    case governmentResettlement = "government_resettlement"

    /// "普通住宅小区", "公共租赁住房", "政府建设的集中居住小区".
    public var chinese: String {
        switch self {
        case .ordinary: "普通住宅小区"
        case .publicRental: "公共租赁住房"
        case .governmentResettlement: "政府建设的集中居住小区"
        }
    }
}
