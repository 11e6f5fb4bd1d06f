/// What a supervised item (督办事项) is (SPEC M3). All kinds share one life cycle, ``ItemMachine``;
/// they differ only by their ``ItemPolicy``.
public enum ItemKind: String, Codable, CaseIterable, Sendable {
    /// 隐患 — a safety hazard found by inspection, self-inspection or complaint
    /// (000 阳政办(2017)45号; 003 仙游 隐患排查治理).
    case hazard
    /// 抄送/移送 — a violation referred from one department to another, with feedback to the sender
    /// (002 篇1 多部门消防安全联合监督管理系统).
    case referral
    /// 目标任务 — a task from a responsibility breakdown (001 阳政办(2018)10号/11号).
    case task
    /// 问题清单 — a rectification problem from a self-check or inspection list (003 C/E).
    case problem
    /// 热线工单 — a citizen's call to the district hotline, handled by a unit and checked by a follow-up
    /// call (000 阳政办(2017)33号 附件1–7; SPEC M4).
    case hotline

    /// "隐患", "抄送件", "目标任务", "问题".
    public var chinese: String {
        switch self {
        case .hazard: "隐患"
        case .referral: "抄送件"
        case .task: "目标任务"
        case .problem: "问题"
        case .hotline: "热线工单"
        }
    }
}
