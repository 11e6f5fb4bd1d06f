import DubanCore
import Fluent
import Vapor

/// A unit of the directory (SPEC M1): department, street, committee, enterprise or other.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "name_key") var nameKey: String
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "parent_id") var parent: Unit?
    /// Materialised path "/root-id/…/own-id/": a prefix match selects a subtree through the index.
    @Field(key: "path") var path: String
    @OptionalField(key: "credit_code") var creditCode: String?
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "phone") var phone: String?
    /// 抄送移送责任人 — the person who answers for referrals to this unit (issue #4, 002 篇1).
    @OptionalField(key: "referral_contact_id") var referralContactID: UUID?
    @Children(for: \.$unit) var aliases: [UnitAlias]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var kindValue: UnitKind { UnitKind(rawValue: kind) ?? .other }
    var unitPath: UnitPath { UnitPath(encoded: path) }
}

extension Unit {
    /// Every unit a request names must exist (else the write would fail on a foreign key, or a notice go to
    /// nobody): 422 on `field` otherwise.
    static func requireExisting(_ ids: [UUID], field: String, on db: any Database) async throws {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return }
        guard try await Unit.query(on: db).filter(\.$id ~~ unique).count() == unique.count else {
            throw DubanError.invalid(field, "单位不存在 / unit not found")
        }
    }
}

/// Another spelling of a unit's name (区科技经信局 / 区科技和经信局). `alias_key` is unique across all
/// names and aliases, so a spelling resolves to one unit only.
final class UnitAlias: Model, @unchecked Sendable {
    static let schema = "unit_aliases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "alias") var alias: String
    @Field(key: "alias_key") var aliasKey: String
    /// True for the row that mirrors the unit's own name, so names and aliases share one uniqueness check.
    @Field(key: "is_name") var isName: Bool

    init() {}

    init(unitID: UUID, alias: String, isName: Bool) {
        self.$unit.id = unitID
        self.alias = alias
        self.aliasKey = TextNormalization.nameKey(alias)
        self.isName = isName
    }
}

struct CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Unit.schema)
            .id()
            .field("name", .string, .required)
            .field("name_key", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(Unit.schema, .id))
            .field("path", .string, .required)
            .field("credit_code", .string)
            .field("address", .string)
            .field("phone", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "credit_code")
            .create()
        try await database.schema(UnitAlias.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("alias", .string, .required)
            .field("alias_key", .string, .required)
            .field("is_name", .bool, .required)
            .unique(on: "alias_key")
            .create()
        // Keyset pagination of the unit list orders by (name, id); subtree reads filter on path.
        try await database.createIndex("idx_units_name_id", on: Unit.schema, columns: ["name", "id"])
        try await database.createIndex("idx_units_path", on: Unit.schema, columns: ["path"])
        try await database.createIndex("idx_units_parent", on: Unit.schema, columns: ["parent_id"])
        try await database.createIndex("idx_unit_aliases_unit", on: UnitAlias.schema, columns: ["unit_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitAlias.schema).delete()
        try await database.schema(Unit.schema).delete()
    }
}
