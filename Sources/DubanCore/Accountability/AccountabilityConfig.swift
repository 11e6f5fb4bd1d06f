/// The numbers of the accountability ladder. Every default is written in 000 阳政办(2017)33号 附件5;
/// they are held here so that a district that changes its rules changes data, not code.
public struct AccountabilityConfig: Hashable, Codable, Sendable {
    /// 第四条(五): a letter when the month's on-time completion is below this percentage (100).
    public var letterOnTimeBelowPercent: Int
    /// 第五条(五): an interview when the month's on-time completion is below this percentage (98).
    public var interviewOnTimeBelowPercent: Int
    /// 第五条(五): an interview when the month's overdue cases are more than this (5: "超过5件" = 6 or more).
    public var interviewOverdueMoreThan: Int
    /// 第四条(七): a letter when one caller complained about one matter more than this many times
    /// (3: "3次(不含3次)以上" = 4 or more).
    public var repeatComplaintsMoreThan: Int
    /// 第七条(七): accountability when the principal leader was interviewed more than this many times
    /// (2: "超过2次以上" = 3 or more) …
    public var principalInterviewsMoreThan: Int
    /// … within this many calendar months ending with the evaluated month (6: "半年内").
    public var principalInterviewWindowMonths: Int
    /// 第六条: the written rectification plan is due this many working days after the interview (7).
    public var rectificationPlanWorkingDays: Int
    /// 第九条: an appeal may be made within this many working days after confirmation (5: "五个工作日内").
    public var appealWorkingDays: Int

    /// The rules as written in 附件5.
    public static let standard = AccountabilityConfig(
        letterOnTimeBelowPercent: 100, interviewOnTimeBelowPercent: 98, interviewOverdueMoreThan: 5,
        repeatComplaintsMoreThan: 3, principalInterviewsMoreThan: 2, principalInterviewWindowMonths: 6,
        rectificationPlanWorkingDays: 7, appealWorkingDays: 5)

    /// A configuration with every number given.
    public init(
        letterOnTimeBelowPercent: Int, interviewOnTimeBelowPercent: Int, interviewOverdueMoreThan: Int,
        repeatComplaintsMoreThan: Int, principalInterviewsMoreThan: Int, principalInterviewWindowMonths: Int,
        rectificationPlanWorkingDays: Int, appealWorkingDays: Int
    ) {
        self.letterOnTimeBelowPercent = letterOnTimeBelowPercent
        self.interviewOnTimeBelowPercent = interviewOnTimeBelowPercent
        self.interviewOverdueMoreThan = interviewOverdueMoreThan
        self.repeatComplaintsMoreThan = repeatComplaintsMoreThan
        self.principalInterviewsMoreThan = principalInterviewsMoreThan
        self.principalInterviewWindowMonths = principalInterviewWindowMonths
        self.rectificationPlanWorkingDays = rectificationPlanWorkingDays
        self.appealWorkingDays = appealWorkingDays
    }

    /// Throws ``AccountabilityError/invalidValue(field:chinese:english:)`` naming the first bad number:
    /// percentages must be 1–100, counts ≥ 0, months 1–12 and working days 1–``DeadlineUnit/maximumAmount``.
    public func validate() throws {
        let percents = [("letterOnTimeBelowPercent", letterOnTimeBelowPercent),
                        ("interviewOnTimeBelowPercent", interviewOnTimeBelowPercent)]
        for (field, value) in percents where !(1...100).contains(value) {
            throw AccountabilityError.invalidValue(field: field, chinese: "百分比须为 1–100", english: "a percentage must be 1–100")
        }
        let counts = [("interviewOverdueMoreThan", interviewOverdueMoreThan),
                      ("repeatComplaintsMoreThan", repeatComplaintsMoreThan),
                      ("principalInterviewsMoreThan", principalInterviewsMoreThan)]
        for (field, value) in counts where value < 0 {
            throw AccountabilityError.invalidValue(field: field, chinese: "次数不能为负", english: "a count cannot be negative")
        }
        if !(1...12).contains(principalInterviewWindowMonths) {
            throw AccountabilityError.invalidValue(
                field: "principalInterviewWindowMonths", chinese: "月数须为 1–12", english: "months must be 1–12")
        }
        let days = [("rectificationPlanWorkingDays", rectificationPlanWorkingDays), ("appealWorkingDays", appealWorkingDays)]
        for (field, value) in days where !(1...DeadlineUnit.workingDays.maximumAmount).contains(value) {
            throw AccountabilityError.invalidValue(
                field: field, chinese: "工作日数须为正数", english: "working days must be positive")
        }
    }
}
