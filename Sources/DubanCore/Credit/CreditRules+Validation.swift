extension CreditRules {
    /// The largest month count accepted anywhere (100 years), which keeps date arithmetic in range.
    static let maximumMonths = 1_200
    /// The largest points a kind may carry either way, and the largest score limit.
    static let maximumPoints = 1_000

    /// Every inconsistency of this rules value, in field order; empty when it is valid.
    /// Fields are named by their JSON path, e.g. `kinds.penalty_minor.points`.
    public func validationErrors() -> [CreditError] {
        var errors: [CreditError] = []
        func check(_ value: Int, _ allowed: ClosedRange<Int>, _ field: String) {
            if !allowed.contains(value) { errors.append(.outOfRange(field: field, value: value, allowed: allowed)) }
        }
        let months = 0...Self.maximumMonths
        let positiveMonths = 1...Self.maximumMonths
        let workingDays = 1...DeadlineUnit.workingDays.maximumAmount

        check(baseScore, -Self.maximumPoints...Self.maximumPoints, "baseScore")
        for kind in CreditRecordKind.allCases {
            let rule = kinds[kind]
            let field = "kinds.\(kind.rawValue)"
            check(rule.points, -Self.maximumPoints...Self.maximumPoints, "\(field).points")
            switch kind.category {
            case .hazard, .penalty, .accident:
                if rule.points > 0 { errors.append(.pointsWrongSign(field: "\(field).points", value: rule.points)) }
            case .commendation:
                if rule.points < 0 { errors.append(.pointsWrongSign(field: "\(field).points", value: rule.points)) }
            case .licensing:
                break
            }
            check(rule.validityMonths, positiveMonths, "\(field).validityMonths")
        }
        check(commendationCap, 0...Self.maximumPoints, "commendationCap")
        if !(gradeBands.a > gradeBands.b && gradeBands.b > gradeBands.c) {
            errors.append(.gradeBandsNotDescending(a: gradeBands.a, b: gradeBands.b, c: gradeBands.c))
        }
        check(publication.workingDays, workingDays, "publication.workingDays")
        check(objection.reviewWorkingDays, workingDays, "objection.reviewWorkingDays")
        check(repair.penaltyMonthsInStrictFields, months, "repair.penaltyMonthsInStrictFields")
        check(repair.penaltyMonthsInOtherFields, months, "repair.penaltyMonthsInOtherFields")
        check(repair.hazardMonths, months, "repair.hazardMonths")
        check(repair.accidentMonths, months, "repair.accidentMonths")
        check(repair.reviewWorkingDays, workingDays, "repair.reviewWorkingDays")
        check(blackList.penaltyCount, 1...100, "blackList.penaltyCount")
        check(blackList.penaltyWindowMonths, positiveMonths, "blackList.penaltyWindowMonths")
        check(blackList.statementWorkingDays, workingDays, "blackList.statementWorkingDays")
        check(blackList.listingMonths, positiveMonths, "blackList.listingMonths")
        // Early removal must come before the listing ends by itself.
        check(blackList.earlyRemovalAfterMonths, 0...max(0, blackList.listingMonths - 1), "blackList.earlyRemovalAfterMonths")
        check(redList.penaltyFreeMonths, months, "redList.penaltyFreeMonths")
        return errors
    }

    /// Throws the first of ``validationErrors()``, if any.
    public func validate() throws(CreditError) {
        if let first = validationErrors().first { throw first }
    }
}
