/// Text keys for matching callers' accounts against keywords and knowledge-base questions.
public enum HotlineText {
    /// The matching key of `text`: ``TextNormalization/nameKey(_:)`` (NFC, full-width ASCII folded to
    /// half-width, whitespace removed, Latin lower-cased) with punctuation and symbols removed, so
    /// "路灯，坏了！" and "路灯坏了" match.
    public static func matchKey(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in TextNormalization.nameKey(text).unicodeScalars where !isPunctuationOrSymbol(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// The distinct character bigrams of an already normalised key ("路灯坏" → {"路灯", "灯坏"}). Chinese
    /// has no spaces between words, so overlapping pairs of characters stand in for words. A
    /// one-character key gives itself; an empty key gives nothing.
    public static func bigrams(ofKey key: String) -> Set<String> {
        let characters = Array(key)
        guard characters.count > 1 else { return characters.isEmpty ? [] : [key] }
        var result = Set<String>()
        for index in 0..<(characters.count - 1) {
            result.insert(String(characters[index...index + 1]))
        }
        return result
    }

    static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }
}
