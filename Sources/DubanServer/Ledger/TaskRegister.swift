import DubanCore
import Fluent
import Vapor

/// Import and export of task-breakdown tables (工作责任分解表, 001 阳政办(2018)10号/11号) as tasks: each row
/// becomes a task assigned to its first unit, the other units sharing it as responsible units.
enum TaskRegister {
    /// One row, resolved: what the task is, who does it, by when.
    struct Plan: Sendable {
        var row: [String: String]
        var target: String
        var lead: UUID
        var coUnits: [UUID]
        var deadlineText: String?
        var deadline: Date?
        var cadence: ProgressCadence
    }

    /// Group phrases of the tables that mean every street (001 阳政办(2018)10号: "各街办事处"; 11号 row 4: "街道").
    static let allStreets: Set<String> = ["街道", "各街道", "各街办事处", "相关街办事处", "各街道办事处"]
    /// Group phrases that name no unit in particular; kept in the table's text only.
    static let unnamedGroups: Set<String> = ["各相关部门", "各相关职能部门", "相关部门"]

    /// Every spelling of every unit, and the streets, for resolving a table's unit cells.
    struct Directory: Sendable {
        var spellings = AliasResolver<UUID>()
        var streets: [UUID] = []

        static func load(on db: any Database) async throws -> Directory {
            var directory = Directory()
            for alias in try await UnitAlias.query(on: db).all() {
                try? directory.spellings.register(alias.alias, for: alias.$unit.id)
            }
            directory.streets = try await Unit.query(on: db).filter(\.$kind == UnitKind.street.rawValue).sort(\.$name).all(\.$id)
            return directory
        }

        /// The units `names` stand for, in order and without repeats, or the first name not understood.
        func units(_ names: [String]) -> Result<[UUID], String> {
            var ids: [UUID] = []
            for name in names where !Self.unnamed(name) {
                let found: [UUID]
                if TaskRegister.allStreets.contains(name) {
                    found = streets
                } else if let id = spellings.resolve(name) {
                    found = [id]
                } else {
                    return .failure(name)
                }
                for id in found where !ids.contains(id) { ids.append(id) }
            }
            return .success(ids)
        }

        static func unnamed(_ name: String) -> Bool { TaskRegister.unnamedGroups.contains(name) }
    }

    /// Resolves checked rows (`TaskBreakdownRegister.layout`) into plans; a unit not in the directory, a
    /// deadline already past, or a row naming no unit at all is an error of that row.
    static func plans(_ rows: [[String: String]], directory: Directory, now: Date, cadence: ProgressCadence)
        -> Result<[Plan], RegisterLayout.Invalid> {
        let year = LocalDate(chinaTimeOf: now)?.year ?? 2026
        var plans: [Plan] = []
        var errors: [RegisterLayout.RowError] = []
        for (index, row) in rows.enumerated() {
            let number = index + 1
            switch directory.units(TaskBreakdownRegister.unitNames(in: row["责任单位"] ?? "")) {
            case .failure(let name):
                errors.append(.init(row: number, column: "责任单位", message: "无法识别单位「\(name)」"))
            case .success(let units):
                guard let lead = units.first else {
                    errors.append(.init(row: number, column: "责任单位", message: "未写明具体单位"))
                    continue
                }
                let text = row["完成时限"].flatMap { $0.isEmpty ? nil : $0 }
                let deadline = text.flatMap { TaskDeadlineParser.parse($0, year: year) }?.chinaDate(hour: 18)
                if let deadline, deadline <= now {
                    errors.append(.init(row: number, column: "完成时限", message: "「\(text ?? "")」已过 / the deadline has passed"))
                    continue
                }
                plans.append(Plan(row: row, target: row["任务目标"] ?? "", lead: lead, coUnits: Array(units.dropFirst()),
                                  deadlineText: text, deadline: deadline, cadence: cadence))
            }
        }
        return errors.isEmpty ? .success(plans) : .failure(RegisterLayout.Invalid(errors: errors))
    }

    /// Registers and assigns the tasks, in the caller's transaction; `at` is the assignment time.
    static func create(_ plans: [Plan], actor: Actor, at now: Date, calculator: DeadlineCalculator,
                       on db: any Database) async throws -> [LedgerItem] {
        var items: [LedgerItem] = []
        for plan in plans {
            let title = plan.target.count > 200 ? String(plan.target.prefix(199)) + "…" : plan.target
            let fields = LedgerService.Fields(kind: .task, title: title, description: .some(plan.target),
                                              deadlineText: .some(plan.deadlineText), reportCadence: plan.cadence, coUnitIDs: plan.coUnits)
            let item = try await LedgerService.create(fields, actor: actor, now: now.addingTimeInterval(Double(items.count) / 1000), on: db)
            item.register = try RegisterService.canonical(plan.row)
            try await item.save(on: db)
            try await LedgerService.transition(item, event: .assign(unitID: plan.lead.uuidString, deadline: plan.deadline),
                                               actor: actor, now: now, calculator: calculator, on: db)
            items.append(item)
        }
        return items
    }

    /// The tasks as the table: rows imported come back exactly; tasks entered on the page are written
    /// from their fields.
    static func export(on db: any Database) async throws -> [[String]] {
        var table = [TaskBreakdownRegister.columns]
        try await RegisterService.forEachBatch(LedgerItem.query(on: db).filter(\.$kind == ItemKind.task.rawValue)) { batch in
            let unitIDs = batch.compactMap(\.assignedUnitID)
            let shared = try await LedgerItemUnit.query(on: db).filter(\.$itemID ~~ batch.compactMap(\.id)).all()
            let names = try await LedgerPages.unitNames(unitIDs + shared.map(\.unitID), on: db)
            for item in batch {
                let stored = item.register.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }
                let row = stored ?? [
                    "任务目标": item.details ?? item.title,
                    "责任单位": ([item.assignedUnitID].compactMap { $0 } + shared.filter { $0.itemID == item.id }.map(\.unitID))
                        .compactMap { names[$0] }.joined(separator: "、"),
                    "完成时限": item.deadlineText ?? "",
                ]
                table.append([String(table.count)] + TaskBreakdownRegister.layout.fields.map { row[$0] ?? "" })
            }
        }
        return table
    }
}
