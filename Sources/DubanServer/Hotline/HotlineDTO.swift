import DubanCore
import Vapor

/// Body of `POST /api/v1/hotline/cases` (受理): what the call taker records. With `unitId` the case is
/// dispatched at once; with `closeReason` it is answered or closed at intake (知识库答复, 不属受理范围).
struct HotlineIntakeInput: Content {
    var type: String
    var callerName: String?
    var callerPhone: String?
    var area: String?
    var confidential: Bool?
    var receivedAt: String?
    var place: String?
    var whatHappened: String
    var demand: String?
    var categoryCode: String
    var urgency: String?
    var unitId: String?
    var leadUnitId: String?
    /// Units to inform at once of a major event (逐个转办), besides the duty offices.
    var concernedUnitIds: [String]?
    var closeReason: String?
    var latitude: Double?
    var longitude: Double?

    static let schema = Schema.object([
        ("type", Schema.enumeration(HotlineCaseType.allCases.map(\.rawValue))), ("callerName", Schema.string(maxLength: 50)),
        ("callerPhone", Schema.string(maxLength: 30)), ("area", Schema.string(maxLength: 100)), ("confidential", Schema.boolean),
        ("receivedAt", Schema.string(maxLength: 40)), ("place", Schema.string(maxLength: 300)),
        ("whatHappened", Schema.string(maxLength: 4000, minLength: 1)), ("demand", Schema.string(maxLength: 2000)),
        ("categoryCode", Schema.string(maxLength: 50)), ("urgency", Schema.enumeration(HotlineUrgency.allCases.map(\.rawValue))),
        ("unitId", Schema.uuid), ("leadUnitId", Schema.uuid), ("concernedUnitIds", Schema.array(Schema.uuid, maxItems: 100)),
        ("closeReason", Schema.string(maxLength: 2000)), ("latitude", Schema.number), ("longitude", Schema.number),
    ], required: ["type", "whatHappened", "categoryCode"])
}

struct HotlineDispatchInput: Content {
    var unitId: String
    var leadUnitId: String?
    static let schema = Schema.object([("unitId", Schema.uuid), ("leadUnitId", Schema.uuid)], required: ["unitId"])
}

struct HotlineContactInput: Content {
    var at: String?
    var staff: String
    var reached: Bool
    var note: String?
    static let schema = Schema.object([
        ("at", Schema.string(maxLength: 40, description: "到分钟；缺省为现在 / to the minute; default now")),
        ("staff", Schema.string(maxLength: 50, minLength: 1)), ("reached", Schema.boolean), ("note", Schema.string(maxLength: 500)),
    ], required: ["staff", "reached"])
}

struct HotlineFollowUpInput: Content {
    var satisfaction: String
    static let schema = Schema.object([("satisfaction", Schema.enumeration(HotlineSatisfaction.allCases.map(\.rawValue)))],
                                      required: ["satisfaction"])
}

struct HotlineEvaluationInput: Content {
    var verdict: String
    var note: String
    var deadline: String?
    static let schema = Schema.object([
        ("verdict", Schema.enumeration(EvaluatorVerdict.allCases.map(\.rawValue))), ("note", Schema.string(maxLength: 2000, minLength: 1)),
        ("deadline", Schema.string(maxLength: 40, description: "合理诉求的重办期限 / re-handling deadline")),
    ], required: ["verdict", "note"])
}

/// A hotline case as the API shows it to `viewer`: the caller as `CallerVisibility` allows.
struct HotlineCaseDTO: Content {
    struct Caller: Content {
        var view: CallerView
        var name: String?
        var phone: String?
    }

    struct ContactDTO: Content {
        var at: String
        var staff: String
        var reached: Bool
        var note: String?
    }

    var id: UUID
    var trackingCode: String
    var type: HotlineCaseType
    var typeName: String
    var channel: String
    var caller: Caller
    var area: String?
    var confidential: Bool
    var receivedAt: String
    var place: String?
    var demand: String?
    var categoryCode: String
    var urgency: HotlineUrgency
    var majorEvent: Bool
    var leadUnitId: UUID?
    var satisfaction: HotlineSatisfaction?
    var evaluation: String?
    var repeatOf: UUID?
    var secondSupervision: Bool
    var resolution: String?
    var contacts: [ContactDTO]
    var item: ItemDTO

    static let schema = Schema.object([
        ("id", Schema.uuid), ("trackingCode", Schema.string()), ("type", Schema.enumeration(HotlineCaseType.allCases.map(\.rawValue))),
        ("typeName", Schema.string()), ("channel", Schema.enumeration(["phone", "web", "open311"])),
        ("caller", Schema.object([("view", Schema.enumeration(CallerView.allCases.map(\.rawValue))), ("name", Schema.string()),
                                  ("phone", Schema.string())], required: ["view"])),
        ("area", Schema.string()), ("confidential", Schema.boolean), ("receivedAt", Schema.dateTime), ("place", Schema.string()),
        ("demand", Schema.string()), ("categoryCode", Schema.string()), ("urgency", Schema.enumeration(HotlineUrgency.allCases.map(\.rawValue))),
        ("majorEvent", Schema.boolean), ("leadUnitId", Schema.uuid),
        ("satisfaction", Schema.enumeration(HotlineSatisfaction.allCases.map(\.rawValue))),
        ("evaluation", Schema.enumeration(["pending", "reasonable", "unreasonable"])), ("repeatOf", Schema.uuid),
        ("secondSupervision", Schema.boolean), ("resolution", Schema.string()),
        ("contacts", Schema.array(Schema.object([("at", Schema.dateTime), ("staff", Schema.string()), ("reached", Schema.boolean),
                                                 ("note", Schema.string())], required: ["at", "staff", "reached"]))),
        ("item", Schema.ref("Item")),
    ], required: ["id", "trackingCode", "type", "typeName", "channel", "caller", "confidential", "receivedAt", "categoryCode",
                  "urgency", "majorEvent", "secondSupervision", "contacts", "item"])
}

/// What anyone may read by tracking code and the phone's last four digits: no identity, no place.
struct PublicCaseDTO: Content {
    var trackingCode: String
    var type: String
    var category: String
    var status: String
    var statusText: String
    var receivedOn: String
    var closedOn: String?
    var dueAt: String?

    static let schema = Schema.object([
        ("trackingCode", Schema.string()), ("type", Schema.string()), ("category", Schema.string()),
        ("status", Schema.enumeration(["open", "closed"])), ("statusText", Schema.string()), ("receivedOn", Schema.date),
        ("closedOn", Schema.date), ("dueAt", Schema.dateTime),
    ], required: ["trackingCode", "type", "category", "status", "statusText", "receivedOn"])
}

/// Body of the public form (`POST /api/v1/public/hotline`).
struct PublicSubmissionInput: Content {
    var type: String?
    var name: String?
    var phone: String
    var place: String?
    var whatHappened: String
    var demand: String?
    var confidential: Bool?
    var categoryCode: String?

    static let schema = Schema.object([
        ("type", Schema.enumeration(HotlineCaseType.allCases.map(\.rawValue))), ("name", Schema.string(maxLength: 50)),
        ("phone", Schema.string(maxLength: 30, minLength: 4)), ("place", Schema.string(maxLength: 300)),
        ("whatHappened", Schema.string(maxLength: 4000, minLength: 1)), ("demand", Schema.string(maxLength: 2000)),
        ("confidential", Schema.boolean), ("categoryCode", Schema.string(maxLength: 50)),
    ], required: ["phone", "whatHappened"])
}

struct PublicSubmissionResult: Content {
    var trackingCode: String
    var message: String
    static let schema = Schema.object([("trackingCode", Schema.string()), ("message", Schema.string())],
                                      required: ["trackingCode", "message"])
}
