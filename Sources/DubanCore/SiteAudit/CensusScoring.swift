import Foundation

/// A link that did not open: "打不开或错误的" (000 阳政办(2017)46号 附件2, 链接可用性).
public struct BrokenLink: Sendable, Codable, Equatable {
    public var url: String
    /// The page the link was found on.
    public var foundOn: String
    public var onHomePage: Bool
    public var status: Int?
    /// Why it failed when there was no status: timeout, connection refused, …
    public var error: String?

    public init(url: String, foundOn: String, onHomePage: Bool, status: Int?, error: String?) {
        self.url = url
        self.foundOn = foundOn
        self.onHomePage = onHomePage
        self.status = status
        self.error = error
    }
}

/// A service-guide page as the crawler saw it.
public struct GuideObservation: Sendable, Codable, Equatable {
    public var url: String
    public var status: Int?
    public var missing: [GuideElement]
    /// Attachment links on the guide that could not be downloaded.
    public var brokenAttachments: [BrokenLink]

    public init(url: String, status: Int?, missing: [GuideElement], brokenAttachments: [BrokenLink]) {
        self.url = url
        self.status = status
        self.missing = missing
        self.brokenAttachments = brokenAttachments
    }
}

/// An online application or query system (在线申报和查询系统) named in the configuration.
public struct OnlineSystemObservation: Sendable, Codable, Equatable {
    public var url: String
    public var status: Int?
    public var error: String?

    public init(url: String, status: Int?, error: String?) {
        self.url = url
        self.status = status
        self.error = error
    }

    public var reachable: Bool { status.map { (200..<400).contains($0) } ?? false }
}

/// Everything a census check needs, as observed; the scoring below is pure.
public struct CensusFacts: Sendable, Codable, Equatable {
    /// The monitoring date (监测时间点), China time.
    public var auditDate: LocalDate
    public var homeURL: String
    public var homeStatus: Int?
    public var homeError: String?
    /// Every publication date shown on the home page (one per entry).
    public var homeDates: [LocalDate]
    public var brokenLinks: [BrokenLink]
    public var columns: [ColumnObservation]
    public var guides: [GuideObservation]
    public var onlineSystems: [OnlineSystemObservation]
    public var availability: AvailabilitySummary?

    public init(auditDate: LocalDate, homeURL: String, homeStatus: Int?, homeError: String? = nil, homeDates: [LocalDate],
                brokenLinks: [BrokenLink] = [], columns: [ColumnObservation] = [], guides: [GuideObservation] = [],
                onlineSystems: [OnlineSystemObservation] = [], availability: AvailabilitySummary? = nil) {
        self.auditDate = auditDate
        self.homeURL = homeURL
        self.homeStatus = homeStatus
        self.homeError = homeError
        self.homeDates = homeDates
        self.brokenLinks = brokenLinks
        self.columns = columns
        self.guides = guides
        self.onlineSystems = onlineSystems
        self.availability = availability
    }

    public var homeReachable: Bool { homeStatus.map { (200..<300).contains($0) } ?? false }
}

/// One piece of evidence: where, what status, which date.
public struct CensusEvidence: Sendable, Codable, Equatable {
    public var url: String
    public var status: Int?
    public var date: LocalDate?
    public var detail: String

    public init(url: String, status: Int? = nil, date: LocalDate? = nil, detail: String) {
        self.url = url
        self.status = status
        self.date = date
        self.detail = detail
    }
}

/// A veto or a deduction, with the standard's words it applies and its evidence.
public struct CensusFinding: Sendable, Codable, Equatable {
    /// Stable code: `veto.unreachable`, `deduct.home_links`, …
    public var code: String
    /// 一级指标 › 二级指标.
    public var indicator: String
    /// The rule as the standard words it.
    public var rule: String
    /// Deducted tenths of a point (0 for a veto).
    public var tenths: Int
    public var evidence: [CensusEvidence]

    public var points: Double { Double(tenths) / 10 }
}

/// The result of a census check (000 阳政办(2017)46号 附件2, 全国政府网站普查评分标准).
public struct CensusReport: Sendable, Codable, Equatable {
    public var auditDate: LocalDate
    public var homeURL: String
    public var vetoes: [CensusFinding]
    public var deductions: [CensusFinding]
    /// Sum of the deductions, in tenths of a point.
    public var deductedTenths: Int
    /// 100 minus the deductions, floored at 0, in tenths.
    public var scoreTenths: Int
    /// No veto and fewer deducted points than `failAtDeducted`.
    public var passed: Bool
    /// The pass mark used: deductions of this many points or more fail the site.
    public var failAtDeducted: Int
    /// Indicators that need a person (serious errors, interaction, accuracy): not scored by the tool.
    public var notAssessed: [String]

    public var score: Double { Double(scoreTenths) / 10 }
    public var deducted: Double { Double(deductedTenths) / 10 }
}

public enum CensusScoring {
    /// Duban's default pass mark: a site with no veto fails when its deductions reach 40 points. The seed
    /// gives the deductions but no pass mark; 40 follows the national census practice (国办函〔2015〕15号
    /// 普查结果判定) and is an adjustable setting, not law.
    public static let defaultFailAtDeducted = 40

    public static let manualIndicators = [
        "单项否决 › 严重错误（严重错别字、虚假或伪造内容、反动暴力色情内容）：需人工审读",
        "单项否决 › 互动回应差（政务咨询类栏目超过三个月未回应）：需人工核查",
        "信息更新情况 › 基本信息不准确（每发现1次扣1分）：需人工核查",
        "互动回应情况 › 政务咨询类、调查征集类、互动访谈类栏目：需人工核查",
        "服务实用情况 › 办事指南要素内容不准确（每发现一项扣1分）：需人工核查",
    ]

    public static func score(_ facts: CensusFacts, failAtDeducted: Int = defaultFailAtDeducted) -> CensusReport {
        var vetoes: [CensusFinding] = []
        var deductions: [CensusFinding] = []
        let date = facts.auditDate

        // 单项否决 › 站点无法访问 / 网站可用性 › 首页可用性 (see AvailabilitySummary).
        if let availability = facts.availability, availability.sufficient {
            let evidence = CensusEvidence(url: facts.homeURL, detail:
                "\(availability.firstDay)至\(availability.lastDay)监测\(availability.probes)次，打不开\(availability.failures)次（\(availability.failurePercent)%）")
            if availability.veto {
                vetoes.append(CensusFinding(code: "veto.unreachable", indicator: "单项否决 › 站点无法访问",
                                            rule: "监测1周，每天间隔性访问20次以上，超过（含）15秒网站仍打不开的次数比例累计超过（含）5%",
                                            tenths: 0, evidence: [evidence]))
            } else if availability.deductionTenths > 0 {
                deductions.append(CensusFinding(code: "deduct.home_availability", indicator: "网站可用性 › 首页可用性",
                                                rule: "首页打不开的次数比例每1%扣5分", tenths: availability.deductionTenths, evidence: [evidence]))
            }
        }

        // 单项否决 › 网站不更新 / 信息更新情况 › 首页栏目: updates on the home page within 2 weeks.
        let twoWeeks = ColumnType.news.windowStart(auditDate: date)
        let homeUpdates = facts.homeDates.filter { $0 >= twoWeeks && $0 <= date }
        if !facts.homeReachable || homeUpdates.isEmpty {
            let latest = facts.homeDates.filter { $0 <= date }.max()
            vetoes.append(CensusFinding(code: "veto.home_not_updated", indicator: "单项否决 › 网站不更新",
                                        rule: "监测2周，首页栏目无信息更新的，即单项否决（未注明信息发布时间的视为不更新）", tenths: 0,
                                        evidence: [CensusEvidence(url: facts.homeURL, status: facts.homeStatus, date: latest,
                                                                  detail: facts.homeReachable ? "\(twoWeeks)至\(date)首页无更新" : "首页无法访问")]))
        } else if homeUpdates.count < 10 {
            deductions.append(CensusFinding(code: "deduct.home_updates", indicator: "信息更新情况 › 首页栏目",
                                            rule: "监测2周，首页栏目信息更新总量少于10条的，扣5分", tenths: 50,
                                            evidence: [CensusEvidence(url: facts.homeURL, status: facts.homeStatus, date: homeUpdates.max(),
                                                                      detail: "\(twoWeeks)至\(date)首页更新\(homeUpdates.count)条")]))
        }

        // 单项否决 › 栏目不更新, and 信息更新情况 › 基本信息 (per column type).
        let stale = facts.columns.filter { !$0.isFresh(auditDate: date) }
        func columnEvidence(_ column: ColumnObservation) -> CensusEvidence {
            let latest = column.latest(auditDate: date)
            let detail: String
            if !column.reachable { detail = "\(column.spec.name)（\(column.spec.type.label)）无法访问" }
            else if let latest { detail = "\(column.spec.name)（\(column.spec.type.label)）最近更新\(latest)，\(column.spec.type.windowLabel)内未更新" }
            else { detail = "\(column.spec.name)（\(column.spec.type.label)）未注明发布时间，视为不更新" }
            return CensusEvidence(url: column.spec.url, status: column.status, date: latest, detail: detail)
        }
        let staleDynamic = stale.filter { $0.spec.type.countsForDynamicVeto }
        if staleDynamic.count >= 5 {
            vetoes.append(CensusFinding(code: "veto.dynamic_columns", indicator: "单项否决 › 栏目不更新",
                                        rule: "监测时间点前2周内的动态、要闻类栏目，以及监测时间点前6个月内的通知公告、政策文件类栏目，累计超过（含）5个未更新",
                                        tenths: 0, evidence: staleDynamic.map(columnEvidence)))
        }
        if stale.count >= 10 {
            vetoes.append(CensusFinding(code: "veto.stale_columns", indicator: "单项否决 › 栏目不更新",
                                        rule: "网站中应更新但长期未更新的栏目数超过（含）10个", tenths: 0, evidence: stale.map(columnEvidence)))
        }
        let blank = facts.columns.filter(\.isBlank)
        if blank.count >= 5 {
            vetoes.append(CensusFinding(code: "veto.blank_columns", indicator: "单项否决 › 栏目不更新",
                                        rule: "空白栏目数量超过（含）5个", tenths: 0, evidence: blank.map(columnEvidence)))
        }
        for type in ColumnType.allCases {
            let ofType = stale.filter { $0.spec.type == type }
            guard !ofType.isEmpty else { continue }
            let rule: String
            switch type {
            case .news: rule = "监测时间点前2周内，动态、要闻类信息，每发现1个栏目未更新的，扣3分"
            case .notice, .policy: rule = "监测时间点前6个月内，通知公告、政策文件类信息，每发现1个栏目未更新的，扣4分"
            case .personnel, .plan: rule = "监测时间点前1年内，人事、规划计划类信息，每发现1个栏目未更新的，扣5分"
            }
            deductions.append(CensusFinding(code: "deduct.columns.\(type.rawValue)", indicator: "信息更新情况 › 基本信息（\(type.label)）",
                                            rule: rule, tenths: type.deductionTenths * ofType.count, evidence: ofType.map(columnEvidence)))
        }

        // 网站可用性 › 链接可用性: each broken target once, 1 point on the home page, 0.1 elsewhere.
        var homeBroken: [BrokenLink] = []
        var otherBroken: [BrokenLink] = []
        var seenHome = Set<String>(), seenOther = Set<String>()
        for link in facts.brokenLinks where link.onHomePage {
            if seenHome.insert(link.url).inserted { homeBroken.append(link) }
        }
        for link in facts.brokenLinks where !link.onHomePage && !seenHome.contains(link.url) {
            if seenOther.insert(link.url).inserted { otherBroken.append(link) }
        }
        func linkEvidence(_ link: BrokenLink) -> CensusEvidence {
            CensusEvidence(url: link.url, status: link.status,
                           detail: "见于 \(link.foundOn)" + (link.error.map { "：\($0)" } ?? (link.status.map { "：HTTP \($0)" } ?? "")))
        }
        if !homeBroken.isEmpty {
            deductions.append(CensusFinding(code: "deduct.home_links", indicator: "网站可用性 › 链接可用性（首页）",
                                            rule: "首页上的链接（包括图片、附件、外部链接等），每发现一个打不开或错误的，扣1分",
                                            tenths: 10 * homeBroken.count, evidence: homeBroken.map(linkEvidence)))
        }
        if !otherBroken.isEmpty {
            deductions.append(CensusFinding(code: "deduct.other_links", indicator: "网站可用性 › 链接可用性（其他页面）",
                                            rule: "其他页面的链接（包括图片、附件、外部链接等），每发现一个打不开或错误的，扣0.1分",
                                            tenths: otherBroken.count, evidence: otherBroken.map(linkEvidence)))
        }

        // 服务实用情况 › 办事指南: each missing element category −2; 附件下载: each attachment −1.
        var guideEvidence: [CensusEvidence] = []
        var missingCount = 0
        var attachmentEvidence: [CensusEvidence] = []
        for guide in facts.guides {
            for element in guide.missing {
                missingCount += 1
                guideEvidence.append(CensusEvidence(url: guide.url, status: guide.status, detail: "缺少要素：\(element.label)"))
            }
            for attachment in guide.brokenAttachments { attachmentEvidence.append(linkEvidence(attachment)) }
        }
        if missingCount > 0 {
            deductions.append(CensusFinding(code: "deduct.guide_elements", indicator: "服务实用情况 › 办事指南",
                                            rule: "办事指南要素类别缺失的（事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程等），每发现一类扣2分",
                                            tenths: 20 * missingCount, evidence: guideEvidence))
        }
        if !attachmentEvidence.isEmpty {
            deductions.append(CensusFinding(code: "deduct.attachments", indicator: "服务实用情况 › 附件下载",
                                            rule: "办事表格、文件附件等无法下载的，每发现一次扣1分",
                                            tenths: 10 * attachmentEvidence.count, evidence: attachmentEvidence))
        }

        // 服务实用情况 › 在线系统: each unreachable system −3.
        let down = facts.onlineSystems.filter { !$0.reachable }
        if !down.isEmpty {
            deductions.append(CensusFinding(code: "deduct.online_systems", indicator: "服务实用情况 › 在线系统",
                                            rule: "在线申报或查询系统不能访问的，每发现一个扣3分", tenths: 30 * down.count,
                                            evidence: down.map { CensusEvidence(url: $0.url, status: $0.status, detail: $0.error ?? "无法访问") }))
        }

        let deducted = deductions.reduce(0) { $0 + $1.tenths }
        let score = max(0, 1000 - deducted)
        var notAssessed = manualIndicators
        if facts.availability == nil {
            notAssessed.insert("单项否决 › 站点无法访问 / 网站可用性 › 首页可用性：无可用性监测数据", at: 0)
        } else if let availability = facts.availability, !availability.sufficient {
            notAssessed.insert("单项否决 › 站点无法访问 / 网站可用性 › 首页可用性：\(availability.firstDay)至\(availability.lastDay)有\(availability.shortDays.count)天监测不足20次", at: 0)
        }
        return CensusReport(auditDate: date, homeURL: facts.homeURL, vetoes: vetoes, deductions: deductions, deductedTenths: deducted,
                            scoreTenths: score, passed: vetoes.isEmpty && deducted < failAtDeducted * 10, failAtDeducted: failAtDeducted,
                            notAssessed: notAssessed)
    }
}
