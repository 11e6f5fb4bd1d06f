import DubanCore
import Foundation

/// ISO 8601 with the China offset, as Appendix A1 writes instants: `2026-09-28T18:00:00+08:00`.
enum ChinaTimeFormat {
    static func string(_ instant: Date) -> String {
        let local = instant.timeIntervalSince1970 + Double(ChinaTime.secondsFromGMT)
        let day = (local / 86400).rounded(.down)
        let second = Int(local - day * 86400)
        let date = LocalDate(chinaTimeOf: instant)?.description ?? "0000-00-00"
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))+08:00"
    }

    /// Parses ISO 8601 with an offset or `Z`; without one, the time is read as China time. A date alone
    /// means its midnight, and seconds may be left out.
    static func parse(_ text: String) -> Date? {
        guard text.count <= 40 else { return nil }
        var text = text
        if text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { text += "T00:00:00" }
        if text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$"#, options: .regularExpression) != nil { text += ":00" }
        let withZone = text.hasSuffix("Z") || text.range(of: #"[+-]\d{2}:?\d{2}$"#, options: .regularExpression) != nil
        let candidate = withZone ? text : text + "+08:00"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: candidate) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: candidate)
    }
}
