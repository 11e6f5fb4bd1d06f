import Foundation

/// 联系记录 — one attempt by the handling unit to reach the caller. The seed wants the time to the
/// minute and the staff member's name (000 阳政办〔2017〕33号 附件2 第三条(六): "均要在系统中注明联系时间
/// (需精确到分钟)及工作人员姓名以便备查").
public struct ContactAttempt: Hashable, Codable, Sendable {
    /// When, truncated to the whole minute (seconds dropped; China's offset is whole hours, so UTC and
    /// China minutes coincide).
    public let at: Date
    /// 工作人员姓名 — who called, trimmed.
    public let staffName: String
    /// Whether the caller was reached.
    public let reached: Bool
    /// A free note ("关机", "无人接听").
    public let note: String

    /// An attempt at `at` (truncated to the minute) by `staffName`.
    public init(at: Date, staffName: String, reached: Bool, note: String = "") {
        self.at = Self.minute(of: at)
        self.staffName = TextNormalization.clean(staffName)
        self.reached = reached
        self.note = TextNormalization.clean(note)
    }

    /// `instant` with its seconds dropped.
    public static func minute(of instant: Date) -> Date {
        Date(timeIntervalSince1970: (instant.timeIntervalSince1970 / 60).rounded(.down) * 60)
    }

    private enum CodingKeys: String, CodingKey { case at, staffName, reached, note }

    /// Decodes and normalises as ``init(at:staffName:reached:note:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(at: try container.decode(Date.self, forKey: .at),
                  staffName: try container.decode(String.self, forKey: .staffName),
                  reached: try container.decode(Bool.self, forKey: .reached),
                  note: try container.decodeIfPresent(String.self, forKey: .note) ?? "")
    }
}
