import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Runs the scheduler in the server: every `interval`, reload the calendar, sweep deadlines, deliver
/// notifications. Started by `duban serve` (DUBAN_SCHEDULER_SECONDS, default 30; 0 turns it off).
final class SchedulerService: LifecycleHandler, Sendable {
    let interval: TimeInterval
    let scheduler: Scheduler
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)

    init(interval: TimeInterval, instance: String) {
        self.interval = interval
        scheduler = Scheduler(instance: instance)
    }

    func didBootAsync(_ app: Application) async throws {
        let scheduler = scheduler
        let interval = interval
        task.withLockedValue { task in
            task = Task {
                while !Task.isCancelled {
                    await Self.tick(app: app, scheduler: scheduler)
                    try? await Task.sleep(for: .seconds(interval))
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        let running = task.withLockedValue { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
        await SiteAuditService.waitForRunning(app: app)
    }

    static func tick(app: Application, scheduler: Scheduler) async {
        let now = Date()
        do {
            try await app.calendarStore.reload(on: app.db)
            let sweep = try await scheduler.sweep(now: now, app: app)
            let calculator = app.calendarStore.calculator
            let cards = try await app.db.write(gate: app.writeGate) { db in
                try await TaskCards.sweep(now: now, calculator: calculator, on: db)
            }
            if cards != TaskCards.Report() {
                app.logger.info("task cards: issued \(cards.issued), escalated \(cards.escalated)")
            }
            let proposals = try await app.db.write(gate: app.writeGate) { db in
                try await AccountabilityService.monthly(now: now, calculator: calculator, on: db)
            }
            if proposals > 0 { app.logger.info("accountability: \(proposals) proposals for last month") }
            let reports = try await ScheduledReports.tick(app: app, now: now)
            if reports > 0 { app.logger.info("reports: \(reports) scheduled reports issued") }
            await SiteAuditService.tick(app: app, now: now)
            let delivery = try await Outbox.deliver(on: app.db, gate: app.writeGate, senders: app.notificationSenders, now: now)
            if sweep.claimed > 0 || delivery != Outbox.Report() {
                app.logger.info("scheduler: claimed \(sweep.claimed), fired \(sweep.fired); notifications sent \(delivery.sent), retried \(delivery.retried), failed \(delivery.failed)")
            }
        } catch {
            app.logger.warning("scheduler tick failed: \(String(describing: error))")
        }
    }
}
