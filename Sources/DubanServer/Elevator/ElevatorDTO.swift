import DubanCore
import Vapor

/// Responses of `/api/v1/elevators/...`. Staff certificate numbers appear only in `MaintenanceDTO`,
/// which the public never sees.
struct ElevatorMaintainerDTO: Content {
    var unitId: UUID
    var name: String
    var qualification: String
    var emergencyPhone: String

    static let schema = Schema.object([
        ("unitId", Schema.uuid), ("name", Schema.string()), ("qualification", Schema.string()), ("emergencyPhone", Schema.string()),
    ], required: ["unitId", "name", "qualification", "emergencyPhone"])
}

struct ElevatorDTO: Content {
    var id: UUID
    var registrationCode: String
    var labelCode: String
    var rescueCode: String
    var compound: String
    var building: String
    var buildingUnit: String
    var streetUnitId: UUID?
    var useUnit: String?
    var useUnitId: UUID?
    var useUnitBasis: String?
    var useUnitCitation: String?
    var jointlyLiable: [String]
    var maintenanceUnitId: UUID
    var maintenanceUnit: String
    var emergencyPhone: String?
    var manufacturer: String
    var model: String?
    var installedOn: String?
    var warrantyUntil: String?
    var inspectionValidUntil: String?
    var status: String
    var statusText: String
    var sealStage: String?
    var sealItemId: UUID?
    var stopReason: String?
    var stoppedAt: String?
    var expectedRepairAt: String?
    var stopNoticeAt: String?
    var lastMaintenanceAt: String?
    var maintenanceDueAt: String?
    var maintenanceStatus: String?
    var inspectionStatus: String?
    var inspectionApplicationDue: String?
    var inspectionAppliedAt: String?
    var labelUrl: String

    static let schema = Schema.object([
        ("id", Schema.uuid), ("registrationCode", Schema.string()), ("labelCode", Schema.string()), ("rescueCode", Schema.string()),
        ("compound", Schema.string()), ("building", Schema.string()), ("buildingUnit", Schema.string()),
        ("streetUnitId", Schema.nullable(Schema.uuid)), ("useUnit", Schema.nullable(Schema.string())), ("useUnitId", Schema.nullable(Schema.uuid)),
        ("useUnitBasis", Schema.nullable(Schema.enumeration(UseUnitBasis.allCases.map(\.rawValue)))),
        ("useUnitCitation", Schema.nullable(Schema.string())), ("jointlyLiable", Schema.array(Schema.string())),
        ("maintenanceUnitId", Schema.uuid), ("maintenanceUnit", Schema.string()), ("emergencyPhone", Schema.nullable(Schema.string())),
        ("manufacturer", Schema.string()), ("model", Schema.nullable(Schema.string())), ("installedOn", Schema.nullable(Schema.date)),
        ("warrantyUntil", Schema.nullable(Schema.date)), ("inspectionValidUntil", Schema.nullable(Schema.date)),
        ("status", Schema.enumeration(ElevatorStatus.allCases.map(\.rawValue))), ("statusText", Schema.string()),
        ("sealStage", Schema.nullable(Schema.enumeration(SealStage.allCases.map(\.rawValue)))), ("sealItemId", Schema.nullable(Schema.uuid)),
        ("stopReason", Schema.nullable(Schema.string())), ("stoppedAt", Schema.nullable(Schema.dateTime)),
        ("expectedRepairAt", Schema.nullable(Schema.dateTime)), ("stopNoticeAt", Schema.nullable(Schema.dateTime)),
        ("lastMaintenanceAt", Schema.nullable(Schema.dateTime)), ("maintenanceDueAt", Schema.nullable(Schema.dateTime)),
        ("maintenanceStatus", Schema.nullable(Schema.enumeration(MaintenanceStatus.allCases.map(\.rawValue)))),
        ("inspectionStatus", Schema.nullable(Schema.enumeration(InspectionStatus.allCases.map(\.rawValue)))),
        ("inspectionApplicationDue", Schema.nullable(Schema.date)), ("inspectionAppliedAt", Schema.nullable(Schema.dateTime)),
        ("labelUrl", Schema.string()),
    ], required: ["id", "registrationCode", "labelCode", "rescueCode", "compound", "building", "buildingUnit", "jointlyLiable",
                  "maintenanceUnitId", "maintenanceUnit", "manufacturer", "status", "statusText", "labelUrl"])
}

struct UseUnitDecisionDTO: Content {
    var determined: Bool
    var useUnit: String?
    var basis: String
    var basisText: String
    var citation: String
    var jointlyLiable: [String]
    var missing: [String]
    var rejected: [String]

    init(_ decision: UseUnitDecision) {
        determined = decision.isDetermined
        useUnit = decision.useUnit
        basis = decision.basis.rawValue
        basisText = decision.basis.chinese
        citation = decision.citation
        jointlyLiable = decision.jointlyLiable
        missing = decision.missing.map(\.rawValue)
        rejected = decision.rejected.map(\.rawValue)
    }

    static let schema = Schema.object([
        ("determined", Schema.boolean), ("useUnit", Schema.nullable(Schema.string())),
        ("basis", Schema.enumeration(UseUnitBasis.allCases.map(\.rawValue))), ("basisText", Schema.string()), ("citation", Schema.string()),
        ("jointlyLiable", Schema.array(Schema.string())), ("missing", Schema.array(Schema.enumeration(UseUnitFact.allCases.map(\.rawValue)))),
        ("rejected", Schema.array(Schema.enumeration(UseUnitFact.allCases.map(\.rawValue)))),
    ], required: ["determined", "basis", "basisText", "citation", "jointlyLiable", "missing", "rejected"])
}

struct MaintenanceDTO: Content {
    var id: UUID
    var elevatorId: UUID
    var performedAt: String
    var staff: [MaintenanceStaffInput]
    var workItems: MaintenanceWorkItems
    var faults: String?
    var recordedBy: String
    var confirmedAt: String?
    var confirmedBy: String?
    var rating: Int?
    var photos: Int

    static let schema = Schema.object([
        ("id", Schema.uuid), ("elevatorId", Schema.uuid), ("performedAt", Schema.dateTime),
        ("staff", Schema.array(Schema.ref("ElevatorStaffInput"))), ("workItems", Schema.ref("ElevatorWorkItems")),
        ("faults", Schema.nullable(Schema.string())), ("recordedBy", Schema.string()), ("confirmedAt", Schema.nullable(Schema.dateTime)),
        ("confirmedBy", Schema.nullable(Schema.string())), ("rating", Schema.nullable(Schema.integer(minimum: 1, maximum: 5))),
        ("photos", Schema.integer(minimum: 0)),
    ], required: ["id", "elevatorId", "performedAt", "staff", "workItems", "recordedBy", "photos"])
}

struct InspectionDTO: Content {
    var id: UUID
    var body: String
    var inspectedOn: String
    var inspector: String
    var conclusion: String
    var conclusionText: String
    var validUntil: String?

    init(_ row: ElevatorInspectionRow) throws {
        id = try row.requireID()
        body = row.body
        inspectedOn = row.inspectedOn
        inspector = row.inspector
        conclusion = row.conclusion
        conclusionText = InspectionConclusion(rawValue: row.conclusion)?.chinese ?? row.conclusion
        validUntil = row.validUntil
    }

    static let schema = Schema.object([
        ("id", Schema.uuid), ("body", Schema.string()), ("inspectedOn", Schema.date), ("inspector", Schema.string()),
        ("conclusion", Schema.enumeration(InspectionConclusion.allCases.map(\.rawValue))), ("conclusionText", Schema.string()),
        ("validUntil", Schema.nullable(Schema.date)),
    ], required: ["id", "body", "inspectedOn", "inspector", "conclusion", "conclusionText"])
}

struct RescueStepDTO: Content {
    var responder: String
    var responderText: String
    var dispatchedAt: String
    var acknowledgedAt: String?
    var arrivedAt: String?

    static let schema = Schema.object([
        ("responder", Schema.enumeration(RescueResponder.allCases.map(\.rawValue))), ("responderText", Schema.string()),
        ("dispatchedAt", Schema.dateTime), ("acknowledgedAt", Schema.nullable(Schema.dateTime)), ("arrivedAt", Schema.nullable(Schema.dateTime)),
    ], required: ["responder", "responderText", "dispatchedAt"])
}

struct IncidentDTO: Content {
    var id: UUID
    var elevatorId: UUID
    var kind: String
    var startedAt: String
    var doneAt: String?
    var rescuedAt: String?
    var dueAt: String
    /// The duty's outcome: pending, on_time, late, overdue (core `ElevatorDutyOutcome`).
    var outcome: String
    var outcomeText: String
    var breach: Bool
    var rule: String
    var description: String
    var dispatch: [RescueStepDTO]
    /// For a trapped-passenger report not yet reached: whom to call next (`RescueDispatch`).
    var nextResponder: String?
    var nextDueAt: String?

    static let schema = Schema.object([
        ("id", Schema.uuid), ("elevatorId", Schema.uuid), ("kind", Schema.enumeration(IncidentKind.allCases.map(\.rawValue))),
        ("startedAt", Schema.dateTime), ("doneAt", Schema.nullable(Schema.dateTime)), ("rescuedAt", Schema.nullable(Schema.dateTime)),
        ("dueAt", Schema.dateTime), ("outcome", Schema.enumeration(ElevatorDutyOutcome.allCases.map(\.rawValue))),
        ("outcomeText", Schema.string()), ("breach", Schema.boolean), ("rule", Schema.string()), ("description", Schema.string()),
        ("dispatch", Schema.array(Schema.ref("RescueStep"))),
        ("nextResponder", Schema.nullable(Schema.enumeration(RescueResponder.allCases.map(\.rawValue)))),
        ("nextDueAt", Schema.nullable(Schema.dateTime)),
    ], required: ["id", "elevatorId", "kind", "startedAt", "dueAt", "outcome", "outcomeText", "breach", "rule", "description", "dispatch"])
}

struct ArchiveLineDTO: Content {
    var at: String
    var kind: String
    var summary: String
    var actor: String

    static let schema = Schema.object([
        ("at", Schema.dateTime), ("kind", Schema.string()), ("summary", Schema.string()), ("actor", Schema.string()),
    ], required: ["at", "kind", "summary", "actor"])
}

/// 一梯一档 — the elevator with everything that happened to it.
struct ElevatorArchiveDTO: Content {
    var elevator: ElevatorDTO
    var maintenance: [MaintenanceDTO]
    var inspections: [InspectionDTO]
    var incidents: [IncidentDTO]
    var funds: [FundRequestDTO]
    var events: [ArchiveLineDTO]
    /// Deletion is refused before this instant: 5 years after the newest record (A4).
    var keepUntil: String

    static let schema = Schema.object([
        ("elevator", Schema.ref("Elevator")), ("maintenance", Schema.array(Schema.ref("ElevatorMaintenance"))),
        ("inspections", Schema.array(Schema.ref("ElevatorInspection"))), ("incidents", Schema.array(Schema.ref("ElevatorIncident"))),
        ("funds", Schema.array(Schema.ref("ElevatorFundRequest"))), ("events", Schema.array(Schema.ref("ElevatorArchiveLine"))),
        ("keepUntil", Schema.dateTime),
    ], required: ["elevator", "maintenance", "inspections", "incidents", "funds", "events", "keepUntil"])
}

struct DrillDTO: Content {
    var id: UUID
    var maintenanceUnitId: UUID
    var heldAt: String
    var description: String
    /// Half years since the unit started without a drill (A4), e.g. "2026年上半年".
    var missingHalfYears: [String]

    static let schema = Schema.object([
        ("id", Schema.uuid), ("maintenanceUnitId", Schema.uuid), ("heldAt", Schema.dateTime), ("description", Schema.string()),
        ("missingHalfYears", Schema.array(Schema.string())),
    ], required: ["id", "maintenanceUnitId", "heldAt", "description", "missingHalfYears"])
}

struct FundRequestDTO: Content {
    var id: UUID
    var elevatorId: UUID
    var purpose: String
    var amountYuan: Int
    var owners: Int
    var agreeing: Int
    var required: Int
    var approved: Bool
    var createdAt: String

    init(_ row: ElevatorFundRequestRow) throws {
        id = try row.requireID()
        elevatorId = row.elevatorID
        purpose = row.purpose
        amountYuan = row.amountYuan
        owners = row.owners
        agreeing = row.agreeing
        required = row.required
        approved = row.approved
        createdAt = ChinaTimeFormat.string(row.createdAt)
    }

    static let schema = Schema.object([
        ("id", Schema.uuid), ("elevatorId", Schema.uuid), ("purpose", Schema.string()), ("amountYuan", Schema.integer(minimum: 0)),
        ("owners", Schema.integer(minimum: 1)), ("agreeing", Schema.integer(minimum: 0)), ("required", Schema.integer(minimum: 1)),
        ("approved", Schema.boolean), ("createdAt", Schema.dateTime),
    ], required: ["id", "elevatorId", "purpose", "amountYuan", "owners", "agreeing", "required", "approved", "createdAt"])
}

struct ElevatorPenaltyDTO: Content {
    var recordId: UUID
    var subjectId: UUID
    var subject: String
    /// Penalty decisions of the unit in the 12 months up to the decision date.
    var penaltiesIn12Months: Int
    /// 2 or more: the unit is to be published (004 成府发〔2015〕29号; SPEC A3/A4) through the black-list procedure.
    var publicationRequired: Bool

    static let schema = Schema.object([
        ("recordId", Schema.uuid), ("subjectId", Schema.uuid), ("subject", Schema.string()),
        ("penaltiesIn12Months", Schema.integer(minimum: 1)), ("publicationRequired", Schema.boolean),
    ], required: ["recordId", "subjectId", "subject", "penaltiesIn12Months", "publicationRequired"])
}

/// One row of the overdue and due lists.
struct ElevatorDueDTO: Content {
    var id: UUID
    var registrationCode: String
    var location: String
    var maintenanceUnitId: UUID
    var maintenanceUnit: String
    var useUnit: String?
    var dueAt: String

    static let schema = Schema.object([
        ("id", Schema.uuid), ("registrationCode", Schema.string()), ("location", Schema.string()), ("maintenanceUnitId", Schema.uuid),
        ("maintenanceUnit", Schema.string()), ("useUnit", Schema.nullable(Schema.string())), ("dueAt", Schema.dateTime),
    ], required: ["id", "registrationCode", "location", "maintenanceUnitId", "maintenanceUnit", "dueAt"])
}

/// The public label page's data: nothing private (no staff, certificates, owners or personal phones).
struct PublicElevatorDTO: Content {
    var labelCode: String
    var registrationCode: String
    var rescueCode: String
    var location: String
    var useUnit: String?
    var maintenanceUnit: String
    var emergencyPhone: String?
    var status: String
    var statusText: String
    var stopReason: String?
    var expectedRepairAt: String?
    var lastMaintenanceOn: String?
    var maintenanceStatus: String?
    var maintenanceStatusText: String?
    var inspectionBody: String?
    var inspectionDate: String?
    var inspector: String?
    var inspectionConclusion: String?
    var inspectionValidUntil: String?
    var inspectionExpired: Bool
    var howToReport: String

    static let schema = Schema.object([
        ("labelCode", Schema.string()), ("registrationCode", Schema.string()), ("rescueCode", Schema.string()), ("location", Schema.string()),
        ("useUnit", Schema.nullable(Schema.string())), ("maintenanceUnit", Schema.string()), ("emergencyPhone", Schema.nullable(Schema.string())),
        ("status", Schema.enumeration(ElevatorStatus.allCases.map(\.rawValue))), ("statusText", Schema.string()),
        ("stopReason", Schema.nullable(Schema.string())), ("expectedRepairAt", Schema.nullable(Schema.dateTime)),
        ("lastMaintenanceOn", Schema.nullable(Schema.date)),
        ("maintenanceStatus", Schema.nullable(Schema.enumeration(MaintenanceStatus.allCases.map(\.rawValue)))),
        ("maintenanceStatusText", Schema.nullable(Schema.string())),
        ("inspectionBody", Schema.nullable(Schema.string())), ("inspectionDate", Schema.nullable(Schema.date)),
        ("inspector", Schema.nullable(Schema.string())), ("inspectionConclusion", Schema.nullable(Schema.string())),
        ("inspectionValidUntil", Schema.nullable(Schema.date)), ("inspectionExpired", Schema.boolean), ("howToReport", Schema.string()),
    ], required: ["labelCode", "registrationCode", "rescueCode", "location", "maintenanceUnit", "status", "statusText",
                  "inspectionExpired", "howToReport"])
}

/// A count per unit, for the dashboard.
struct ElevatorUnitCountDTO: Content {
    var unitId: UUID?
    var unit: String
    var elevators: Int
    var maintenanceOverdue: Int
    var inspectionDue: Int
    var inspectionExpired: Int
    var incidentBreaches: Int

    static let schema = Schema.object([
        ("unitId", Schema.nullable(Schema.uuid)), ("unit", Schema.string()), ("elevators", Schema.integer(minimum: 0)),
        ("maintenanceOverdue", Schema.integer(minimum: 0)), ("inspectionDue", Schema.integer(minimum: 0)),
        ("inspectionExpired", Schema.integer(minimum: 0)), ("incidentBreaches", Schema.integer(minimum: 0)),
    ], required: ["unit", "elevators", "maintenanceOverdue", "inspectionDue", "inspectionExpired", "incidentBreaches"])
}

struct ElevatorDashboardDTO: Content {
    var at: String
    var total: Int
    var byStatus: [String: Int]
    var maintenanceOverdue: Int
    var inspectionDue: Int
    var inspectionExpired: Int
    var rescueBreaches: Int
    var accidentReportBreaches: Int
    var byUseUnit: [ElevatorUnitCountDTO]
    var byMaintenanceUnit: [ElevatorUnitCountDTO]

    static let schema = Schema.object([
        ("at", Schema.dateTime), ("total", Schema.integer(minimum: 0)),
        ("byStatus", ["type": "object", "additionalProperties": Schema.integer(minimum: 0)]),
        ("maintenanceOverdue", Schema.integer(minimum: 0)), ("inspectionDue", Schema.integer(minimum: 0)),
        ("inspectionExpired", Schema.integer(minimum: 0)), ("rescueBreaches", Schema.integer(minimum: 0)),
        ("accidentReportBreaches", Schema.integer(minimum: 0)),
        ("byUseUnit", Schema.array(Schema.ref("ElevatorUnitCount"))), ("byMaintenanceUnit", Schema.array(Schema.ref("ElevatorUnitCount"))),
    ], required: ["at", "total", "byStatus", "maintenanceOverdue", "inspectionDue", "inspectionExpired", "rescueBreaches",
                  "accidentReportBreaches", "byUseUnit", "byMaintenanceUnit"])
}
