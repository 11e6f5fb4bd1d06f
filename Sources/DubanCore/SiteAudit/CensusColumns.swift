import Foundation

/// Column types of the census standard's freshness rules and how long each may go without an update
/// (000 阳政办(2017)46号 附件2, 信息更新情况 › 基本信息):
/// "监测时间点前2周内，动态、要闻类信息，每发现1个栏目未更新的，扣3分；监测时间点前6个月内，通知公告、
/// 政策文件类信息，每发现1个栏目未更新的，扣4分；监测时间点前1年内，人事、规划计划类信息，每发现1个栏目
/// 未更新的，扣5分".
public enum ColumnType: String, Sendable, Codable, CaseIterable, Equatable {
    case news, notice, policy, personnel, plan

    public var label: String {
        switch self {
        case .news: "动态、要闻"
        case .notice: "通知公告"
        case .policy: "政策文件"
        case .personnel: "人事"
        case .plan: "规划计划"
        }
    }

    /// Deduction in tenths of a point for one stale column of this type.
    public var deductionTenths: Int {
        switch self {
        case .news: 30
        case .notice, .policy: 40
        case .personnel, .plan: 50
        }
    }

    /// The first day of the window "监测时间点前××内" ending on `auditDate`. The standard's note: "监测时间点为
    /// 3月1日，‘监测时间点前2个月内’，是指1月1日至3月1日" — the window counts back from the audit date
    /// (months by calendar, clamped to the month's end), both ends included.
    public func windowStart(auditDate: LocalDate) -> LocalDate {
        switch self {
        case .news: auditDate.adding(days: -14) ?? auditDate
        case .notice, .policy: auditDate.adding(months: -6) ?? auditDate
        case .personnel, .plan: auditDate.adding(months: -12) ?? auditDate
        }
    }

    public var windowLabel: String {
        switch self {
        case .news: "2周"
        case .notice, .policy: "6个月"
        case .personnel, .plan: "1年"
        }
    }

    /// Whether the column counts toward the veto "动态、要闻类栏目…通知公告、政策文件类栏目，累计超过（含）5个未更新".
    public var countsForDynamicVeto: Bool { self == .news || self == .notice || self == .policy }
}

/// One column named in the audit configuration.
public struct ColumnSpec: Sendable, Codable, Equatable {
    public var name: String
    public var url: String
    public var type: ColumnType

    public init(name: String, url: String, type: ColumnType) {
        self.name = name
        self.url = url
        self.type = type
    }
}

/// What the crawler saw of one configured column.
public struct ColumnObservation: Sendable, Codable, Equatable {
    public var spec: ColumnSpec
    /// HTTP status, nil when the request failed.
    public var status: Int?
    /// Every publication date found on the column page.
    public var dates: [LocalDate]

    public init(spec: ColumnSpec, status: Int?, dates: [LocalDate]) {
        self.spec = spec
        self.status = status
        self.dates = dates
    }

    public var reachable: Bool { status.map { (200..<300).contains($0) } ?? false }

    /// The newest date not after the audit date (later dates are events announced, not publications).
    public func latest(auditDate: LocalDate) -> LocalDate? { dates.filter { $0 <= auditDate }.max() }

    /// Updated within its type's window; an unreachable or undated column is not ("未注明信息发布时间的视为不更新").
    public func isFresh(auditDate: LocalDate) -> Bool {
        guard reachable, let latest = latest(auditDate: auditDate) else { return false }
        return latest >= spec.type.windowStart(auditDate: auditDate)
    }

    /// A column page that shows no dated entry at all: "空白栏目（有栏目无内容）".
    public var isBlank: Bool { reachable && dates.isEmpty }
}

/// The service-guide (办事指南) element categories of the standard: "要素类别包括事项名称、设定依据、申请条件、
/// 办理材料、办理地点、办理时间、联系电话、办理流程等" (000 阳政办(2017)46号 附件2, 服务实用情况 › 办事指南),
/// each with the other names the district's own notice uses for it (same document, 二（二）: "事项名称、
/// 法律依据、受理范围、办理机构、受理条件、办理时限、所需材料、收费依据及标准、办理窗口和地址、咨询与监督投诉电话").
public enum GuideElement: String, Sendable, Codable, CaseIterable, Equatable {
    case itemName, legalBasis, conditions, materials, place, hours, phone, procedure

    public var label: String {
        switch self {
        case .itemName: "事项名称"
        case .legalBasis: "设定依据"
        case .conditions: "申请条件"
        case .materials: "办理材料"
        case .place: "办理地点"
        case .hours: "办理时间"
        case .phone: "联系电话"
        case .procedure: "办理流程"
        }
    }

    /// Headings that show the element is present.
    public var synonyms: [String] {
        switch self {
        case .itemName: ["事项名称"]
        case .legalBasis: ["设定依据", "法律依据", "办理依据", "政策依据"]
        case .conditions: ["申请条件", "受理条件", "办理条件"]
        case .materials: ["办理材料", "所需材料", "申请材料", "申报材料"]
        case .place: ["办理地点", "办理地址", "办理窗口", "受理地点"]
        case .hours: ["办理时间", "受理时间", "办公时间"]
        case .phone: ["联系电话", "咨询电话", "咨询与监督投诉电话", "监督电话", "投诉电话"]
        case .procedure: ["办理流程", "办事流程", "办理程序"]
        }
    }

    /// The categories missing from a guide page's visible text.
    public static func missing(in text: String) -> [GuideElement] {
        let compact = text.filter { !$0.isWhitespace }
        return allCases.filter { element in !element.synonyms.contains { compact.contains($0) } }
    }
}

/// File types treated as downloadable attachments of a service guide (办事表格、文件附件).
public enum Attachments {
    public static let extensions: Set<String> = ["doc", "docx", "xls", "xlsx", "pdf", "zip", "rar", "wps", "et", "ofd", "txt", "7z"]

    public static func isAttachment(_ url: String) -> Bool {
        var path = url
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }
}

/// The audit configuration (`--config`, JSON): the columns to check for freshness, the service-guide
/// pages, and the online systems. Every field is optional.
public struct SiteAuditConfig: Sendable, Codable, Equatable {
    public var columns: [ColumnSpec]
    public var guides: [String]
    public var onlineSystems: [String]

    public init(columns: [ColumnSpec] = [], guides: [String] = [], onlineSystems: [String] = []) {
        self.columns = columns
        self.guides = guides
        self.onlineSystems = onlineSystems
    }

    enum CodingKeys: String, CodingKey { case columns, guides, onlineSystems }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        columns = try container.decodeIfPresent([ColumnSpec].self, forKey: .columns) ?? []
        guides = try container.decodeIfPresent([String].self, forKey: .guides) ?? []
        onlineSystems = try container.decodeIfPresent([String].self, forKey: .onlineSystems) ?? []
    }
}
