import Foundation

/// A rate measured against its target.
public struct TargetCheck: Hashable, Codable, Sendable {
    /// The rate; nil when there is nothing to measure (no proposal, or none rated).
    public var rate: ExactRate?
    /// The target percentage, met at or above it.
    public var targetPercent: Int
    /// Whether the target is met; nil when `rate` is nil.
    public var met: Bool?

    init(_ rate: ExactRate?, target: Int) {
        self.rate = rate
        self.targetPercent = target
        self.met = rate.map { $0.isAtLeast(percent: target) }
    }
}

/// One host unit's (or the whole district's) proposal figures.
public struct ProposalUnitSummary: Hashable, Codable, Sendable {
    /// The host unit; "全区" for the overall line.
    public var unit: String
    /// Proposals assigned to it as host.
    public var assigned: Int
    /// Replied by the evaluation instant (late replies count; see `repliedLate`).
    public var replied: Int
    /// Of those, replied after the deadline.
    public var repliedLate: Int
    /// Met by the evaluation instant.
    public var met: Int
    /// Rated.
    public var rated: Int
    /// Rated 满意 or 基本满意.
    public var satisfied: Int
    /// Proposals where it is a co-handling unit (for information; rates are the host's).
    public var coHandled: Int
    /// 办复率 = replied / assigned, target 100 %.
    public var replyRate: TargetCheck
    /// 见面率 = met / assigned, target 100 %.
    public var meetingRate: TargetCheck
    /// 满意率 = (满意 + 基本满意) / rated, target ≥ 95 %.
    public var satisfactionRate: TargetCheck
}

/// A proposal past its reply deadline without a reply.
public struct OverdueProposal: Hashable, Codable, Sendable {
    /// The proposal's id.
    public var id: String
    /// The host unit.
    public var hostUnit: String
    /// The deadline.
    public var due: Date
}

/// The proposal supervision at an instant.
public struct ProposalSupervisionReport: Hashable, Codable, Sendable {
    /// All host units together ("全区").
    public var overall: ProposalUnitSummary
    /// Per host unit (and units that only co-handle), by name.
    public var units: [ProposalUnitSummary]
    /// Unreplied proposals past their deadline, by deadline then id.
    public var overdue: [OverdueProposal]
}

/// 议提案督办 (001 阳政办(2018)4号: "确保实现办复率100%、见面率100%、代表委员满意率95%以上").
public enum ProposalSupervision {
    /// The figures at `at`, per host unit and overall.
    ///
    /// 基本满意 counts as satisfied: the district's own hotline rate counts it
    /// (000 阳政办(2017)33号 附件7 item 13: "(非常满意数+满意数+基本满意数)/…"), and the usual
    /// 代表委员意见反馈表 offers 满意 / 基本满意 / 不满意 with the first two as satisfied.
    /// Throws ``SupervisionError`` for a blank or repeated id, a blank host, a host also listed as
    /// co-handler, a deadline before assignment, or a reply period that is not 1–120 months.
    public static func summary(proposals: [ProposalFacts], at: Date, config: ProposalConfig = .standard) throws -> ProposalSupervisionReport {
        guard (1...120).contains(config.replyMonths) else {
            throw SupervisionError.invalidValue(field: "config.replyMonths", chinese: "月数须为 1–120", english: "months must be 1–120")
        }
        for (field, value) in [("config.replyRateTargetPercent", config.replyRateTargetPercent),
                               ("config.meetingRateTargetPercent", config.meetingRateTargetPercent),
                               ("config.satisfactionTargetPercent", config.satisfactionTargetPercent)]
        where !(0...100).contains(value) {
            throw SupervisionError.invalidValue(field: field, chinese: "百分比须为 0–100", english: "a percentage must be 0–100")
        }
        var ids = Set<String>()
        var overdue: [OverdueProposal] = []
        var tallies: [String: Tally] = [:]
        var overall = Tally()
        for (index, proposal) in proposals.enumerated() {
            let field = "proposals[\(index)]"
            if proposal.id.trimmingCharacters(in: .whitespaces).isEmpty { throw SupervisionError.missingField("\(field).id") }
            if !ids.insert(proposal.id).inserted { throw SupervisionError.duplicateID(field: "\(field).id", id: proposal.id) }
            if proposal.hostUnit.trimmingCharacters(in: .whitespaces).isEmpty {
                throw SupervisionError.missingField("\(field).hostUnit")
            }
            if proposal.coUnits.contains(proposal.hostUnit) {
                throw SupervisionError.invalidValue(field: "\(field).coUnits", chinese: "主办单位不能同时为会办单位",
                                                    english: "the host unit cannot also be a co-handling unit")
            }
            if let dueOn = proposal.dueOn, dueOn < proposal.assignedOn {
                throw SupervisionError.invalidValue(field: "\(field).dueOn", chinese: "办复期限早于交办日期",
                                                    english: "the due date is before the assignment date")
            }
            let due = config.replyDue(of: proposal)
            let replied = proposal.repliedAt.map { $0 <= at } == true
            let late = replied && zip2(proposal.repliedAt, due).map { $0 > $1 } == true
            if !replied, let due, at > due {
                overdue.append(OverdueProposal(id: proposal.id, hostUnit: proposal.hostUnit, due: due))
            }
            let counts = Tally(assigned: 1, replied: replied ? 1 : 0, repliedLate: late ? 1 : 0,
                               met: proposal.metAt.map { $0 <= at } == true ? 1 : 0,
                               rated: proposal.satisfaction == nil ? 0 : 1,
                               satisfied: [.satisfied, .basicallySatisfied].contains(proposal.satisfaction) ? 1 : 0)
            tallies[proposal.hostUnit, default: Tally()].add(counts)
            overall.add(counts)
            for unit in Set(proposal.coUnits) {
                tallies[unit, default: Tally()].coHandled += 1
            }
        }
        return ProposalSupervisionReport(
            overall: overall.summary("全区", config),
            units: tallies.keys.sorted().map { tallies[$0, default: Tally()].summary($0, config) },
            overdue: overdue.sorted { $0.due != $1.due ? $0.due < $1.due : $0.id < $1.id })
    }

    /// Both values, or nil.
    private static func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
        guard let a, let b else { return nil }
        return (a, b)
    }

    /// Counts being summed.
    private struct Tally {
        var assigned = 0, replied = 0, repliedLate = 0, met = 0, rated = 0, satisfied = 0, coHandled = 0

        mutating func add(_ other: Tally) {
            assigned += other.assigned
            replied += other.replied
            repliedLate += other.repliedLate
            met += other.met
            rated += other.rated
            satisfied += other.satisfied
            coHandled += other.coHandled
        }

        func summary(_ unit: String, _ config: ProposalConfig) -> ProposalUnitSummary {
            ProposalUnitSummary(
                unit: unit, assigned: assigned, replied: replied, repliedLate: repliedLate, met: met, rated: rated,
                satisfied: satisfied, coHandled: coHandled,
                replyRate: TargetCheck(ExactRate(replied, of: assigned), target: config.replyRateTargetPercent),
                meetingRate: TargetCheck(ExactRate(met, of: assigned), target: config.meetingRateTargetPercent),
                satisfactionRate: TargetCheck(ExactRate(satisfied, of: rated), target: config.satisfactionTargetPercent))
        }
    }
}
