import DubanCore
import Fluent
import Vapor

/// 一梯一档 — one elevator of the registry (SPEC M7). Status changes go through the core's
/// `ElevatorMachine`; the columns beside the facts are what lists, the dashboard and the sweeps filter on.
final class ElevatorRow: Model, @unchecked Sendable {
    static let schema = "elevators"

    @ID(key: .id) var id: UUID?
    /// 使用登记证编号 / 注册代码.
    @Field(key: "registration_code") var registrationCode: String
    /// The public label's code: random, so labels cannot be walked through.
    @Field(key: "label_code") var labelCode: String
    /// 应急救援识别码 (core `RescueCode`).
    @Field(key: "rescue_code") var rescueCode: String
    @Field(key: "rescue_sequence") var rescueSequence: Int
    /// 小区, 楼栋, 单元 (所在位置).
    @Field(key: "compound") var compound: String
    @Field(key: "building") var building: String
    @Field(key: "building_unit") var buildingUnit: String
    /// The street (街道) the elevator is in: it is told of a sealing (004 五(二)).
    @OptionalField(key: "street_unit_id") var streetUnitID: UUID?
    /// 使用单位: the determined name, and the directory unit when it is one.
    @OptionalField(key: "use_unit_name") var useUnitName: String?
    @OptionalField(key: "use_unit_id") var useUnitID: UUID?
    /// The core's `UseUnitDecision` as JSON (basis, jointly liable owners), when determined.
    @OptionalField(key: "use_unit_decision") var useUnitDecision: String?
    @Field(key: "maintenance_unit_id") var maintenanceUnitID: UUID
    @Field(key: "manufacturer") var manufacturer: String
    @OptionalField(key: "model") var model: String?
    @OptionalField(key: "installed_on") var installedOn: String?
    @OptionalField(key: "warranty_until") var warrantyUntil: String?
    /// 检验合格有效期至, yyyy-mm-dd (China day).
    @OptionalField(key: "inspection_valid_until") var inspectionValidUntil: String?
    /// When the use unit applied for the inspection renewing this validity.
    @OptionalField(key: "inspection_applied_at") var inspectionAppliedAt: Date?
    /// The application deadline (validity end − 1 month), for the due and overdue lists.
    @OptionalField(key: "inspection_application_due_at") var inspectionApplicationDueAt: Date?
    @OptionalField(key: "inspection_expires_at") var inspectionExpiresAt: Date?
    @Field(key: "status") var status: String
    @OptionalField(key: "seal_stage") var sealStage: String?
    /// The ledger item (kind hazard) of the current or last sealing.
    @OptionalField(key: "seal_item_id") var sealItemID: UUID?
    @OptionalField(key: "stop_reason") var stopReason: String?
    @OptionalField(key: "stopped_at") var stoppedAt: Date?
    @OptionalField(key: "expected_repair_at") var expectedRepairAt: Date?
    @OptionalField(key: "stop_notice_at") var stopNoticeAt: Date?
    @OptionalField(key: "last_maintenance_at") var lastMaintenanceAt: Date?
    /// last maintenance (or first service) + 15 days: the overdue list is `maintenance_due_at < now`.
    @OptionalField(key: "maintenance_due_at") var maintenanceDueAt: Date?
    @OptionalField(key: "in_service_since") var inServiceSince: Date?
    /// The newest archive entry: deletion is refused for 5 years after it (A4).
    @Field(key: "last_record_at") var lastRecordAt: Date
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var statusValue: ElevatorStatus { ElevatorStatus(rawValue: status) ?? .stopped }
    var validUntil: LocalDate? { inspectionValidUntil.flatMap(LocalDate.init) }

    /// What the core machine needs.
    var facts: ElevatorFacts {
        let stop = stopReason.flatMap { reason in
            stoppedAt.flatMap { at in expectedRepairAt.map { ElevatorStop(reason: reason, stoppedAt: at, expectedRepairAt: $0) } }
        }
        return ElevatorFacts(status: statusValue, sealStage: sealStage.flatMap(SealStage.init), useUnit: useUnitName,
                             inspectionValidUntil: validUntil, currentStop: stop)
    }
}

/// 维保单位 — the elevator facts of a maintenance company (a directory unit of kind enterprise):
/// its qualification and its 24-hour emergency phone (004 三(三)5: "应急救援电话全天候有效应答").
final class ElevatorMaintainerRow: Model, @unchecked Sendable {
    static let schema = "elevator_maintainers"

    @ID(custom: "unit_id", generatedBy: .user) var id: UUID?
    @Field(key: "qualification") var qualification: String
    @Field(key: "emergency_phone") var emergencyPhone: String
    @Field(key: "since") var since: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// 电梯档案 — one line of an elevator's archive: everything that happened to it.
final class ElevatorEventRow: Model, @unchecked Sendable {
    static let schema = "elevator_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "elevator_id") var elevatorID: UUID
    @Field(key: "at") var at: Date
    /// registered, use_unit, status, maintenance, confirmation, inspection, inspection_application,
    /// incident, dispatch, seal_item, maintenance_overdue, penalty, fund_request …
    @Field(key: "kind") var kind: String
    @Field(key: "summary") var summary: String
    @Field(key: "actor") var actor: String
    @OptionalField(key: "ref_id") var refID: UUID?

    init() {}
}

/// 维保记录 — one maintenance visit (004 三(三)1–3), with the use unit's confirmation and rating.
final class ElevatorMaintenanceRow: Model, @unchecked Sendable {
    static let schema = "elevator_maintenance"

    @ID(key: .id) var id: UUID?
    @Field(key: "elevator_id") var elevatorID: UUID
    @Field(key: "maintenance_unit_id") var maintenanceUnitID: UUID
    @Field(key: "performed_at") var performedAt: Date
    /// [{"name","certificate"}] — certificate numbers are never public.
    @Field(key: "staff") var staff: String
    /// {"half_monthly":[…],"quarterly":[…],"half_yearly":[…],"yearly":[…]}
    @Field(key: "work_items") var workItems: String
    @OptionalField(key: "faults") var faults: String?
    @Field(key: "recorded_by") var recordedBy: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "confirmed_by") var confirmedBy: String?
    @OptionalField(key: "rating") var rating: Int?
    @OptionalField(key: "confirmation_note") var confirmationNote: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 现场照片 — a photo taken on a maintenance visit (checked like ledger attachments).
final class ElevatorPhotoRow: Model, @unchecked Sendable {
    static let schema = "elevator_photos"

    @ID(key: .id) var id: UUID?
    @Field(key: "maintenance_id") var maintenanceID: UUID
    @Field(key: "name") var name: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 定期检验 — an inspection result: body, date, inspector, conclusion, and the validity it gives.
final class ElevatorInspectionRow: Model, @unchecked Sendable {
    static let schema = "elevator_inspections"

    @ID(key: .id) var id: UUID?
    @Field(key: "elevator_id") var elevatorID: UUID
    @Field(key: "body") var body: String
    @Field(key: "inspected_on") var inspectedOn: String
    @Field(key: "inspector") var inspector: String
    /// 合格, 复检合格, 不合格.
    @Field(key: "conclusion") var conclusion: String
    @OptionalField(key: "valid_until") var validUntil: String?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 困人、事故 — a trapped-passenger report or an accident, with the duty it is judged by.
final class ElevatorIncidentRow: Model, @unchecked Sendable {
    static let schema = "elevator_incidents"

    @ID(key: .id) var id: UUID?
    @Field(key: "elevator_id") var elevatorID: UUID
    @Field(key: "maintenance_unit_id") var maintenanceUnitID: UUID
    @OptionalField(key: "use_unit_id") var useUnitID: UUID?
    /// trapped or accident.
    @Field(key: "kind") var kind: String
    /// Trapped: when the report came in. Accident: when it happened.
    @Field(key: "started_at") var startedAt: Date
    /// Trapped: staff on site. Accident: reported to the quality-supervision department.
    @OptionalField(key: "done_at") var doneAt: Date?
    /// Trapped: passengers freed.
    @OptionalField(key: "rescued_at") var rescuedAt: Date?
    @Field(key: "due_at") var dueAt: Date
    /// The rule breached (late, or overdue when judged): set when known.
    @Field(key: "breach") var breach: Bool
    @Field(key: "description") var description: String
    /// [RescueDispatchStep] as JSON (trapped only).
    @Field(key: "dispatch") var dispatch: String
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// 应急演练 — a drill of a maintenance unit (004 三(三)5: 每半年至少演练一次).
final class ElevatorDrillRow: Model, @unchecked Sendable {
    static let schema = "elevator_drills"

    @ID(key: .id) var id: UUID?
    @Field(key: "maintenance_unit_id") var maintenanceUnitID: UUID
    @Field(key: "held_at") var heldAt: Date
    @Field(key: "description") var description: String
    @Field(key: "recorded_by") var recordedBy: String

    init() {}
}

/// 维修资金使用 — a request to use the maintenance fund for a building unit, with the owners' vote
/// (004 四(四): 经电梯所在单元(栋)三分之二的业主同意).
final class ElevatorFundRequestRow: Model, @unchecked Sendable {
    static let schema = "elevator_fund_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "elevator_id") var elevatorID: UUID
    @Field(key: "purpose") var purpose: String
    @Field(key: "amount_yuan") var amountYuan: Int
    @Field(key: "owners") var owners: Int
    @Field(key: "agreeing") var agreeing: Int
    @Field(key: "required") var required: Int
    @Field(key: "approved") var approved: Bool
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
