import Foundation

/// Periods are half-open runs of whole China days, [start, start + N months): they end at 00:00 on
/// the day N months later (SPEC A1 `months` from 00:00 of the decision day, clamped to the month's
/// last day). A general hazard dated 2025-11-23 counts through 2026-11-22 and not on 2026-11-23.
extension CreditRecord {
    /// The first day the record no longer counts: ``decisionDate`` + ``validityMonths`` (SPEC A3).
    public var expiry: LocalDate {
        CreditTime.adding(months: validityMonths, to: decisionDate)
    }

    /// The first day repair may be applied for: ``decisionDate`` + ``repairMinimumMonths``
    /// (SPEC A3: 12 months for penalties in work safety, fire safety and special equipment, 3 for
    /// other penalties, 6 for hazard records); nil when the record cannot be repaired.
    public var repairEligibleFrom: LocalDate? {
        repairMinimumMonths.map { CreditTime.adding(months: $0, to: decisionDate) }
    }

    /// The status on the China day of `now`. Revoked and repaired are final; otherwise a record
    /// past ``expiry`` is expired, even under objection.
    public func status(at now: Date) -> CreditRecordStatus {
        switch state {
        case .revoked: return .revoked
        case .repaired: return .repaired
        case .active, .objected:
            let today = CreditTime.day(of: now)
            if today < decisionDate { return .notYetInEffect }
            if today >= expiry { return .expired }
            return state == .objected ? .objected : .inEffect
        }
    }

    /// Whether the record is in effect and undisputed at `now`: its period runs and it is neither
    /// under objection, revoked nor repaired.
    public func isInEffect(at now: Date) -> Bool {
        status(at: now) == .inEffect
    }

    /// Whether the record counts in the score and the list conditions at `now`: in effect, or in
    /// its period and under objection.
    ///
    /// An objection alone does not suspend the record: like a decision under administrative review
    /// (行政复议期间不停止执行), it stands until the objection is upheld, which revokes it with effect
    /// from the start. Otherwise a subject could lift any penalty, and escape the black list, by
    /// objecting. Its publication is suspended meanwhile (see ``isPubliclyVisible(at:)``).
    public func counts(at now: Date) -> Bool {
        let status = status(at: now)
        return status == .inEffect || status == .objected
    }
}
