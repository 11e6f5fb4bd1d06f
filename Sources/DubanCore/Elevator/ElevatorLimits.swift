/// 法定时限 — the numbers 004 成府发〔2015〕29号 itself sets (SPEC A4). They are law, not settings;
/// the changeable defaults are in ``ElevatorConfiguration``.
public enum ElevatorLimits {
    /// "每15天至少对电梯维保一次" (三(三)1): maintenance at least every 15 days (A1 `days`).
    public static let maintenanceIntervalDays = 15
    /// "在检验合格有效期届满前1个月…提出定期检验申请" (三(一)3): apply 1 month before the validity ends.
    public static let inspectionApplicationLeadMonths = 1
    /// "接到电梯困人故障报告后,30分钟内赶到现场" (三(三)5): on site within 30 minutes (A1 `minutes`).
    public static let rescueArrivalMinutes = 30
    /// "并于1小时内报告所在地质监部门" (三(一)7): accident reported within 1 hour (A1 `hours`).
    public static let accidentReportHours = 1
    /// "需停止电梯运行时间超过24小时以上的,应当公告" (三(一)6): a stop over 24 hours needs a notice.
    public static let stopNoticeHours = 24
    /// "档案至少保存5年" (三(三)3): records kept at least 5 years = 60 months (A1 `months`).
    public static let recordRetentionMonths = 60
    /// "经电梯所在单元(栋)三分之二的业主同意" (四(四)): fund use needs 2/3 of the building unit's owners.
    public static let fundApprovalNumerator = 2
    /// The denominator of ``fundApprovalNumerator``.
    public static let fundApprovalDenominator = 3
}
