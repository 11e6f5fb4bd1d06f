import Foundation

/// Reads and writes the instants of the assessment files: ISO 8601 with an offset
/// (SPEC A2: "All times ISO 8601 with offset").
enum ISO8601Instant {
    /// Parses `yyyy-mm-ddThh:mm[:ss[.fraction]]` followed by `Z` or `±hh:mm` (or `±hhmm`), e.g.
    /// `2026-09-11T16:00:00+08:00` or `2026-09-11T08:00:00.250Z`; nil for anything else, including
    /// a time without an offset (its zone would be a guess).
    static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// The instant in China time, `2026-09-11T16:00:00+08:00`; fractions of a second are kept to
    /// the microsecond (`…:00.25+08:00`). Nil outside years 1–9999.
    static func format(_ date: Date) -> String? {
        let local = (date.timeIntervalSince1970 + TimeInterval(ChinaTime.secondsFromGMT)) * 1_000_000
        guard local.isFinite, abs(local) < 4e17 else { return nil }
        let micros = Int(local.rounded())
        let (dayNumber, microOfDay) = floorDivision(micros, 86_400_000_000)
        guard let day = LocalDate(dayNumber: dayNumber) else { return nil }
        let second = microOfDay / 1_000_000
        var text = "\(day)T\(pad(second / 3600)):\(pad(second / 60 % 60)):\(pad(second % 60))"
        var fraction = microOfDay % 1_000_000
        if fraction > 0 {
            var digits = 6
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text + "+08:00"
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for _ in 0..<width {
                let byte = bytes[index]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                index += 1
            }
            return value
        }
        func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
              let date = LocalDate(year: year, month: month, day: day),
              skip("T"), let hour = number(2), hour < 24, skip(":"), let minute = number(2), minute < 60
        else { return nil }
        var second = 0
        var nanos = 0
        if skip(":") {
            guard let value = number(2), value < 60 else { return nil }
            second = value
            if skip(".") || skip(",") {
                var digits = 0
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    if digits < 9 { nanos = nanos * 10 + Int(bytes[index] - 0x30) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in digits..<max(digits, 9) { nanos *= 10 }
            }
        }
        var offset = 0
        if skip("Z") || skip("z") {
            offset = 0
        } else {
            let sign: Int
            if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
            guard let offsetHours = number(2), offsetHours < 24 else { return nil }
            _ = skip(":")
            guard let offsetMinutes = number(2), offsetMinutes < 60 else { return nil }
            offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == bytes.count else { return nil }
        let seconds = date.dayNumber * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanos) / 1_000_000_000)
    }

    private static func floorDivision(_ value: Int, _ divisor: Int) -> (Int, Int) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
