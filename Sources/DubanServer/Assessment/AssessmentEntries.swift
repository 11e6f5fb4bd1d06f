import DubanCore
import Fluent
import Vapor

/// 考评员录入项 — what an assessor enters for one unit and one hotline assessment period: the items the
/// system cannot compute (000 阳政办(2017)33号 附件7 考核评分表 items (1)–(6) 查台帐资料, (11) 市级考核成绩,
/// (15) 加分, (16) 移交区纪委), with a note saying what was checked.
final class AssessmentEntry: Model, @unchecked Sendable {
    static let schema = "assessment_entries"

    @ID(key: .id) var id: UUID?
    /// `yyyy-mm/yyyy-mm`, as ``AssessmentPeriod/description``.
    @Field(key: "period") var period: String
    @Field(key: "unit_id") var unitID: UUID
    /// Deductions on items (1)–(6), in ten-thousandths of a point, comma-separated in item order.
    @Field(key: "organisation") var organisation: String
    /// Item (11): points the city deducted from the district's self-handled cases that fall on this unit.
    @Field(key: "city_deductions") var cityDeductions: Int
    @Field(key: "bonus_cases") var bonusCases: Int
    @Field(key: "discipline_referrals") var disciplineReferrals: Int
    @OptionalField(key: "note") var note: String?
    @Field(key: "entered_by") var enteredBy: String
    @Field(key: "entered_at") var enteredAt: Date

    init() {}

    var organisationPoints: [ScorePoints] {
        organisation.split(separator: ",").map { ScorePoints(tenThousandths: Int($0) ?? 0) }
    }
}

struct CreateAssessment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AssessmentEntry.schema)
            .id()
            .field("period", .string, .required)
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id"))
            .field("organisation", .string, .required)
            .field("city_deductions", .int, .required)
            .field("bonus_cases", .int, .required)
            .field("discipline_referrals", .int, .required)
            .field("note", .string)
            .field("entered_by", .string, .required)
            .field("entered_at", .datetime, .required)
            .unique(on: "period", "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AssessmentEntry.schema).delete()
    }
}

/// The sub-items (1)–(6) of 组织领导及平台建设 and their points (附件7 考核评分表: 1 + 1 + 1 + 2 + 2 + 3 = 10).
enum OrganisationItem: Int, CaseIterable, Sendable {
    case leadership = 1, workPlan, procedures, ledger, complaintPhone, platform

    var maximum: ScorePoints { ScorePoints([1, 1, 1, 2, 2, 3][rawValue - 1]) }

    var chinese: String {
        switch self {
        case .leadership: "(1) 落实主要领导负责制，明确分管领导，落实人员值守"
        case .workPlan: "(2) 制定工作方案，内部考核问责落实到位"
        case .procedures: "(3) 工作流程和管理制度规范"
        case .ledger: "(4) 来电情况记录详细，工作台帐资料齐全"
        case .complaintPhone: "(5) 明确群众投诉电话，配备录音和来电显示"
        case .platform: "(6) 系统平台网络畅通、无故障"
        }
    }
}

/// `PUT /api/v1/assessments/hotline/entries/{unitId}?period=…` body.
struct AssessmentEntryInput: Content {
    /// Deductions on items (1)–(6), in order, each between 0 and the sub-item's points.
    var organisation: [Double]?
    var cityDeductions: Double?
    var bonusCases: Int?
    var disciplineReferrals: Int?
    var note: String?

    static let schema = Schema.object([
        ("organisation", ["type": "array", "items": ["type": "number", "minimum": 0, "maximum": 3], "minItems": 6, "maxItems": 6]),
        ("cityDeductions", ["type": "number", "minimum": 0, "maximum": 1000]),
        ("bonusCases", Schema.integer(minimum: 0, maximum: 1000)),
        ("disciplineReferrals", Schema.integer(minimum: 0, maximum: 1000)),
        ("note", Schema.string(maxLength: 2000)),
    ])

    /// The checked values: points exact to 2 decimals, each sub-item within its points.
    func validated() throws -> (organisation: [ScorePoints], city: ScorePoints, bonus: Int, referrals: Int, note: String?) {
        let values = organisation ?? Array(repeating: 0, count: OrganisationItem.allCases.count)
        guard values.count == OrganisationItem.allCases.count else {
            throw DubanError.invalid("organisation", "应为(1)–(6)六项扣分 / six deductions, items (1)–(6)")
        }
        var points: [ScorePoints] = []
        for (item, value) in zip(OrganisationItem.allCases, values) {
            guard let p = Self.points(value), p >= .zero, p <= item.maximum else {
                throw DubanError.invalid("organisation[\(item.rawValue - 1)]",
                                         "第(\(item.rawValue))项扣分应在0–\(item.maximum)之间，最多两位小数 / must be 0…\(item.maximum), 2 decimals")
            }
            points.append(p)
        }
        guard let city = Self.points(cityDeductions ?? 0), city >= .zero, city <= ScorePoints(1000) else {
            throw DubanError.invalid("cityDeductions", "应为0–1000之间的分数，最多两位小数 / 0…1000 points, 2 decimals")
        }
        let bonus = bonusCases ?? 0, referrals = disciplineReferrals ?? 0
        guard (0...1000).contains(bonus) else { throw DubanError.invalid("bonusCases", "应为0–1000 / must be 0…1000") }
        guard (0...1000).contains(referrals) else { throw DubanError.invalid("disciplineReferrals", "应为0–1000 / must be 0…1000") }
        return (points, city, bonus, referrals, try Check.optionalText(note, "note", max: 2000))
    }

    /// A point value with at most 2 decimals, exactly.
    private static func points(_ value: Double) -> ScorePoints? {
        guard let p = ScorePoints(exactly: value), p.tenThousandths % 100 == 0 else { return nil }
        return p
    }
}

/// One unit's entry as the API returns it.
struct AssessmentEntryDTO: Content {
    var period: String
    var unitId: UUID
    var unit: String
    var organisation: [Double]
    var cityDeductions: Double
    var bonusCases: Int
    var disciplineReferrals: Int
    var note: String?
    var enteredBy: String
    var enteredAt: String

    static let schema = Schema.object([
        ("period", Schema.string()), ("unitId", Schema.uuid), ("unit", Schema.string()),
        ("organisation", Schema.array(["type": "number"])), ("cityDeductions", ["type": "number"]),
        ("bonusCases", Schema.integer()), ("disciplineReferrals", Schema.integer()), ("note", Schema.nullable(Schema.string())),
        ("enteredBy", Schema.string()), ("enteredAt", Schema.dateTime),
    ], required: ["period", "unitId", "unit", "organisation", "cityDeductions", "bonusCases", "disciplineReferrals", "enteredBy", "enteredAt"])

    init(_ entry: AssessmentEntry, unit: String) throws {
        period = entry.period
        unitId = entry.unitID
        self.unit = unit
        organisation = entry.organisationPoints.map(\.doubleValue)
        cityDeductions = ScorePoints(tenThousandths: entry.cityDeductions).doubleValue
        bonusCases = entry.bonusCases
        disciplineReferrals = entry.disciplineReferrals
        note = entry.note
        enteredBy = entry.enteredBy
        enteredAt = ChinaTimeFormat.string(entry.enteredAt)
    }
}
