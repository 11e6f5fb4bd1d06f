import Foundation
import Logging
import NIOConcurrencyHelpers

/// Delivers notifications of one channel. Real SMS and e-mail gateways implement this and are
/// registered in `NotificationSenders` at start-up.
protocol NotificationSender: Sendable {
    var channel: String { get }
    func send(_ message: OutgoingMessage) async throws
}

/// What a sender needs of a notification (no database model crosses into senders).
struct OutgoingMessage: Sendable {
    var id: UUID
    var channel: String
    var address: String?
    var subject: String
    var body: String
}

/// In-app inbox: the stored row is the delivery; sending only marks it delivered.
struct InboxSender: NotificationSender {
    let channel = "inbox"
    func send(_ message: OutgoingMessage) async throws {}
}

/// Writes the message to the log: the development sender, and the stand-in for SMS and e-mail until a
/// gateway is configured.
struct LogSender: NotificationSender {
    let channel: String
    let logger: Logger

    func send(_ message: OutgoingMessage) async throws {
        logger.notice("notification \(message.channel) to \(message.address ?? "-"): \(message.subject) — \(message.body)")
    }
}

/// An SMS gateway (短信平台): one message to one mobile number.
protocol SMSGateway: Sendable {
    func sendSMS(to phone: String, text: String) async throws
}

/// An e-mail gateway (SMTP relay or HTTP mail API).
protocol EmailGateway: Sendable {
    func sendEmail(to address: String, subject: String, body: String) async throws
}

struct SMSSender: NotificationSender {
    let channel = "sms"
    let gateway: any SMSGateway

    func send(_ message: OutgoingMessage) async throws {
        guard let phone = message.address else { throw DeliveryError.noAddress }
        try await gateway.sendSMS(to: phone, text: "【督办】\(message.subject)：\(message.body)")
    }
}

struct EmailSender: NotificationSender {
    let channel = "email"
    let gateway: any EmailGateway

    func send(_ message: OutgoingMessage) async throws {
        guard let address = message.address else { throw DeliveryError.noAddress }
        try await gateway.sendEmail(to: address, subject: message.subject, body: message.body)
    }
}

enum DeliveryError: Error, CustomStringConvertible {
    case noAddress
    case noSender(String)

    var description: String {
        switch self {
        case .noAddress: "no address for this channel"
        case .noSender(let channel): "no sender configured for channel \(channel)"
        }
    }
}

/// The senders by channel. By default: inbox, and log senders for log, sms and email.
final class NotificationSenders: Sendable {
    private let senders: NIOLockedValueBox<[String: any NotificationSender]>

    init(logger: Logger) {
        senders = NIOLockedValueBox([
            "inbox": InboxSender(),
            "log": LogSender(channel: "log", logger: logger),
            "sms": LogSender(channel: "sms", logger: logger),
            "email": LogSender(channel: "email", logger: logger),
        ])
    }

    func use(_ sender: any NotificationSender) { senders.withLockedValue { $0[sender.channel] = sender } }

    func sender(for channel: String) -> (any NotificationSender)? { senders.withLockedValue { $0[channel] } }
}
