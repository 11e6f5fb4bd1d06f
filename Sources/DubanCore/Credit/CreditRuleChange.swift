/// One value of a ``CreditRules`` that differs from ``CreditRules/defaults``, for the UI's
/// "default / changed" marks.
public struct CreditRuleChange: Hashable, Codable, Sendable {
    /// The value's JSON path, e.g. `kinds.penalty_minor.points` or `blackList.entryGrades`.
    public let path: String
    /// The current value as JSON text, e.g. `-6` or `["C","D"]`.
    public let value: String
    /// The default value as JSON text.
    public let defaultValue: String

    /// A change of `path` from `defaultValue` to `value`.
    public init(path: String, value: String, defaultValue: String) {
        self.path = path
        self.value = value
        self.defaultValue = defaultValue
    }
}
