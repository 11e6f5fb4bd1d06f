import DubanCore
import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor

extension Application {
    private struct CrawlOptionsKey: StorageKey { typealias Value = CrawlOptions }

    /// The crawl limits of audits and probes run by the server (tests shorten the 15 s limit).
    var siteAuditOptions: CrawlOptions {
        get { storage[CrawlOptionsKey.self] ?? CrawlOptions() }
        set { storage[CrawlOptionsKey.self] = newValue }
    }

    private struct RunningKey: StorageKey { typealias Value = NIOLockedValueBox<[UUID: Task<Void, Never>]> }

    /// Audits running in this process, so shutdown (and tests) can wait for them.
    var runningSiteAudits: NIOLockedValueBox<[UUID: Task<Void, Never>]> {
        if let box = storage[RunningKey.self] { return box }
        let box = NIOLockedValueBox<[UUID: Task<Void, Never>]>([:])
        storage[RunningKey.self] = box
        return box
    }
}

/// Stores audits and probes and runs them on schedule (SPEC M9).
enum SiteAuditService {
    /// Duban defaults an administrator may change (settings): the census standard sets none of these.
    static let intervalSettingKey = "siteaudit.interval_days"
    static let defaultIntervalDays = 7
    /// 60 minutes gives 24 probes a day, above the standard's "每天间隔性访问20次以上".
    static let probeSettingKey = "siteaudit.probe_minutes"
    static let defaultProbeMinutes = 60
    static let passSettingKey = "siteaudit.fail_at_deducted"

    /// The week the standard monitors ("监测1周"): the 7 China days before the audit date.
    static func availability(siteID: UUID, lastDay: LocalDate, slowSeconds: Double, on db: any Database) async throws -> AvailabilitySummary {
        var rules = AvailabilityRules(slowSeconds: slowSeconds)
        rules.days = 7
        let first = lastDay.adding(days: -(rules.days - 1)) ?? lastDay
        let from = first.chinaDate()
        let until = (lastDay.adding(days: 1) ?? lastDay).chinaDate()
        let rows = try await SiteProbeRow.query(on: db)
            .filter(\.$siteID == siteID).filter(\.$at >= from).filter(\.$at < until)
            .all()
        return AvailabilitySummary.evaluate(rows.map(\.probe), lastDay: lastDay, rules: rules)
    }

    static func config(of site: AuditedSite) -> SiteAuditConfig {
        (try? JSONDecoder().decode(SiteAuditConfig.self, from: Data(site.config.utf8))) ?? SiteAuditConfig()
    }

    /// Records a running audit and starts it in the background; returns the row.
    static func start(site: AuditedSite, trigger: String, actor: String, app: Application, now: Date = Date()) async throws -> SiteAuditRow {
        let siteID = try site.requireID()
        let row = SiteAuditRow()
        row.id = UUID()
        row.siteID = siteID
        row.state = "running"
        row.trigger = trigger
        row.startedAt = now.wholeMilliseconds
        row.auditDate = (LocalDate(chinaTimeOf: now) ?? LocalDate(year: 2026, month: 1, day: 1)!).description
        row.startedBy = actor
        let created = row
        try await app.db.write(gate: app.writeGate) { db in
            try await created.create(on: db)
            try await AuditLog.record(on: db, actor: actor, action: .create, entityType: "site_audit", entityID: created.id!.text,
                                      before: Optional<String>.none,
                                      after: ["site": site.url, "trigger": trigger, "auditDate": created.auditDate], at: now)
        }
        let auditID = row.id!
        let task = Task { await perform(auditID: auditID, site: site, app: app) }
        app.runningSiteAudits.withLockedValue { $0[auditID] = task }
        return row
    }

    /// Crawls and scores; stores the result (or the failure) on the audit row.
    static func perform(auditID: UUID, site: AuditedSite, app: Application) async {
        defer { _ = app.runningSiteAudits.withLockedValue { $0.removeValue(forKey: auditID) } }
        do {
            guard let row = try await SiteAuditRow.find(auditID, on: app.db), let siteID = site.id else { return }
            var options = app.siteAuditOptions
            let auditDate = LocalDate(row.auditDate) ?? LocalDate(chinaTimeOf: Date())!
            options.auditDate = auditDate
            let lastDay = auditDate.adding(days: -1) ?? auditDate
            let availability = try await availability(siteID: siteID, lastDay: lastDay, slowSeconds: options.slowSeconds, on: app.db)
            let failAt = try await AdjustableSetting.value(passSettingKey, on: app.db)
            let crawler = SiteCrawler(eventLoopGroup: app.eventLoopGroup, options: options)
            let result = await crawler.audit(homeURL: site.url, config: config(of: site), availability: availability, failAtDeducted: failAt)
            await crawler.shutdown()
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(result), as: UTF8.self)
            try await app.db.write(gate: app.writeGate) { db in
                guard let row = try await SiteAuditRow.find(auditID, on: db) else { return }
                row.state = "finished"
                row.finishedAt = Date().wholeMilliseconds
                row.scoreTenths = result.report.scoreTenths
                row.deductedTenths = result.report.deductedTenths
                row.vetoes = result.report.vetoes.count
                row.passed = result.report.passed
                row.result = json
                try await row.update(on: db)
            }
        } catch {
            app.logger.error("site audit \(auditID) failed: \(String(describing: error))")
            _ = try? await app.db.write(gate: app.writeGate) { db in
                guard let row = try await SiteAuditRow.find(auditID, on: db) else { return }
                row.state = "failed"
                row.finishedAt = Date().wholeMilliseconds
                try await row.update(on: db)
            }
        }
    }

    /// Waits for the audits running in this process (tests, shutdown).
    static func waitForRunning(app: Application) async {
        while true {
            let running = app.runningSiteAudits.withLockedValue { $0 }
            guard !running.isEmpty else { return }
            for (id, task) in running {
                await task.value
                _ = app.runningSiteAudits.withLockedValue { $0.removeValue(forKey: id) }
            }
        }
    }

    /// One availability probe of the site's home page, stored.
    @discardableResult
    static func probe(site: AuditedSite, app: Application) async throws -> SiteProbeRow {
        let crawler = SiteCrawler(eventLoopGroup: app.eventLoopGroup, options: app.siteAuditOptions)
        let probe = await crawler.probe(site.url)
        await crawler.shutdown()
        let row = SiteProbeRow()
        row.siteID = try site.requireID()
        row.at = probe.at.wholeMilliseconds
        row.seconds = probe.seconds
        row.status = probe.status
        try await app.db.write(gate: app.writeGate) { db in try await row.create(on: db) }
        return row
    }

    /// Claims a due site by moving its next time on, only if it is still due (no other process moved it first).
    private static func claim(_ site: AuditedSite, column: String, now: Date, to new: Date, app: Application) async throws -> Bool {
        guard let sql = app.db as? any SQLDatabase, let id = site.id else { return false }
        let rows = try await sql.raw("""
            UPDATE site_audit_sites SET \(ident: column) = \(bind: new) WHERE id = \(bind: id) AND \(ident: column) <= \(bind: now) RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// The scheduler's share: probes that are due (run now, in parallel) and scheduled audits (started
    /// in the background). Called from `SchedulerService.tick`.
    static func tick(app: Application, now: Date) async {
        do {
            let probeMinutes = try await AdjustableSetting.value(probeSettingKey, on: app.db)
            let intervalDays = try await AdjustableSetting.value(intervalSettingKey, on: app.db)
            let dueProbes = try await AuditedSite.query(on: app.db).filter(\.$nextProbeAt <= now).sort(\.$nextProbeAt).limit(100).all()
            var claimed: [AuditedSite] = []
            for site in dueProbes {
                let next = now.addingTimeInterval(Double(probeMinutes) * 60).wholeMilliseconds
                if try await claim(site, column: "next_probe_at", now: now, to: next, app: app) { claimed.append(site) }
            }
            await withTaskGroup(of: Void.self) { group in
                for site in claimed {
                    group.addTask {
                        do { try await probe(site: site, app: app) } catch {
                            app.logger.warning("site probe \(site.url) failed to store: \(String(describing: error))")
                        }
                    }
                }
            }
            let dueAudits = try await AuditedSite.query(on: app.db).filter(\.$nextAuditAt <= now).sort(\.$nextAuditAt).limit(20).all()
            for site in dueAudits {
                let next = now.addingTimeInterval(Double(intervalDays) * 86400).wholeMilliseconds
                if try await claim(site, column: "next_audit_at", now: now, to: next, app: app) {
                    _ = try await start(site: site, trigger: "scheduled", actor: "scheduler", app: app, now: now)
                }
            }
        } catch {
            app.logger.warning("site audit tick failed: \(String(describing: error))")
        }
    }
}
