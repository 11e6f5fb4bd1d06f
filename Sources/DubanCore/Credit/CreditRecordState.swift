/// The stored state of a ``CreditRecord``, changed only by the objection and repair procedures.
/// Expiry is not stored: it follows from the date (see ``CreditRecord/status(at:)``).
public enum CreditRecordState: String, Codable, CaseIterable, Sendable {
    /// 有效 — recorded and not disputed.
    case active
    /// 异议处理中 — an objection is under review.
    case objected
    /// 已撤销 — revoked after an upheld objection: never counted, publication withdrawn.
    case revoked
    /// 已修复 — repaired: publication and scoring ended, the record kept.
    case repaired
}
