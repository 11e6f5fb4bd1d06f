/// 法定时限与次数 — the numbers 000 阳政办〔2017〕33号 and its attachments set for the hotline. They are
/// the seed's rules, not settings; Duban's changeable defaults are in ``HotlineConfiguration``.
///
/// "以上" and "以内" include the number itself, as Chinese law reads them (民法典 第一千二百五十九条:
/// "民法所称的'以上'、'以下'、'以内'、'届满',包括本数"); "不含" excludes it.
public enum HotlineLimits {
    /// 附件2 第三条(六): "对首次无法取得联系的,各承办单位需间隔30分钟以上才可再次与来电人进行联系" —
    /// after a failed contact, the next attempt at least 30 minutes later (exactly 30 is allowed).
    public static let contactGapMinutes = 30
    /// 附件2 第三条(六): "对连续3次确认无法取得联系的…可直接先行办理投诉件…可直接作结案处理" —
    /// 3 consecutive failed attempts let the unit proceed (or close) without reaching the caller.
    public static let failedContactsToProceed = 3
    /// 附件5 第四条(三): "投诉件未在一个工作日内(重大紧急事件半小时内)交办、转办、退回的" — a major
    /// emergency is transferred within half an hour (A1 `minutes`).
    public static let majorEventDispatchMinutes = 30
    /// 附件5 第四条(三): ordinary cases are transferred within 1 working day (A1 `working_days`).
    public static let transferWorkingDays = 1
    /// 附件7 (7): "市长专线案件在半个工作日(4小时)内签收" — sign-for within 4 working hours.
    public static let signForWorkingHours = 4
    /// 附件2 第二条: "应在一个工作日内向区信息网络中心反馈,提供加盖公章的退回申请单" — return within
    /// 1 working day with a sealed return form.
    public static let returnWorkingDays = 1
    /// 附件2 第三条(三): "延期次数不得超过二次" — at most 2 extensions.
    public static let maxExtensions = 2
    /// 附件4 第二条: "投诉同一事项两次(含两次)以上的,认定为重复投诉件" — the second complaint about the
    /// same matter makes it a repeat complaint.
    public static let repeatComplaintCount = 2
    /// 附件5 第四条(七): "导致同一投诉人同一事项重复投诉3次(不含3次)以上的" — more than 3 complaints about
    /// the same matter (4 or more, every complaint counted) trigger a formal letter (函告) to the unit.
    public static let repeatsBeforeFormalLetter = 3
}
