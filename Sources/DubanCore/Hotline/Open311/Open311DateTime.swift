import Foundation

/// GeoReport v2 datetimes: "a common subset of ISO 8601 as per the w3 note", with the zone
/// (`Z` or an `±hh:mm` offset) always included, e.g. `2026-09-24T09:30:00+08:00`.
enum Open311DateTime {
    /// `yyyy-mm-ddThh:mm:ss±hh:mm` in `timeZone` (`Z` when the offset is zero), whole seconds
    /// (fractions are dropped, rounding down). Nil outside years 1–9999.
    static func format(_ date: Date, timeZone: TimeZone) -> String? {
        let offset = timeZone.secondsFromGMT(for: date) / 60 * 60
        let local = (date.timeIntervalSince1970 + TimeInterval(offset)).rounded(.down)
        guard local.isFinite, abs(local) < 4e11 else { return nil }
        let seconds = Int(local)
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        guard let day = LocalDate(dayNumber: dayNumber) else { return nil }
        let second = seconds - dayNumber * 86_400
        return "\(day)T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))" + zone(offset)
    }

    /// Parses a W3C datetime with its zone (see ``ISO8601Instant/parse(_:)``). A space where the
    /// offset's `+` belongs is read as `+`: an unencoded `+` in a query string arrives as a space.
    static func parse(_ text: String) -> Date? {
        if let date = ISO8601Instant.parse(text) { return date }
        guard let space = text.lastIndex(of: " "), text.distance(from: text.startIndex, to: space) >= 16 else {
            return nil
        }
        return ISO8601Instant.parse(text.replacingCharacters(in: space...space, with: "+"))
    }

    private static func zone(_ offset: Int) -> String {
        guard offset != 0 else { return "Z" }
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
