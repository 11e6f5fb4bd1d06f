import Foundation

/// 重大事件 — the kinds of sudden event the call taker must treat as major (000 阳政办〔2017〕33号 附件1
/// 二(二)5: "对突发自然灾害、恶劣天气、突发群体事件、重大疾病疫情、突发医疗卫生事件、安全事故、暴恐威胁、或其他
/// 危及人民群众生活和安全的突发事件等等,列为'重大事件'").
public enum MajorEventKind: String, CaseIterable, Codable, Sendable {
    case naturalDisaster = "natural_disaster"
    case severeWeather = "severe_weather"
    case massIncident = "mass_incident"
    case epidemic
    case publicHealthEmergency = "public_health_emergency"
    case safetyAccident = "safety_accident"
    case terrorThreat = "terror_threat"
    case otherThreat = "other_threat"

    /// The seed's words.
    public var chinese: String {
        switch self {
        case .naturalDisaster: "突发自然灾害"
        case .severeWeather: "恶劣天气"
        case .massIncident: "突发群体事件"
        case .epidemic: "重大疾病疫情"
        case .publicHealthEmergency: "突发医疗卫生事件"
        case .safetyAccident: "安全事故"
        case .terrorThreat: "暴恐威胁"
        case .otherThreat: "其他危及人民群众生活和安全的突发事件"
        }
    }
}

/// The major-event rules: what makes a case one, how fast it is dispatched, and who is told.
/// Sending to every unit and alerting screens is the server's; the rules are here.
public enum MajorEventRule {
    /// 附件5 第四条(三): "(重大紧急事件半小时内)交办、转办" — dispatched within 30 minutes (A1 `minutes`).
    public static let dispatchLimit = HotlineTimeLimit(HotlineLimits.majorEventDispatchMinutes, .minutes)

    /// The duty offices the shift leader reports to (附件1 二(二)5: "立即上报值班长;值班管理人员立即报区政府
    /// 应急办或区政府值班室"), as the demo directory names them; a Duban default the server may override.
    public static let defaultDutyOffices = ["汉阳区人民政府应急管理办公室", "汉阳区人民政府值班室"]

    /// Whether a case is a major event: the call taker flagged it, or its category is a major-event one.
    public static func isMajorEvent(flagged: Bool, category: HotlineCategory?) -> Bool {
        flagged || category?.majorEvent == true
    }

    /// Everyone a major event goes to at once: each unit concerned (附件1 二(二)5: "如重大事件涉及多个处理
    /// 单位或部门,应逐个转办"), then the duty offices; trimmed, blanks and repeats removed, in order.
    public static func recipients(concernedUnits: [String], dutyOffices: [String] = defaultDutyOffices) -> [String] {
        var seen = Set<String>()
        return (concernedUnits + dutyOffices).map(TextNormalization.clean).filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// One line of a dispatcher's queue.
public struct DispatchQueueEntry: Hashable, Sendable {
    public var caseID: String
    /// A major event this dispatcher has not yet acknowledged.
    public var unacknowledgedMajorEvent: Bool
    /// When the case must be dispatched, if set.
    public var dispatchDue: Date?
    public var receivedAt: Date

    public init(caseID: String, unacknowledgedMajorEvent: Bool, dispatchDue: Date?, receivedAt: Date) {
        self.caseID = caseID
        self.unacknowledgedMajorEvent = unacknowledgedMajorEvent
        self.dispatchDue = dispatchDue
        self.receivedAt = receivedAt
    }
}

/// The order of a dispatcher's screen: unacknowledged major events pinned at the top (oldest first,
/// as the longest-waiting is the most urgent), then the rest by dispatch deadline (none last), then
/// receipt, then id.
public enum DispatchQueueOrder {
    public static func sorted(_ entries: [DispatchQueueEntry]) -> [DispatchQueueEntry] {
        entries.sorted { lhs, rhs in
            if lhs.unacknowledgedMajorEvent != rhs.unacknowledgedMajorEvent { return lhs.unacknowledgedMajorEvent }
            if !lhs.unacknowledgedMajorEvent, lhs.dispatchDue != rhs.dispatchDue {
                guard let left = lhs.dispatchDue else { return false }
                guard let right = rhs.dispatchDue else { return true }
                return left < right
            }
            if lhs.receivedAt != rhs.receivedAt { return lhs.receivedAt < rhs.receivedAt }
            return lhs.caseID < rhs.caseID
        }
    }
}
