import Foundation

/// Why a hotline rule refused an input. Each case has a stable `code`, names the offending `field`
/// and carries a bilingual message ("中文 / English"), ready for the API's
/// `{"error":{"code","message","field"}}`.
public enum HotlineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required value is missing or blank.
    case required(field: String)
    /// A value of the right type is not allowed, for the reason given in both languages.
    case invalidValue(field: String, chinese: String, english: String)
    /// A configuration value is out of range or repeated.
    case invalidConfiguration(field: String, reason: String)
    /// The category code is not in the configured list, or the category is retired.
    case unknownCategory(String)
    /// A contact attempt came less than the minimum gap after a failed one
    /// (000 阳政办(2017)33号 附件2 第三条(六): "需间隔30分钟以上才可再次与来电人进行联系").
    case contactTooSoon(previous: Date, earliest: Date)
    /// A contact attempt is dated after the moment it is recorded.
    case contactInFuture
    /// The reply has fewer site photos than its category requires
    /// (000 阳政办(2017)33号 附件2 第五条).
    case photosRequired(category: String, minimum: Int)
    /// A cross-department case needs a lead unit among its units
    /// (000 阳政办(2017)33号 附件2 第三条(二)).
    case leadUnitRequired
    /// The return needs the signature of the unit's principal or responsible leader
    /// (000 阳政办(2017)33号 附件2 第二条).
    case leaderSignatureRequired
    /// No evaluator is active with a ratio above 0.
    case noActiveEvaluator
    /// A tracking code is not `RX` + 8-digit date + 6-digit sequence + check digit.
    case malformedTrackingCode
    /// A tracking code's check digit does not match: a character was mistyped or two swapped.
    case trackingCodeCheckFailed
    /// A deadline could not be computed (an instant outside years 1–9999).
    case calendar(CalendarError)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .required: "required"
        case .invalidValue: "invalid_value"
        case .invalidConfiguration: "invalid_configuration"
        case .unknownCategory: "unknown_category"
        case .contactTooSoon: "contact_too_soon"
        case .contactInFuture: "contact_in_future"
        case .photosRequired: "photos_required"
        case .leadUnitRequired: "lead_unit_required"
        case .leaderSignatureRequired: "leader_signature_required"
        case .noActiveEvaluator: "no_active_evaluator"
        case .malformedTrackingCode: "malformed_tracking_code"
        case .trackingCodeCheckFailed: "tracking_code_check_failed"
        case .calendar(let error): error.code
        }
    }

    /// The field at fault, as the API names it.
    public var field: String {
        switch self {
        case .required(let field), .invalidValue(let field, _, _), .invalidConfiguration(let field, _): field
        case .unknownCategory: "category"
        case .contactTooSoon, .contactInFuture: "at"
        case .photosRequired: "photos"
        case .leadUnitRequired: "leadUnit"
        case .leaderSignatureRequired: "leaderSigned"
        case .noActiveEvaluator: "evaluators"
        case .malformedTrackingCode, .trackingCodeCheckFailed: "trackingCode"
        case .calendar(let error): error.field
        }
    }

    /// "中文 / English".
    public var message: String {
        switch self {
        case .required(let field):
            "必填项「\(field)」为空 / \(field) is required"
        case .invalidValue(_, let chinese, let english):
            "\(chinese) / \(english)"
        case .invalidConfiguration(let field, let reason):
            "配置项「\(field)」无效 / invalid configuration \(field): \(reason)"
        case .unknownCategory(let code):
            "类别「\(code)」不在列表中或已停用 / category \"\(code)\" is not in the list or is retired"
        case .contactTooSoon(_, let earliest):
            "联系间隔须在30分钟以上，最早可于 \(Self.chinaMinute(earliest)) 再次联系 / attempts must be at least the minimum gap apart; next attempt from \(Self.chinaMinute(earliest))"
        case .contactInFuture:
            "联系时间不能晚于记录时间 / the attempt cannot be dated after the moment it is recorded"
        case .photosRequired(let category, let minimum):
            "「\(category)」类投诉件回复须附至少\(minimum)张现场照片 / a reply in \(category) needs at least \(minimum) site photo(s)"
        case .leadUnitRequired:
            "多部门案件须由区政府办指定主责单位或牵头部门，且须为承办单位之一 / a cross-department case needs a lead unit, one of its units"
        case .leaderSignatureRequired:
            "二次退回或二次督办件退回须主要领导或分管领导签字 / a second return, or a return of a second-supervision case, needs a leader's signature"
        case .noActiveEvaluator:
            "没有可分派的评价员 / no active evaluator to assign"
        case .malformedTrackingCode:
            "查询码格式应为 RX + 8位日期 + 6位序号 + 1位校验码 / a tracking code is RX, an 8-digit date, a 6-digit sequence and a check digit"
        case .trackingCodeCheckFailed:
            "查询码校验失败，请核对是否输错 / the tracking code's check digit does not match; please check for a typo"
        case .calendar(let error):
            "时限无法计算 / \(error.message)"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }

    /// `2026-09-24 10:30` in China time.
    private static func chinaMinute(_ instant: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = ChinaTime.timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: instant)
    }
}
