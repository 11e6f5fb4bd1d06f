/// 使用单位认定结果 — who the use unit is, who shares liability, and on which rule; or, when
/// undetermined, what is missing. The server records it as is.
public struct UseUnitDecision: Hashable, Codable, Sendable {
    /// The use unit (cleaned name); nil when undetermined.
    public let useUnit: String?
    /// The other owners, who share the responsibility (连带责任 / 按产权份额承担); empty when none.
    public let jointlyLiable: [String]
    /// The rule that decided, with its seed citation.
    public let basis: UseUnitBasis
    /// When undetermined: the facts any one of which would settle it.
    public let missing: [UseUnitFact]
    /// Facts given but not usable (a street designation naming someone who is not an owner).
    public let rejected: [UseUnitFact]

    /// Whether a use unit was found; without one the elevator may not be in service.
    public var isDetermined: Bool { useUnit != nil }

    /// The seed's words for the basis.
    public var citation: String { basis.citation }

    public init(
        useUnit: String?, jointlyLiable: [String] = [], basis: UseUnitBasis, missing: [UseUnitFact] = [],
        rejected: [UseUnitFact] = []
    ) {
        self.useUnit = useUnit
        self.jointlyLiable = jointlyLiable
        self.basis = basis
        self.missing = missing
        self.rejected = rejected
    }
}
