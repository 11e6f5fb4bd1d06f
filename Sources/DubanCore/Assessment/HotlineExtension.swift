import Foundation

/// 延期 — one approved extension of a case's deadline (SPEC A2 `extensions[]`).
public struct HotlineExtension: Hashable, Sendable {
    /// When the unit asked for the extension.
    public var requestedAt: Date
    /// The deadline before this extension.
    public var previousDueAt: Date
    /// The deadline after it.
    public var newDueAt: Date

    /// An extension requested at `requestedAt`, moving the deadline from `previousDueAt` to `newDueAt`.
    public init(requestedAt: Date, previousDueAt: Date, newDueAt: Date) {
        self.requestedAt = requestedAt
        self.previousDueAt = previousDueAt
        self.newDueAt = newDueAt
    }
}

extension HotlineExtension: Codable {
    private enum CodingKeys: String, CodingKey {
        case requestedAt, previousDueAt, newDueAt
    }

    /// Reads `{"requestedAt":"…","previousDueAt":"…","newDueAt":"…"}`; all three are required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requestedAt = try container.decodeInstant(forKey: .requestedAt)
        previousDueAt = try container.decodeInstant(forKey: .previousDueAt)
        newDueAt = try container.decodeInstant(forKey: .newDueAt)
    }

    /// Writes the three instants in China time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInstant(requestedAt, forKey: .requestedAt)
        try container.encodeInstant(previousDueAt, forKey: .previousDueAt)
        try container.encodeInstant(newDueAt, forKey: .newDueAt)
    }
}
