/// 确定电梯使用单位 — the use-unit rules of 004 成府发〔2015〕29号 part 二, applied in order.
public enum UseUnitDetermination {
    /// Decides the use unit from `facts`:
    /// 1. public rental housing without a property-service company → its project owner unit (二(四));
    /// 2. a property-service company manages the compound → that company (二(一)); this also covers
    ///    public rental housing that has one, as 二(四) is limited to "未委托物业服务企业管理的公共租赁住房";
    /// 3. a government-built resettlement compound without one → the use unit under the district's
    ///    rules (二(四));
    /// 4. otherwise the owners (二(三)): a single owner → that owner; several → the one they agreed
    ///    on, the others sharing liability by ownership share; failing agreement → the owner the
    ///    township or street designated, the others jointly liable;
    /// 5. nothing applies → undetermined, with the facts that are missing.
    public static func determine(_ facts: UseUnitFacts) -> UseUnitDecision {
        let company = cleaned(facts.propertyServiceCompany)
        if facts.housing == .publicRental, company == nil {
            guard let projectOwner = cleaned(facts.projectOwnerUnit) else {
                return UseUnitDecision(useUnit: nil, basis: .undetermined, missing: [.propertyServiceCompany, .projectOwnerUnit])
            }
            return UseUnitDecision(useUnit: projectOwner, basis: .publicRentalProjectOwner)
        }
        if let company {
            return UseUnitDecision(useUnit: company, basis: .propertyServiceCompany)
        }
        if facts.housing == .governmentResettlement {
            guard let designated = cleaned(facts.districtDesignatedUseUnit) else {
                return UseUnitDecision(useUnit: nil, basis: .undetermined, missing: [.propertyServiceCompany, .districtDesignatedUseUnit])
            }
            return UseUnitDecision(useUnit: designated, basis: .districtRule)
        }
        return byOwners(facts)
    }

    /// Rule 二(三): the owners of a compound without a property-service company.
    private static func byOwners(_ facts: UseUnitFacts) -> UseUnitDecision {
        let owners = distinctOwners(facts.owners)
        if owners.isEmpty {
            return UseUnitDecision(useUnit: nil, basis: .undetermined, missing: [.propertyServiceCompany, .owners])
        }
        if owners.count == 1 {
            return UseUnitDecision(useUnit: owners[0], basis: .singleOwner)
        }
        if let agreed = cleaned(facts.agreedUseUnit) {
            return UseUnitDecision(useUnit: agreed, jointlyLiable: others(of: agreed, in: owners), basis: .ownersAgreement)
        }
        guard let designated = cleaned(facts.streetDesignatedOwner) else {
            return UseUnitDecision(useUnit: nil, basis: .undetermined, missing: [.agreedUseUnit, .streetDesignatedOwner])
        }
        // "协调确定其中1个所有权人": the street designates one of the owners, no one else.
        guard let owner = owners.first(where: { TextNormalization.nameKey($0) == TextNormalization.nameKey(designated) }) else {
            return UseUnitDecision(
                useUnit: nil, basis: .undetermined, missing: [.agreedUseUnit, .streetDesignatedOwner], rejected: [.streetDesignatedOwner])
        }
        return UseUnitDecision(useUnit: owner, jointlyLiable: others(of: owner, in: owners), basis: .streetDesignation)
    }

    /// The owners, cleaned, blanks dropped, duplicates (by ``TextNormalization/nameKey(_:)``) removed,
    /// in the order given.
    private static func distinctOwners(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.compactMap(cleaned).filter { seen.insert(TextNormalization.nameKey($0)).inserted }
    }

    private static func others(of chosen: String, in owners: [String]) -> [String] {
        owners.filter { TextNormalization.nameKey($0) != TextNormalization.nameKey(chosen) }
    }

    private static func cleaned(_ name: String?) -> String? {
        guard let name else { return nil }
        let text = TextNormalization.clean(name)
        return text.isEmpty ? nil : text
    }
}
