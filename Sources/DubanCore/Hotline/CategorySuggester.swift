/// One suggested category with the reason for it.
public struct CategorySuggestion: Hashable, Sendable {
    /// The category suggested.
    public let category: HotlineCategory
    /// The sum of the lengths (in characters) of the matched keywords.
    public let score: Int
    /// The category's keywords found in the text, in the category's order.
    public let matchedKeywords: [String]
}

/// 类别推荐 — suggests categories for a caller's account by keyword matches, to speed up the call
/// taker's pick from the list (000 阳政办〔2017〕33号 附件1 二(二)4). No learning, no guessing: a
/// category scores the total length of its keywords that occur in the text, so a longer, more
/// specific keyword ("占道经营", 4) weighs more than a short one ("垃圾", 2), and the call taker can be
/// told exactly which words matched. Text and keywords are compared by ``HotlineText/matchKey(_:)``.
public enum CategorySuggester {
    /// The active categories whose keywords occur in `text` (what happened, plus the demand), best
    /// first: higher score, then earlier in `categories` (the administrator's order), at most `limit`.
    public static func suggest(text: String, categories: [HotlineCategory], limit: Int = 3) -> [CategorySuggestion] {
        let key = HotlineText.matchKey(text)
        guard !key.isEmpty, limit > 0 else { return [] }
        var ranked: [(position: Int, suggestion: CategorySuggestion)] = []
        for (position, category) in categories.enumerated() where category.active {
            var seen = Set<String>()
            var matched: [String] = []
            var score = 0
            for keyword in category.keywords {
                let keywordKey = HotlineText.matchKey(keyword)
                guard !keywordKey.isEmpty, seen.insert(keywordKey).inserted, key.contains(keywordKey) else { continue }
                matched.append(keyword)
                score += keywordKey.count
            }
            if score > 0 {
                ranked.append((position, CategorySuggestion(category: category, score: score, matchedKeywords: matched)))
            }
        }
        ranked.sort { lhs, rhs in
            lhs.suggestion.score != rhs.suggestion.score ? lhs.suggestion.score > rhs.suggestion.score : lhs.position < rhs.position
        }
        return ranked.prefix(limit).map(\.suggestion)
    }
}
