/// The group of a ``CreditRecordKind``; it decides the sign of the points, the repair period and
/// whether the record counts as a penalty for the black and red lists.
public enum CreditRecordCategory: String, Codable, CaseIterable, Sendable {
    /// 隐患 — hazard records; repairable after the hazard minimum period (SPEC A3: 6 months).
    case hazard
    /// 行政处罚 — penalty decisions; repairable after the field's minimum period (SPEC A3).
    case penalty
    /// 事故责任 — accident responsibility; repairable after ``CreditRepairRules/accidentMonths``.
    case accident
    /// 表彰 — commendations; nothing to repair.
    case commendation
    /// 行政许可 — licensing decisions; not a wrong, nothing to repair.
    case licensing
}
