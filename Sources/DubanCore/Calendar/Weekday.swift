/// A day of the week, numbered as in ISO 8601 (Monday = 1 … Sunday = 7).
public enum Weekday: Int, CaseIterable, Codable, Sendable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// 周一 … 周日.
    public var chineseName: String {
        ["周一", "周二", "周三", "周四", "周五", "周六", "周日"][rawValue - 1]
    }

    /// Monday … Sunday.
    public var englishName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
    }
}
