/// What is known about who should be an elevator's use unit (使用单位). Names are as entered; blank
/// names count as absent.
public struct UseUnitFacts: Hashable, Codable, Sendable {
    /// The kind of compound.
    public var housing: HousingKind
    /// 物业服务企业 — the property-service company the compound has entrusted, if any.
    public var propertyServiceCompany: String?
    /// 项目业主单位 — the project owner unit of public rental housing (产权单位).
    public var projectOwnerUnit: String?
    /// 所有权人 — the owners of the elevator (for a compound without a property-service company).
    public var owners: [String]
    /// 协商确定的使用单位 — the use unit the owners agreed on, if they did.
    public var agreedUseUnit: String?
    /// 乡镇政府(街道办事处)协调确定的责任人 — the owner the township or street designated when the owners
    /// could not agree; must be one of ``owners``.
    public var streetDesignatedOwner: String?
    /// 区(市)县政府确定的使用单位 — for a government-built resettlement compound, the use unit under the
    /// district's own rules.
    public var districtDesignatedUseUnit: String?

    public init(
        housing: HousingKind = .ordinary, propertyServiceCompany: String? = nil, projectOwnerUnit: String? = nil,
        owners: [String] = [], agreedUseUnit: String? = nil, streetDesignatedOwner: String? = nil,
        districtDesignatedUseUnit: String? = nil
    ) {
        self.housing = housing
        self.propertyServiceCompany = propertyServiceCompany
        self.projectOwnerUnit = projectOwnerUnit
        self.owners = owners
        self.agreedUseUnit = agreedUseUnit
        self.streetDesignatedOwner = streetDesignatedOwner
        self.districtDesignatedUseUnit = districtDesignatedUseUnit
    }
}

/// A fact of ``UseUnitFacts``, named as the API names it (for "what is missing").
public enum UseUnitFact: String, Codable, CaseIterable, Sendable {
    /// ``UseUnitFacts/propertyServiceCompany``.
    case propertyServiceCompany
    /// ``UseUnitFacts/projectOwnerUnit``.
    case projectOwnerUnit
    /// ``UseUnitFacts/owners``.
    case owners
    /// ``UseUnitFacts/agreedUseUnit``.
    case agreedUseUnit
    /// ``UseUnitFacts/streetDesignatedOwner``.
    case streetDesignatedOwner
    /// ``UseUnitFacts/districtDesignatedUseUnit``.
    case districtDesignatedUseUnit

    /// "物业服务企业", "项目业主单位", "所有权人", "协商确定的使用单位", "街道协调确定的责任人", "区县确定的使用单位".
    public var chinese: String {
        switch self {
        case .propertyServiceCompany: "物业服务企业"
        case .projectOwnerUnit: "项目业主单位"
        case .owners: "所有权人"
        case .agreedUseUnit: "协商确定的使用单位"
        case .streetDesignatedOwner: "街道协调确定的责任人"
        case .districtDesignatedUseUnit: "区县确定的使用单位"
        }
    }
}
