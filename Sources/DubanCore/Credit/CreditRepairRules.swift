/// 信用修复 — when a record may be repaired (SPEC A3) and how long the review may take.
public struct CreditRepairRules: Hashable, Codable, Sendable {
    /// Fields whose penalties wait the longer period (SPEC A3: work safety, fire safety and special
    /// equipment, the national minimum for these fields).
    public var strictFields: [CreditField]
    /// Minimum months before a penalty in a strict field may be repaired (SPEC A3: 12).
    public var penaltyMonthsInStrictFields: Int
    /// Minimum months for a penalty in any other field (SPEC A3: 3).
    public var penaltyMonthsInOtherFields: Int
    /// Minimum months for a hazard record (SPEC A3: 6).
    public var hazardMonths: Int
    /// Minimum months for an accident-responsibility record. Duban's default, 12: SPEC A3 gives none,
    /// and accidents are work-safety matters, so the work-safety minimum is used.
    public var accidentMonths: Int
    /// Working days a reviewer has to decide a repair application. Duban's default, 15: the seeds
    /// give none (004 成府发〔2018〕12号 only requires a repair procedure).
    public var reviewWorkingDays: Int

    /// Repair rules with the given periods.
    public init(
        strictFields: [CreditField], penaltyMonthsInStrictFields: Int, penaltyMonthsInOtherFields: Int,
        hazardMonths: Int, accidentMonths: Int, reviewWorkingDays: Int
    ) {
        self.strictFields = strictFields
        self.penaltyMonthsInStrictFields = penaltyMonthsInStrictFields
        self.penaltyMonthsInOtherFields = penaltyMonthsInOtherFields
        self.hazardMonths = hazardMonths
        self.accidentMonths = accidentMonths
        self.reviewWorkingDays = reviewWorkingDays
    }

    /// The minimum months after the decision date before a `kind` record in `field` may be repaired;
    /// nil when the kind cannot be repaired (commendations and licensing decisions are not wrongs).
    public func minimumMonths(for kind: CreditRecordKind, in field: CreditField) -> Int? {
        switch kind.category {
        case .penalty: strictFields.contains(field) ? penaltyMonthsInStrictFields : penaltyMonthsInOtherFields
        case .hazard: hazardMonths
        case .accident: accidentMonths
        case .commendation, .licensing: nil
        }
    }
}
