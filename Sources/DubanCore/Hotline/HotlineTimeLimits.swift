import Foundation

/// 办理时限 — the dispatch and answer limits by urgency, which the call taker's time-limit picklist
/// offers (000 阳政办〔2017〕33号 附件1 二(二)4: "根据系统列表选择事件所属类别、办理时限及归属部门").
/// An administrator edits them; ``standard`` is Duban's documented default.
public struct HotlineTimeLimits: Hashable, Codable, Sendable {
    public var emergency: HotlineUrgencyLimits
    public var utilities: HotlineUrgencyLimits
    public var general: HotlineUrgencyLimits
    public var complex: HotlineUrgencyLimits
    /// The dispatch limit of a major event, whatever its urgency (``HotlineLimits/majorEventDispatchMinutes``).
    public var majorEventDispatch: HotlineTimeLimit

    public init(emergency: HotlineUrgencyLimits, utilities: HotlineUrgencyLimits, general: HotlineUrgencyLimits,
                complex: HotlineUrgencyLimits, majorEventDispatch: HotlineTimeLimit) {
        self.emergency = emergency
        self.utilities = utilities
        self.general = general
        self.complex = complex
        self.majorEventDispatch = majorEventDispatch
    }

    /// Duban's defaults, after the published Beijing 12345 service standard (《12345热线服务与管理规范》:
    /// "突发事件和可能造成生命财产损失的诉求应在2小时内反馈,水电气热等及时性诉求应在24小时内反馈,一般诉求应
    /// 7天内反馈,复杂疑难诉求应15天内反馈"), which the seed does not give:
    ///
    /// | urgency   | dispatch | answer (from dispatch) |
    /// |-----------|----------|------------------------|
    /// | emergency | 1 hour   | 2 hours                |
    /// | utilities | 2 hours  | 24 hours               |
    /// | general   | 24 hours | 7 working days         |
    /// | complex   | 24 hours | 15 working days        |
    ///
    /// Hours are elapsed hours (A1 `hours`): an emergency or a burst main does not wait for office
    /// hours, and the hotline is staffed around the clock (附件1: "实行24小时人工服务"). The 7 and 15 days
    /// are counted as working days (A1 `working_days`), as 12345 centres practise ("7个工作日",
    /// "15个工作日"), since handling units work office hours. The standard gives no separate dispatch
    /// limit for complex matters; Duban uses the general one. A major event is dispatched within
    /// 30 minutes (000 阳政办〔2017〕33号 附件5 第四条(三): "重大紧急事件半小时内").
    public static let standard = HotlineTimeLimits(
        emergency: HotlineUrgencyLimits(dispatch: HotlineTimeLimit(1, .hours), answer: HotlineTimeLimit(2, .hours)),
        utilities: HotlineUrgencyLimits(dispatch: HotlineTimeLimit(2, .hours), answer: HotlineTimeLimit(24, .hours)),
        general: HotlineUrgencyLimits(dispatch: HotlineTimeLimit(24, .hours), answer: HotlineTimeLimit(7, .workingDays)),
        complex: HotlineUrgencyLimits(dispatch: HotlineTimeLimit(24, .hours), answer: HotlineTimeLimit(15, .workingDays)),
        majorEventDispatch: HotlineTimeLimit(HotlineLimits.majorEventDispatchMinutes, .minutes)
    )

    /// The limits of `urgency`.
    public func limits(for urgency: HotlineUrgency) -> HotlineUrgencyLimits {
        switch urgency {
        case .emergency: emergency
        case .utilities: utilities
        case .general: general
        case .complex: complex
        }
    }

    /// When a case received at `receivedAt` must be dispatched: the urgency's dispatch limit, or
    /// ``majorEventDispatch`` for a major event.
    public func dispatchDeadline(receivedAt: Date, urgency: HotlineUrgency, majorEvent: Bool = false,
                                 calculator: DeadlineCalculator) throws(HotlineError) -> Deadline {
        let limit = majorEvent ? majorEventDispatch : limits(for: urgency).dispatch
        return try Self.deadline(from: receivedAt, limit: limit, calculator: calculator)
    }

    /// When a case dispatched at `dispatchedAt` must be answered (办结反馈), before any extension.
    public func answerDeadline(dispatchedAt: Date, urgency: HotlineUrgency,
                               calculator: DeadlineCalculator) throws(HotlineError) -> Deadline {
        try Self.deadline(from: dispatchedAt, limit: limits(for: urgency).answer, calculator: calculator)
    }

    /// Throws ``HotlineError/invalidConfiguration(field:reason:)`` for a limit that is not 1 or more
    /// of a non-month unit (an administrator's edit is checked before it is stored).
    public func validated() throws(HotlineError) -> HotlineTimeLimits {
        for urgency in HotlineUrgency.allCases {
            let pair = limits(for: urgency)
            _ = try pair.dispatch.validated(field: "\(urgency.rawValue).dispatch")
            _ = try pair.answer.validated(field: "\(urgency.rawValue).answer")
        }
        _ = try majorEventDispatch.validated(field: "majorEventDispatch")
        return self
    }

    private static func deadline(from start: Date, limit: HotlineTimeLimit,
                                 calculator: DeadlineCalculator) throws(HotlineError) -> Deadline {
        do {
            return try calculator.due(from: start, amount: limit.amount, unit: limit.unit)
        } catch let error as CalendarError {
            throw .calendar(error)
        } catch {
            throw .calendar(.outOfRange(field: "start", reason: "\(error)"))
        }
    }
}
