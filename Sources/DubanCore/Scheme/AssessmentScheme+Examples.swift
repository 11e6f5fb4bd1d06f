extension AssessmentScheme {
    /// Example: the traffic campaign's monthly assessment, 001 阳政办(2018)11号 汉阳区交通秩序综合治理工作方案
    /// ("工作专班每周通报,每月考核,对工作效果不明显的单位进行重点督查、限期整改,并纳入区绩效目标工作考评").
    ///
    /// What it assesses comes from the seed: each unit's tasks in the 责任分解表 and their 完成时限
    /// (T1–T2), the red and yellow cards of the monthly dispatch (001 阳政办(2018)12号 "红黄牌预警",
    /// T3–T4), and the findings of the 检查督导专班 and 第三方检查机制 run with 区文明办, which
    /// also "对各街道、各文明单位交通安全宣传、交通志愿者落实情况进行考评" (T5, entered by hand).
    /// The seed gives no weights or deductions: every number here is an EXAMPLE DEFAULT, the
    /// district's to set.
    public static let trafficCampaignMonthlyExample = AssessmentScheme(
        code: "traffic-order-2018-monthly",
        name: "汉阳区交通秩序综合治理月度考核（示例权重）",
        cadence: .monthly,
        totalPoints: ScorePoints(100),
        items: [
            SchemeItem(code: "T1", name: "责任分解表任务按期完成率", points: ScorePoints(40),
                       rule: .rateBands(metric: .onTimeRate, bands: [
                           RateBand(atLeastPercent: 100, deduction: .zero),
                           RateBand(atLeastPercent: 90, deduction: ScorePoints(10)),
                           RateBand(atLeastPercent: 80, deduction: ScorePoints(20)),
                           RateBand(atLeastPercent: 60, deduction: ScorePoints(30)),
                           RateBand(atLeastPercent: 0, deduction: ScorePoints(40)),
                       ])),
            SchemeItem(code: "T2", name: "超期未完成任务（每件扣5分）", points: ScorePoints(20),
                       rule: .perOccurrence(metric: .overdueItems, points: ScorePoints(5))),
            SchemeItem(code: "T3", name: "红牌预警（每张扣5分）", points: ScorePoints(10),
                       rule: .perOccurrence(metric: .redCards, points: ScorePoints(5))),
            SchemeItem(code: "T4", name: "黄牌预警（每张扣2分）", points: ScorePoints(10),
                       rule: .perOccurrence(metric: .yellowCards, points: ScorePoints(2))),
            SchemeItem(code: "T5", name: "检查督导及第三方检查（含路口志愿者到位）", points: ScorePoints(20), rule: .manual),
        ])
}
