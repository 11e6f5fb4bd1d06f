import Foundation

/// 有效事件工单 — what the call taker records for a case (000 阳政办〔2017〕33号 附件1 二(二)4: "记录事件
/// 发生的时间、地点、经过、涉及人员、市民诉求等相关信息,并询问市民姓名、联系电话、所属区域等信息,填写有效
/// 事件工单,并根据系统列表选择事件所属类别、办理时限及归属部门,确保工单填写完整").
public struct HotlineIntake: Hashable, Codable, Sendable {
    public var type: HotlineCaseType
    /// 市民姓名.
    public var callerName: String
    /// 联系电话.
    public var phone: String
    /// 所属区域 — the caller's area (street or district).
    public var area: String
    /// 信息保密 — the caller asked for confidentiality ("对于市民提出需要信息保密的在工单中予以注明").
    public var confidential: Bool
    /// When it happened; nil when the caller cannot say.
    public var occurredAt: Date?
    /// 地点 — where it happened.
    public var place: String
    /// 经过 — what happened, or for an enquiry, suggestion or praise its content.
    public var account: String
    /// 市民诉求 — what the caller demands.
    public var demand: String
    /// The category code picked from the list.
    public var categoryCode: String
    /// The urgency (time limit) picked.
    public var urgency: HotlineUrgency
    /// The handling unit picked (归属部门).
    public var unitName: String
    /// The call taker flagged a major event (重大事件) whatever the category.
    public var majorEvent: Bool

    public init(type: HotlineCaseType, callerName: String, phone: String, area: String, confidential: Bool,
                occurredAt: Date?, place: String, account: String, demand: String, categoryCode: String,
                urgency: HotlineUrgency, unitName: String, majorEvent: Bool = false) {
        self.type = type
        self.callerName = callerName
        self.phone = phone
        self.area = area
        self.confidential = confidential
        self.occurredAt = occurredAt
        self.place = place
        self.account = account
        self.demand = demand
        self.categoryCode = categoryCode
        self.urgency = urgency
        self.unitName = unitName
        self.majorEvent = majorEvent
    }

    /// Checks that the work order is complete ("确保工单填写完整") before it is dispatched; returns every
    /// problem, in field order, empty when it may go:
    /// - for every type: caller name, phone, area, account, category (active, in `categories`) and unit;
    /// - for 投诉, 求助 and 其他 also place and demand (``HotlineCaseType/requiresEventDetails``);
    /// - `occurredAt`, when given, not after `now`.
    public func problems(categories: [HotlineCategory], now: Date) -> [HotlineError] {
        var problems: [HotlineError] = []
        func require(_ value: String, _ field: String) {
            if TextNormalization.clean(value).isEmpty { problems.append(.required(field: field)) }
        }
        require(callerName, "callerName")
        require(phone, "phone")
        if !TextNormalization.clean(phone).isEmpty, RepeatComplaintKeys.phoneKey(phone) == nil {
            problems.append(.invalidValue(field: "phone", chinese: "联系电话应含数字", english: "the phone number has no digits"))
        }
        require(area, "area")
        if type.requiresEventDetails { require(place, "place") }
        require(account, "account")
        if type.requiresEventDetails { require(demand, "demand") }
        if let occurredAt, occurredAt > now {
            problems.append(.invalidValue(field: "occurredAt", chinese: "事发时间不能晚于受理时间",
                                          english: "the event cannot be dated after the call"))
        }
        if TextNormalization.clean(categoryCode).isEmpty {
            problems.append(.required(field: "categoryCode"))
        } else {
            do { _ = try HotlineCategory.active(categoryCode, in: categories) } catch { problems.append(error) }
        }
        require(unitName, "unitName")
        return problems
    }

    /// Whether the case is a major event: flagged by the call taker or of a major-event category
    /// (see ``MajorEventRule``).
    public func isMajorEvent(categories: [HotlineCategory]) -> Bool {
        MajorEventRule.isMajorEvent(flagged: majorEvent, category: categories.first { $0.code == categoryCode })
    }
}
