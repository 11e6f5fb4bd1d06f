/// The per-unit facts an assessor enters by hand (SPEC A2 `--unit-input`, one line per unit).
/// Every number is ≥ 0; absent is 0.
public struct HotlineUnitInput: Hashable, Sendable {
    /// The unit, spelled as in the case input.
    public let unit: String
    /// Points deducted on items 1–6 (组织领导及平台建设), found by checking records and ledgers.
    public let organisationDeductions: ScorePoints
    /// Points the city deducted from the district hotline's self-handled cases (区长专线自办件市级考核)
    /// that fall on this unit (item 11).
    public let cityDeductions: ScorePoints
    /// Cases earning a bonus point (item 15: 主动作为带头办理, 出色完成领导交办的任务).
    public let bonusCases: Int
    /// Cases referred to the district discipline commission (移交区纪委, item 16).
    public let disciplineReferrals: Int
    /// Interviews (约谈) or accountability actions (追责) against the unit (item 16).
    public let interviews: Int

    /// Throws ``AssessmentError/invalidValue(line:field:chinese:english:)`` for a negative number
    /// or a blank unit name.
    public init(unit: String, organisationDeductions: ScorePoints = .zero, cityDeductions: ScorePoints = .zero,
                bonusCases: Int = 0, disciplineReferrals: Int = 0, interviews: Int = 0) throws {
        guard unit.contains(where: { !$0.isWhitespace }) else { throw InputProblem.blank.error(line: nil, field: "unit") }
        if organisationDeductions < .zero {
            throw InputProblem.notPoints.error(line: nil, field: "organisationDeductions")
        }
        if cityDeductions < .zero { throw InputProblem.notPoints.error(line: nil, field: "cityDeductions") }
        for (field, count) in [("bonusCases", bonusCases), ("disciplineReferrals", disciplineReferrals),
                               ("interviews", interviews)] where count < 0 {
            throw InputProblem.negative.error(line: nil, field: field)
        }
        self.init(validated: unit, organisationDeductions, cityDeductions, bonusCases, disciplineReferrals, interviews)
    }

    private init(validated unit: String, _ organisationDeductions: ScorePoints, _ cityDeductions: ScorePoints,
                 _ bonusCases: Int, _ disciplineReferrals: Int, _ interviews: Int) {
        self.unit = unit
        self.organisationDeductions = organisationDeductions
        self.cityDeductions = cityDeductions
        self.bonusCases = bonusCases
        self.disciplineReferrals = disciplineReferrals
        self.interviews = interviews
    }
}

extension HotlineUnitInput: Codable {
    private enum CodingKeys: String, CodingKey {
        case unit, organisationDeductions, cityDeductions, bonusCases, disciplineReferrals, interviews
    }

    /// Reads `{"unit":"…","organisationDeductions":1.5,"cityDeductions":0,"bonusCases":2,
    /// "disciplineReferrals":0,"interviews":0}`; only `unit` is required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(validated: try container.decodeName(forKey: .unit),
                  try container.decodePoints(forKey: .organisationDeductions),
                  try container.decodePoints(forKey: .cityDeductions),
                  try container.decodeCount(forKey: .bonusCases),
                  try container.decodeCount(forKey: .disciplineReferrals),
                  try container.decodeCount(forKey: .interviews))
    }

    /// Writes all six fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(organisationDeductions, forKey: .organisationDeductions)
        try container.encode(cityDeductions, forKey: .cityDeductions)
        try container.encode(bonusCases, forKey: .bonusCases)
        try container.encode(disciplineReferrals, forKey: .disciplineReferrals)
        try container.encode(interviews, forKey: .interviews)
    }
}
