import Foundation

/// How ``Open311Encoding`` renders values that GeoReport v2 leaves to the implementer.
public struct Open311EncodingOptions: Hashable, Sendable {
    /// The zone whose offset datetimes are written in. Default China time, `+08:00`
    /// (SPEC M0: "times shown in Asia/Shanghai"); UTC is written `Z`.
    public var timeZone: TimeZone
    /// Decimal places kept for `lat` and `long`. Default 7 (about 1 cm), a Duban default: enough for
    /// any phone fix while keeping the output free of binary noise and exponents.
    public var coordinateFractionDigits: Int
    /// Spelling of extended statuses in `servicerequestupdates`. Default upper case, as the
    /// FixMyStreet wiki writes them.
    public var extendedStatusCase: Open311ExtendedStatus.LetterCase

    /// China time, 7 coordinate decimals, upper-case extended statuses.
    public static let `default` = Open311EncodingOptions()

    /// Each parameter sets the property of the same name (digits clamped to 0–12); the defaults are
    /// those documented above.
    public init(timeZone: TimeZone = ChinaTime.timeZone, coordinateFractionDigits: Int = 7,
                extendedStatusCase: Open311ExtendedStatus.LetterCase = .upper) {
        self.timeZone = timeZone
        self.coordinateFractionDigits = min(max(coordinateFractionDigits, 0), 12)
        self.extendedStatusCase = extendedStatusCase
    }
}
