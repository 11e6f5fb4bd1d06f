import Foundation

/// What the server must do after a status change, besides storing the new facts.
public enum ElevatorEffect: Hashable, Codable, Sendable {
    /// Watch the stop notice: if the stop is still on at `dueAt` (24 hours after it began) and no
    /// notice is published, the rule is breached (SPEC A4; 004 成府发〔2015〕29号 三(一)6).
    case watchStopNotice(dueAt: Date)
    /// The stop ended: close its notice watch.
    case closeStopNoticeWatch
    /// 通报 — tell the township or street of the sealing
    /// (004 成府发〔2015〕29号 五(二): "及时将相关情况通报所在地乡镇政府(街道办事处)").
    case notifyStreetOfSealing
    /// 申请检验 — the fixed elevator must be re-inspected before it may run again
    /// (004 成府发〔2015〕29号 五(二): "经检验合格后,方可恢复使用").
    case requestReinspection
}
