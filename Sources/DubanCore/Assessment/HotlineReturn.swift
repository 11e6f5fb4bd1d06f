import Foundation

/// 退回 — one return of a case by the unit to the hotline centre (SPEC A2 `returns[]`).
public struct HotlineReturn: Hashable, Sendable {
    /// When the unit returned the case.
    public var at: Date

    /// A return made at `at`.
    public init(at: Date) {
        self.at = at
    }
}

extension HotlineReturn: Codable {
    private enum CodingKeys: String, CodingKey {
        case at
    }

    /// Reads `{"at":"…"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = try container.decodeInstant(forKey: .at)
    }

    /// Writes `{"at":"…"}` in China time.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeInstant(at, forKey: .at)
    }
}
