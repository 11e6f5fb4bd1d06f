/// Resolves the many spellings of one unit to that unit.
///
/// The seeds spell one department several ways (000/001: 区科技经信局 and 区科技和经信局, 区安监局 and
/// 区安全生产监督管理局); every spelling is registered as a name or alias and compared by `TextNormalization.nameKey`.
public struct AliasResolver<ID: Hashable & Sendable>: Sendable {
    public enum Conflict: Error, Equatable, Sendable {
        /// The same spelling was given for two different units.
        case ambiguous(name: String)
    }

    private var byKey: [String: ID] = [:]

    public init() {}

    /// Registers a spelling for `id`. Registering the same spelling twice for one unit is harmless.
    public mutating func register(_ name: String, for id: ID) throws(Conflict) {
        let key = TextNormalization.nameKey(name)
        guard !key.isEmpty else { return }
        if let existing = byKey[key], existing != id { throw .ambiguous(name: name) }
        byKey[key] = id
    }

    /// The unit whose name or alias is spelled like `name`, if any.
    public func resolve(_ name: String) -> ID? {
        byKey[TextNormalization.nameKey(name)]
    }

    public var count: Int { byKey.count }
}
