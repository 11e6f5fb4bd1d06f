import Foundation

/// Text as Duban stores it: Unicode NFC, surrounding whitespace (including the ideographic space U+3000)
/// removed.
public enum TextNormalization {
    public static func clean(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A key for comparing names: NFC, full-width ASCII folded to half-width, all whitespace removed,
    /// Latin letters lower-cased. "区 科技经信局" and "区科技经信局" have the same key.
    public static func nameKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in clean(text).unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            // U+FF01…U+FF5E are the full-width forms of U+0021…U+007E.
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(folded)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }
}
