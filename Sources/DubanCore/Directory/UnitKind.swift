/// What kind of organisation a unit is.
public enum UnitKind: String, Codable, CaseIterable, Sendable {
    /// 部门 — a district department or agency (区发改委, 区城管委…).
    case department
    /// 街道 — a street (sub-district) office.
    case street
    /// 管委会 / 社区 — a management committee or community committee.
    case committee
    /// 企业 / 社会单位 — a supervised enterprise or social unit; carries a credit code.
    case enterprise
    /// Anything else (the district government itself, a hospital, a school…).
    case other
}

/// 议事协调机构 — the kind of a coordination body.
public enum BodyKind: String, Codable, CaseIterable, Sendable {
    case leadingGroup = "领导小组"
    case committee = "委员会"
    case jointMeeting = "联席会议"
    case headquarters = "指挥部"
}
