/// Who is acting on an item: the account's role and the id of the unit it belongs to.
public struct ActorFacts: Hashable, Codable, Sendable {
    /// The account's role.
    public var role: Role
    /// The id of the account's unit.
    public var unitID: String

    /// An actor with `role` in unit `unitID`.
    public init(role: Role, unitID: String) {
        self.role = role
        self.unitID = unitID
    }
}
