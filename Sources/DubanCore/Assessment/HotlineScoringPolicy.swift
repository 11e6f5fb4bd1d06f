/// The numbers of the hotline assessment (000 阳政办(2017)33号 附件7, SPEC A2), held as data so an
/// administrator can change them when the rules change. ``standard`` holds the seed's numbers;
/// the only Duban default that is not in the seed is ``penaltyCap`` (none).
public struct HotlineScoringPolicy: Hashable, Codable, Sendable {
    /// Item 7: working hours allowed for sign-for ("半个工作日(4小时)内签收").
    public var signForWorkingHours = 4
    /// Item 7: points per late sign-for ("每超时签收一件扣0.1分").
    public var lateSignForDeduction = ScorePoints(hundredths: 10)
    /// Item 8: points per overdue case ("超期案件每件扣1分").
    public var overdueDeduction = ScorePoints(1)
    /// Item 8: working hours an extension must be asked for ahead of the deadline
    /// ("案件延期需提前1个工作日递交书面申请"; SPEC A2 reads 1 working day as 8 working hours).
    public var extensionLeadWorkingHours = 8
    /// Item 8: points per extension asked for late ("未按要求对案件延期每件扣0.5分").
    public var lateExtensionDeduction = ScorePoints(hundredths: 50)
    /// Item 8: extensions from which a case is penalised ("延期3次以上的(含3次)").
    public var excessiveExtensions = 3
    /// Item 8: points per case with that many extensions ("每件扣2分").
    public var excessiveExtensionDeduction = ScorePoints(2)
    /// Item 9: points per false reply ("弄虚作假,每件扣1分").
    public var falseReplyDeduction = ScorePoints(1)
    /// Item 9: points per thin reply ("过于简单、无实质内容…每件扣0.5分").
    public var thinReplyDeduction = ScorePoints(hundredths: 50)
    /// Item 9: points per off-topic reply ("答非所问,敷衍了事每件扣0.5分").
    public var offTopicDeduction = ScorePoints(hundredths: 50)
    /// Item 9: points per reply without follow-up time or satisfaction ("每件扣0.5分").
    public var missingFollowUpInfoDeduction = ScorePoints(hundredths: 50)
    /// Item 10: working days allowed for a return ("案件退回需在1个工作日内").
    public var returnWorkingDays = 1
    /// Item 10: points per late return ("超期退回的,每件扣0.5分").
    public var lateReturnDeduction = ScorePoints(hundredths: 50)
    /// Item 10: points per shirked case ("拖延、推诿,不按规定办理的,每件扣1分").
    public var shirkedDeduction = ScorePoints(1)
    /// Item 10: points per case still shirked after written supervision ("书面督办仍然推诿…每件扣1分").
    public var shirkedAfterWrittenSupervisionDeduction = ScorePoints(1)
    /// Item 11: unit points per point the city deducted ("每扣1分,对应扣相关承办单位2分").
    public var cityDeductionMultiplier = 2
    /// Item 12: points per shirked second-supervision case ("首办责任单位推诿的,每件扣1分").
    public var secondSupervisionShirkedDeduction = ScorePoints(1)
    /// Item 13: the rate bands, see ``SatisfactionBand/standard``.
    public var satisfactionBands = SatisfactionBand.standard
    /// Item 14: points per case an evaluator judged dissatisfied ("每件扣1分,扣完为止").
    public var evaluatorDissatisfiedDeduction = ScorePoints(1)
    /// Item 15: bonus points per bonus case ("每件加1分").
    public var bonusPerCase = ScorePoints(1)
    /// Item 15: the most bonus points ("加分最高不超过5分").
    public var bonusCap = ScorePoints(5)
    /// Item 16: points per case referred to the discipline commission ("移交纪委…每件扣5分").
    public var disciplineReferralPenalty = ScorePoints(5)
    /// Item 16: points per interview or accountability action ("被约谈或追责的,扣10分").
    public var interviewPenalty = ScorePoints(10)
    /// Item 16: the most penalty points, nil for no limit. Duban's default is no limit, as SPEC A2
    /// writes the penalty without one; the seed's table heads item 16 with "(10分)", which an
    /// administrator may read as a cap of 10.
    public var penaltyCap: ScorePoints?

    /// The seed's numbers.
    public static let standard = HotlineScoringPolicy()

    /// The seed's numbers; change single fields afterwards.
    public init() {}
}
