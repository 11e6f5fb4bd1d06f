import DubanCore
import Fluent
import Vapor

/// One of Duban's numbers that no seed gives: a documented default an administrator may change.
struct AdjustableSetting: Sendable {
    var key: String
    var defaultValue: Int
    var range: ClosedRange<Int>
    var description: String

    /// Every adjustable number, with where it is used.
    static let all: [AdjustableSetting] = [
        AdjustableSetting(key: TaskCards.escalationSettingKey, defaultValue: TaskCards.defaultEscalationWorkingDays, range: 1...30,
                          description: "督办牌发出后多少个工作日未办理即报督查室 / working days before an unanswered card escalates"),
        AdjustableSetting(key: LedgerDeadlines.escalationSettingKey, defaultValue: LedgerDeadlines.defaultEscalationTargetDays,
                          range: 1...365, description: "升级督办的新目标时限（天）/ days to the new target of an escalated listing"),
        AdjustableSetting(key: SiteAuditService.intervalSettingKey, defaultValue: SiteAuditService.defaultIntervalDays, range: 1...90,
                          description: "政府网站普查自查的间隔天数（默认每周）/ days between scheduled website audits (default weekly)"),
        AdjustableSetting(key: SiteAuditService.probeSettingKey, defaultValue: SiteAuditService.defaultProbeMinutes, range: 5...72,
                          description: "网站首页可用性探测间隔（分钟，≤72 以保证每天≥20次）/ minutes between home-page probes (≤72 keeps ≥20 a day)"),
        AdjustableSetting(key: SiteAuditService.passSettingKey, defaultValue: CensusScoring.defaultFailAtDeducted, range: 1...100,
                          description: "网站普查扣分达到多少分判为不合格（默认值，非标准原文）/ deducted points at which a site fails (a default, not the standard's text)"),
    ] + ElevatorService.settings + LoginThrottle.settings + [Dashboard.setting, ScheduledReports.setting]

    /// The stored value, or the default when none is stored or it is out of range.
    static func value(_ key: String, on db: any Database) async throws -> Int {
        guard let spec = all.first(where: { $0.key == key }) else { preconditionFailure("unknown setting \(key)") }
        guard let row = try await Setting.find(key, on: db), let value = Int(row.value), spec.range.contains(value) else {
            return spec.defaultValue
        }
        return value
    }
}

/// `/api/v1/settings`: Duban's adjustable defaults (admin).
enum SettingsRoutes {
    struct SettingDTO: Content {
        var key: String
        var value: Int
        var defaultValue: Int
        var isDefault: Bool
        var minimum: Int
        var maximum: Int
        var description: String

        static let schema = Schema.object([
            ("key", Schema.string()), ("value", Schema.integer()), ("defaultValue", Schema.integer()), ("isDefault", Schema.boolean),
            ("minimum", Schema.integer()), ("maximum", Schema.integer()), ("description", Schema.string()),
        ], required: ["key", "value", "defaultValue", "isDefault", "minimum", "maximum", "description"])
    }

    struct SettingInput: Content {
        var value: Int
        static let schema = Schema.object([("value", Schema.integer())], required: ["value"])
    }

    static func register(_ api: APIRoutes) {
        api.add(.GET, "settings", summary: "可调整的默认值 / adjustable defaults", tag: "Platform",
                responses: [(200, "设置 / settings", Schema.array(Schema.ref("Setting")))], use: list)
        api.add(.PUT, "settings/{key}", summary: "修改默认值（管理员）/ change a default (admin)", tag: "Platform",
                body: Schema.ref("SettingInput"),
                responses: [(200, "已保存 / saved", Schema.ref("Setting")), (404, "无此设置 / unknown key", Schema.ref("Error"))],
                pathSchemas: ["key": Schema.enumeration(AdjustableSetting.all.map(\.key))], use: put)
    }

    static func dto(_ spec: AdjustableSetting, on db: any Database) async throws -> SettingDTO {
        let value = try await AdjustableSetting.value(spec.key, on: db)
        return SettingDTO(key: spec.key, value: value, defaultValue: spec.defaultValue, isDefault: value == spec.defaultValue,
                          minimum: spec.range.lowerBound, maximum: spec.range.upperBound, description: spec.description)
    }

    @Sendable static func list(_ req: Request) async throws -> [SettingDTO] {
        try req.requireRole(.admin, .supervisor)
        var rows: [SettingDTO] = []
        for spec in AdjustableSetting.all { rows.append(try await dto(spec, on: req.db)) }
        return rows
    }

    @Sendable static func put(_ req: Request) async throws -> SettingDTO {
        let actor = try req.requireRole(.admin)
        guard let key = req.parameters.get("key"), let spec = AdjustableSetting.all.first(where: { $0.key == key }) else {
            throw DubanError.notFound("设置 / setting")
        }
        let input = try req.decodeJSON(SettingInput.self)
        guard spec.range.contains(input.value) else {
            throw DubanError.invalid("value", "应在\(spec.range.lowerBound)–\(spec.range.upperBound)之间 / must be within \(spec.range)")
        }
        return try await req.write { db in
            try await Setting.put(spec.key, String(input.value), actor: actor.auditName, on: db)
            return try await dto(spec, on: db)
        }
    }
}
