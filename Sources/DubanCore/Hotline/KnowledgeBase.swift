/// How knowledge-base matches are scored: Duban defaults an administrator may tune.
public struct KnowledgeSearchPolicy: Hashable, Codable, Sendable {
    /// Points for each entry keyword found in the query. Default 3: a keyword is a deliberate marker
    /// of the topic, worth more than one shared bigram.
    public var keywordWeight: Int
    /// The lowest score shown. Default 2: one shared bigram alone ("办理") is noise.
    public var minimumScore: Int
    /// The most matches returned. Default 10, one screen.
    public var limit: Int

    public init(keywordWeight: Int = 3, minimumScore: Int = 2, limit: Int = 10) {
        self.keywordWeight = keywordWeight
        self.minimumScore = minimumScore
        self.limit = limit
    }

    /// The documented defaults.
    public static let standard = KnowledgeSearchPolicy()
}

/// One knowledge-base match and why it matched.
public struct KnowledgeMatch: Hashable, Sendable {
    public let entry: KnowledgeEntry
    /// shared bigrams + keywordWeight × matched keywords.
    public let score: Int
    /// The character bigrams the query and the question share, sorted.
    public let sharedBigrams: [String]
    /// The entry's keywords found in the query, in the entry's order.
    public let matchedKeywords: [String]
}

/// 知识库检索 — finds the entries that answer a caller's question. Chinese is written without spaces,
/// so the query and each question are compared by their character bigrams (after
/// ``HotlineText/matchKey(_:)``), plus the entry's keywords found in the query. Deterministic:
/// ranked by score, then shared bigrams, then entry id.
public enum KnowledgeBase {
    /// The entries matching `query`, best first; only `categoryCode`'s entries when one is given.
    public static func search(_ query: String, in entries: [KnowledgeEntry], categoryCode: String? = nil,
                              policy: KnowledgeSearchPolicy = .standard) -> [KnowledgeMatch] {
        let queryKey = HotlineText.matchKey(query)
        let queryBigrams = HotlineText.bigrams(ofKey: queryKey)
        guard !queryBigrams.isEmpty, policy.limit > 0 else { return [] }
        var matches: [KnowledgeMatch] = []
        for entry in entries where categoryCode == nil || entry.categoryCode == categoryCode {
            let shared = queryBigrams.intersection(HotlineText.bigrams(ofKey: HotlineText.matchKey(entry.question)))
            var seen = Set<String>()
            let keywords = entry.keywords.filter { keyword in
                let key = HotlineText.matchKey(keyword)
                return !key.isEmpty && seen.insert(key).inserted && queryKey.contains(key)
            }
            let score = shared.count + policy.keywordWeight * keywords.count
            if score >= policy.minimumScore, score > 0 {
                matches.append(KnowledgeMatch(entry: entry, score: score, sharedBigrams: shared.sorted(), matchedKeywords: keywords))
            }
        }
        matches.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.sharedBigrams.count != rhs.sharedBigrams.count { return lhs.sharedBigrams.count > rhs.sharedBigrams.count }
            return lhs.entry.id < rhs.entry.id
        }
        return Array(matches.prefix(policy.limit))
    }
}
