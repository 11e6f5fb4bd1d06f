import Foundation

extension HotlineAssessment {
    /// SPEC A2's output, compact UTF-8 JSON with keys in the SPEC's order:
    /// `{"period":"2026-09/2026-10","units":[{"unit":"…","items":{"1-6":…,"7":…,…,"14":…},
    /// "base":…,"bonus":…,"penalty":…,"total":…,"rank":…,"cases":…}]}`; scores are JSON numbers
    /// with at most 2 decimals and no trailing zeros (`9.9`, `100`). No deduction details.
    public func json() -> Data {
        var text = "{\"period\":"
        Self.appendString(period.description, to: &text)
        text += ",\"units\":["
        for (position, unit) in units.enumerated() {
            if position > 0 { text += "," }
            text += "{\"unit\":"
            Self.appendString(unit.unit, to: &text)
            text += ",\"items\":{"
            for (itemPosition, item) in HotlineItem.allCases.enumerated() {
                if itemPosition > 0 { text += "," }
                text += "\"\(item.rawValue)\":\(unit.items[item])"
            }
            text += "},\"base\":\(unit.base),\"bonus\":\(unit.bonus),\"penalty\":\(unit.penalty)"
            text += ",\"total\":\(unit.total),\"rank\":\(unit.rank),\"cases\":\(unit.cases)}"
        }
        text += "]}"
        return Data(text.utf8)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as UTF-8.
    private static func appendString(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
