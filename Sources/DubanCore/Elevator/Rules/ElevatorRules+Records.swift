import Foundation

/// Whether a maintenance or safety record may be deleted at `now`.
public struct RecordRetentionCheck: Hashable, Codable, Sendable {
    /// The record must be kept until this instant: 5 years (60 months) after it was made.
    public let keepUntil: Deadline
    /// Whether it may be deleted at `now` (from `keepUntil` on).
    public let mayDelete: Bool
}

extension ElevatorRules {
    /// 档案保存 — maintenance and fault records go into the technical archive, "档案至少保存5年"
    /// (004 成府发〔2015〕29号 三(三)3). A record may be deleted only once 5 years = 60 months (A1
    /// `months`: same China date and time, clamped to the month's end) have passed since it was made;
    /// exactly at 5 years it may.
    public func recordRetention(madeAt: Date, now: Date) throws(ElevatorError) -> RecordRetentionCheck {
        let keepUntil = try due(from: madeAt, amount: ElevatorLimits.recordRetentionMonths, unit: .months)
        return RecordRetentionCheck(keepUntil: keepUntil, mayDelete: now >= keepUntil.due)
    }
}
