/// Why a calendar or deadline request was refused. Each case names the offending input `field`
/// and a stable `code`, ready for the API's `{"error":{"code","message","field"}}`.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The amount is below 1 or above the unit's maximum (see ``DeadlineUnit/maximumAmount``),
    /// or a periodic rule's day is not 1–31.
    case invalidAmount(field: String, reason: String)
    /// The unit is not one of ``DeadlineUnit``'s raw values.
    case unknownUnit(String)
    /// An instant is not finite or falls outside years 1–9999, or a result would.
    case outOfRange(field: String, reason: String)
    /// The holiday data (JSON file or an admin correction) is malformed.
    case malformedData(field: String, reason: String)
    /// Working periods are empty, out of 00:00–24:00, overlapping or not ascending.
    case invalidWorkingHours(reason: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidAmount: return "invalid_amount"
        case .unknownUnit: return "unknown_unit"
        case .outOfRange: return "out_of_range"
        case .malformedData: return "malformed_calendar_data"
        case .invalidWorkingHours: return "invalid_working_hours"
        }
    }

    /// The request or data field at fault (a JSON path for malformed data).
    public var field: String {
        switch self {
        case .invalidAmount(let field, _), .outOfRange(let field, _), .malformedData(let field, _):
            return field
        case .unknownUnit: return "unit"
        case .invalidWorkingHours: return "workingHours"
        }
    }

    /// An English message for people.
    public var message: String {
        switch self {
        case .invalidAmount(_, let reason), .outOfRange(_, let reason), .malformedData(_, let reason),
             .invalidWorkingHours(let reason):
            return reason
        case .unknownUnit(let unit):
            let known = DeadlineUnit.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown unit \"\(unit)\"; expected one of \(known)"
        }
    }

    /// `code (field): message`, for logs.
    public var description: String { "\(code) (\(field)): \(message)" }

    /// The same error with its field placed under `prefix` (for errors inside nested data).
    func nested(under prefix: String) -> CalendarError {
        guard case .malformedData(let field, let reason) = self else { return self }
        return .malformedData(field: field.isEmpty ? prefix : "\(prefix).\(field)", reason: reason)
    }
}
