import Foundation

/// Why an accountability request was refused. Each case has a stable `code`, the offending `field`
/// and a bilingual message, ready for the API's `{"error":{"code","message","field"}}`.
public enum AccountabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input value is not allowed, for the reason given in both languages.
    case invalidValue(field: String, chinese: String, english: String)
    /// The actor's role may not perform the event.
    case forbidden(role: Role, event: AccountabilityEventKind)
    /// A unit operator acted on another unit's action.
    case wrongUnit(actorUnit: String, actionUnit: String)
    /// The event is not allowed in the action's current state.
    case invalidState(state: AccountabilityState, event: AccountabilityEventKind)
    /// Rectification-plan events apply to a 约谈 only.
    case notAnInterview(level: AccountabilityLevel)
    /// A required field (a note, the interview date) is missing or blank.
    case missingField(String)
    /// The appeal came after the window of 附件5 第九条 closed.
    case appealWindowClosed(due: Date)
    /// The event is dated before the action's last recorded step.
    case timeBeforeLastStep(last: Date)
    /// A working-day deadline could not be computed.
    case calendar(CalendarError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidValue: "invalid_value"
        case .forbidden: "forbidden"
        case .wrongUnit: "forbidden_unit"
        case .invalidState: "invalid_state"
        case .notAnInterview: "not_an_interview"
        case .missingField: "missing_field"
        case .appealWindowClosed: "appeal_window_closed"
        case .timeBeforeLastStep: "invalid_time"
        case .calendar(let error): error.code
        }
    }

    /// The field at fault.
    public var field: String {
        switch self {
        case .invalidValue(let field, _, _): field
        case .forbidden: "role"
        case .wrongUnit: "unit"
        case .invalidState: "state"
        case .notAnInterview: "level"
        case .missingField(let field): field
        case .appealWindowClosed, .timeBeforeLastStep: "at"
        case .calendar(let error): error.field
        }
    }

    /// `中文 / English`.
    public var message: String {
        switch self {
        case .invalidValue(_, let chinese, let english):
            "\(chinese) / \(english)"
        case .forbidden(let role, let event):
            "角色 \(role.rawValue) 无权执行“\(event.chinese)” / role \(role.rawValue) may not \(event.rawValue)"
        case .wrongUnit(let actorUnit, let actionUnit):
            "“\(actorUnit)”不能处理“\(actionUnit)”的责任追究 / \(actorUnit) may not act on an action of \(actionUnit)"
        case .invalidState(let state, let event):
            "当前状态“\(state.chinese)”下不能“\(event.chinese)” / cannot \(event.rawValue) in state \(state.rawValue)"
        case .notAnInterview(let level):
            "整改方案仅适用于约谈，此为\(level.chinese) / a rectification plan applies to an interview, not a \(level.rawValue)"
        case .missingField(let field):
            "缺少必填字段 \(field) / required field \(field) is missing or blank"
        case .appealWindowClosed(let due):
            "复议申请期限已过（截止 \(Self.chinaText(due))）/ the appeal window closed at \(Self.chinaText(due))"
        case .timeBeforeLastStep(let last):
            "时间早于上一步（\(Self.chinaText(last))）/ the time is before the last step (\(Self.chinaText(last)))"
        case .calendar(let error):
            "工作日期限无法计算 / \(error.message)"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }

    /// `yyyy-mm-dd hh:mm` China time.
    private static func chinaText(_ instant: Date) -> String {
        guard let clock = ChinaClock(instant) else { return "\(instant)" }
        let minutes = Int(clock.secondOfDay) / 60
        let hh = minutes / 60, mm = minutes % 60
        return "\(clock.date) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
    }
}
