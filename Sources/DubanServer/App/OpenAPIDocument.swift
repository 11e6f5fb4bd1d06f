import DubanCore
import Vapor

/// Builds `/openapi.json` (OpenAPI 3.1) from the operations registered through `APIRoutes`.
enum OpenAPIDocument {
    /// Component schemas, by name.
    static let components: [(String, JSON)] = [
        ("Error", Schema.object([
            ("error", Schema.object([
                ("code", Schema.string()), ("message", Schema.string()), ("field", Schema.string()),
            ], required: ["code", "message"])),
        ], required: ["error"])),
        ("Health", Schema.object([("status", Schema.enumeration(["ok"]))], required: ["status"])),
        ("Unit", UnitDTO.schema), ("UnitCreate", UnitCreate.schema), ("UnitPatch", UnitPatch.schema),
        ("Post", PostDTO.schema), ("Person", PersonDTO.schema), ("PersonInput", PersonInput.schema),
        ("PostInput", PostInput.schema), ("PostEnd", PostEnd.schema),
        ("BodyMember", BodyMemberDTO.schema), ("Body", BodyDTO.schema), ("BodyInput", BodyInput.schema),
        ("BodyMemberInput", BodyMemberInput.schema),
        ("User", UserDTO.schema), ("UserCreate", UserCreate.schema), ("UserPatch", UserPatch.schema),
        ("TokenRequest", TokenRequest.schema), ("TokenResponse", TokenResponse.schema), ("Me", MeDTO.schema),
        ("Deadline", DeadlineDTO.schema), ("Day", DayDTO.schema), ("NamedDay", NamedDayDTO.schema),
        ("CalendarYear", CalendarYearDTO.schema), ("CalendarYearInput", CalendarYearInput.schema),
        ("WorkingHours", WorkingHoursDTO.schema), ("Notification", NotificationDTO.schema),
        ("WarningLead", WarningLeadDTO.schema),
        ("Item", ItemDTO.schema), ("ItemInput", ItemInput.schema), ("ItemEventInput", ItemEventInput.schema),
        ("HotlineCase", HotlineCaseDTO.schema), ("HotlineIntake", HotlineIntakeInput.schema),
        ("HotlineDispatch", HotlineDispatchInput.schema), ("HotlineContact", HotlineContactInput.schema),
        ("HotlineFollowUp", HotlineFollowUpInput.schema), ("HotlineEvaluation", HotlineEvaluationInput.schema),
        ("HotlineCategory", HotlineRoutes.CategoryDTO.schema), ("HotlineCategoryInput", HotlineRoutes.CategoryInput.schema), ("HotlineSuggestions", HotlineRoutes.Suggestions.schema),
        ("KnowledgeEntry", HotlineRoutes.KnowledgeDTO.schema), ("KnowledgeInput", HotlineRoutes.KnowledgeInput.schema),
        ("EvaluatorInput", HotlineRoutes.EvaluatorInput.schema), ("WeeklyReport", HotlineRoutes.WeeklyReport.schema),
        ("PublicCase", PublicCaseDTO.schema), ("PublicSubmission", PublicSubmissionInput.schema),
        ("PublicSubmissionResult", PublicSubmissionResult.schema),
        ("Accountability", AccountabilityDTO.schema), ("AccountabilityEvaluate", AccountabilityRoutes.EvaluateInput.schema),
        ("AccountabilityPropose", AccountabilityRoutes.ProposeInput.schema), ("AccountabilityEvent", AccountabilityRoutes.EventInput.schema),
        ("AssessmentScheme", SupervisionRoutes.SchemeDTO.schema),
        ("Proposal", ProposalDTO.schema), ("ProposalInput", ProposalInput.schema), ("ProposalStepInput", ProposalStepInput.schema),
        ("AssessmentEntry", AssessmentEntryDTO.schema), ("AssessmentEntryInput", AssessmentEntryInput.schema),
        ("Setting", SettingsRoutes.SettingDTO.schema), ("SettingInput", SettingsRoutes.SettingInput.schema),
        ("Attachment", LedgerAttachments.AttachmentDTO.schema), ("Message", LedgerThreads.MessageDTO.schema),
        ("TextInput", LedgerThreads.TextInput.schema), ("LookBackInput", LedgerThreads.LookBackInput.schema),
        ("Finding", FindingDTO.schema), ("TimelineEntry", TimelineDTO.schema), ("FiveImplementations", ItemDTO.fiveSchema),
        ("ListedHazard", LedgerRoutes.ListedHazardDTO.schema),
        ("LedgerMetrics", LedgerMetricsDTO.schema),
        ("Dashboard", DashboardDTO.schema), ("DashboardFigure", DashboardDTO.figureSchema),
        ("Report", ReportDTO.schema),
        ("RegisterImport", RegisterRoutes.ImportResult.schema), ("RegisterErrors", RegisterRoutes.RowErrors.schema),
        ("AuditEntry", AuditEntryDTO.schema), ("AuditPage", AuditPage.schema), ("AuditVerification", AuditVerification.schema),
    ] + CreditRoutes.components + ElevatorRoutes.components + SiteAuditRoutes.components

    static func build(_ operations: [APIOperation]) -> JSON {
        var paths: [(String, JSON)] = []
        for operation in operations {
            var op: JSON = [
                "summary": .string(operation.summary),
                "tags": [.string(operation.tag)],
                "operationId": .string(operationID(operation)),
            ]
            var parameters: [JSON] = pathParameters(operation.path).map { name in
                ["name": .string(name), "in": "path", "required": true, "schema": operation.pathSchemas[name] ?? Schema.uuid]
            }
            parameters += operation.query.map { q in
                ["name": .string(q.name), "in": "query", "required": .bool(q.required), "schema": q.schema,
                 "description": .string(q.description)]
            }
            if !parameters.isEmpty { op.set("parameters", .array(parameters)) }
            if let body = operation.requestBody {
                op.set("requestBody", ["required": true, "content": ["application/json": ["schema": body]]])
            } else if !operation.rawBodyTypes.isEmpty {
                let binary: JSON = ["schema": ["type": "string", "format": "binary"]]
                op.set("requestBody", ["required": true, "content": .object(operation.rawBodyTypes.map { ($0, binary) })])
            }
            op.set("responses", responses(operation.responses))
            if let roles = operation.roles {
                op.set("x-duban-roles", .array(roles.map { .string($0.rawValue) }))
                op.set("description", .string("角色 / roles: " + roles.map(\.rawValue).joined(separator: ", ")))
            }
            op.set("security", operation.agencyKey ? [["agencyKey": []]] : operation.requiresAuth ? [["bearer": []]] : [])
            let method = operation.method.rawValue.lowercased()
            if let index = paths.firstIndex(where: { $0.0 == operation.path }) {
                paths[index].1.set(method, op)
            } else {
                paths.append((operation.path, .object([(method, op)])))
            }
        }
        paths.append(("/healthz", ["get": [
            "summary": "健康检查 / health", "operationId": "healthz", "tags": ["Platform"], "security": [],
            "responses": responses([(200, "ok", Schema.ref("Health")), (401, APIRoutes.sentTokenInvalid, Schema.ref("Error"))]
                                   + APIRoutes.anyOperationResponses),
        ]]))
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Duban 督办 API",
                "version": "1.0.0",
                "description": "安全监管与督办问责平台 / safety supervision and accountability platform. Errors: {\"error\":{\"code\",\"message\",\"field\"}}. POST accepts an Idempotency-Key header.",
            ],
            "paths": .object(paths.sorted { $0.0 < $1.0 }),
            "components": [
                "schemas": .object(components),
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer"],
                    "agencyKey": ["type": "apiKey", "in": "header", "name": .string(JointRoutes.header)],
                ],
            ],
        ]
    }

    /// An operation's `responses` object: each status once (the first description given), JSON bodies by schema.
    static func responses(_ list: [(status: Int, description: String, schema: JSON?)]) -> JSON {
        var responses: [(String, JSON)] = []
        for response in list where !responses.contains(where: { $0.0 == String(response.status) }) {
            var r: JSON = ["description": .string(response.description)]
            if let schema = response.schema { r.set("content", ["application/json": ["schema": schema]]) }
            responses.append((String(response.status), r))
        }
        return .object(responses)
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    static func operationID(_ operation: APIOperation) -> String {
        let words = operation.path.dropFirst("/api/v1/".count).split(separator: "/").map { part -> String in
            let clean = part.replacingOccurrences(of: "{", with: "by_").replacingOccurrences(of: "}", with: "")
            return clean.prefix(1).uppercased() + clean.dropFirst()
        }
        return operation.method.rawValue.lowercased() + words.joined()
    }
}
