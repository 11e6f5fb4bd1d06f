import Foundation

/// 双公示 — publication of penalty and licensing decisions within 7 working days of the decision
/// date (000 阳政办(2017)35号: "自作出行政决定起7个工作日内"; SPEC A3).
extension CreditRecord {
    /// The publication deadline: the close of working hours (18:00) on the
    /// ``publicationWorkingDays``-th working day after ``decisionDate`` (A1 `working_days`, the
    /// decision day not counted); nil when the kind needs no publication.
    public func publicationDue(calculator: DeadlineCalculator) throws(CreditError) -> Deadline? {
        guard let workingDays = publicationWorkingDays else { return nil }
        return try CreditTime.workingDays(workingDays, after: decisionDate.chinaDate(), calculator: calculator)
    }

    /// Whether publication is late at `now`: published after the deadline, or still unpublished
    /// after it. Publishing at the deadline itself is on time. False when no publication is required.
    public func isPublicationLate(at now: Date, calculator: DeadlineCalculator) throws(CreditError) -> Bool {
        guard let due = try publicationDue(calculator: calculator) else { return false }
        return due.isMissed(at: publishedAt ?? now)
    }

    /// Whether the public query shows the record at `now`: published, counting, and not under
    /// objection. An objection suspends publication (the record is marked 异议处理中 for the
    /// subject only); an upheld objection withdraws it, a repair or the end of the period ends it.
    public func isPubliclyVisible(at now: Date) -> Bool {
        guard let publishedAt, publishedAt <= now else { return false }
        return isInEffect(at: now)
    }
}
