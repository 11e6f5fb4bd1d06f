import DubanCore
import Fluent
import Vapor

/// The demo's tasks: the 97 targets and tasks of 001 阳政办(2018)10号 and the 12 rows of 11号's traffic
/// table (Resources/demo/tasks-2018-10.json, tasks-2018-11.json). The 2018 plans are replayed in the
/// current year — assigned on the notice's month and day, deadlines read in the same year — so that the
/// demo shows tasks on track, near their deadline and overdue rather than a finished year.
enum DemoTasks {
    struct WorkReport: Decodable {
        struct Task: Decodable {
            var number: String
            var target: String
            var lead: [String]
            var responsible: [String]
            var groups: [String]
        }
        var document: String
        var issued: String
        var tasks: [Task]
    }

    struct TrafficTable: Decodable {
        struct Units: Decodable {
            var row: String
            var lead: [String]
            var responsible: [String]
            var groups: [String]
        }
        var document: String
        var issued: String
        var rows: [[String: String]]
        var units: [Units]
    }

    /// The issue date's month and day in the latest year in which it is not after today.
    static func replayed(_ issued: String, now: Date) -> Date? {
        guard let original = LocalDate(issued), let today = LocalDate(chinaTimeOf: now) else { return nil }
        var year = today.year
        if let thisYear = LocalDate(year: year, month: original.month, day: original.day), thisYear > today { year -= 1 }
        return LocalDate(year: year, month: original.month, day: original.day)?.chinaDate(hour: 9)
    }

    static func load(resources: String, supervisor: Actor, now: Date, calculator: DeadlineCalculator, on db: any Database) async throws -> Int {
        let directory = try await TaskRegister.Directory.load(on: db)
        let decoder = JSONDecoder()
        let report = try decoder.decode(WorkReport.self, from: try Data(contentsOf: URL(fileURLWithPath: resources + "demo/tasks-2018-10.json")))
        let traffic = try decoder.decode(TrafficTable.self, from: try Data(contentsOf: URL(fileURLWithPath: resources + "demo/tasks-2018-11.json")))
        var count = 0

        // 10号: no per-task date; the work report's tasks run to the end of its year (Resources/demo/README.md).
        if let issued = replayed(report.issued, now: now), let year = LocalDate(chinaTimeOf: issued)?.year {
            let yearEnd = LocalDate(year: year, month: 12, day: 31)?.chinaDate(hour: 18)
            let plans = try report.tasks.map { task in
                let units = try resolve(task.lead + task.responsible + task.groups, in: directory, what: task.number)
                let row = ["序号": task.number, "任务目标": task.target,
                           "责任单位": (task.lead + task.responsible + task.groups).joined(separator: "、"), "完成时限": ""]
                return TaskRegister.Plan(row: row, target: task.target, lead: units[0], coUnits: Array(units.dropFirst()),
                                         deadlineText: nil, deadline: yearEnd, cadence: .monthly)
            }
            count += try await assign(plans, supervisor: supervisor, at: issued, calculator: calculator, on: db).count
        }
        // 11号: weekly reports (11号: "工作专班每周通报,每月考核").
        if let issued = replayed(traffic.issued, now: now), let year = LocalDate(chinaTimeOf: issued)?.year {
            let plans = try zip(traffic.rows, traffic.units).map { row, names in
                let units = try resolve(names.lead + names.responsible + names.groups, in: directory, what: names.row)
                let text = row["完成时限"] ?? ""
                return TaskRegister.Plan(row: row, target: row["任务目标"] ?? "", lead: units[0], coUnits: Array(units.dropFirst()),
                                         deadlineText: text, deadline: TaskDeadlineParser.parse(text, year: year)?.chinaDate(hour: 18),
                                         cadence: .weekly)
            }
            let items = try await assign(plans, supervisor: supervisor, at: issued, calculator: calculator, on: db)
            // The campaign's tasks carry its name, the scope of its monthly assessment scheme below.
            for item in items {
                item.category = trafficCategory
                try await item.save(on: db)
            }
            count += items.count
            try await seedTrafficScheme(now: now, on: db)
        }
        _ = try await TaskCards.sweep(now: now, calculator: calculator, on: db)
        return count
    }

    static func resolve(_ names: [String], in directory: TaskRegister.Directory, what: String) throws -> [UUID] {
        switch directory.units(names) {
        case .failure(let name): throw DubanError.invalid("unit", "演示任务\(what)的单位不存在：\(name) / unknown unit in demo task")
        case .success(let units) where units.isEmpty: throw DubanError.invalid("unit", "演示任务\(what)未写单位 / demo task names no unit")
        case .success(let units): return units
        }
    }

    static let trafficCategory = "交通秩序综合治理"

    /// The traffic campaign's monthly assessment (001 阳政办(2018)11号 "每月考核") as a scheme over the
    /// campaign's tasks, with the core's example weights (the seed gives none; the district sets them).
    static func seedTrafficScheme(now: Date, on db: any Database) async throws {
        let scheme = AssessmentScheme.trafficCampaignMonthlyExample
        guard try await SchemeRow.find(scheme.code, on: db) == nil else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let row = SchemeRow()
        row.id = scheme.code
        row.scheme = String(decoding: try encoder.encode(scheme), as: UTF8.self)
        row.kind = ItemKind.task.rawValue
        row.category = trafficCategory
        row.updatedBy = "demo-loader"
        row.updatedAt = now
        try await row.create(on: db)
    }

    /// Registers and assigns at `issued`, and each lead unit signs for its task an hour later.
    static func assign(_ plans: [TaskRegister.Plan], supervisor: Actor, at issued: Date, calculator: DeadlineCalculator,
                       on db: any Database) async throws -> [LedgerItem] {
        let items = try await TaskRegister.create(plans, actor: supervisor, at: issued, calculator: calculator, on: db)
        for item in items {
            guard let unit = item.assignedUnitID else { continue }
            var lead = supervisor
            lead.role = .unitOperator
            lead.unitID = unit
            lead.username = "demo-loader"
            try await LedgerService.transition(item, event: .signFor, actor: lead, now: issued.addingTimeInterval(3600),
                                               calculator: calculator, on: db)
        }
        return items
    }
}
