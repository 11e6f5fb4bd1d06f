/// Where a unit sits in the directory tree: its own id and the ids of its ancestors, root first.
public struct UnitPath: Equatable, Sendable {
    public let ids: [String]

    public init(ids: [String]) { self.ids = ids }

    /// Whether `other` is this unit or one of its descendants.
    public func contains(_ other: UnitPath) -> Bool {
        other.ids.count >= ids.count && Array(other.ids.prefix(ids.count)) == ids
    }

    /// The stored form: "/id1/id2/id3/". A prefix test on this string is a subtree test.
    public var encoded: String { "/" + ids.map { $0 + "/" }.joined() }

    public init(encoded: String) {
        ids = encoded.split(separator: "/").map(String.init)
    }
}

/// The directory access rule: who may read and change which unit's records.
///
/// A unit operator or enterprise account sees and changes only its own unit and the units below it
/// (SPEC M0: "a unit operator sees and acts only on items of its unit"); other units do not exist for it,
/// so it gets 404, not 403, and learns nothing from ids. Admins change everything; the other roles read
/// the whole directory, which they need to route work, and change none of it.
public enum DirectoryAccess {
    public enum Decision: Equatable, Sendable {
        case allow
        case notVisible
        case forbidden
    }

    public static func read(role: Role, actorUnit: UnitPath, target: UnitPath) -> Decision {
        if role.isUnitScoped { return actorUnit.contains(target) ? .allow : .notVisible }
        return .allow
    }

    /// Changing a unit's own record (contacts, aliases, parent).
    public static func update(role: Role, actorUnit: UnitPath, target: UnitPath) -> Decision {
        switch role {
        case .admin: return .allow
        case .unitOperator, .enterprise:
            return actorUnit.contains(target) ? .allow : .notVisible
        case .supervisor, .dispatcher, .inspector, .evaluator, .leader:
            return .forbidden
        }
    }

    /// Creating a unit under `parent`. A unit operator may register units below its own (a street
    /// registers its communities and the enterprises it supervises); an inspector may register
    /// enterprises it found; an enterprise account creates none.
    public static func create(role: Role, actorUnit: UnitPath, parent: UnitPath?, kind: UnitKind) -> Decision {
        switch role {
        case .admin: return .allow
        case .unitOperator:
            guard let parent else { return .forbidden }
            return actorUnit.contains(parent) ? .allow : .notVisible
        case .inspector:
            return kind == .enterprise ? .allow : .forbidden
        case .supervisor, .dispatcher, .evaluator, .leader, .enterprise:
            return .forbidden
        }
    }

    /// Deleting a unit: admins only.
    public static func delete(role: Role) -> Decision {
        role == .admin ? .allow : .forbidden
    }
}
