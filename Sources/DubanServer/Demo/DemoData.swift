import DubanCore
import Fluent
import Foundation
import Vapor

/// The demo data set (SPEC §3 `duban demo`): the directory and rosters extracted from seeds 000 and 001
/// (`Resources/demo/directory.json`, see its README for sources) and one user per role.
public enum DemoData {
    struct Directory: Decodable {
        struct UnitEntry: Decodable {
            var name: String
            var kind: String
            var parent: String?
            var aliases: [String]?
            var address: String?
            var phone: String?
            var creditCode: String?
        }
        struct PersonEntry: Decodable {
            struct PostEntry: Decodable {
                var unit: String
                var title: String
                var from: String
                var to: String?
                var source: String?
            }
            var name: String
            var posts: [PostEntry]
        }
        struct BodyEntry: Decodable {
            struct MemberEntry: Decodable {
                var person: String?
                var title: String?
                var unit: String?
                var role: String
            }
            var name: String
            var kind: String
            var document: String?
            var date: String?
            var hostUnit: String?
            var officeDirector: String?
            var members: [MemberEntry]
        }
        var units: [UnitEntry]
        var people: [PersonEntry]
        var bodies: [BodyEntry]
    }

    /// One demo account per role (SPEC §1); the passwords are documented in the README.
    public struct DemoUser: Sendable {
        public var username: String
        public var displayName: String
        public var role: Role
        public var unit: String
        public var password: String
    }

    public static let users: [DemoUser] = [
        DemoUser(username: "admin", displayName: "系统管理员", role: .admin, unit: "区信息网络中心", password: "duban-admin-2026"),
        DemoUser(username: "supervisor", displayName: "督查室督查员", role: .supervisor, unit: "汉阳区人民政府督查室", password: "duban-supervisor-2026"),
        DemoUser(username: "dispatcher", displayName: "区长专线派单员", role: .dispatcher, unit: "汉阳区人民政府办公室", password: "duban-dispatcher-2026"),
        DemoUser(username: "operator", displayName: "建桥街经办人", role: .unitOperator, unit: "建桥街", password: "duban-operator-2026"),
        DemoUser(username: "operator2", displayName: "永丰街经办人", role: .unitOperator, unit: "永丰街", password: "duban-operator-2026"),
        DemoUser(username: "inspector", displayName: "消防监督员", role: .inspector, unit: "区消防大队", password: "duban-inspector-2026"),
        DemoUser(username: "evaluator", displayName: "第三方评价员", role: .evaluator, unit: "汉阳区人民政府办公室", password: "duban-evaluator-2026"),
        DemoUser(username: "enterprise", displayName: "企业安全管理员", role: .enterprise, unit: "武汉汉阳示范商贸有限公司", password: "duban-enterprise-2026"),
        DemoUser(username: "leader", displayName: "区领导", role: .leader, unit: "汉阳区人民政府", password: "duban-leader-2026"),
    ]

    /// Units the demo accounts need that the seeds' rosters do not name. The demo enterprise is
    /// fictional (marked so) and carries a code that passes the GB 32100-2015 check.
    static let supplementaryUnits: [Directory.UnitEntry] = [
        .init(name: "武汉汉阳示范商贸有限公司", kind: "enterprise", parent: "建桥街", aliases: ["示范商贸（演示企业）"],
              address: "汉阳区建桥街（演示数据）", creditCode: demoCreditCode("91420105MA4KDEM01")),
    ]

    public struct Summary: Sendable, CustomStringConvertible {
        public var units = 0, people = 0, posts = 0, bodies = 0, members = 0, users = 0, hazards = 0, tasks = 0, creditRecords = 0, elevators = 0
        public var description: String {
            "units \(units), people \(people), posts \(posts), bodies \(bodies), members \(members), users \(users), listed hazards \(hazards), tasks \(tasks), credit records \(creditRecords), elevators \(elevators)"
        }
    }

    /// The 8 major fire hazards listed by 000 阳政办(2017)45号, in the columns of its 附件.
    static func listedHazardRows(resourcesDirectory: String) throws -> [[String: String]] {
        let url = URL(fileURLWithPath: resourcesDirectory + "demo/listed-hazards-2017-45.json")
        let raw = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [[String: Any]] ?? []
        return raw.map { row in
            Dictionary(uniqueKeysWithValues: MajorFireHazardRegister.fields.map { ($0, (row[$0] as? String) ?? "") })
        }
    }

    /// Loads the demo data into an empty database; does nothing (and says so) when units already exist.
    /// `tasks: false` leaves out the 109 demo tasks (the HTTP tests that do not need them run faster).
    public static func load(into app: Application, tasks: Bool = true, elevators: Bool = true,
                            progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Summary? {
        if try await Unit.query(on: app.db).count() > 0 {
            progress("database already holds units; demo data not loaded")
            return nil
        }
        let url = URL(fileURLWithPath: app.directory.resourcesDirectory + "demo/directory.json")
        let directory = try JSONDecoder().decode(Directory.self, from: try Data(contentsOf: url))
        let hazardRows = try listedHazardRows(resourcesDirectory: app.directory.resourcesDirectory)
        let cost = app.duban.bcryptCost
        let hashes = try users.map { try Passwords.hash($0.password, cost: cost) }
        let actor = "demo-loader"
        let resources = app.directory.resourcesDirectory
        let calculator = app.calendarStore.calculator
        return try await app.db.write(gate: app.writeGate, bounded: false) { db in
            var summary = Summary()
            var spellings = AliasResolver<UUID>()
            func resolve(_ name: String) -> UUID? { spellings.resolve(name) }

            // Parents before children: repeat passes until every unit whose parent exists is stored.
            var pending = directory.units + supplementaryUnits.filter { extra in
                !directory.units.contains { TextNormalization.nameKey($0.name) == TextNormalization.nameKey(extra.name) }
            }
            while !pending.isEmpty {
                var rest: [Directory.UnitEntry] = []
                for entry in pending {
                    if let parent = entry.parent, resolve(parent) == nil { rest.append(entry); continue }
                    let definition = try UnitService.validate(UnitCreate(
                        name: entry.name, kind: entry.kind, parentId: entry.parent.flatMap(resolve)?.text,
                        aliases: entry.aliases, creditCode: entry.creditCode, address: entry.address, phone: entry.phone))
                    let dto = try await UnitService.create(definition, actor: actor, on: db)
                    for spelling in [entry.name] + (entry.aliases ?? []) { try spellings.register(spelling, for: dto.id) }
                    summary.units += 1
                }
                guard rest.count < pending.count else {
                    throw DubanError.invalid("parent", "演示数据中上级单位不存在：\(rest.map(\.name)) / unknown parents in demo data")
                }
                pending = rest
            }

            var people: [String: UUID] = [:]
            for entry in directory.people {
                let person = Person()
                person.name = TextNormalization.clean(entry.name)
                try await person.create(on: db)
                let personID = try person.requireID()
                people[person.name] = personID
                for post in entry.posts {
                    guard let unitID = resolve(post.unit) else {
                        throw DubanError.invalid("unit", "演示数据中单位不存在：\(post.unit) / unknown unit in demo data")
                    }
                    let row = Post()
                    row.$person.id = personID
                    row.$unit.id = unitID
                    row.title = post.title
                    row.from = post.from
                    row.to = post.to
                    row.source = post.source
                    try await row.create(on: db)
                    summary.posts += 1
                }
                summary.people += 1
                try await AuditLog.record(on: db, actor: actor, action: .create, entityType: "person", entityID: personID.text,
                                          before: PersonDTO?.none, after: try await PersonRoutes.dto(person, on: db))
            }

            for entry in directory.bodies {
                let body = Body()
                body.name = entry.name
                body.kind = (BodyKind(rawValue: entry.kind) ?? .leadingGroup).rawValue
                body.document = entry.document
                body.documentDate = entry.date
                body.$hostUnit.id = entry.hostUnit.flatMap(resolve)
                body.$officeDirector.id = entry.officeDirector.flatMap { people[$0] }
                try await body.create(on: db)
                for (index, member) in entry.members.enumerated() {
                    let row = BodyMember()
                    row.$body.id = try body.requireID()
                    row.$person.id = member.person.flatMap { people[$0] }
                    row.$unit.id = member.unit.flatMap(resolve)
                    row.title = member.title
                    row.role = member.role
                    row.position = index + 1
                    try await row.create(on: db)
                    summary.members += 1
                }
                summary.bodies += 1
                try await AuditLog.record(on: db, actor: actor, action: .create, entityType: "body",
                                          entityID: try body.requireID().text, before: BodyDTO?.none,
                                          after: try await BodyRoutes.dto(body, on: db))
            }

            for (user, hash) in zip(users, hashes) {
                guard let unitID = resolve(user.unit) else {
                    throw DubanError.invalid("unit", "演示用户的单位不存在：\(user.unit) / unknown unit for demo user")
                }
                let row = User(username: user.username, displayName: user.displayName, passwordHash: hash, role: user.role, unitID: unitID)
                try await row.create(on: db)
                try await AuditLog.record(on: db, actor: actor, action: .create, entityType: "user",
                                          entityID: try row.requireID().text, before: UserDTO?.none, after: UserDTO(row))
                summary.users += 1
                if user.role == .evaluator {
                    // 附件6: evaluators work under a position code (岗位代码); the demo's one takes every case.
                    let evaluator = HotlineEvaluatorRow()
                    evaluator.id = try row.requireID()
                    evaluator.positionCode = "PJ001"
                    evaluator.ratio = 1
                    evaluator.active = true
                    try await evaluator.create(on: db)
                }
            }
            try await DemoHotline.load(on: db)
            guard let fireBrigade = resolve("区消防大队") else {
                throw DubanError.invalid("unit", "演示数据缺少区消防大队 / demo data lacks the fire brigade")
            }
            summary.hazards = try await RegisterService.importMajorFireHazards(
                hazardRows, registeringUnit: fireBrigade, actor: actor, now: Date(), on: db).count
            guard let office = resolve("汉阳区人民政府督查室") else {
                throw DubanError.invalid("unit", "演示数据缺少区政府办公室 / demo data lacks the government office")
            }
            let supervisor = Actor(userID: UUID(), username: actor, displayName: "演示数据", role: .supervisor, unitID: office,
                                   unitName: "", unitPath: UnitPath(ids: []), viaSession: false)
            if tasks {
                summary.tasks = try await DemoTasks.load(resources: resources, supervisor: supervisor, now: Date(),
                                                         calculator: calculator, on: db)
            }
            if let enterprise = resolve("武汉汉阳示范商贸有限公司") {
                summary.creditRecords = try await CreditDemo.load(enterprise: enterprise, actor: actor, now: Date(), calculator: calculator, on: db)
            }
            if elevators, let street = resolve("建桥街") {
                summary.elevators = try await ElevatorDemo.load(street: street, office: office, now: Date(), calculator: calculator, on: db)
            }
            progress("demo data loaded: \(summary)")
            return summary
        }
    }

    /// A code with a valid GB 32100-2015 check character, for the fictional demo enterprise.
    static func demoCreditCode(_ first17: String) -> String {
        first17 + String(CreditCode.checkCharacter(for: first17) ?? "0")
    }
}
