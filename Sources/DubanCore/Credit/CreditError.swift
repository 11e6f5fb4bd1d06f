import Foundation

/// Why a credit rule, record or procedure step was refused. Each case has a stable `code`, names the
/// offending `field`, and carries a bilingual message, ready for the API's
/// `{"error":{"code","message","field"}}`.
public enum CreditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rules value is outside its allowed range.
    case outOfRange(field: String, value: Int, allowed: ClosedRange<Int>)
    /// Grade bands must descend strictly: A > B > C.
    case gradeBandsNotDescending(a: Int, b: Int, c: Int)
    /// Points of the wrong sign for the kind: deductions must be ≤ 0, commendations ≥ 0.
    case pointsWrongSign(field: String, value: Int)
    /// A required text is missing or blank.
    case required(field: String)
    /// A decision date lies after the day it is recorded on.
    case decisionInFuture(decisionDate: LocalDate, today: LocalDate)
    /// The event is not allowed in the procedure's current state.
    case invalidState(procedure: String, state: String, event: String)
    /// No black-list entry condition holds, so there is nothing to list.
    case noEntryCondition
    /// The 5-working-day statement window is still open and no statement has been made.
    case statementWindowOpen(closes: Date)
    /// The statement window has closed.
    case statementWindowClosed(closed: Date)
    /// Early removal may be applied for only from this day (12 months after listing).
    case earlyRemovalTooSoon(from: LocalDate)
    /// An entry condition still holds, so early removal is refused.
    case entryConditionsHold([BlackListReason])
    /// The listing period has not ended yet.
    case listingNotEnded(endsOn: LocalDate)
    /// The record is not in a state that allows this (e.g. an objection to an expired record).
    case recordNotInEffect(status: CreditRecordStatus)
    /// The procedure belongs to another record.
    case recordMismatch(expected: String, found: String)
    /// This kind of record cannot be repaired (a commendation or a licensing decision).
    case notRepairable(CreditRecordKind)
    /// The minimum period before repair has not passed.
    case repairTooSoon(eligibleFrom: LocalDate)
    /// Repair needs the wrong corrected (已纠正失信行为).
    case wrongNotCorrected
    /// Repair needs a signed commitment letter (信用修复承诺书).
    case commitmentLetterMissing
    /// Repair needs at least one piece of evidence of the correction.
    case evidenceMissing
    /// A deadline could not be computed (an instant outside years 1–9999).
    case calendar(CalendarError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .outOfRange: "out_of_range"
        case .gradeBandsNotDescending: "grade_bands_not_descending"
        case .pointsWrongSign: "points_wrong_sign"
        case .required: "required"
        case .decisionInFuture: "decision_in_future"
        case .invalidState: "invalid_state"
        case .noEntryCondition: "no_entry_condition"
        case .statementWindowOpen: "statement_window_open"
        case .statementWindowClosed: "statement_window_closed"
        case .earlyRemovalTooSoon: "early_removal_too_soon"
        case .entryConditionsHold: "entry_conditions_hold"
        case .listingNotEnded: "listing_not_ended"
        case .recordNotInEffect: "record_not_in_effect"
        case .recordMismatch: "record_mismatch"
        case .notRepairable: "not_repairable"
        case .repairTooSoon: "repair_too_soon"
        case .wrongNotCorrected: "wrong_not_corrected"
        case .commitmentLetterMissing: "commitment_letter_missing"
        case .evidenceMissing: "evidence_missing"
        case .calendar(let error): error.code
        }
    }

    /// The field at fault, as the API names it.
    public var field: String {
        switch self {
        case .outOfRange(let field, _, _), .pointsWrongSign(let field, _), .required(let field): field
        case .gradeBandsNotDescending: "gradeBands"
        case .decisionInFuture: "decisionDate"
        case .invalidState: "state"
        case .noEntryCondition, .entryConditionsHold: "conditions"
        case .statementWindowOpen, .statementWindowClosed: "statementDue"
        case .earlyRemovalTooSoon, .listingNotEnded: "listedOn"
        case .recordNotInEffect: "record.status"
        case .recordMismatch: "recordID"
        case .notRepairable: "record.kind"
        case .repairTooSoon: "record.decisionDate"
        case .wrongNotCorrected: "wrongCorrected"
        case .commitmentLetterMissing: "commitmentLetter"
        case .evidenceMissing: "evidence"
        case .calendar(let error): error.field
        }
    }

    /// "中文 / English", for people.
    public var message: String {
        switch self {
        case .outOfRange(let field, let value, let allowed):
            "\(field) 须在 \(allowed.lowerBound)…\(allowed.upperBound) 之间,现为 \(value) / "
                + "\(field) must be \(allowed.lowerBound)…\(allowed.upperBound), got \(value)"
        case .gradeBandsNotDescending(let a, let b, let c):
            "等级分数线须 A > B > C,现为 \(a)、\(b)、\(c) / grade bands must descend A > B > C, got \(a), \(b), \(c)"
        case .pointsWrongSign(let field, let value):
            "\(field) 分值符号不对(扣分须 ≤ 0,表彰加分须 ≥ 0),现为 \(value) / "
                + "\(field) has the wrong sign (deductions ≤ 0, commendations ≥ 0), got \(value)"
        case .required(let field):
            "\(field) 必填 / \(field) is required"
        case .decisionInFuture(let decisionDate, let today):
            "决定日期 \(decisionDate) 晚于今天 \(today) / the decision date \(decisionDate) is after today \(today)"
        case .invalidState(let procedure, let state, let event):
            "\(procedure) 处于 \(state) 状态时不能 \(event) / \(event) is not allowed when the \(procedure) is \(state)"
        case .noEntryCondition:
            "不符合任何列入黑名单的条件 / no black-list entry condition holds"
        case .statementWindowOpen(let closes):
            "陈述申辩期至 \(Self.chinaTime(closes)) 届满,当事人尚未陈述 / "
                + "the statement window is open until \(Self.chinaTime(closes)) and no statement was made"
        case .statementWindowClosed(let closed):
            "陈述申辩期已于 \(Self.chinaTime(closed)) 届满 / the statement window closed at \(Self.chinaTime(closed))"
        case .earlyRemovalTooSoon(let from):
            "列入满12个月后方可申请提前移出,最早 \(from) / early removal may be applied for from \(from)"
        case .entryConditionsHold(let reasons):
            "仍符合列入条件:\(reasons.map(\.chinese).joined(separator: "、")) / "
                + "entry conditions still hold: \(reasons.map(\.rawValue).joined(separator: ", "))"
        case .listingNotEnded(let endsOn):
            "列入期限至 \(endsOn) 才届满 / the listing runs until \(endsOn)"
        case .recordNotInEffect(let status):
            "该信用记录当前为「\(status.chinese)」,不能办理 / the record is \(status.rawValue); this is not allowed"
        case .recordMismatch(let expected, let found):
            "申请针对记录 \(expected),而非 \(found) / the application concerns record \(expected), not \(found)"
        case .notRepairable(let kind):
            "「\(kind.chinese)」记录不适用信用修复 / a \(kind.rawValue) record cannot be repaired"
        case .repairTooSoon(let from):
            "未满最短公示期,\(from) 起方可申请修复 / the minimum period has not passed; repair may be applied for from \(from)"
        case .wrongNotCorrected:
            "失信行为尚未纠正 / the wrong has not been corrected"
        case .commitmentLetterMissing:
            "缺少信用修复承诺书 / the commitment letter is missing"
        case .evidenceMissing:
            "缺少已纠正失信行为的证明材料 / evidence of the correction is missing"
        case .calendar(let error):
            "期限无法计算 / a deadline could not be computed: \(error.message)"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }

    /// `yyyy-mm-dd hh:mm` in China time.
    private static func chinaTime(_ instant: Date) -> String {
        guard let day = LocalDate(chinaTimeOf: instant) else { return "\(instant)" }
        let seconds = Int((instant.timeIntervalSince(day.chinaDate())).rounded(.down))
        let hour = seconds / 3600, minute = seconds % 3600 / 60
        return "\(day) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
