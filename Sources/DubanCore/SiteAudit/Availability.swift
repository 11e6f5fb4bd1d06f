import Foundation

/// One availability probe of a home page.
public struct AvailabilityProbe: Sendable, Codable, Equatable {
    public var at: Date
    /// Seconds until the page was fully received (or the request gave up).
    public var seconds: Double
    /// HTTP status, nil when no response came.
    public var status: Int?

    public init(at: Date, seconds: Double, status: Int?) {
        self.at = at
        self.seconds = seconds
        self.status = status
    }

    /// "超过（含）15秒网站仍打不开" (000 阳政办(2017)46号 附件2, 站点无法访问): a probe fails when the page
    /// did not open — no response, an error status — or took `slowSeconds` or more.
    public func failed(slowSeconds: Double) -> Bool {
        guard let status, (200..<400).contains(status) else { return true }
        return seconds >= slowSeconds
    }
}

/// The standard's availability rules (000 阳政办(2017)46号 附件2, 单项否决 › 站点无法访问 and 网站可用性 ›
/// 首页可用性): "监测1周，每天间隔性访问20次以上，超过（含）15秒网站仍打不开的次数比例累计超过（含）5%，即单项
/// 否决" and "…比例每1%扣5分".
public struct AvailabilityRules: Sendable, Equatable, Codable {
    public var days = 7
    public var probesPerDay = 20
    public var slowSeconds = 15.0
    public var vetoPercent = 5
    public var tenthsPerPercent = 50

    public init() {}
    public init(slowSeconds: Double) { self.slowSeconds = slowSeconds }
}

/// Availability over the monitored week.
public struct AvailabilitySummary: Sendable, Codable, Equatable {
    public var firstDay: LocalDate
    public var lastDay: LocalDate
    public var probes: Int
    public var failures: Int
    /// China-time days of the window with fewer probes than the rule asks.
    public var shortDays: [LocalDate]
    /// Failures as a whole percentage, rounded down ("每1%": each full percent).
    public var failurePercent: Int
    /// Whether the week was monitored as the standard asks (every day ≥ 20 probes).
    public var sufficient: Bool
    public var veto: Bool
    public var deductionTenths: Int

    /// Evaluates the probes of the `rules.days` China-time days ending with `lastDay` (both included).
    /// Probes outside the window are ignored. An insufficiently monitored week gives no veto and no
    /// deduction: the standard's test has not been met, so the summary says so instead.
    public static func evaluate(_ probes: [AvailabilityProbe], lastDay: LocalDate, rules: AvailabilityRules = AvailabilityRules()) -> AvailabilitySummary {
        let firstDay = lastDay.adding(days: -(rules.days - 1)) ?? lastDay
        var perDay: [LocalDate: Int] = [:]
        var total = 0, failures = 0
        for probe in probes {
            guard let day = LocalDate(chinaTimeOf: probe.at), day >= firstDay, day <= lastDay else { continue }
            perDay[day, default: 0] += 1
            total += 1
            if probe.failed(slowSeconds: rules.slowSeconds) { failures += 1 }
        }
        var shortDays: [LocalDate] = []
        var day = firstDay
        while day <= lastDay {
            if perDay[day, default: 0] < rules.probesPerDay { shortDays.append(day) }
            guard let next = day.adding(days: 1) else { break }
            day = next
        }
        let percent = total == 0 ? 0 : failures * 100 / total
        let sufficient = shortDays.isEmpty
        // Integer comparison: failures / total ≥ 5 % ⇔ 100 × failures ≥ 5 × total.
        let veto = sufficient && failures * 100 >= rules.vetoPercent * total
        let deduction = sufficient && !veto ? percent * rules.tenthsPerPercent : 0
        return AvailabilitySummary(firstDay: firstDay, lastDay: lastDay, probes: total, failures: failures, shortDays: shortDays,
                                   failurePercent: percent, sufficient: sufficient, veto: veto, deductionTenths: deduction)
    }
}
