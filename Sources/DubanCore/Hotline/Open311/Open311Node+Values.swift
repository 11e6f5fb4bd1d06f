import Foundation

extension Open311Node {
    /// A datetime in the options' zone (see ``Open311DateTime/format(_:timeZone:)``); nil, and an
    /// instant outside years 1–9999, render as absent.
    static func datetime(_ date: Date?, _ options: Open311EncodingOptions) -> Open311Node {
        .text(date.flatMap { Open311DateTime.format($0, timeZone: options.timeZone) })
    }

    /// An integer.
    static func integer(_ value: Int) -> Open311Node {
        .number(String(value))
    }

    /// A coordinate in plain decimal notation with at most `options.coordinateFractionDigits`
    /// places, trailing zeros dropped (`26.5`, `-0.0000123`, `113`); never an exponent, so the text is
    /// both a JSON number and an `xs:decimal`. Nil and non-finite values render as absent.
    static func coordinate(_ value: Double?, _ options: Open311EncodingOptions) -> Open311Node {
        guard let value, value.isFinite else { return .number(nil) }
        let digits = options.coordinateFractionDigits
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * Double(scale)).rounded()
        guard abs(scaled) < 9e15 else { return .number(String(value)) }
        let units = Int64(scaled)
        guard units != 0 else { return .number("0") }
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(scale)
        var text = (units < 0 ? "-" : "") + String(whole)
        var fraction = magnitude % UInt64(scale)
        if fraction > 0 {
            var width = digits
            while fraction % 10 == 0 {
                fraction /= 10
                width -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: width - fractionText.count) + fractionText
        }
        return .number(text)
    }
}
