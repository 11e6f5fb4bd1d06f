import DubanCore
import Fluent
import SQLKit
import Vapor

/// 电梯安全合规看板 — elevators by status, maintenance overdue, inspections due and expired, incidents
/// breaching the 30-minute or 1-hour rules, per use unit and per maintenance unit. Aggregated in the
/// database (one grouped pass over the registry, indexed counts for the rest).
enum ElevatorDashboard {
    struct Group: Decodable {
        var unit: UUID?
        var name: String?
        var elevators: Int
        var overdue: Int
        var due: Int
        var expired: Int
    }

    struct Breaches: Decodable {
        var unit: UUID?
        var kind: String
        var count: Int
    }

    static func build(now: Date, rules: ElevatorRules, on db: any Database) async throws -> ElevatorDashboardDTO {
        guard let sql = db as? any SQLDatabase else { throw DubanError.badRequest("SQL database required") }
        let horizon = now.addingTimeInterval(Double(rules.configuration.inspectionWarningDays) * 86400)
        var byStatus: [String: Int] = [:]
        for status in ElevatorStatus.allCases {
            byStatus[status.rawValue] = try await ElevatorRow.query(on: db).filter(\.$status == status.rawValue).count()
        }
        func groups(_ column: String) async throws -> [Group] {
            try await sql.raw("""
                SELECT \(unsafeRaw: column) AS unit, MIN(use_unit_name) AS name, COUNT(*) AS elevators,
                  SUM(CASE WHEN maintenance_due_at < \(bind: now) THEN 1 ELSE 0 END) AS overdue,
                  SUM(CASE WHEN inspection_applied_at IS NULL AND inspection_application_due_at <= \(bind: horizon)
                           AND inspection_expires_at >= \(bind: now) THEN 1 ELSE 0 END) AS due,
                  SUM(CASE WHEN inspection_expires_at < \(bind: now) THEN 1 ELSE 0 END) AS expired
                FROM elevators WHERE status <> \(bind: ElevatorStatus.scrapped.rawValue)
                GROUP BY \(unsafeRaw: column)
                """).all(decoding: Group.self)
        }
        let byMaintainer = try await groups("maintenance_unit_id")
        let byUse = try await groups("use_unit_id")
        func breaches(_ column: String) async throws -> [Breaches] {
            try await sql.raw("""
                SELECT \(unsafeRaw: column) AS unit, kind, COUNT(*) AS count FROM elevator_incidents
                WHERE breach = \(bind: true) GROUP BY \(unsafeRaw: column), kind
                """).all(decoding: Breaches.self)
        }
        let maintainerBreaches = try await breaches("maintenance_unit_id")
        let useBreaches = try await breaches("use_unit_id")
        let unitIDs = Array(Set(byMaintainer.compactMap(\.unit) + byUse.compactMap(\.unit)))
        let units = unitIDs.isEmpty ? [] : try await Unit.query(on: db).filter(\.$id ~~ unitIDs).all()
        let names = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.name) } })
        func rows(_ groups: [Group], _ breaches: [Breaches]) -> [ElevatorUnitCountDTO] {
            groups.map { group in
                ElevatorUnitCountDTO(
                    unitId: group.unit, unit: group.unit.flatMap { names[$0] } ?? group.name ?? "（未明确使用单位）", elevators: group.elevators,
                    maintenanceOverdue: group.overdue, inspectionDue: group.due, inspectionExpired: group.expired,
                    incidentBreaches: breaches.filter { $0.unit == group.unit }.reduce(0) { $0 + $1.count })
            }.sorted { ($0.maintenanceOverdue, $0.elevators, $1.unit) > ($1.maintenanceOverdue, $1.elevators, $0.unit) }
        }
        let kinds = Dictionary(grouping: maintainerBreaches, by: \.kind).mapValues { $0.reduce(0) { $0 + $1.count } }
        return ElevatorDashboardDTO(
            at: ChinaTimeFormat.string(now), total: byStatus.values.reduce(0, +), byStatus: byStatus,
            maintenanceOverdue: byMaintainer.reduce(0) { $0 + $1.overdue }, inspectionDue: byMaintainer.reduce(0) { $0 + $1.due },
            inspectionExpired: byMaintainer.reduce(0) { $0 + $1.expired }, rescueBreaches: kinds[IncidentKind.trapped.rawValue] ?? 0,
            accidentReportBreaches: kinds[IncidentKind.accident.rawValue] ?? 0,
            byUseUnit: rows(byUse, useBreaches), byMaintenanceUnit: rows(byMaintainer, maintainerBreaches))
    }
}
