import DubanCore
import Vapor

/// A unit as the API shows it.
struct UnitDTO: Content, Equatable {
    var id: UUID
    var name: String
    var kind: UnitKind
    var parentId: UUID?
    var aliases: [String]
    var creditCode: String?
    var address: String?
    var phone: String?
    /// 抄送移送责任人 — the person answering for referrals to this unit.
    var referralContactId: UUID?

    init(_ unit: Unit, aliases: [UnitAlias]) {
        id = unit.id ?? UUID()
        name = unit.name
        kind = unit.kindValue
        parentId = unit.$parent.id
        self.aliases = aliases.filter { !$0.isName }.map(\.alias).sorted()
        creditCode = unit.creditCode
        address = unit.address
        phone = unit.phone
        referralContactId = unit.referralContactID
    }

    static let schema = Schema.object([
        ("id", Schema.uuid),
        ("name", Schema.string(maxLength: 200)),
        ("kind", Schema.enumeration(UnitKind.allCases.map(\.rawValue))),
        ("parentId", Schema.uuid),
        ("aliases", Schema.array(Schema.string())),
        ("creditCode", Schema.string()),
        ("address", Schema.string()),
        ("phone", Schema.string()),
        ("referralContactId", Schema.uuid),
    ], required: ["id", "name", "kind", "aliases"])
}

/// Body of `POST /api/v1/units`.
struct UnitCreate: Content {
    var name: String
    var kind: String
    var parentId: String?
    var aliases: [String]?
    var creditCode: String?
    var address: String?
    var phone: String?

    static let schema = Schema.object([
        ("name", Schema.string(maxLength: 200, minLength: 1)),
        ("kind", Schema.enumeration(UnitKind.allCases.map(\.rawValue))),
        ("parentId", Schema.uuid),
        ("aliases", Schema.array(Schema.string(maxLength: 200, minLength: 1), maxItems: 50)),
        ("creditCode", Schema.string(description: "统一社会信用代码 (GB 32100-2015 校验) / unified social credit code, check digit verified")),
        ("address", Schema.string(maxLength: 300)),
        ("phone", Schema.string(maxLength: 40)),
    ], required: ["name", "kind"])
}

/// Body of `PATCH /api/v1/units/{id}`: absent fields stay; an empty string clears an optional field;
/// `aliases`, when present, replaces the whole list.
struct UnitPatch: Content {
    var name: String?
    var kind: String?
    var parentId: String?
    var aliases: [String]?
    var creditCode: String?
    var address: String?
    var phone: String?
    /// A person's id; empty clears it.
    var referralContactId: String?

    static let schema = Schema.object([
        ("name", Schema.string(maxLength: 200, minLength: 1)),
        ("kind", Schema.enumeration(UnitKind.allCases.map(\.rawValue))),
        ("parentId", Schema.uuid),
        ("aliases", Schema.array(Schema.string(maxLength: 200, minLength: 1), maxItems: 50)),
        ("creditCode", Schema.string()),
        ("address", Schema.string(maxLength: 300)),
        ("phone", Schema.string(maxLength: 40)),
        ("referralContactId", Schema.string(description: "抄送移送责任人（人员 id；空串清除）/ referral contact person id, empty clears")),
    ])
}
