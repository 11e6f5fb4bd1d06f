import Foundation

/// An instant split into its China calendar day and the seconds elapsed since China midnight.
struct ChinaClock: Sendable {
    let date: LocalDate
    /// Seconds since 00:00 China time, in 0..<86400 (fractions kept).
    let secondOfDay: TimeInterval

    /// Nil for non-finite instants and instants outside ``LocalDate/supportedYears``.
    init?(_ instant: Date) {
        let local = instant.timeIntervalSince1970 + TimeInterval(ChinaTime.secondsFromGMT)
        // Checked before converting to Int, which would trap on huge values.
        guard local.isFinite, abs(local) < 400_000_000_000 else { return nil }
        let dayNumber = Int((local / 86_400).rounded(.down))
        guard let date = LocalDate(dayNumber: dayNumber) else { return nil }
        self.date = date
        self.secondOfDay = local - TimeInterval(dayNumber) * 86_400
    }
}
