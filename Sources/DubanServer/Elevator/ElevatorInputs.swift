import DubanCore
import Vapor

/// Request bodies of `/api/v1/elevators/...`.
struct ElevatorMaintainerInput: Content {
    var unitId: String
    var qualification: String
    var emergencyPhone: String

    static let schema = Schema.object([
        ("unitId", Schema.uuid), ("qualification", Schema.string(maxLength: 200, minLength: 1)),
        ("emergencyPhone", Schema.string(maxLength: 40, minLength: 3)),
    ], required: ["unitId", "qualification", "emergencyPhone"])
}

struct ElevatorInput: Content {
    var registrationCode: String
    var compound: String
    var building: String
    var buildingUnit: String
    var streetUnitId: String?
    var maintenanceUnitId: String
    var manufacturer: String
    var model: String?
    var installedOn: String?
    var warrantyUntil: String?
    var inspectionValidUntil: String?

    static let schema = Schema.object([
        ("registrationCode", Schema.string(maxLength: 40, minLength: 1)), ("compound", Schema.string(maxLength: 100, minLength: 1)),
        ("building", Schema.string(maxLength: 50, minLength: 1)), ("buildingUnit", Schema.string(maxLength: 50, minLength: 1)),
        ("streetUnitId", Schema.uuid), ("maintenanceUnitId", Schema.uuid), ("manufacturer", Schema.string(maxLength: 200, minLength: 1)),
        ("model", Schema.string(maxLength: 100)), ("installedOn", Schema.date), ("warrantyUntil", Schema.date),
        ("inspectionValidUntil", Schema.date),
    ], required: ["registrationCode", "compound", "building", "buildingUnit", "maintenanceUnitId", "manufacturer"])
}

/// The guided use-unit form (004 成府发〔2015〕29号 二): the facts, and the directory unit the result is.
struct UseUnitInput: Content {
    var housing: String?
    var propertyServiceCompany: String?
    var projectOwnerUnit: String?
    var owners: [String]?
    var agreedUseUnit: String?
    var streetDesignatedOwner: String?
    var districtDesignatedUseUnit: String?
    /// The directory unit that is the use unit (its account confirms maintenance and its credit
    /// record takes penalties); optional, as an owner may be a person.
    var useUnitId: String?

    static let schema = Schema.object([
        ("housing", Schema.enumeration(HousingKind.allCases.map(\.rawValue))), ("propertyServiceCompany", Schema.string(maxLength: 200)),
        ("projectOwnerUnit", Schema.string(maxLength: 200)), ("owners", Schema.array(Schema.string(maxLength: 200), maxItems: 500)),
        ("agreedUseUnit", Schema.string(maxLength: 200)), ("streetDesignatedOwner", Schema.string(maxLength: 200)),
        ("districtDesignatedUseUnit", Schema.string(maxLength: 200)), ("useUnitId", Schema.uuid),
    ])
}

struct ElevatorStatusInput: Content {
    var event: String
    var reason: String?
    var expectedRepairAt: String?

    static let schema = Schema.object([
        ("event", Schema.enumeration(["set_in_service", "stop", "resume", "seal", "scrap"])), ("reason", Schema.string(maxLength: 2000)),
        ("expectedRepairAt", Schema.dateTime),
    ], required: ["event"])
}

struct MaintenanceStaffInput: Content {
    var name: String
    var certificate: String

    static let schema = Schema.object([
        ("name", Schema.string(maxLength: 50, minLength: 1)), ("certificate", Schema.string(maxLength: 50, minLength: 1)),
    ], required: ["name", "certificate"])
}

/// Work done, by the item lists of the national maintenance rules (TSG T5002: 半月, 季度, 半年, 年度).
struct MaintenanceWorkItems: Content, Equatable {
    var halfMonthly: [String]?
    var quarterly: [String]?
    var halfYearly: [String]?
    var yearly: [String]?

    static let schema = Schema.object([
        ("halfMonthly", Schema.array(Schema.string(maxLength: 200), maxItems: 100)),
        ("quarterly", Schema.array(Schema.string(maxLength: 200), maxItems: 100)),
        ("halfYearly", Schema.array(Schema.string(maxLength: 200), maxItems: 100)),
        ("yearly", Schema.array(Schema.string(maxLength: 200), maxItems: 100)),
    ])
}

struct MaintenanceInput: Content {
    var performedAt: String
    var staff: [MaintenanceStaffInput]
    var workItems: MaintenanceWorkItems
    var faults: String?

    static let schema = Schema.object([
        ("performedAt", Schema.dateTime), ("staff", Schema.array(Schema.ref("ElevatorStaffInput"), maxItems: 20)),
        ("workItems", Schema.ref("ElevatorWorkItems")), ("faults", Schema.string(maxLength: 4000)),
    ], required: ["performedAt", "staff", "workItems"])
}

struct MaintenanceConfirmInput: Content {
    var rating: Int
    var note: String?

    static let schema = Schema.object([
        ("rating", Schema.integer(minimum: 1, maximum: 5)), ("note", Schema.string(maxLength: 1000)),
    ], required: ["rating"])
}

struct InspectionInput: Content {
    var body: String
    var inspectedOn: String
    var inspector: String
    var conclusion: String
    var validUntil: String?

    static let schema = Schema.object([
        ("body", Schema.string(maxLength: 200, minLength: 1)), ("inspectedOn", Schema.date),
        ("inspector", Schema.string(maxLength: 50, minLength: 1)),
        ("conclusion", Schema.enumeration(InspectionConclusion.allCases.map(\.rawValue))), ("validUntil", Schema.date),
    ], required: ["body", "inspectedOn", "inspector", "conclusion"])
}

/// 检验结论.
enum InspectionConclusion: String, CaseIterable, Codable, Sendable {
    case passed
    case passedAfterRectification = "passed_after_rectification"
    case failed

    var chinese: String {
        switch self {
        case .passed: "合格"
        case .passedAfterRectification: "复检合格"
        case .failed: "不合格"
        }
    }
}

struct RescueStepInput: Content {
    var responder: String
    var dispatchedAt: String
    var acknowledgedAt: String?
    var arrivedAt: String?

    static let schema = Schema.object([
        ("responder", Schema.enumeration(RescueResponder.allCases.map(\.rawValue))), ("dispatchedAt", Schema.dateTime),
        ("acknowledgedAt", Schema.dateTime), ("arrivedAt", Schema.dateTime),
    ], required: ["responder", "dispatchedAt"])
}

/// A trapped-passenger report (`startedAt` = reported, `doneAt` = on site, `rescuedAt` = freed) or an
/// accident (`startedAt` = happened, `doneAt` = reported to the quality-supervision department).
struct IncidentInput: Content {
    var kind: String
    var startedAt: String
    var doneAt: String?
    var rescuedAt: String?
    var description: String
    var dispatch: [RescueStepInput]?

    static let schema = Schema.object([
        ("kind", Schema.enumeration(IncidentKind.allCases.map(\.rawValue))), ("startedAt", Schema.dateTime), ("doneAt", Schema.dateTime),
        ("rescuedAt", Schema.dateTime), ("description", Schema.string(maxLength: 4000, minLength: 1)),
        ("dispatch", Schema.array(Schema.ref("RescueStepInput"), maxItems: 10)),
    ], required: ["kind", "startedAt", "description"])
}

struct IncidentUpdateInput: Content {
    var doneAt: String?
    var rescuedAt: String?
    var step: RescueStepInput?

    static let schema = Schema.object([
        ("doneAt", Schema.dateTime), ("rescuedAt", Schema.dateTime), ("step", Schema.ref("RescueStepInput")),
    ])
}

/// 困人 or 事故.
enum IncidentKind: String, CaseIterable, Codable, Sendable {
    case trapped
    case accident

    var chinese: String { self == .trapped ? "困人" : "事故" }
}

struct DrillInput: Content {
    var maintenanceUnitId: String
    var heldAt: String
    var description: String

    static let schema = Schema.object([
        ("maintenanceUnitId", Schema.uuid), ("heldAt", Schema.dateTime), ("description", Schema.string(maxLength: 2000, minLength: 1)),
    ], required: ["maintenanceUnitId", "heldAt", "description"])
}

struct FundRequestInput: Content {
    var purpose: String
    var amountYuan: Int
    var owners: Int
    var agreeing: Int

    static let schema = Schema.object([
        ("purpose", Schema.string(maxLength: 2000, minLength: 1)), ("amountYuan", Schema.integer(minimum: 0, maximum: 100_000_000)),
        ("owners", Schema.integer(minimum: 1, maximum: 100_000)), ("agreeing", Schema.integer(minimum: 0, maximum: 100_000)),
    ], required: ["purpose", "amountYuan", "owners", "agreeing"])
}

/// A penalty decision against the use or the maintenance unit: a credit record of that unit.
struct ElevatorPenaltyInput: Content {
    var target: String
    var severity: String
    var decisionNumber: String
    var decisionDate: String
    var authority: String
    var legalBasis: String
    var summary: String?

    static let schema = Schema.object([
        ("target", Schema.enumeration(["use_unit", "maintenance_unit"])), ("severity", Schema.enumeration(["minor", "serious", "very_serious"])),
        ("decisionNumber", Schema.string(maxLength: 100, minLength: 1)), ("decisionDate", Schema.date),
        ("authority", Schema.string(maxLength: 200, minLength: 1)), ("legalBasis", Schema.string(maxLength: 500, minLength: 1)),
        ("summary", Schema.string(maxLength: 2000)),
    ], required: ["target", "severity", "decisionNumber", "decisionDate", "authority", "legalBasis"])
}

/// The public report form on the label page: it becomes a hotline case.
struct ElevatorReportInput: Content {
    var phone: String
    var whatHappened: String
    var name: String?

    static let schema = Schema.object([
        ("phone", Schema.string(maxLength: 30, minLength: 7)), ("whatHappened", Schema.string(maxLength: 4000, minLength: 1)),
        ("name", Schema.string(maxLength: 50)),
    ], required: ["phone", "whatHappened"])
}
