import Crypto
import DubanCore
import Fluent
import Vapor

/// `/api/v1/elevators/...`: the registry (一梯一档), use-unit determination, status, maintenance,
/// inspections, incidents, drills, maintenance-fund votes, penalties, the due lists and the
/// dashboard. The public label query is in `ElevatorPublic`.
enum ElevatorRoutes {
    static let components: [(String, JSON)] = [
        ("ElevatorMaintainerInput", ElevatorMaintainerInput.schema), ("ElevatorMaintainer", ElevatorMaintainerDTO.schema),
        ("ElevatorInput", ElevatorInput.schema), ("Elevator", ElevatorDTO.schema), ("UseUnitInput", UseUnitInput.schema),
        ("UseUnitDecision", UseUnitDecisionDTO.schema), ("ElevatorStatusInput", ElevatorStatusInput.schema),
        ("ElevatorStaffInput", MaintenanceStaffInput.schema), ("ElevatorWorkItems", MaintenanceWorkItems.schema),
        ("ElevatorMaintenanceInput", MaintenanceInput.schema), ("ElevatorMaintenance", MaintenanceDTO.schema),
        ("ElevatorConfirmInput", MaintenanceConfirmInput.schema), ("ElevatorInspectionInput", InspectionInput.schema),
        ("ElevatorInspection", InspectionDTO.schema), ("RescueStepInput", RescueStepInput.schema), ("RescueStep", RescueStepDTO.schema),
        ("ElevatorIncidentInput", IncidentInput.schema), ("ElevatorIncidentUpdate", IncidentUpdateInput.schema),
        ("ElevatorIncident", IncidentDTO.schema), ("ElevatorArchiveLine", ArchiveLineDTO.schema), ("ElevatorArchive", ElevatorArchiveDTO.schema),
        ("ElevatorDrillInput", DrillInput.schema), ("ElevatorDrill", DrillDTO.schema), ("ElevatorFundRequestInput", FundRequestInput.schema),
        ("ElevatorFundRequest", FundRequestDTO.schema), ("ElevatorPenaltyInput", ElevatorPenaltyInput.schema),
        ("ElevatorPenalty", ElevatorPenaltyDTO.schema), ("ElevatorDue", ElevatorDueDTO.schema),
        ("PublicElevator", PublicElevatorDTO.schema), ("ElevatorReportInput", ElevatorReportInput.schema),
        ("ElevatorUnitCount", ElevatorUnitCountDTO.schema), ("ElevatorDashboard", ElevatorDashboardDTO.schema),
    ]

    static func register(_ api: APIRoutes) {
        ElevatorPublic.register(api)
        let tag = "Elevators"
        let error = Schema.ref("Error")
        let notFound: (Int, String, JSON?) = (404, "不存在 / not found", error)
        let conflict: (Int, String, JSON?) = (409, "当前状态不允许 / not allowed in this state", error)
        api.add(.POST, "elevators/maintainers", summary: "登记维保单位资质和24小时应急电话 / register a maintenance unit", tag: tag,
                body: Schema.ref("ElevatorMaintainerInput"), responses: [(200, "已登记 / registered", Schema.ref("ElevatorMaintainer"))],
                roles: ElevatorService.registrars, use: registerMaintainer)
        api.add(.GET, "elevators/maintainers", summary: "维保单位 / maintenance units", tag: tag,
                responses: [(200, "维保单位 / maintenance units", Schema.array(Schema.ref("ElevatorMaintainer")))], roles: ElevatorService.readers, use: maintainers)
        api.add(.POST, "elevators", summary: "登记电梯（一梯一档）/ register an elevator", tag: tag, body: Schema.ref("ElevatorInput"),
                responses: [(201, "已登记 / registered", Schema.ref("Elevator")), conflict], roles: ElevatorService.registrars, use: create)
        api.add(.GET, "elevators", summary: "电梯列表 / elevators", tag: tag,
                query: [.init(name: "status", schema: Schema.enumeration(ElevatorStatus.allCases.map(\.rawValue)), description: "状态 / status"),
                        .init(name: "maintenanceUnitId", schema: Schema.uuid, description: "维保单位 / maintenance unit"), .limit, .cursor],
                responses: [(200, "电梯 / elevators", Schema.page(of: "Elevator"))], roles: ElevatorService.readers, use: list)
        api.add(.GET, "elevators/dashboard", summary: "电梯安全合规看板 / elevator compliance dashboard", tag: tag,
                responses: [(200, "看板 / dashboard", Schema.ref("ElevatorDashboard"))], roles: ElevatorService.districtReaders, use: dashboard)
        api.add(.GET, "elevators/maintenance-overdue", summary: "超期未维保电梯（按维保单位）/ elevators overdue for maintenance", tag: tag,
                query: [.init(name: "maintenanceUnitId", schema: Schema.uuid, description: "维保单位 / maintenance unit"), .limit, .cursor],
                responses: [(200, "超期电梯 / overdue elevators", Schema.page(of: "ElevatorDue"))], roles: ElevatorService.readers, use: maintenanceOverdue)
        api.add(.GET, "elevators/inspection-due", summary: "定期检验：即将需申请、逾期未申请、已过有效期 / inspections due, overdue, expired",
                tag: tag, query: [.init(name: "state", schema: Schema.enumeration(["due", "overdue", "expired"]), required: true,
                                        description: "due: 即将需申请; overdue: 逾期未申请; expired: 超过有效期"), .limit, .cursor],
                responses: [(200, "电梯 / elevators", Schema.page(of: "ElevatorDue"))], roles: ElevatorService.readers, use: inspectionDue)
        api.add(.POST, "elevators/drills", summary: "记录维保单位应急演练 / log a drill", tag: tag, body: Schema.ref("ElevatorDrillInput"),
                responses: [(201, "已记录 / logged", Schema.ref("ElevatorDrill"))], roles: ElevatorService.ownersAndSupervision, use: drill)
        api.add(.GET, "elevators/{id}", summary: "电梯档案（一梯一档）/ an elevator's archive", tag: tag,
                responses: [(200, "档案 / archive", Schema.ref("ElevatorArchive")), notFound], roles: ElevatorService.readers, use: archive)
        api.add(.DELETE, "elevators/{id}", summary: "删除电梯档案（5年内拒绝）/ delete (refused within 5 years)", tag: tag,
                responses: [(204, "已删除 / deleted", nil), notFound, conflict], roles: Roles.admin, use: delete)
        api.add(.POST, "elevators/{id}/use-unit", summary: "认定使用单位（成府发〔2015〕29号 二）/ determine the use unit", tag: tag,
                body: Schema.ref("UseUnitInput"), responses: [(200, "认定结果 / decision", Schema.ref("UseUnitDecision")), notFound], roles: ElevatorService.registrars, use: useUnit)
        api.add(.POST, "elevators/{id}/status", summary: "投入使用、停用、恢复、封停、报废 / change the status", tag: tag,
                body: Schema.ref("ElevatorStatusInput"), responses: [(200, "已变更 / changed", Schema.ref("Elevator")), notFound, conflict], roles: ElevatorService.statusChangers, use: status)
        api.add(.POST, "elevators/{id}/stop-notice", summary: "发布停运公告 / publish the stop notice", tag: tag,
                responses: [(200, "已公告 / published", Schema.ref("Elevator")), notFound, conflict], roles: ElevatorService.ownersAndSupervision, use: stopNotice)
        api.add(.POST, "elevators/{id}/maintenance", summary: "维保记录（维保单位）/ log maintenance", tag: tag,
                body: Schema.ref("ElevatorMaintenanceInput"), responses: [(201, "已记录 / logged", Schema.ref("ElevatorMaintenance")), notFound, conflict],
                roles: ElevatorService.unitAccounts, use: logMaintenance)
        api.add(.POST, "elevators/{id}/maintenance/{recordId}/confirmation", summary: "使用单位确认并评价维保 / the use unit confirms and rates",
                tag: tag, body: Schema.ref("ElevatorConfirmInput"),
                responses: [(200, "已确认 / confirmed", Schema.ref("ElevatorMaintenance")), notFound, conflict], roles: ElevatorService.unitAccounts, use: confirm)
        api.add(.POST, "elevators/{id}/maintenance/{recordId}/photos", summary: "上传维保现场照片 / upload a site photo", tag: tag,
                query: [.init(name: "name", schema: Schema.string(maxLength: 200, minLength: 1), required: true, description: "文件名 / file name")],
                responses: [(201, "已上传 / uploaded", Schema.ref("ElevatorMaintenance")), notFound],
                rawBody: ([AttachmentType.jpeg, .png, .webp].map(\.rawValue), ByteCount(value: api.app.duban.maxAttachmentBytes + 64 * 1024)),
                roles: ElevatorService.unitAccounts, use: photo)
        api.add(.POST, "elevators/{id}/inspection-application", summary: "申请定期检验（使用单位）/ apply for the periodic inspection", tag: tag,
                responses: [(200, "已申请 / applied", Schema.ref("Elevator")), notFound, conflict], roles: ElevatorService.ownersAndSupervision, use: applyForInspection)
        api.add(.POST, "elevators/{id}/inspections", summary: "检验结果（检验机构、日期、检验员、结论）/ an inspection result", tag: tag,
                body: Schema.ref("ElevatorInspectionInput"), responses: [(201, "已记录 / recorded", Schema.ref("ElevatorInspection")), notFound],
                roles: ElevatorService.registrars, use: inspection)
        api.add(.POST, "elevators/{id}/incidents", summary: "困人报告或事故 / a trapped-passenger report or accident", tag: tag,
                body: Schema.ref("ElevatorIncidentInput"), responses: [(201, "已记录 / recorded", Schema.ref("ElevatorIncident")), notFound],
                roles: ElevatorService.incidentRecorders, use: incident)
        api.add(.POST, "elevators/{id}/incidents/{incidentId}", summary: "救援调度、到场、解困或报告时间 / a dispatch step or time", tag: tag,
                body: Schema.ref("ElevatorIncidentUpdate"), responses: [(200, "已更新 / updated", Schema.ref("ElevatorIncident")), notFound],
                roles: ElevatorService.incidentRecorders, use: updateIncident)
        api.add(.POST, "elevators/{id}/fund-requests", summary: "维修资金使用表决（2/3业主）/ a maintenance-fund request with the vote", tag: tag,
                body: Schema.ref("ElevatorFundRequestInput"), responses: [(201, "已记录 / recorded", Schema.ref("ElevatorFundRequest")), notFound],
                roles: ElevatorService.ownersAndSupervision, use: fundRequest)
        api.add(.POST, "elevators/{id}/penalties", summary: "使用单位或维保单位的行政处罚（记入信用）/ a penalty, recorded as credit", tag: tag,
                body: Schema.ref("ElevatorPenaltyInput"), responses: [(201, "已记录 / recorded", Schema.ref("ElevatorPenalty")), notFound],
                roles: ElevatorService.registrars, use: penalty)
    }

    static func context(_ req: Request) async throws -> (Actor, Date, DeadlineCalculator, ElevatorRules) {
        let actor = try req.requireActor()
        let calculator = req.application.calendarStore.calculator
        return (actor, req.application.clock(), calculator, try await ElevatorService.rules(calculator: calculator, on: req.db))
    }

    static func requireReader(_ actor: Actor) throws {
        guard ElevatorService.districtReaders.contains(actor.role) || actor.role.isUnitScoped else { throw DubanError.forbidden }
    }

    // MARK: Registry

    @Sendable static func registerMaintainer(_ req: Request) async throws -> ElevatorMaintainerDTO {
        let (actor, now, _, _) = try await context(req)
        let input = try req.decodeJSON(ElevatorMaintainerInput.self)
        return try await req.write { db in try await ElevatorService.registerMaintainer(input, actor: actor, now: now, on: db) }
    }

    @Sendable static func maintainers(_ req: Request) async throws -> [ElevatorMaintainerDTO] {
        try requireReader(try req.requireActor())
        let rows = try await ElevatorMaintainerRow.query(on: req.db).limit(1000).all()
        let ids = rows.compactMap(\.id)
        let units = ids.isEmpty ? [] : try await Unit.query(on: req.db).filter(\.$id ~~ ids).all()
        let names = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.name) } })
        return rows.compactMap { row in
            row.id.map { ElevatorMaintainerDTO(unitId: $0, name: names[$0] ?? "", qualification: row.qualification, emergencyPhone: row.emergencyPhone) }
        }.sorted { $0.name < $1.name }
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await context(req)
        let input = try req.decodeJSON(ElevatorInput.self)
        let dto = try await req.write { db in
            let row = try await ElevatorService.register(input, actor: actor, now: now, rules: rules, on: db)
            return try await ElevatorService.dto(row, now: now, rules: rules, on: db)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func list(_ req: Request) async throws -> ListPage<ElevatorDTO> {
        let (actor, now, _, rules) = try await context(req)
        try requireReader(actor)
        let page = try PageRequest(req)
        let query = ElevatorRow.query(on: req.db)
        if actor.role.isUnitScoped {
            query.group(.or) { or in
                or.filter(\.$useUnitID == actor.unitID).filter(\.$maintenanceUnitID == actor.unitID).filter(\.$streetUnitID == actor.unitID)
            }
        }
        if let status = req.query[String.self, at: "status"] {
            query.filter(\.$status == (try Check.enumeration(status, "status", as: ElevatorStatus.self)).rawValue)
        }
        if let unit = req.query[String.self, at: "maintenanceUnitId"] {
            query.filter(\.$maintenanceUnitID == (try Check.uuid(unit, "maintenanceUnitId")))
        }
        let (rows, next) = try await page.fetch(query, orderedBy: \.$registrationCode, id: \.$id)
        var items: [ElevatorDTO] = []
        for row in rows { items.append(try await ElevatorService.dto(row, now: now, rules: rules, on: req.db)) }
        return ListPage(items: items, nextCursor: next)
    }

    @Sendable static func archive(_ req: Request) async throws -> ElevatorArchiveDTO {
        let (actor, now, _, rules) = try await context(req)
        let row = try await ElevatorService.load(try req.idParameter(what: "电梯 / elevator"), visibleTo: actor, on: req.db)
        return try await archive(row, now: now, rules: rules, on: req.db)
    }

    static func archive(_ row: ElevatorRow, now: Date, rules: ElevatorRules, on db: any Database) async throws -> ElevatorArchiveDTO {
        let id = try row.requireID()
        var maintenance: [MaintenanceDTO] = []
        for record in try await ElevatorMaintenanceRow.query(on: db).filter(\.$elevatorID == id).sort(\.$performedAt, .descending).limit(200).all() {
            maintenance.append(try await ElevatorService.dto(record, on: db))
        }
        let inspections = try await ElevatorInspectionRow.query(on: db).filter(\.$elevatorID == id).sort(\.$inspectedOn, .descending).limit(50).all()
        let incidents = try await ElevatorIncidentRow.query(on: db).filter(\.$elevatorID == id).sort(\.$startedAt, .descending).limit(200).all()
        let funds = try await ElevatorFundRequestRow.query(on: db).filter(\.$elevatorID == id).sort(\.$createdAt, .descending).limit(50).all()
        let events = try await ElevatorEventRow.query(on: db).filter(\.$elevatorID == id).sort(\.$at, .descending).sort(\.$id).limit(500).all()
        let retention = try ElevatorService.core { try rules.recordRetention(madeAt: row.lastRecordAt, now: now) }
        return ElevatorArchiveDTO(
            elevator: try await ElevatorService.dto(row, now: now, rules: rules, on: db), maintenance: maintenance,
            inspections: try inspections.map(InspectionDTO.init), incidents: try incidents.map { try ElevatorIncidents.dto($0, now: now, rules: rules) },
            funds: try funds.map(FundRequestDTO.init),
            events: events.map { ArchiveLineDTO(at: ChinaTimeFormat.string($0.at), kind: $0.kind, summary: $0.summary, actor: $0.actor) },
            keepUntil: ChinaTimeFormat.string(retention.keepUntil.due))
    }

    @Sendable static func delete(_ req: Request) async throws -> HTTPStatus {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            try await ElevatorService.delete(row, actor: actor, now: now, rules: rules, on: db)
        }
        return .noContent
    }

    @Sendable static func useUnit(_ req: Request) async throws -> UseUnitDecisionDTO {
        let (actor, now, _, _) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(UseUnitInput.self)
        let decision = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            return try await ElevatorService.determineUseUnit(row, input: input, actor: actor, now: now, on: db)
        }
        return UseUnitDecisionDTO(decision)
    }

    // MARK: Status

    /// Who may do what: the use unit (or a supervisor/admin) puts it in service, stops, resumes and
    /// scraps; a supervisor or inspector seals (市场监管部门依法封停, 004 五(二)).
    static func statusEvent(from input: ElevatorStatusInput, now: Date) throws -> (ElevatorEvent, Date?) {
        let kind = try Check.enumeration(input.event, "event", as: ElevatorEventKind.self)
        switch kind {
        case .setInService: return (.setInService, nil)
        case .resume: return (.resume, nil)
        case .scrap: return (.scrap, nil)
        case .stop:
            guard let text = input.expectedRepairAt, !text.isEmpty else {
                throw DubanError.invalid("expectedRepairAt", "停用须写明预计修复时间 / a stop needs the expected repair time")
            }
            return (.stop(reason: try Check.text(input.reason ?? "", "reason", max: 2000), expectedRepairAt: try ElevatorService.time(text, "expectedRepairAt")), nil)
        case .seal:
            let deadline = try ElevatorService.optionalTime(input.expectedRepairAt, "expectedRepairAt")
            if let deadline, deadline <= now { throw DubanError.invalid("expectedRepairAt", "整改期限须晚于现在 / the fix deadline must be later than now") }
            return (.seal(reason: try Check.text(input.reason ?? "", "reason", max: 2000)), deadline)
        case .fixed, .reinspectionPassed, .reinspectionFailed:
            throw DubanError.invalid("event", "整改和复检随封停台账事项办理 / the fix and re-inspection follow the seal's ledger item")
        }
    }

    static func authorize(_ event: ElevatorEvent, actor: Actor, row: ElevatorRow) throws {
        switch event {
        case .seal:
            try ElevatorService.requireRole(actor, [.supervisor, .inspector])
        default:
            guard [.admin, .supervisor].contains(actor.role) || (actor.role.isUnitScoped && actor.unitID == row.useUnitID) else {
                throw DubanError.forbidden
            }
        }
    }

    @Sendable static func status(_ req: Request) async throws -> ElevatorDTO {
        let (actor, now, calculator, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let (event, deadline) = try statusEvent(from: try req.decodeJSON(ElevatorStatusInput.self), now: now)
        return try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            try authorize(event, actor: actor, row: row)
            try await ElevatorService.changeStatus(row, event: event, actor: actor, now: now, rules: rules, calculator: calculator,
                                                   fixDeadline: deadline, on: db)
            return try await ElevatorService.dto(row, now: now, rules: rules, on: db)
        }
    }

    /// 停运公告 (004 三(一)6): publishing shows the reason and repair time on the public label page.
    @Sendable static func stopNotice(_ req: Request) async throws -> ElevatorDTO {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        return try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            guard [.admin, .supervisor].contains(actor.role) || (actor.role.isUnitScoped && actor.unitID == row.useUnitID) else {
                throw DubanError.forbidden
            }
            guard row.statusValue == .stopped, row.stoppedAt != nil else {
                throw DubanError.conflict("电梯未停用 / the elevator is not stopped", code: "not_stopped", field: "status")
            }
            guard row.stopNoticeAt == nil else { throw DubanError.conflict("已公告 / already published", code: "already_published") }
            row.stopNoticeAt = now.wholeMilliseconds
            let check = try ElevatorService.core {
                try rules.stopNotice(stoppedAt: row.stoppedAt ?? now, noticePublishedAt: now, resumedAt: nil, now: now)
            }
            try await DeadlineWatches.close(entityType: ElevatorService.entity, entityID: id.text, kind: ElevatorService.stopNoticeWatch, on: db)
            try await ElevatorService.archive(row, kind: "stop_notice", "发布停运公告（原因：\(row.stopReason ?? "")，预计修复："
                                              + "\(row.expectedRepairAt.map(ChinaTimeFormat.string) ?? "")），\(check.outcome.chinese)",
                                              actor: actor.auditName, at: now, on: db)
            return try await ElevatorService.dto(row, now: now, rules: rules, on: db)
        }
    }

    // MARK: Maintenance and inspection

    @Sendable static func logMaintenance(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(MaintenanceInput.self)
        let dto = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            let record = try await ElevatorService.logMaintenance(row, input: input, actor: actor, now: now, rules: rules, on: db)
            return try await ElevatorService.dto(record, on: db)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    static func loadRecord(_ req: Request, _ row: ElevatorRow, on db: any Database) async throws -> ElevatorMaintenanceRow {
        let recordID = try req.idParameter("recordId", what: "维保记录 / maintenance record")
        guard let record = try await ElevatorMaintenanceRow.find(recordID, on: db), record.elevatorID == (try row.requireID()) else {
            throw DubanError.notFound("维保记录 / maintenance record")
        }
        return record
    }

    @Sendable static func confirm(_ req: Request) async throws -> MaintenanceDTO {
        let (actor, now, _, _) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(MaintenanceConfirmInput.self)
        return try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            let record = try await loadRecord(req, row, on: db)
            try await ElevatorService.confirmMaintenance(record, of: row, input: input, actor: actor, now: now, on: db)
            return try await ElevatorService.dto(record, on: db)
        }
    }

    /// A site photo, checked like ledger attachments (core `AttachmentCheck`), photos only.
    @Sendable static func photo(_ req: Request) async throws -> Response {
        let (actor, now, _, _) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let name = try req.query.get(String?.self, at: "name") ?? ""
        let contentType = req.headers.contentType.map { "\($0.type)/\($0.subType)" } ?? ""
        let bytes = req.body.data.map { Data(buffer: $0) } ?? Data()
        let type: AttachmentType
        switch AttachmentCheck.check(name: name, contentType: contentType, bytes: bytes, maxBytes: req.application.duban.maxAttachmentBytes) {
        case .success(let value): type = value
        case .failure(let error):
            let status: HTTPResponseStatus = if case .tooLarge = error { .payloadTooLarge } else { .unprocessableEntity }
            throw DubanError(status, code: error.code, message: error.message, field: error.field)
        }
        guard type.isPhoto else { throw DubanError.invalid("contentType", "现场照片须为 JPEG、PNG 或 WebP / a site photo is JPEG, PNG or WebP") }
        let dto = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            try ElevatorService.requireMaintainer(actor, of: row)
            let record = try await loadRecord(req, row, on: db)
            let photo = ElevatorPhotoRow()
            photo.id = UUID()
            photo.maintenanceID = try record.requireID()
            photo.name = TextNormalization.clean(name)
            photo.contentType = type.rawValue
            photo.size = bytes.count
            photo.sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            photo.data = bytes
            photo.uploadedBy = actor.auditName
            photo.createdAt = now.wholeMilliseconds
            try await photo.create(on: db)
            try await AuditLog.record(on: db, actor: actor.auditName, action: .create, entityType: "elevator_photo",
                                      entityID: try photo.requireID().text, before: String?.none,
                                      after: ["maintenanceId": try record.requireID().text, "sha256": photo.sha256], at: now)
            return try await ElevatorService.dto(record, on: db)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func applyForInspection(_ req: Request) async throws -> ElevatorDTO {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        return try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            try await ElevatorService.applyForInspection(row, actor: actor, now: now, on: db)
            return try await ElevatorService.dto(row, now: now, rules: rules, on: db)
        }
    }

    @Sendable static func inspection(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(InspectionInput.self)
        let dto = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            return try InspectionDTO(try await ElevatorService.recordInspection(row, input: input, actor: actor, now: now, rules: rules, on: db))
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    // MARK: Incidents, drills, funds, penalties

    @Sendable static func incident(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(IncidentInput.self)
        let dto = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            return try ElevatorIncidents.dto(try await ElevatorIncidents.record(row, input: input, actor: actor, now: now, rules: rules, on: db),
                                             now: now, rules: rules)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func updateIncident(_ req: Request) async throws -> IncidentDTO {
        let (actor, now, _, rules) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let incidentID = try req.idParameter("incidentId", what: "事件 / incident")
        let input = try req.decodeJSON(IncidentUpdateInput.self)
        return try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            guard let incident = try await ElevatorIncidentRow.find(incidentID, on: db), incident.elevatorID == id else {
                throw DubanError.notFound("事件 / incident")
            }
            try await ElevatorIncidents.update(incident, of: row, input: input, actor: actor, now: now, rules: rules, on: db)
            return try ElevatorIncidents.dto(incident, now: now, rules: rules)
        }
    }

    @Sendable static func drill(_ req: Request) async throws -> Response {
        let (actor, now, _, rules) = try await context(req)
        let input = try req.decodeJSON(DrillInput.self)
        let dto = try await req.write { db in try await ElevatorIncidents.drill(input, actor: actor, now: now, rules: rules, on: db) }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func fundRequest(_ req: Request) async throws -> Response {
        let (actor, now, _, _) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(FundRequestInput.self)
        let dto = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            return try FundRequestDTO(try await ElevatorIncidents.fundRequest(row, input: input, actor: actor, now: now, on: db))
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    @Sendable static func penalty(_ req: Request) async throws -> Response {
        let (actor, now, calculator, _) = try await context(req)
        let id = try req.idParameter(what: "电梯 / elevator")
        let input = try req.decodeJSON(ElevatorPenaltyInput.self)
        let dto = try await req.write { db in
            let row = try await ElevatorService.load(id, visibleTo: actor, on: db)
            return try await ElevatorIncidents.penalty(row, input: input, actor: actor, now: now, calculator: calculator, on: db)
        }
        return try await dto.encodeResponse(status: .created, for: req)
    }

    // MARK: Lists and dashboard

    @Sendable static func maintenanceOverdue(_ req: Request) async throws -> ListPage<ElevatorDueDTO> {
        let (actor, now, _, _) = try await context(req)
        try requireReader(actor)
        let page = try PageRequest(req)
        let query = ElevatorRow.query(on: req.db).filter(\.$maintenanceDueAt < now)
        if let unit = req.query[String.self, at: "maintenanceUnitId"] {
            query.filter(\.$maintenanceUnitID == (try Check.uuid(unit, "maintenanceUnitId")))
        }
        if actor.role.isUnitScoped {
            query.group(.or) { or in
                or.filter(\.$useUnitID == actor.unitID).filter(\.$maintenanceUnitID == actor.unitID).filter(\.$streetUnitID == actor.unitID)
            }
        }
        let (rows, next) = try await DateKeyset.page(query, field: "maintenance_due_at", ascending: true, cursor: page.cursor?.encoded,
                                                     limit: page.limit, value: { $0.maintenanceDueAt })
        return ListPage(items: try await dueRows(rows, due: { $0.maintenanceDueAt }, on: req.db), nextCursor: next)
    }

    @Sendable static func inspectionDue(_ req: Request) async throws -> ListPage<ElevatorDueDTO> {
        let (actor, now, _, rules) = try await context(req)
        try requireReader(actor)
        let page = try PageRequest(req)
        let state = req.query[String.self, at: "state"] ?? ""
        let query = ElevatorRow.query(on: req.db).filter(\.$status != ElevatorStatus.scrapped.rawValue)
        if actor.role.isUnitScoped {
            query.group(.or) { or in
                or.filter(\.$useUnitID == actor.unitID).filter(\.$maintenanceUnitID == actor.unitID).filter(\.$streetUnitID == actor.unitID)
            }
        }
        switch state {
        case "due":
            let horizon = now.addingTimeInterval(Double(rules.configuration.inspectionWarningDays) * 86400)
            query.filter(\.$inspectionApplicationDueAt >= now).filter(\.$inspectionApplicationDueAt <= horizon).filter(\.$inspectionAppliedAt == nil)
        case "overdue":
            query.filter(\.$inspectionApplicationDueAt < now).filter(\.$inspectionAppliedAt == nil).filter(\.$inspectionExpiresAt >= now)
        case "expired":
            query.filter(\.$inspectionExpiresAt < now)
        default:
            throw DubanError.invalid("state", "state 应为 due、overdue、expired / must be due, overdue or expired")
        }
        let expired = state == "expired"
        let due: @Sendable (ElevatorRow) -> Date? = { expired ? $0.inspectionExpiresAt : $0.inspectionApplicationDueAt }
        let field: FieldKey = expired ? "inspection_expires_at" : "inspection_application_due_at"
        let (rows, next) = try await DateKeyset.page(query, field: field, ascending: true, cursor: page.cursor?.encoded,
                                                     limit: page.limit, value: due)
        return ListPage(items: try await dueRows(rows, due: due, on: req.db), nextCursor: next)
    }

    static func dueRows(_ rows: [ElevatorRow], due: (ElevatorRow) -> Date?, on db: any Database) async throws -> [ElevatorDueDTO] {
        let ids = Array(Set(rows.map(\.maintenanceUnitID)))
        let units = ids.isEmpty ? [] : try await Unit.query(on: db).filter(\.$id ~~ ids).all()
        let names = Dictionary(uniqueKeysWithValues: units.compactMap { unit in unit.id.map { ($0, unit.name) } })
        return try rows.map { row in
            ElevatorDueDTO(id: try row.requireID(), registrationCode: row.registrationCode, location: ElevatorService.location(row),
                           maintenanceUnitId: row.maintenanceUnitID, maintenanceUnit: names[row.maintenanceUnitID] ?? "",
                           useUnit: row.useUnitName, dueAt: due(row).map(ChinaTimeFormat.string) ?? "")
        }
    }

    @Sendable static func dashboard(_ req: Request) async throws -> ElevatorDashboardDTO {
        let (actor, now, _, rules) = try await context(req)
        try ElevatorService.requireRole(actor, ElevatorService.districtReaders)
        return try await ElevatorDashboard.build(now: now, rules: rules, on: req.db)
    }
}
