import Foundation

/// 救援力量 — the rungs of the rescue dispatch ladder for trapped passengers, in order.
public enum RescueResponder: String, Codable, CaseIterable, Sendable {
    /// 签约维保单位 — the elevator's contracted maintenance unit, called first
    /// (004 成府发〔2015〕29号 三(三)5).
    case contractedMaintenance = "contracted_maintenance"
    /// 其他维保单位 — another maintenance unit, when the contracted one does not respond.
    case otherMaintenance = "other_maintenance"
    /// 119 消防救援 — the fire and rescue service, the last rung.
    case fireRescue = "fire_rescue"

    /// The next rung; nil after the fire and rescue service.
    public var next: RescueResponder? {
        switch self {
        case .contractedMaintenance: .otherMaintenance
        case .otherMaintenance: .fireRescue
        case .fireRescue: nil
        }
    }

    /// "签约维保单位", "其他维保单位", "119消防救援".
    public var chinese: String {
        switch self {
        case .contractedMaintenance: "签约维保单位"
        case .otherMaintenance: "其他维保单位"
        case .fireRescue: "119消防救援"
        }
    }
}

/// One dispatch made for a trapped-passenger report.
public struct RescueDispatchStep: Hashable, Codable, Sendable {
    /// Who was called.
    public var responder: RescueResponder
    /// When they were called.
    public var dispatchedAt: Date
    /// When they acknowledged the call (接警确认); nil: not yet.
    public var acknowledgedAt: Date?
    /// When they arrived on site; nil: not yet.
    public var arrivedAt: Date?

    public init(responder: RescueResponder, dispatchedAt: Date, acknowledgedAt: Date? = nil, arrivedAt: Date? = nil) {
        self.responder = responder
        self.dispatchedAt = dispatchedAt
        self.acknowledgedAt = acknowledgedAt
        self.arrivedAt = arrivedAt
    }
}

/// What the dispatcher should do next for a trapped-passenger report.
public enum RescueDispatchAdvice: Hashable, Codable, Sendable {
    /// Call `responder`; it is due from `dueAt` on. `isDue` says whether that time has come at `now`:
    /// the first call is due at once; a later rung is due once the previous responder's time has run
    /// out, i.e. `now` is after `dueAt`.
    case dispatch(RescueResponder, dueAt: Date, isDue: Bool)
    /// Someone is on site: the ladder is finished.
    case onSite(RescueResponder, arrivedAt: Date)
    /// 119 has been called and is not yet on site: no rung is left; keep following up.
    case ladderExhausted(since: Date)
}

extension ElevatorRules {
    /// 困人救援调度 — the dispatch ladder: the contracted maintenance unit first; if it does not
    /// acknowledge within ``ElevatorConfiguration/rescueAcknowledgeMinutes`` of its dispatch, or has
    /// acknowledged but is not on site within ``ElevatorConfiguration/rescueArrivalMinutes``, another
    /// maintenance unit; if that one fails the same way, 119 (fire and rescue). The seed gives the
    /// 30-minute arrival limit and the 24-hour phone (004 成府发〔2015〕29号 三(三)5); the ladder and the
    /// acknowledgement time are Duban's documented defaults.
    ///
    /// `steps` are the dispatches made so far, in any order; the highest rung reached is the current
    /// one. A responder has until its time runs out inclusive, so the next rung is due when `now` is
    /// after that instant.
    public func rescueDispatch(reportedAt: Date, steps: [RescueDispatchStep], now: Date) -> RescueDispatchAdvice {
        let arrivals = steps.compactMap { step in step.arrivedAt.map { (step.responder, $0) } }
        if let first = arrivals.min(by: { $0.1 < $1.1 }) {
            return .onSite(first.0, arrivedAt: first.1)
        }
        let order = RescueResponder.allCases
        let highest = steps.max { lhs, rhs in
            let (l, r) = (order.firstIndex(of: lhs.responder) ?? 0, order.firstIndex(of: rhs.responder) ?? 0)
            return l != r ? l < r : lhs.dispatchedAt < rhs.dispatchedAt
        }
        guard let current = highest else {
            return .dispatch(.contractedMaintenance, dueAt: reportedAt, isDue: true)
        }
        guard let next = current.responder.next else {
            return .ladderExhausted(since: current.dispatchedAt)
        }
        let minutes = current.acknowledgedAt == nil ? configuration.rescueAcknowledgeMinutes : configuration.rescueArrivalMinutes
        let runsOut = current.dispatchedAt.addingTimeInterval(TimeInterval(minutes) * 60)
        return .dispatch(next, dueAt: runsOut, isDue: now > runsOut)
    }
}
