import Foundation

/// China Standard Time (北京时间), the clock all Duban deadlines are computed in.
///
/// China has used a single fixed offset of UTC+8 with no daylight-saving time since 1991, so a
/// fixed-offset zone is exact for every date Duban handles and local arithmetic needs no tz database.
public enum ChinaTime {
    /// The offset from UTC in seconds: +08:00.
    public static let secondsFromGMT = 8 * 3600

    /// The fixed-offset time zone (UTC+8) to format and parse instants shown to users.
    public static let timeZone: TimeZone = TimeZone(secondsFromGMT: secondsFromGMT)
        // Unreachable fallbacks: any offset within ±18 h is accepted.
        ?? TimeZone(identifier: "Asia/Shanghai") ?? .gmt
}
