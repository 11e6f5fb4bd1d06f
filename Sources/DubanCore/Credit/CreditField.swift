/// 领域 — the field a record belongs to. The minimum repair period of a penalty depends on it
/// (SPEC A3: 12 months in work safety, fire safety and special equipment, 3 months elsewhere).
public enum CreditField: String, Codable, CaseIterable, Sendable {
    /// 安全生产 — work safety.
    case workSafety = "work_safety"
    /// 消防安全 — fire safety.
    case fireSafety = "fire_safety"
    /// 特种设备 — special equipment (elevators among them, 004 成府发〔2015〕29号).
    case specialEquipment = "special_equipment"
    /// 其他 — any other field.
    case other

    /// "安全生产", "消防安全", "特种设备", "其他".
    public var chinese: String {
        switch self {
        case .workSafety: "安全生产"
        case .fireSafety: "消防安全"
        case .specialEquipment: "特种设备"
        case .other: "其他"
        }
    }
}
