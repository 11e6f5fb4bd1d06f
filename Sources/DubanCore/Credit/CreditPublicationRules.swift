/// 双公示 — the publication deadline of penalty and licensing decisions (000 阳政办(2017)35号:
/// "自作出行政决定起7个工作日内"; SPEC A3).
public struct CreditPublicationRules: Hashable, Codable, Sendable {
    /// Working days after the decision date (A1 `working_days`, start day not counted).
    public var workingDays: Int

    /// A publication deadline of `workingDays` working days.
    public init(workingDays: Int) {
        self.workingDays = workingDays
    }
}
