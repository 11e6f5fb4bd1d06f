/// 评价员选聘条件 — the age and education an evaluator must have
/// (000 阳政办〔2017〕33号 附件6 第三条(五): "男性年龄为18——58周岁,女性年龄为18——53周岁,具有大专以上文化程度").
public enum EvaluatorQualification {
    /// 性别.
    public enum Sex: String, Codable, CaseIterable, Sendable {
        case male, female
    }

    /// The accepted ages in full years (周岁), both ends included.
    public static func ageRange(for sex: Sex) -> ClosedRange<Int> {
        sex == .male ? 18...58 : 18...53
    }

    /// Age in full years on `date` (a birthday on 29 February counts from 1 March in other years).
    public static func age(bornOn birth: LocalDate, on date: LocalDate) -> Int {
        let hadBirthday = (date.month, date.day) >= (birth.month, birth.day)
        return date.year - birth.year - (hadBirthday ? 0 : 1)
    }

    /// Whether someone of `sex` born on `birth`, with a 大专 or higher education when
    /// `collegeEducated`, may serve as an evaluator on `date`.
    public static func isQualified(sex: Sex, bornOn birth: LocalDate, collegeEducated: Bool, on date: LocalDate) -> Bool {
        collegeEducated && ageRange(for: sex).contains(age(bornOn: birth, on: date))
    }
}
