/// 认定依据 — which rule of 004 成府发〔2015〕29号 part 二 (确定电梯使用单位) decided the use unit.
public enum UseUnitBasis: String, Codable, CaseIterable, Sendable {
    /// 二(一): the compound entrusts a property-service company, which is the use unit.
    case propertyServiceCompany = "property_service_company"
    /// 二(四): public rental housing without a property-service company: the project owner unit.
    case publicRentalProjectOwner = "public_rental_project_owner"
    /// 二(四): a government-built resettlement compound without a property-service company: the use
    /// unit the district's own rules name.
    case districtRule = "district_rule"
    /// 二(三): a single owner is the use unit.
    case singleOwner = "single_owner"
    /// 二(三): several owners agreed on the use unit.
    case ownersAgreement = "owners_agreement"
    /// 二(三): the owners could not agree; the township or street designated one owner, the others
    /// jointly liable.
    case streetDesignation = "street_designation"
    /// No rule applies yet: the elevator has no use unit and may not be in service.
    case undetermined

    /// The seed's words for the rule (004 成府发〔2015〕29号 二), for the record.
    public var citation: String {
        switch self {
        case .propertyServiceCompany:
            "成府发〔2015〕29号 二(一): 委托物业服务企业管理的住宅小区,物业服务企业为电梯使用单位,承担电梯安全使用管理责任。"
        case .publicRentalProjectOwner:
            "成府发〔2015〕29号 二(四): 未委托物业服务企业管理的公共租赁住房,住宅小区的项目业主单位为电梯使用单位。"
        case .districtRule:
            "成府发〔2015〕29号 二(四): 政府建设的集中居住小区,由各区(市)县政府结合本地实际,制定办法明确电梯使用单位。"
        case .singleOwner:
            "成府发〔2015〕29号 二(三): 只有1个所有权人的,该所有权人为电梯使用单位。"
        case .ownersAgreement:
            "成府发〔2015〕29号 二(三): 有多个所有权人的,应当共同协商确定电梯使用单位;业主按照产权份额承担电梯安全使用管理责任。"
        case .streetDesignation:
            "成府发〔2015〕29号 二(三): 经协商无法确定的,由所在地乡镇政府(街道办事处)协调确定其中1个所有权人为电梯安全使用管理的责任人,其他所有权人承担连带责任。"
        case .undetermined:
            "成府发〔2015〕29号 二: 电梯未明确使用单位的,不得投入使用。"
        }
    }

    /// A short Chinese label: "物业服务企业", "项目业主单位", "区县办法", "唯一所有权人", "业主协商确定",
    /// "街道协调确定", "未明确".
    public var chinese: String {
        switch self {
        case .propertyServiceCompany: "物业服务企业"
        case .publicRentalProjectOwner: "项目业主单位"
        case .districtRule: "区县办法"
        case .singleOwner: "唯一所有权人"
        case .ownersAgreement: "业主协商确定"
        case .streetDesignation: "街道协调确定"
        case .undetermined: "未明确"
        }
    }
}
