/// One time limit: `amount` `unit`s (SPEC A1), e.g. 2 hours, 7 working days.
public struct HotlineTimeLimit: Hashable, Codable, Sendable, CustomStringConvertible {
    /// How many units.
    public var amount: Int
    /// Which unit, with SPEC A1's counting.
    public var unit: DeadlineUnit

    public init(_ amount: Int, _ unit: DeadlineUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// "2小时", "7个工作日".
    public var chinese: String { unit.chineseQuantity(amount) }

    /// "2 hours", "7 working days".
    public var description: String { unit.englishQuantity(amount) }

    /// Throws ``HotlineError/invalidConfiguration(field:reason:)`` unless the amount is
    /// 1…``DeadlineUnit/maximumAmount`` and the unit is not `months` (no hotline limit is in months).
    public func validated(field: String) throws(HotlineError) -> HotlineTimeLimit {
        guard unit != .months else {
            throw .invalidConfiguration(field: field, reason: "a hotline time limit cannot be in months")
        }
        guard (1...unit.maximumAmount).contains(amount) else {
            throw .invalidConfiguration(field: field, reason: "the amount must be 1…\(unit.maximumAmount), got \(amount)")
        }
        return self
    }
}

/// The two limits of one urgency class: dispatch (派单, from receipt) and answer (反馈, from dispatch).
public struct HotlineUrgencyLimits: Hashable, Codable, Sendable {
    /// From receipt to dispatch to the handling unit.
    public var dispatch: HotlineTimeLimit
    /// From dispatch to the unit's answer to the caller.
    public var answer: HotlineTimeLimit

    public init(dispatch: HotlineTimeLimit, answer: HotlineTimeLimit) {
        self.dispatch = dispatch
        self.answer = answer
    }
}
