/// 诉求紧急程度 — how fast a case must be dispatched and answered. The four classes are those of the
/// Beijing 12345 service standard (北京市《12345热线服务与管理规范》): "突发事件和可能造成生命财产损失的诉求",
/// "水电气热等及时性诉求", "一般诉求", "复杂疑难诉求". The seed has no classes of its own; its only
/// speed rule is the 30-minute transfer of major emergencies (``HotlineLimits/majorEventDispatchMinutes``).
public enum HotlineUrgency: String, CaseIterable, Codable, Sendable {
    /// 紧急 — emergencies and threats to life or property.
    case emergency
    /// 水电气热 — utilities and other time-critical matters of daily life.
    case utilities
    /// 一般 — general matters.
    case general
    /// 复杂疑难 — complex matters.
    case complex

    /// "紧急", "水电气热等及时性", "一般", "复杂疑难".
    public var chinese: String {
        switch self {
        case .emergency: "紧急"
        case .utilities: "水电气热等及时性"
        case .general: "一般"
        case .complex: "复杂疑难"
        }
    }
}
