/// 知识库条目 — one entry of the hotline's knowledge base, from which call takers answer enquiries
/// directly (000 阳政办〔2017〕33号 附件1 二(二)3: "对市民来电询问中,知识库已有内容可供回复的,根据知识库
/// 提供的内容直接解答或者解释市民的询问").
public struct KnowledgeEntry: Hashable, Codable, Sendable, Identifiable {
    public var id: String
    /// The question as a caller would ask it.
    public var question: String
    /// The answer the call taker reads out.
    public var answer: String
    /// Words that mark the topic; each one found in a query adds weight.
    public var keywords: [String]
    /// The category code it belongs to, if any.
    public var categoryCode: String?

    public init(id: String, question: String, answer: String, keywords: [String] = [], categoryCode: String? = nil) {
        self.id = id
        self.question = question
        self.answer = answer
        self.keywords = keywords
        self.categoryCode = categoryCode
    }
}
