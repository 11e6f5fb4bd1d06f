import Foundation

extension ElevatorRules {
    /// 困人救援到场 — a trapped-passenger report: maintenance staff must be on site within 30 minutes
    /// (A1 `minutes`) of the report (004 成府发〔2015〕29号 三(三)5: "接到电梯困人故障报告后,30分钟内赶到现场";
    /// SPEC A4). Arrival at exactly 30 minutes is on time; later, or no arrival while more than
    /// 30 minutes have passed, breaches the rule.
    public func rescueArrival(reportedAt: Date, arrivedAt: Date?, now: Date) throws(ElevatorError) -> ElevatorDutyCheck {
        let deadline = try due(from: reportedAt, amount: ElevatorLimits.rescueArrivalMinutes, unit: .minutes)
        return .judge(deadline, doneAt: arrivedAt, now: now)
    }

    /// 事故报告 — an accident must be reported to the quality-supervision department within 1 hour
    /// (A1 `hours`) (004 成府发〔2015〕29号 三(一)7: "并于1小时内报告所在地质监部门"; SPEC A4). A report at
    /// exactly 60 minutes is on time; later, or none while more than an hour has passed, breaches it.
    public func accidentReport(occurredAt: Date, reportedAt: Date?, now: Date) throws(ElevatorError) -> ElevatorDutyCheck {
        let deadline = try due(from: occurredAt, amount: ElevatorLimits.accidentReportHours, unit: .hours)
        return .judge(deadline, doneAt: reportedAt, now: now)
    }

    /// 停运公告 — a stop longer than 24 hours (A1 `hours`) needs a published notice with the reason
    /// and the repair time (004 成府发〔2015〕29号 三(一)6; SPEC A4: "A stop longer than 24 hours without a
    /// published notice breaches the rule").
    ///
    /// The notice is due 24 hours after the stop began. A stop that ended at or before that instant
    /// needs none (exactly 24 hours is not "longer"). Otherwise the stop became longer than 24 hours:
    /// a notice published by the due instant is on time, one published after it is late, and none at
    /// all is overdue once the due instant has passed (even if the stop has since ended).
    public func stopNotice(
        stoppedAt: Date, noticePublishedAt: Date?, resumedAt: Date?, now: Date
    ) throws(ElevatorError) -> ElevatorDutyCheck {
        let deadline = try stopNoticeDeadline(stoppedAt: stoppedAt)
        if let noticePublishedAt, !deadline.isMissed(at: noticePublishedAt) {
            return ElevatorDutyCheck(deadline: deadline, outcome: .onTime)
        }
        if let resumedAt, !deadline.isMissed(at: resumedAt) {
            return ElevatorDutyCheck(deadline: deadline, outcome: .notRequired)
        }
        if noticePublishedAt != nil {
            return ElevatorDutyCheck(deadline: deadline, outcome: .late)
        }
        return .judge(deadline, doneAt: nil, now: resumedAt.map { max($0, now) } ?? now)
    }

    /// The instant by which a stop that lasts longer than 24 hours must have its notice: 24 hours
    /// after it began (A1 `hours`).
    public func stopNoticeDeadline(stoppedAt: Date) throws(ElevatorError) -> Deadline {
        try due(from: stoppedAt, amount: ElevatorLimits.stopNoticeHours, unit: .hours)
    }
}
