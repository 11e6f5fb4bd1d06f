import DubanCore
import Fluent
import Vapor

/// Creating, changing and deleting units with their aliases, each change audited in the same transaction.
enum UnitService {
    /// A validated unit definition, ready to store.
    struct Definition: Sendable {
        var name: String
        var kind: UnitKind
        var parentID: UUID?
        var aliases: [String]
        var creditCode: String?
        var address: String?
        var phone: String?
    }

    static func validate(_ input: UnitCreate) throws -> Definition {
        let kind = try Check.enumeration(input.kind, "kind", as: UnitKind.self)
        let parentID = try input.parentId.map { try Check.uuid($0, "parentId") }
        return try Definition(
            name: Check.text(input.name, "name"),
            kind: kind,
            parentID: parentID,
            aliases: aliases(input.aliases),
            creditCode: creditCode(input.creditCode, kind: kind),
            address: Check.optionalText(input.address, "address", max: 300),
            phone: Check.phone(input.phone))
    }

    static func aliases(_ list: [String]?) throws -> [String] {
        guard let list else { return [] }
        guard list.count <= 50 else { throw DubanError.invalid("aliases", "别名最多50个 / at most 50 aliases") }
        return try list.enumerated().map { try Check.text($0.element, "aliases.\($0.offset)") }
    }

    /// 统一社会信用代码 checked by GB 32100-2015. Optional even for enterprises: an inspector often
    /// registers a unit on site before its code is known, and the seeds name enterprises without codes;
    /// a code that is given must be valid.
    static func creditCode(_ value: String?, kind: UnitKind) throws -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch CreditCode.parse(value) {
        case .success(let code): return code.value
        case .failure(let problem):
            throw DubanError.invalid("creditCode", "统一社会信用代码无效：\(problem) / invalid credit code",
                                     code: "invalid_credit_code")
        }
    }

    static func create(_ definition: Definition, actor: String, on db: any Database) async throws -> UnitDTO {
        var parentPath = UnitPath(ids: [])
        if let parentID = definition.parentID {
            guard let parent = try await Unit.find(parentID, on: db) else {
                throw DubanError.invalid("parentId", "上级单位不存在 / parent unit not found")
            }
            parentPath = parent.unitPath
        }
        try await ensureUnique(definition, excluding: nil, on: db)
        let unit = Unit()
        let id = UUID()
        unit.id = id
        unit.name = definition.name
        unit.nameKey = TextNormalization.nameKey(definition.name)
        unit.kind = definition.kind.rawValue
        unit.$parent.id = definition.parentID
        unit.path = UnitPath(ids: parentPath.ids + [id.text]).encoded
        unit.creditCode = definition.creditCode
        unit.address = definition.address
        unit.phone = definition.phone
        try await unit.create(on: db)
        let aliases = try await storeAliases(for: unit, aliases: definition.aliases, on: db)
        let dto = UnitDTO(unit, aliases: aliases)
        try await AuditLog.record(on: db, actor: actor, action: .create, entityType: "unit", entityID: id.text,
                                  before: UnitDTO?.none, after: dto)
        return dto
    }

    static func update(_ unit: Unit, patch: UnitPatch, actor: String, on db: any Database) async throws -> UnitDTO {
        let oldAliases = try await unit.$aliases.get(on: db)
        let before = UnitDTO(unit, aliases: oldAliases)
        let kind = try patch.kind.map { try Check.enumeration($0, "kind", as: UnitKind.self) } ?? unit.kindValue
        var definition = Definition(
            name: try patch.name.map { try Check.text($0, "name") } ?? unit.name,
            kind: kind,
            parentID: unit.$parent.id,
            aliases: try patch.aliases.map(aliases) ?? before.aliases,
            creditCode: try patch.creditCode.map { try creditCode($0, kind: kind) } ?? unit.creditCode,
            address: try patch.address.map { try Check.optionalText($0, "address", max: 300) } ?? unit.address,
            phone: try patch.phone.map { try Check.phone($0) } ?? unit.phone)
        if patch.creditCode == nil { definition.creditCode = try creditCode(unit.creditCode, kind: kind) }
        if let parent = patch.parentId {
            definition.parentID = parent.isEmpty ? nil : try Check.uuid(parent, "parentId")
        }
        try await ensureUnique(definition, excluding: unit.id, on: db)
        if definition.parentID != unit.$parent.id {
            try await move(unit, to: definition.parentID, on: db)
        }
        unit.name = definition.name
        unit.nameKey = TextNormalization.nameKey(definition.name)
        unit.kind = definition.kind.rawValue
        unit.creditCode = definition.creditCode
        unit.address = definition.address
        unit.phone = definition.phone
        if let contact = patch.referralContactId {
            let person = contact.isEmpty ? nil : try Check.uuid(contact, "referralContactId")
            if let person, try await Person.find(person, on: db) == nil {
                throw DubanError.invalid("referralContactId", "人员不存在 / person not found")
            }
            unit.referralContactID = person
        }
        try await unit.save(on: db)
        try await UnitAlias.query(on: db).filter(\.$unit.$id == unit.requireID()).delete()
        let aliases = try await storeAliases(for: unit, aliases: definition.aliases, on: db)
        let after = UnitDTO(unit, aliases: aliases)
        if after != before {
            try await AuditLog.record(on: db, actor: actor, action: .update, entityType: "unit",
                                      entityID: try unit.requireID().text, before: before, after: after)
        }
        return after
    }

    /// Re-parents `unit` and rewrites the paths of its whole subtree.
    private static func move(_ unit: Unit, to parentID: UUID?, on db: any Database) async throws {
        let oldPath = unit.path
        var newParentPath = UnitPath(ids: [])
        if let parentID {
            guard let parent = try await Unit.find(parentID, on: db) else {
                throw DubanError.invalid("parentId", "上级单位不存在 / parent unit not found")
            }
            if parent.path.hasPrefix(oldPath) {
                throw DubanError.invalid("parentId", "不能把单位移到它自己的下级 / a unit cannot move below itself")
            }
            newParentPath = parent.unitPath
        }
        let newPath = UnitPath(ids: newParentPath.ids + [try unit.requireID().text]).encoded
        let subtree = try await Unit.query(on: db).filter(\.$path =~ oldPath).all()
        for member in subtree where member.path.hasPrefix(oldPath) && member.id != unit.id {
            member.path = newPath + member.path.dropFirst(oldPath.count)
            try await member.save(on: db)
        }
        unit.$parent.id = parentID
        unit.path = newPath
    }

    static func delete(_ unit: Unit, actor: String, on db: any Database) async throws {
        let id = try unit.requireID()
        if try await Unit.query(on: db).filter(\.$parent.$id == id).count() > 0 {
            throw DubanError.conflict("该单位还有下级单位 / the unit still has sub-units", code: "has_children")
        }
        if try await User.query(on: db).filter(\.$unit.$id == id).count() > 0 {
            throw DubanError.conflict("该单位还有用户账号 / the unit still has user accounts", code: "has_users")
        }
        let posts = try await Post.query(on: db).filter(\.$unit.$id == id).count()
        let memberships = try await BodyMember.query(on: db).filter(\.$unit.$id == id).count()
        let hosted = try await Body.query(on: db).filter(\.$hostUnit.$id == id).count()
        if posts + memberships + hosted > 0 {
            throw DubanError.conflict("该单位在任职或议事协调机构中被引用 / the unit is referenced by posts or bodies",
                                      code: "in_use")
        }
        let before = UnitDTO(unit, aliases: try await unit.$aliases.get(on: db))
        do {
            try await unit.delete(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Ledger items, hotline cases, elevators, credit records, scores… keep their unit by foreign key: a unit
            // with a history is kept (its records would lose whom they were about), answered as a conflict.
            throw DubanError.conflict("该单位仍被台账、热线、电梯、信用等记录引用 / the unit is still referenced by records",
                                      code: "in_use")
        }
        try await AuditLog.record(on: db, actor: actor, action: .delete, entityType: "unit", entityID: id.text,
                                  before: before, after: UnitDTO?.none)
    }

    private static func storeAliases(for unit: Unit, aliases: [String], on db: any Database) async throws -> [UnitAlias] {
        let id = try unit.requireID()
        var seen = Set<String>()
        var rows: [UnitAlias] = []
        for (spelling, isName) in [(unit.name, true)] + aliases.map({ ($0, false) }) {
            let row = UnitAlias(unitID: id, alias: spelling, isName: isName)
            guard seen.insert(row.aliasKey).inserted else { continue }
            rows.append(row)
        }
        try await rows.create(on: db)
        return rows
    }

    /// Every spelling (name and aliases) and the credit code must be unused by other units.
    private static func ensureUnique(_ definition: Definition, excluding id: UUID?, on db: any Database) async throws {
        let spellings = [("name", definition.name)] + definition.aliases.enumerated().map { ("aliases.\($0.offset)", $0.element) }
        for (field, spelling) in spellings {
            let query = UnitAlias.query(on: db).filter(\.$aliasKey == TextNormalization.nameKey(spelling))
            if let id { query.filter(\.$unit.$id != id) }
            if try await query.first() != nil {
                throw DubanError.conflict("“\(spelling)”已是另一单位的名称或别名 / already names another unit",
                                          code: "duplicate_name", field: field)
            }
        }
        if let code = definition.creditCode {
            let query = Unit.query(on: db).filter(\.$creditCode == code)
            if let id { query.filter(\.$id != id) }
            if try await query.first() != nil {
                throw DubanError.conflict("该统一社会信用代码已登记 / credit code already registered",
                                          code: "duplicate_credit_code", field: "creditCode")
            }
        }
    }
}
