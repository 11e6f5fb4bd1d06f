/// 挂牌督办级别 — the government level at which a major hazard is listed for supervision (SPEC M3).
public enum ListingLevel: String, Codable, CaseIterable, Comparable, Sendable {
    /// 区级 — listed by the district (000 阳政办(2017)45号: 区级重大火灾隐患).
    case district
    /// 市级 — listed by the city.
    case city
    /// 省级 — listed by the province.
    case province

    /// 升级督办 — the level one step up, or nil at the province, above which Duban does not list
    /// (000 阳政办(2017)45号: "据实上报、分步整改、按期销案、升级督办").
    public var escalated: ListingLevel? {
        switch self {
        case .district: .city
        case .city: .province
        case .province: nil
        }
    }

    /// "区级", "市级", "省级".
    public var chinese: String {
        switch self {
        case .district: "区级"
        case .city: "市级"
        case .province: "省级"
        }
    }

    /// District below city below province.
    public static func < (lhs: ListingLevel, rhs: ListingLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .district: 0
        case .city: 1
        case .province: 2
        }
    }
}
