import Fluent
import Vapor

/// Delivers pending notifications through their channel's sender, with exponential back-off.
enum Outbox {
    /// Attempts before a notification is marked failed. The seeds say nothing about delivery: this and
    /// the back-off below are Duban's defaults.
    static let maxAttempts = 8

    /// Delay before attempt `attempts + 1`: 1, 2, 4 … minutes, at most 6 hours.
    static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(0, attempts - 1))), 6 * 3600)
    }

    struct Report: Sendable, Equatable {
        var sent = 0
        var retried = 0
        var failed = 0
    }

    /// Delivers up to `limit` notifications whose attempt time has come.
    static func deliver(on db: any Database, gate: WriteGate?, senders: NotificationSenders, now: Date,
                        limit: Int = 200) async throws -> Report {
        let due = try await Notification.query(on: db)
            .filter(\.$state == Notification.State.pending.rawValue)
            .filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).limit(limit).all()
        var report = Report()
        for notification in due {
            let id = try notification.requireID()
            var failure: String?
            if let sender = senders.sender(for: notification.channel) {
                do {
                    try await sender.send(OutgoingMessage(id: id, channel: notification.channel, address: notification.address,
                                                          subject: notification.subject, body: notification.body))
                } catch {
                    failure = String(describing: error)
                }
            } else {
                failure = DeliveryError.noSender(notification.channel).description
            }
            notification.attempts += 1
            if let failure {
                notification.lastError = String(failure.prefix(500))
                if notification.attempts >= maxAttempts {
                    notification.state = Notification.State.failed.rawValue
                    notification.nextAttemptAt = nil
                    report.failed += 1
                } else {
                    notification.nextAttemptAt = now.addingTimeInterval(backoff(afterAttempts: notification.attempts))
                    report.retried += 1
                }
            } else {
                notification.state = Notification.State.sent.rawValue
                notification.sentAt = now
                notification.nextAttemptAt = nil
                notification.lastError = nil
                report.sent += 1
            }
            try await db.write(gate: gate) { db in try await notification.save(on: db) }
        }
        return report
    }
}
