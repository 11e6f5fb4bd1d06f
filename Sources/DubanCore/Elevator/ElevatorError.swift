/// Why an elevator rule or status change was refused. Each case has a stable `code`, names the
/// offending `field` and carries a bilingual message ("中文 / English"), ready for the API's
/// `{"error":{"code","message","field"}}`.
public enum ElevatorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The event is not allowed in this phase (see ``ElevatorMachine/target(of:from:)``).
    case invalidTransition(ElevatorPhase, ElevatorEventKind)
    /// The elevator has no use unit and may not be in service
    /// (004 成府发〔2015〕29号 二: "电梯未明确使用单位的,不得投入使用").
    case useUnitMissing
    /// No inspection validity is on record, so the elevator may not be in service.
    case inspectionValidityMissing
    /// The inspection validity ended on `validUntil`; the elevator may not be in service (SPEC A4).
    case inspectionExpired(validUntil: LocalDate)
    /// A sealed elevator may be put back into service only after the fix and a passing re-inspection
    /// (004 成府发〔2015〕29号 五(二)); `stage` is where it is now.
    case sealNotCleared(SealStage)
    /// A required value is missing or blank.
    case required(field: String)
    /// The value must lie after the time of the event.
    case notInFuture(field: String)
    /// A fund vote needs at least one owner.
    case noOwners
    /// A count is negative or larger than the whole it belongs to.
    case invalidCount(field: String, value: Int)
    /// A rescue code's sequence number is outside 1…`maximum`.
    case sequenceOutOfRange(sequence: Int, maximum: Int)
    /// A rescue code is not `digits` decimal digits.
    case malformedRescueCode(digits: Int)
    /// A rescue code's check digit does not match: a digit was misheard or mistyped.
    case rescueCodeCheckFailed
    /// A configuration value is out of range.
    case invalidConfiguration(field: String, reason: String)
    /// A deadline could not be computed (an instant outside years 1–9999).
    case calendar(CalendarError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidTransition: "invalid_transition"
        case .useUnitMissing: "use_unit_missing"
        case .inspectionValidityMissing: "inspection_validity_missing"
        case .inspectionExpired: "inspection_expired"
        case .sealNotCleared: "seal_not_cleared"
        case .required: "required"
        case .notInFuture: "not_in_future"
        case .noOwners: "no_owners"
        case .invalidCount: "invalid_count"
        case .sequenceOutOfRange: "sequence_out_of_range"
        case .malformedRescueCode: "malformed_rescue_code"
        case .rescueCodeCheckFailed: "rescue_code_check_failed"
        case .invalidConfiguration: "invalid_configuration"
        case .calendar(let error): error.code
        }
    }

    /// The field at fault, as the API names it.
    public var field: String {
        switch self {
        case .invalidTransition: "status"
        case .useUnitMissing: "useUnit"
        case .inspectionValidityMissing, .inspectionExpired: "inspectionValidUntil"
        case .sealNotCleared: "sealStage"
        case .required(let field), .notInFuture(let field), .invalidCount(let field, _),
             .invalidConfiguration(let field, _):
            field
        case .noOwners: "owners"
        case .sequenceOutOfRange: "sequence"
        case .malformedRescueCode, .rescueCodeCheckFailed: "code"
        case .calendar(let error): error.field
        }
    }

    /// "中文 / English".
    public var message: String {
        switch self {
        case .invalidTransition(let phase, let event):
            "电梯处于「\(phase.chinese)」状态，不能「\(event.chinese)」 / \(event.rawValue) is not allowed when the elevator is \(phase.rawValue)"
        case .useUnitMissing:
            "电梯未明确使用单位的，不得投入使用 / an elevator without a use unit may not be put into service"
        case .inspectionValidityMissing:
            "无检验合格有效期记录，不得投入使用 / no inspection validity is on record; the elevator may not be put into service"
        case .inspectionExpired(let validUntil):
            "检验合格有效期已于\(validUntil)届满，不得投入使用 / the inspection validity ended on \(validUntil); the elevator may not be put into service"
        case .sealNotCleared(let stage):
            "封停电梯须整改并经检验合格后方可恢复使用（当前：\(stage.chinese)） / a sealed elevator returns to service only after the fix and a passing re-inspection (now: \(stage.rawValue))"
        case .required(let field):
            "\(field)不能为空 / \(field) is required"
        case .notInFuture(let field):
            "\(field)须晚于当前时间 / \(field) must be later than now"
        case .noOwners:
            "表决须至少有1名业主 / a vote needs at least one owner"
        case .invalidCount(let field, let value):
            "\(field)的数值\(value)无效 / \(field) = \(value) is negative or larger than the total"
        case .sequenceOutOfRange(let sequence, let maximum):
            "序号\(sequence)超出范围1–\(maximum) / the sequence number \(sequence) is outside 1–\(maximum)"
        case .malformedRescueCode(let digits):
            "应急救援识别码须为\(digits)位数字 / a rescue code is \(digits) digits"
        case .rescueCodeCheckFailed:
            "应急救援识别码校验位不符，请核对 / the rescue code's check digit does not match; a digit is wrong"
        case .invalidConfiguration(let field, let reason):
            "配置项\(field)无效：\(reason) / invalid configuration \(field): \(reason)"
        case .calendar(let error):
            "期限无法计算 / \(error.message)"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }
}
