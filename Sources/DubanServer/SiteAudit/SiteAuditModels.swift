import DubanCore
import Fluent
import Vapor

/// A government website under census check (SPEC M9): its home page, its audit configuration (JSON,
/// `SiteAuditConfig`) and when its next scheduled audit and availability probe are due.
final class AuditedSite: Model, @unchecked Sendable {
    static let schema = "site_audit_sites"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "url") var url: String
    @Field(key: "config") var config: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    /// The next scheduled audit (every `siteaudit.interval_days`, default weekly).
    @Field(key: "next_audit_at") var nextAuditAt: Date
    /// The next availability probe (every `siteaudit.probe_minutes`).
    @Field(key: "next_probe_at") var nextProbeAt: Date

    init() {}
}

/// One audit of a site: running, then finished with its score and the whole result (JSON).
final class SiteAuditRow: Model, @unchecked Sendable {
    static let schema = "site_audits"

    @ID(key: .id) var id: UUID?
    @Field(key: "site_id") var siteID: UUID
    /// running, finished, failed.
    @Field(key: "state") var state: String
    /// manual or scheduled.
    @Field(key: "trigger") var trigger: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @Field(key: "audit_date") var auditDate: String
    @OptionalField(key: "score_tenths") var scoreTenths: Int?
    @OptionalField(key: "deducted_tenths") var deductedTenths: Int?
    @OptionalField(key: "vetoes") var vetoes: Int?
    @OptionalField(key: "passed") var passed: Bool?
    @OptionalField(key: "result") var result: String?
    @Field(key: "started_by") var startedBy: String

    init() {}
}

/// One availability probe of a site's home page.
final class SiteProbeRow: Model, @unchecked Sendable {
    static let schema = "site_probes"

    @ID(key: .id) var id: UUID?
    @Field(key: "site_id") var siteID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "seconds") var seconds: Double
    @OptionalField(key: "status") var status: Int?

    init() {}

    var probe: AvailabilityProbe { AvailabilityProbe(at: at, seconds: seconds, status: status) }
}

struct CreateSiteAudit: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditedSite.schema)
            .id()
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("config", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("next_audit_at", .datetime, .required)
            .field("next_probe_at", .datetime, .required)
            .unique(on: "url")
            .create()
        // The scheduler's two sweeps.
        try await database.createIndex("idx_site_audit_sites_next_audit", on: AuditedSite.schema, columns: ["next_audit_at"])
        try await database.createIndex("idx_site_audit_sites_next_probe", on: AuditedSite.schema, columns: ["next_probe_at"])

        try await database.schema(SiteAuditRow.schema)
            .id()
            .field("site_id", .uuid, .required, .references(AuditedSite.schema, .id))
            .field("state", .string, .required)
            .field("trigger", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("audit_date", .string, .required)
            .field("score_tenths", .int)
            .field("deducted_tenths", .int)
            .field("vetoes", .int)
            .field("passed", .bool)
            .field("result", .string)
            .field("started_by", .string, .required)
            .create()
        // A site's history, newest first.
        try await database.createIndex("idx_site_audits_site", on: SiteAuditRow.schema, columns: ["site_id", "started_at", "id"])

        try await database.schema(SiteProbeRow.schema)
            .id()
            .field("site_id", .uuid, .required, .references(AuditedSite.schema, .id))
            .field("at", .datetime, .required)
            .field("seconds", .double, .required)
            .field("status", .int)
            .create()
        // The monitored week of one site.
        try await database.createIndex("idx_site_probes_site_at", on: SiteProbeRow.schema, columns: ["site_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SiteProbeRow.schema).delete()
        try await database.schema(SiteAuditRow.schema).delete()
        try await database.schema(AuditedSite.schema).delete()
    }
}
