import DubanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The benchmark's data set (issue #10): the demo directory's units and users, then `items` ledger items
/// with Chinese text of realistic length, kinds, states and deadlines spread over the two years before
/// `now`, and for each hotline item its hotline case with the follow-up calls (回访) of the closed ones.
/// Rows are a pure function of their number (a hash, no shared generator), so the set is the same on
/// every run and database. Loaded with multi-row INSERTs, several per transaction.
enum BenchData {
    struct Summary: Codable, Sendable {
        var items = 0
        var open = 0
        /// Open items whose deadline has passed (the overdue list's rows).
        var overdue = 0
        var hotlineCases = 0
        var followUps = 0
        var seconds = 0.0
        var itemsPerSecond = 0.0
    }

    /// The units the items go to: the directory's streets and departments.
    struct Units: Sendable {
        var handlers: [UUID]
        var registering: [UUID]
    }

    static let twoYears: TimeInterval = 730 * 86400

    /// SplitMix64 of (n, salt): the row's dice.
    static func dice(_ n: Int, _ salt: UInt64) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func pick<T>(_ list: [T], _ n: Int, _ salt: UInt64) -> T { list[Int(dice(n, salt) % UInt64(list.count))] }

    /// 0..<100 for row `n`.
    static func percent(_ n: Int, _ salt: UInt64) -> Int { Int(dice(n, salt) % 100) }

    // Phrases of the seeds' registers (000 阳政办(2017)45号 附件 hazard columns, 000 阳政办(2017)33号 hotline cases).
    static let roads = ["汉阳大道", "鹦鹉大道", "龙阳大道", "墨水湖北路", "江汉二桥路", "翠微路", "钟家村路", "拦江路", "五里墩街", "建港路"]
    static let places = ["小区地下车库", "农贸市场", "沿街门面", "老旧居民楼", "餐饮店后厨", "建筑工地", "加油站", "商场", "学校食堂", "出租屋"]
    static let hazards = [
        "消防通道被杂物堵塞，影响消防车通行", "电动自行车在楼道内充电，存在火灾隐患", "液化气瓶未按规定存放，软管老化",
        "疏散指示标志损坏，应急照明不亮", "消火栓无水，水带缺失", "违规使用大功率电器，电线私拉乱接",
        "脚手架未设置安全网，高处作业无防护", "配电箱未上锁，线路裸露", "灭火器过期未更换", "安全出口上锁，无法正常疏散",
    ]
    static let demands = [
        "来电人反映所住小区门口长期有流动摊贩占道经营，早晚高峰严重影响通行，油烟噪音扰民，希望相关部门尽快处理。",
        "来电人反映楼下餐馆夜间营业至凌晨，排风设备噪音很大，影响居民休息，多次与店主沟通无果，请求职能部门督促整改。",
        "来电人反映小区内路灯损坏已有一个多月，夜间出行很不安全，物业称无维修资金，希望街道协调解决。",
        "来电人反映其所在单位拖欠工资三个月，共计约两万元，多次讨要未果，请求劳动监察部门介入处理。",
        "来电人反映附近工地夜间违规施工，渣土车带泥上路，道路扬尘严重，希望城管部门依法查处。",
        "来电人咨询新生儿办理户口的具体流程和所需材料，以及是否可以在街道便民服务中心办理。",
    ]
    static let notes = ["已回访，来电人表示问题已解决，对处理结果满意。", "已回访，来电人表示基本满意，希望加强后续监管。",
                        "回访未接通，将于次日再次回访。", "已回访，来电人对办理时效不满意，已向承办单位反馈。"]
    static let callers = ["张先生", "李女士", "王先生", "刘女士", "陈先生", "杨女士", "赵先生", "黄女士"]

    /// The item's kind: 50 % hazards, 20 % hotline cases, 15 % problems, 15 % referrals.
    static func kind(_ n: Int) -> ItemKind {
        switch percent(n, 1) {
        case 0..<50: .hazard
        case 50..<70: .hotline
        case 70..<85: .problem
        default: .referral
        }
    }

    /// When the item was registered: spread evenly over the two years before `now`.
    static func created(_ n: Int, now: Date) -> Date {
        now.addingTimeInterval(-Double(dice(n, 2) % UInt64(twoYears * 1000)) / 1000).wholeMilliseconds
    }

    /// Items older than 120 days are closed (95 %), withdrawn (3 %) or still being fixed past their
    /// deadline (2 %, the overdue stragglers); younger ones are spread over every state.
    static func state(_ n: Int, created: Date, now: Date) -> ItemState {
        let roll = percent(n, 3)
        if now.timeIntervalSince(created) > 120 * 86400 {
            return roll < 95 ? .closed : roll < 98 ? .cancelled : .inProgress
        }
        switch roll {
        case 0..<5: return .registered
        case 5..<15: return .assigned
        case 15..<25: return .signedFor
        case 25..<55: return .inProgress
        case 55..<65: return .submitted
        case 65..<70: return .verified
        case 70..<98: return .closed
        default: return .cancelled
        }
    }

    /// The deadline given at assignment: 3, 7, 15, 30 or 60 days after registration.
    static func deadline(_ n: Int, created: Date) -> Date {
        created.addingTimeInterval(Double(pick([3, 7, 15, 30, 60], n, 4)) * 86400 + 3600)
    }

    /// The open items' deadlines the overdue list reads: `open_due_at` of items a unit owes work on.
    static func owes(_ state: ItemState) -> Bool { [.assigned, .signedFor, .inProgress].contains(state) }

    /// The demo directory and users (SPEC §3), unless the database already holds units.
    static func units(app: Application, progress: @escaping @Sendable (String) -> Void) async throws -> Units {
        progress("loading the demo directory and users…")
        _ = try await DemoData.load(into: app, tasks: false, elevators: false)
        let units = try await Unit.query(on: app.db).all()
        let streets = units.filter { $0.kind == UnitKind.street.rawValue }.compactMap(\.id)
        let departments = units.filter { $0.kind == UnitKind.department.rawValue }.compactMap(\.id)
        guard !streets.isEmpty, !departments.isEmpty else { throw DubanError.badRequest("demo directory missing") }
        // Streets handle most items (7 in 10), departments the rest.
        let handlers = Array(repeating: streets, count: 7 * departments.count).flatMap { $0 }
            + Array(repeating: departments, count: 3 * streets.count).flatMap { $0 }
        return Units(handlers: handlers, registering: departments)
    }

    static let itemColumns = ["id", "kind", "state", "grade", "title", "description", "location", "category", "registering_unit_id",
                              "assigned_unit_id", "due_at", "open_due_at", "five_complete", "findings", "facts", "created_at", "updated_at"]
    static let caseColumns = ["id", "tracking_code", "case_type", "channel", "caller_name", "caller_phone", "phone_key", "address",
                              "address_key", "area", "confidential", "received_at", "demand", "category_code", "urgency", "major_event",
                              "satisfaction", "followed_up_at", "second_supervision"]
    static let contactColumns = ["id", "case_id", "at", "staff", "reached", "note", "unit_id"]

    typealias Row = [any Encodable & Sendable]

    /// The rows of items `range` and of their hotline cases and follow-ups.
    static func rows(_ range: Range<Int>, units: Units, now: Date, encoder: JSONEncoder,
                     summary: inout Summary) throws -> (items: [Row], cases: [Row], contacts: [Row]) {
        var items: [Row] = [], cases: [Row] = [], contacts: [Row] = []
        items.reserveCapacity(range.count)
        for n in range {
            let kind = BenchData.kind(n)
            let created = BenchData.created(n, now: now)
            let state = BenchData.state(n, created: created, now: now)
            let due = BenchData.deadline(n, created: created)
            let unit = pick(units.handlers, n, 5)
            let registering = pick(units.registering, n, 6)
            let assigned = state != .registered
            let grade: HazardGrade = kind == .hazard && percent(n, 7) < 3 ? .major : .general
            let closedAt: Date? = state == .closed ? min(due, created.addingTimeInterval(Double(dice(n, 8) % 2_592_000))).wholeMilliseconds : nil
            let facts = ItemFacts(kind: kind, registeringUnitID: registering.uuidString, state: state, grade: grade,
                                  assignedUnitID: assigned ? unit.uuidString : nil, assignedAt: assigned ? created.addingTimeInterval(1800) : nil,
                                  deadline: assigned ? due : nil, submittedAt: [.submitted, .verified, .closed].contains(state) ? closedAt ?? due : nil,
                                  closedAt: closedAt)
            let place = pick(places, n, 9)
            let road = pick(roads, n, 10)
            let number = Int(dice(n, 11) % 300) + 1
            let hazard = pick(hazards, n, 12)
            let title = kind == .hotline ? "\(road)\(number)号\(place)群众诉求" : "\(road)\(number)号\(place)\(hazard.prefix(12))"
            let details = kind == .hotline ? pick(demands, n, 13)
                : "检查发现\(road)\(number)号\(place)\(hazard)。已当场责令整改，并告知相关法律责任，要求在规定期限内完成整改并报送整改情况。"
            let owes = BenchData.owes(state)
            summary.items += 1
            if state.isOpen { summary.open += 1 }
            if owes && due < now { summary.overdue += 1 }
            let id = UUID()
            let updated = closedAt ?? created
            items.append([
                id, kind.rawValue, state.rawValue, grade.rawValue, title, details, "武汉市汉阳区\(road)\(number)号",
                kind == .hotline ? "群众诉求" : pick(["消防安全", "建筑施工", "燃气安全", "用电安全", "特种设备"], n, 14), registering,
                assigned ? unit : UUID?.none, assigned ? due : Date?.none, owes ? due : Date?.none, false, "[]",
                String(decoding: try encoder.encode(facts), as: UTF8.self), created, updated,
            ])
            guard kind == .hotline else { continue }
            summary.hotlineCases += 1
            let phone = "139\(String(format: "%08d", Int(dice(n, 15) % 100_000_000)))"
            let address = "武汉市汉阳区\(road)\(number)号"
            guard let day = LocalDate(chinaTimeOf: created) else { continue }
            let category = pick(HotlineCategory.defaults, n, 16)
            // Closed cases' satisfaction at the follow-up: 60 % 非常满意, 25 % 满意, 10 % 基本满意, 5 % 不满意.
            let roll = percent(n, 17)
            let satisfaction: HotlineSatisfaction? = state != .closed ? nil
                : roll < 60 ? .verySatisfied : roll < 85 ? .satisfied : roll < 95 ? .basicallySatisfied : .dissatisfied
            let followedUp = closedAt.map { $0.addingTimeInterval(86400) }
            cases.append([
                id, try TrackingCode(date: day, sequence: n % TrackingCode.maximumSequence + 1).description,
                pick(HotlineCaseType.allCases, n, 18).rawValue, "phone", pick(callers, n, 19), phone,
                RepeatComplaintKeys.phoneKey(phone), address, RepeatComplaintKeys.addressKey(address), "汉阳区", false, created,
                pick(demands, n, 13), category.code, category.defaultUrgency.rawValue, false, satisfaction?.rawValue, followedUp, false,
            ])
            // 附件7 回访: each closed case is called back once; one in four needs a second call.
            guard let followedUp else { continue }
            let calls = percent(n, 20) < 25 ? 2 : 1
            for call in 0..<calls {
                contacts.append([
                    UUID(), id, followedUp.addingTimeInterval(Double(call) * 86400), "回访员\(n % 12 + 1)号", call == calls - 1,
                    calls == 2 && call == 0 ? notes[2] : pick([notes[0], notes[1], notes[3]], n, 21), registering,
                ])
                summary.followUps += 1
            }
        }
        return (items, cases, contacts)
    }

    /// Inserts `rows` into `table` in multi-row statements (under 30,000 bound values each).
    static func insert(_ rows: [Row], into table: String, columns: [String], on sql: any SQLDatabase) async throws {
        let perStatement = max(1, min(1000, 30_000 / columns.count))
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + perStatement)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert = insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
            start = end
        }
    }

    /// Loads items `0..<count` (transactions of 5,000 items with their cases and follow-ups).
    static func load(app: Application, units: Units, count: Int, now: Date,
                     progress: @escaping @Sendable (String) -> Void) async throws -> Summary {
        let started = ContinuousClock.now
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var summary = Summary()
        var done = 0
        var reported = 0
        while done < count {
            let range = done..<min(count, done + 5000)
            let (items, cases, contacts) = try rows(range, units: units, now: now, encoder: encoder, summary: &summary)
            try await app.db.write(gate: app.writeGate, bounded: false) { db in
                guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
                try await insert(items, into: LedgerItem.schema, columns: itemColumns, on: sql)
                try await insert(cases, into: HotlineCase.schema, columns: caseColumns, on: sql)
                try await insert(contacts, into: HotlineContact.schema, columns: contactColumns, on: sql)
            }
            done = range.upperBound
            if done - reported >= max(10_000, count / 20) || done == count {
                reported = done
                let seconds = (ContinuousClock.now - started).seconds
                progress("loaded \(done)/\(count) items (\(summary.hotlineCases) hotline cases, \(summary.followUps) follow-ups), "
                    + String(format: "%.0f s", seconds))
            }
        }
        if let sql = app.db as? any SQLDatabase, sql.dialect.name == "postgresql" { try await sql.raw("ANALYZE").run() }
        summary.seconds = (ContinuousClock.now - started).seconds
        summary.itemsPerSecond = summary.seconds > 0 ? Double(count) / summary.seconds : 0
        return summary
    }
}
