import DubanCore
import Vapor

/// One finding of an inspection: what is wrong, the standard and clause violated, and the clause by
/// which it is judged a hazard (SPEC M3, e.g. GB50016-2014 8.4.1; GA653-2006 6.1.7.1).
struct FindingDTO: Content, Equatable {
    var description: String
    var standard: String?
    var clause: String?
    var determination: String?

    static let schema = Schema.object([
        ("description", Schema.string(maxLength: 1000, minLength: 1)), ("standard", Schema.string(maxLength: 100)),
        ("clause", Schema.string(maxLength: 100)), ("determination", Schema.string(maxLength: 200)),
    ], required: ["description"])
}

struct TimelineDTO: Content {
    var at: String
    var event: ItemEventKind
    var from: ItemState
    var to: ItemState
    var actor: String
    var note: String?
    var late: Bool

    init(_ row: LedgerEvent) {
        at = ChinaTimeFormat.string(row.at)
        event = ItemEventKind(rawValue: row.event) ?? .assign
        from = ItemState(rawValue: row.fromState) ?? .registered
        to = ItemState(rawValue: row.toState) ?? .registered
        actor = row.actor
        note = row.note
        late = row.late
    }

    static let schema = Schema.object([
        ("at", Schema.dateTime), ("event", Schema.enumeration(ItemEventKind.allCases.map(\.rawValue))),
        ("from", Schema.enumeration(ItemState.allCases.map(\.rawValue))), ("to", Schema.enumeration(ItemState.allCases.map(\.rawValue))),
        ("actor", Schema.string()), ("note", Schema.string()), ("late", Schema.boolean),
    ], required: ["at", "event", "from", "to", "actor", "late"])
}

/// A supervised item as the API shows it; `timeline` only on the single-item read.
struct ItemDTO: Content {
    var id: UUID
    var kind: ItemKind
    var state: ItemState
    var stateName: String
    var grade: HazardGrade
    var title: String
    var description: String?
    var location: String?
    var category: String?
    var fixMode: FixMode?
    var source: HazardSource?
    var supervisedUnitId: UUID?
    var registeringUnitId: UUID
    var assignedUnitId: UUID?
    var dueAt: String?
    var overdue: Bool
    var listingLevel: ListingLevel?
    var fiveImplementations: FiveImplementations
    var fiveImplementationsMissing: [String]
    var extensionsApproved: Int
    var pendingExtensionDue: String?
    var returns: Int
    var reworks: Int
    var findings: [FindingDTO]
    var createdAt: String
    /// A task's deadline as its source table writes it, its report cadence and the card last issued.
    var deadlineText: String?
    var reportCadence: ProgressCadence?
    var card: TaskCard?
    /// Only on the single-item read:
    var timeline: [TimelineDTO]?
    var messages: [LedgerThreads.MessageDTO]?
    var progress: [LedgerThreads.MessageDTO]?
    var attachments: [LedgerAttachments.AttachmentDTO]?
    var coUnitIds: [UUID]?
    var missedReports: Int?
    var lookBackDueAt: String?

    static let schema = Schema.object([
        ("id", Schema.uuid), ("kind", Schema.enumeration(ItemKind.allCases.map(\.rawValue))),
        ("state", Schema.enumeration(ItemState.allCases.map(\.rawValue))), ("stateName", Schema.string()),
        ("grade", Schema.enumeration(HazardGrade.allCases.map(\.rawValue))), ("title", Schema.string()),
        ("description", Schema.string()), ("location", Schema.string()), ("category", Schema.string()),
        ("fixMode", Schema.enumeration(FixMode.allCases.map(\.rawValue))),
        ("source", Schema.enumeration(HazardSource.allCases.map(\.rawValue))),
        ("supervisedUnitId", Schema.uuid), ("registeringUnitId", Schema.uuid), ("assignedUnitId", Schema.uuid),
        ("dueAt", Schema.dateTime), ("overdue", Schema.boolean),
        ("listingLevel", Schema.enumeration(ListingLevel.allCases.map(\.rawValue))),
        ("fiveImplementations", Schema.ref("FiveImplementations")),
        ("fiveImplementationsMissing", Schema.array(Schema.string())), ("extensionsApproved", Schema.integer(minimum: 0)),
        ("pendingExtensionDue", Schema.dateTime), ("returns", Schema.integer(minimum: 0)), ("reworks", Schema.integer(minimum: 0)),
        ("findings", Schema.array(Schema.ref("Finding"))), ("createdAt", Schema.dateTime),
        ("deadlineText", Schema.string()), ("reportCadence", Schema.enumeration(ProgressCadence.allCases.map(\.rawValue))),
        ("card", Schema.enumeration(TaskCard.allCases.map(\.rawValue))),
        ("timeline", Schema.array(Schema.ref("TimelineEntry"))), ("messages", Schema.array(Schema.ref("Message"))),
        ("progress", Schema.array(Schema.ref("Message"))), ("attachments", Schema.array(Schema.ref("Attachment"))),
        ("coUnitIds", Schema.array(Schema.uuid)), ("missedReports", Schema.integer(minimum: 0)), ("lookBackDueAt", Schema.dateTime),
    ], required: ["id", "kind", "state", "stateName", "grade", "title", "registeringUnitId", "overdue", "fiveImplementations",
                  "fiveImplementationsMissing", "extensionsApproved", "returns", "reworks", "findings", "createdAt"])

    static let fiveSchema = Schema.object([
        ("responsibility", Schema.string(maxLength: 500, description: "责任 / responsible person")),
        ("measures", Schema.string(maxLength: 2000, description: "措施 / measures")),
        ("funds", Schema.string(maxLength: 500, description: "资金 / funds")),
        ("timeLimit", Schema.string(maxLength: 200, description: "时限 / time limit")),
        ("emergencyPlan", Schema.string(maxLength: 2000, description: "预案 / emergency plan")),
    ])
}

/// Body of `POST /api/v1/items` (登记) and, all fields optional, of `PATCH /api/v1/items/{id}`.
struct ItemInput: Content {
    var kind: String?
    var title: String?
    var description: String?
    var location: String?
    var category: String?
    var grade: String?
    var fixMode: String?
    var source: String?
    var supervisedUnitId: String?
    var findings: [FindingDTO]?
    var fiveImplementations: FiveImplementations?
    /// Tasks: the deadline as written ("5月底"), the report cadence, and the responsible units besides
    /// the lead (the unit it is assigned to).
    var deadlineText: String?
    var reportCadence: String?
    var coUnitIds: [String]?

    static let schema = Schema.object([
        ("kind", Schema.enumeration(ItemKind.allCases.map(\.rawValue))), ("title", Schema.string(maxLength: 200, minLength: 1)),
        ("description", Schema.string(maxLength: 4000)), ("location", Schema.string(maxLength: 300)),
        ("category", Schema.string(maxLength: 100)), ("grade", Schema.enumeration(HazardGrade.allCases.map(\.rawValue))),
        ("fixMode", Schema.enumeration(FixMode.allCases.map(\.rawValue))),
        ("source", Schema.enumeration(HazardSource.allCases.map(\.rawValue))), ("supervisedUnitId", Schema.uuid),
        ("findings", Schema.array(Schema.ref("Finding"), maxItems: 100)), ("fiveImplementations", Schema.ref("FiveImplementations")),
        ("deadlineText", Schema.string(maxLength: 100, description: "完成时限原文，如“5月底” / the deadline as written")),
        ("reportCadence", Schema.enumeration(ProgressCadence.allCases.map(\.rawValue))),
        ("coUnitIds", Schema.array(Schema.uuid, maxItems: 50)),
    ])
}

/// Body of `POST /api/v1/items/{id}/events`: the event and the fields it needs.
struct ItemEventInput: Content {
    var event: String
    var unitId: String?
    var deadline: String?
    var reason: String?
    var leaderSigned: Bool?
    var newDue: String?
    var result: String?
    var level: String?
    var targetDate: String?
    var suspend: Bool?

    static let schema = Schema.object([
        ("event", Schema.enumeration(ItemEventKind.allCases.map(\.rawValue))), ("unitId", Schema.uuid),
        ("deadline", Schema.string(maxLength: 40, description: "ISO 8601 (无时区按北京时间)")),
        ("reason", Schema.string(maxLength: 2000)), ("leaderSigned", Schema.boolean),
        ("newDue", Schema.string(maxLength: 40)),
        ("result", Schema.string(maxLength: 4000, description: "报结结果；证据为此前上传的附件 / the result; the evidence is the files attached before")),
        ("level", Schema.enumeration(ListingLevel.allCases.map(\.rawValue))), ("targetDate", Schema.string(maxLength: 40)),
        ("suspend", Schema.boolean),
    ], required: ["event"])
}
