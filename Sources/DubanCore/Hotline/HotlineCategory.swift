/// 事件所属类别 — one entry of the configurable category list from which the call taker picks the
/// category, and with it the suggested time limit and handling unit (000 阳政办〔2017〕33号 附件1 二(二)4:
/// "根据系统列表选择事件所属类别、办理时限及归属部门"). Administrators edit the list;
/// ``defaults`` is Duban's starting list.
public struct HotlineCategory: Hashable, Codable, Sendable, Identifiable {
    /// A stable code, e.g. `municipal_facilities`; cases store it.
    public var code: String
    /// The name shown, e.g. "市政设施".
    public var name: String
    /// The urgency suggested for the category's cases; the call taker may change it.
    public var defaultUrgency: HotlineUrgency
    /// The handling unit suggested (归属部门), as the directory names it; nil when the dispatcher
    /// must choose.
    public var defaultUnitName: String?
    /// Whether a reply must carry site photos (000 阳政办〔2017〕33号 附件2 第五条).
    public var photoRequired: Bool
    /// Whether a case of this category is a major event (重大事件, 附件1 二(二)5).
    public var majorEvent: Bool
    /// Words that suggest the category in a caller's account (see ``CategorySuggester``).
    public var keywords: [String]
    /// A retired category stays for old cases but is not offered or suggested.
    public var active: Bool

    public init(code: String, name: String, defaultUrgency: HotlineUrgency, defaultUnitName: String?,
                photoRequired: Bool = false, majorEvent: Bool = false, keywords: [String] = [], active: Bool = true) {
        self.code = code
        self.name = name
        self.defaultUrgency = defaultUrgency
        self.defaultUnitName = defaultUnitName
        self.photoRequired = photoRequired
        self.majorEvent = majorEvent
        self.keywords = keywords
        self.active = active
    }

    public var id: String { code }

    /// Checks an administrator's list: every code and name non-blank, codes unique, names unique.
    public static func validate(_ categories: [HotlineCategory]) throws(HotlineError) {
        var codes = Set<String>()
        var names = Set<String>()
        for (index, category) in categories.enumerated() {
            let code = TextNormalization.clean(category.code)
            let name = TextNormalization.clean(category.name)
            guard !code.isEmpty else { throw .required(field: "categories[\(index)].code") }
            guard !name.isEmpty else { throw .required(field: "categories[\(index)].name") }
            guard codes.insert(code).inserted else {
                throw .invalidConfiguration(field: "categories[\(index)].code", reason: "duplicate code \(code)")
            }
            guard names.insert(name).inserted else {
                throw .invalidConfiguration(field: "categories[\(index)].name", reason: "duplicate name \(name)")
            }
        }
    }

    /// The active category with `code` in `categories`; throws ``HotlineError/unknownCategory(_:)``.
    public static func active(_ code: String, in categories: [HotlineCategory]) throws(HotlineError) -> HotlineCategory {
        guard let category = categories.first(where: { $0.code == code }), category.active else {
            throw .unknownCategory(code)
        }
        return category
    }
}
