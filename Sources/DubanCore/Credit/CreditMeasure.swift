/// 奖惩措施 — a measure taken according to the credit grade (002 篇1: high-credit units are
/// commended (表彰); by credit grade, "提示、警示、曝光", and a notice to the supervising department
/// (向其主管部门通报)). Which grade gets which measure is ``CreditMeasureTable``.
public enum CreditMeasure: String, Codable, CaseIterable, Sendable {
    /// 表彰 — commendation.
    case commendation
    /// 提示 — reminder.
    case reminder
    /// 警示 — warning.
    case warning
    /// 曝光 — public exposure.
    case exposure
    /// 通报主管部门 — notice to the supervising department.
    case noticeToSupervisingDepartment = "notice_to_supervising_department"

    /// "表彰", "提示", "警示", "曝光", "通报主管部门".
    public var chinese: String {
        switch self {
        case .commendation: "表彰"
        case .reminder: "提示"
        case .warning: "警示"
        case .exposure: "曝光"
        case .noticeToSupervisingDepartment: "通报主管部门"
        }
    }
}
