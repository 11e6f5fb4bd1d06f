import Foundation

extension LocalDate {
    /// The China-time calendar day of `instant`, or nil when it is not a finite instant in years 1–9999.
    public init?(chinaTimeOf instant: Date) {
        guard let clock = ChinaClock(instant) else { return nil }
        self = clock.date
    }

    /// The instant of the given China wall-clock time on this day. Hours up to 24 are accepted, so
    /// `hour: 24` is the start of the next day.
    public func chinaDate(hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        chinaDate(secondOfDay: TimeInterval(hour * 3600 + minute * 60 + second))
    }

    /// The instant `secondOfDay` seconds after China midnight at the start of this day.
    func chinaDate(secondOfDay: TimeInterval) -> Date {
        let local = TimeInterval(dayNumber) * 86_400 + secondOfDay
        return Date(timeIntervalSince1970: local - TimeInterval(ChinaTime.secondsFromGMT))
    }
}
