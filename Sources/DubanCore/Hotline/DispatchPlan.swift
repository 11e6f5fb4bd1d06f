/// 转办 — who a case goes to. The hotline names the first-responsible unit (首办责任单位); a case that
/// several units share, or whose unit is unclear, gets a lead unit (主责单位/牵头部门) named by the
/// district government office (000 阳政办〔2017〕33号 附件2 第三条(一)(二): "首办责任单位由区信息网络中心指定";
/// "对存在职能交叉,需要多部门联动处置或无法确认处置单位的群众投诉件,由区信息网络中心提交区政府办指定主责单位
/// 或牵头部门"). In Duban the naming is a supervisor's act (SPEC §1: 区政府办督查室/督办科).
public struct DispatchPlan: Hashable, Codable, Sendable {
    /// The units the case goes to, first-responsible first; one for an ordinary case.
    public var units: [String]
    /// The lead unit of a cross-department case; nil for a single unit.
    public var leadUnit: String?

    public init(units: [String], leadUnit: String? = nil) {
        self.units = units
        self.leadUnit = leadUnit
    }

    /// Whether the case involves more than one unit.
    public var isCrossDepartment: Bool { distinctUnits.count > 1 }

    /// The unit answerable for the result: the lead unit of a cross-department case, else the only unit.
    public var responsibleUnit: String? {
        isCrossDepartment ? leadUnit.map(TextNormalization.clean) : distinctUnits.first
    }

    /// Checks the plan: at least one unit; for several units a lead unit among them, named by a
    /// supervisor (or an admin); `namedBy` is the role of whoever set `leadUnit`.
    public func validate(namedBy role: Role?) throws(HotlineError) {
        let units = distinctUnits
        guard !units.isEmpty else { throw .required(field: "units") }
        guard units.count > 1 else { return }
        guard let lead = leadUnit.map(TextNormalization.clean), units.contains(lead) else { throw .leadUnitRequired }
        guard role == .supervisor || role == .admin else {
            throw .invalidValue(field: "leadUnit", chinese: "主责单位须由区政府办（督查）指定",
                                english: "the lead unit is named by a supervisor (the district government office)")
        }
    }

    /// The units, trimmed, blanks and repeats removed, in order.
    private var distinctUnits: [String] {
        var seen = Set<String>()
        return units.map(TextNormalization.clean).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
