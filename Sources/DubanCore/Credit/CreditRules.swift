/// 信用规则 — the credit-supervision rules as data (SPEC M6, A3): points and periods per record kind,
/// grade bands, measures, list conditions and procedure time limits.
///
/// The seeds give no point values or bands (002 篇1 only says points are deducted "根据单位实际火灾隐患的
/// 危险情况、违法行为的严重程度" and grades are set "不同分值的等级"), so ``defaults`` are Duban's
/// documented defaults from SPEC A3; an administrator may change every value. ``changesFromDefaults()``
/// tells the UI which values are not the defaults; ``validate()`` refuses an inconsistent value.
public struct CreditRules: Hashable, Codable, Sendable {
    /// The score with no record counting (SPEC A3: 100).
    public var baseScore: Int
    /// Points and period in effect per record kind.
    public var kinds: CreditKindTable
    /// The most all commendations together may add (SPEC A3: +10).
    public var commendationCap: Int
    /// Score → grade.
    public var gradeBands: CreditGradeBands
    /// Measures due per grade (002 篇1).
    public var measures: CreditMeasureTable
    /// 双公示 deadline.
    public var publication: CreditPublicationRules
    /// Objection review time limit.
    public var objection: CreditObjectionRules
    /// Repair periods.
    public var repair: CreditRepairRules
    /// Black-list conditions and procedure.
    public var blackList: CreditBlackListRules
    /// Red-list conditions.
    public var redList: CreditRedListRules

    /// Rules with every value given.
    public init(
        baseScore: Int, kinds: CreditKindTable, commendationCap: Int, gradeBands: CreditGradeBands,
        measures: CreditMeasureTable, publication: CreditPublicationRules, objection: CreditObjectionRules,
        repair: CreditRepairRules, blackList: CreditBlackListRules, redList: CreditRedListRules
    ) {
        self.baseScore = baseScore
        self.kinds = kinds
        self.commendationCap = commendationCap
        self.gradeBands = gradeBands
        self.measures = measures
        self.publication = publication
        self.objection = objection
        self.repair = repair
        self.blackList = blackList
        self.redList = redList
    }

    /// SPEC A3 exactly, plus Duban's defaults where A3 is silent (each marked "Duban default").
    public static let defaults = CreditRules(
        baseScore: 100,
        kinds: CreditKindTable(
            // SPEC A3 points; validity: general hazard and commendation 12 months, all others 36
            // (the national maximum publication period of administrative penalties).
            generalHazard: CreditKindRule(points: -2, validityMonths: 12),
            majorHazard: CreditKindRule(points: -10, validityMonths: 36),
            listedSupervision: CreditKindRule(points: -15, validityMonths: 36),
            hazardOverdue: CreditKindRule(points: -5, validityMonths: 36),
            penaltyMinor: CreditKindRule(points: -5, validityMonths: 36),
            penaltySerious: CreditKindRule(points: -10, validityMonths: 36),
            penaltyVerySerious: CreditKindRule(points: -20, validityMonths: 36),
            commendation: CreditKindRule(points: 5, validityMonths: 12),
            // Duban default: a licensing decision is published (双公示) but is no merit or wrong.
            licensingDecision: CreditKindRule(points: 0, validityMonths: 36),
            // Duban default: 0 points. The penalty decision that follows an accident carries the
            // deduction; the responsibility finding itself triggers the black list (SPEC A3), so one
            // accident is not deducted twice.
            accidentResponsibility: CreditKindRule(points: 0, validityMonths: 36)),
        commendationCap: 10,
        gradeBands: CreditGradeBands(a: 90, b: 75, c: 60),
        measures: CreditMeasureTable(
            a: [.commendation], b: [.reminder], c: [.warning], d: [.exposure, .noticeToSupervisingDepartment]),
        publication: CreditPublicationRules(workingDays: 7),
        objection: CreditObjectionRules(reviewWorkingDays: 15),
        repair: CreditRepairRules(
            strictFields: [.workSafety, .fireSafety, .specialEquipment],
            penaltyMonthsInStrictFields: 12, penaltyMonthsInOtherFields: 3, hazardMonths: 6,
            accidentMonths: 12, reviewWorkingDays: 15),
        blackList: CreditBlackListRules(
            entryGrades: [.d], penaltyCount: 2, penaltyWindowMonths: 12, entersOnAccident: true,
            statementWorkingDays: 5, listingMonths: 36, earlyRemovalAfterMonths: 12),
        redList: CreditRedListRules(grades: [.a], penaltyFreeMonths: 24))
}
