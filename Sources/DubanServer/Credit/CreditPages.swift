import DubanCore
import Fluent
import Vapor

/// The credit pages: the public query and lists (no sign-in), the subject list and the subject page
/// with its chart, records and the forms the viewer may use, and the 双公示 late report. They call the
/// same handlers as the API, so access rules exist once.
enum CreditPages {
    static func register(signedIn pages: any RoutesBuilder, public app: Application) {
        app.get("credit", use: query)
        app.get("credit", "lists", use: lists)
        pages.get("credit", "subjects", use: subjects)
        pages.get("credit", "subjects", ":id", use: subject)
        pages.post("credit", "subjects", ":id", "records", roles: CreditService.recorders, use: enter)
        pages.post("credit", "subjects", ":id", "black-list", roles: CreditService.readers, use: propose)
        pages.post("credit", "subjects", ":id", "records", ":record", "publish", roles: CreditService.recorders, use: publish)
        pages.post("credit", "subjects", ":id", "records", ":record", "objection", roles: CreditService.readers, use: object)
        pages.post("credit", "subjects", ":id", "records", ":record", "repair", roles: CreditService.readers, use: repair)
        pages.post("credit", "subjects", ":id", "objections", ":objection", roles: CreditService.readers, use: decideObjection)
        pages.post("credit", "subjects", ":id", "repairs", ":repair", roles: CreditService.readers, use: decideRepair)
        pages.post("credit", "subjects", ":id", "cases", ":case", roles: CreditService.readers, use: caseEvent)
        pages.get("credit", "publications", use: publications)
    }

    // MARK: Public

    struct QueryPage: Encodable {
        var code: String
        var name: String
        var result: PublicCreditDTO?
        var searched: Bool
        var hasRecords: Bool
    }

    @Sendable static func query(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let code = (req.query[String.self, at: "code"] ?? "").trimmingCharacters(in: .whitespaces)
        let name = (req.query[String.self, at: "name"] ?? "").trimmingCharacters(in: .whitespaces)
        var content = QueryPage(code: String(code.prefix(40)), name: String(name.prefix(200)), result: nil,
                                searched: !code.isEmpty || !name.isEmpty, hasRecords: false)
        guard content.searched else { return try await req.render("credit-query", title: t["creditQuery"] ?? "", content) }
        do {
            let unit = try await CreditPublicRoutes.find(code: code.isEmpty ? nil : content.code, name: code.isEmpty ? content.name : nil,
                                                         on: req.db)
            content.result = try await CreditPublicRoutes.view(unit, now: Date(), on: req.db)
            content.hasRecords = !(content.result?.records.isEmpty ?? true)
            return try await req.render("credit-query", title: t["creditQuery"] ?? "", content)
        } catch let error as DubanError where error.status.code < 500 {
            return try await req.render("credit-query", title: t["creditQuery"] ?? "", content, error: error.message, status: error.status)
        }
    }

    struct ListsPage: Encodable {
        var black: [PublicBlackListEntryDTO]
        var red: [PublicRedListEntryDTO]
        var decisions: [PublicCreditRecordDTO]
        var hasBlack: Bool
        var hasRed: Bool
        var hasDecisions: Bool
    }

    @Sendable static func lists(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let black = try await CreditPublicRoutes.blackList(req).items
        let red = try await CreditPublicRoutes.redList(req).items
        let decisions = try await CreditPublicRoutes.decisions(req).items
        return try await req.render("credit-lists", title: t["creditLists"] ?? "", ListsPage(
            black: black, red: red, decisions: decisions, hasBlack: !black.isEmpty, hasRed: !red.isEmpty, hasDecisions: !decisions.isEmpty))
    }

    // MARK: Subjects

    struct SubjectsPage: Encodable {
        var q: String
        var items: [CreditSubjectSummaryDTO]
        var empty: Bool
        var nextHref: String?
        var canReport: Bool
    }

    @Sendable static func subjects(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let actor = try req.requireActor()
        let page = try await CreditRoutes.subjects(req)
        let q = (try? req.queryText("q", max: 100)) ?? nil
        var next: String?
        if let cursor = page.nextCursor {
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "cursor", value: cursor)] + (q.map { [URLQueryItem(name: "q", value: $0)] } ?? [])
            next = "/credit/subjects?" + (components.percentEncodedQuery ?? "")
        }
        return try await req.render("credit-subjects", title: t["credit"] ?? "", SubjectsPage(
            q: q ?? "", items: page.items, empty: page.items.isEmpty, nextHref: next,
            canReport: [.admin, .supervisor, .inspector, .leader].contains(actor.role)))
    }

    struct RecordRow: Encodable {
        var record: CreditRecordDTO
        var canPublish: Bool
        var canObject: Bool
        var canRepair: Bool
    }

    struct CaseAction: Encodable {
        var event: String
        var label: String
        var needsStatement = false
        var needsDocument = false
        var needsReason = false
    }

    struct CaseRow: Encodable {
        var item: BlackListCaseDTO
        var reasons: String
        var actions: [CaseAction]
    }

    struct ReviewRow<Item: Encodable>: Encodable {
        var item: Item
        var record: String
        var canDecide: Bool
    }

    struct SubjectPage: Encodable {
        var subject: CreditSubjectDTO
        var chart: LineChart
        var records: [RecordRow]
        var cases: [CaseRow]
        var objections: [ReviewRow<CreditObjectionDTO>]
        var repairs: [ReviewRow<CreditRepairDTO>]
        var reasons: String
        var hasReasons: Bool
        var measuresDue: String
        var canEnter: Bool
        var canPropose: Bool
        var kinds: [WebRoutes.Option]
        var fields: [WebRoutes.Option]
        var today: String
        var hasRecords: Bool
        var hasCases: Bool
        var hasObjections: Bool
        var hasRepairs: Bool
        var hasMeasures: Bool
        var hasFeedback: Bool
        var hasAudit: Bool
    }

    static let caseLabels: [BlackListEventKind: String] = [
        .notify: "告知（开始陈述申辩期）", .submitStatement: "陈述申辩", .list: "作出列入决定", .dismiss: "不予列入",
        .applyForRemoval: "申请提前移出", .approveRemoval: "同意提前移出", .refuseRemoval: "不同意提前移出",
    ]

    @Sendable static func subject(_ req: Request) async throws -> Response {
        let notice = req.query[String.self, at: "saved"] != nil ? Strings.table(Language.of(req))["saved"] : nil
        return try await subjectPage(req, error: nil, notice: notice, status: .ok)
    }

    static func subjectPage(_ req: Request, error: String?, notice: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.requireActor()
        let dto = try await CreditRoutes.subject(req)
        guard let unit = try await Unit.find(dto.id, on: req.db) else { throw DubanError.notFound("信用主体 / credit subject") }
        let now = Date()
        let today = LocalDate(chinaTimeOf: now)?.description ?? ""
        let subjectSide = (try? CreditService.requireSubjectSide(actor, of: unit)) != nil
        let reviewer = CreditService.reviewers.contains(actor.role)
        let recorder = CreditService.recorders.contains(actor.role)
        let pendingRepairs = Set(dto.repairs.filter { $0.state == .applied }.map(\.recordId))
        let records = dto.records.map { record in
            RecordRow(
                record: record,
                canPublish: recorder && record.requiresPublication && record.publishedAt == nil
                    && [.inEffect, .objected].contains(record.status),
                canObject: subjectSide && record.status == .inEffect,
                canRepair: subjectSide && record.status == .inEffect && !pendingRepairs.contains(record.id)
                    && (record.repairEligibleFrom.map { $0 <= today } ?? false))
        }
        let cases = dto.blackListCases.map { item -> CaseRow in
            var events: [BlackListEventKind] = []
            switch item.state {
            case .proposed: if reviewer { events = [.notify, .dismiss] }
            case .notified: events = (subjectSide && item.statement == nil ? [.submitStatement] : []) + (reviewer ? [.list, .dismiss] : [])
            case .listed: if subjectSide, item.earlyRemovalFrom.map({ $0 <= today }) ?? false { events = [.applyForRemoval] }
            case .removalRequested: if reviewer { events = [.approveRemoval, .refuseRemoval] }
            case .removed, .dismissed: break
            }
            return CaseRow(item: item, reasons: item.reasons.map(\.name).joined(separator: "、"), actions: events.map { kind in
                CaseAction(event: kind.rawValue, label: caseLabels[kind] ?? kind.rawValue, needsStatement: kind == .submitStatement,
                           needsDocument: kind == .list, needsReason: kind == .dismiss || kind == .refuseRemoval)
            })
        }
        let names = Dictionary(uniqueKeysWithValues: dto.records.map { ($0.id, "\($0.kindName) \($0.decisionNumber ?? $0.summary ?? "")") })
        let open = dto.blackListCases.contains { BlackListCaseRow.openStates.contains($0.state) }
        let grades = try await CreditRulesStore.current(on: req.db).gradeBands
        let chart = LineChart(
            label: "近24个月信用得分", values: dto.history.map { ($0.month, $0.score) },
            guides: [(grades.a, "A \(grades.a)"), (grades.b, "B \(grades.b)"), (grades.c, "C \(grades.c)")])
        let content = SubjectPage(
            subject: dto, chart: chart, records: records, cases: cases,
            objections: dto.objections.map { ReviewRow(item: $0, record: names[$0.recordId] ?? "", canDecide: reviewer && $0.state == .filed) },
            repairs: dto.repairs.map { ReviewRow(item: $0, record: names[$0.recordId] ?? "", canDecide: reviewer && $0.state == .applied) },
            reasons: dto.standing.blackListReasons.map(\.name).joined(separator: "、"),
            hasReasons: !dto.standing.blackListReasons.isEmpty,
            measuresDue: dto.standing.measures.map(\.name).joined(separator: "、"),
            canEnter: recorder, canPropose: reviewer && !dto.standing.blackListReasons.isEmpty && !open,
            kinds: CreditRecordInput.enteredKinds.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .penaltyMinor) },
            fields: CreditField.allCases.map { .init(value: $0.rawValue, label: $0.chinese, selected: $0 == .fireSafety) },
            today: today, hasRecords: !records.isEmpty, hasCases: !cases.isEmpty, hasObjections: !dto.objections.isEmpty,
            hasRepairs: !dto.repairs.isEmpty, hasMeasures: !dto.measures.isEmpty, hasFeedback: !dto.feedback.isEmpty,
            hasAudit: !dto.audit.isEmpty)
        return try await req.render("credit-subject", title: dto.name, content, error: error, notice: notice, status: status)
    }

    // MARK: Forms

    static func rerender(_ req: Request, _ message: String, _ status: HTTPResponseStatus) async throws -> Response {
        try await subjectPage(req, error: message, notice: nil, status: status)
    }

    static func back(_ req: Request) throws -> (subject: UUID, path: String) {
        let id = try req.idParameter(what: "信用主体 / credit subject")
        return (id, "/credit/subjects/\(id.text)")
    }

    struct RecordForm: Content {
        var kind: String?
        var field: String?
        var decisionNumber: String?
        var decisionDate: String?
        var authority: String?
        var legalBasis: String?
        var summary: String?
        var publishedAt: String?
    }

    @Sendable static func enter(_ req: Request) async throws -> Response {
        let form = try req.content.decode(RecordForm.self)
        let (subject, path) = try back(req)
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.createRecord(req, input: CreditRecordInput(
                subjectId: subject.uuidString, kind: form.kind ?? "", field: form.field, decisionNumber: form.decisionNumber ?? "",
                decisionDate: form.decisionDate ?? "", authority: form.authority ?? "", legalBasis: form.legalBasis ?? "",
                summary: form.summary, publishedAt: form.publishedAt))
        }
    }

    @Sendable static func propose(_ req: Request) async throws -> Response {
        let (subject, path) = try back(req)
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.propose(req, subjectID: subject)
        }
    }

    @Sendable static func publish(_ req: Request) async throws -> Response {
        let (_, path) = try back(req)
        let record = try req.idParameter("record", what: "信用记录 / credit record")
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.publish(req, recordID: record)
        }
    }

    struct ObjectionForm: Content {
        var reason: String?
        var evidence: String?
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Sendable static func object(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ObjectionForm.self)
        let (_, path) = try back(req)
        let record = try req.idParameter("record", what: "信用记录 / credit record")
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.object(req, recordID: record,
                                              input: CreditObjectionInput(reason: form.reason ?? "", evidence: lines(form.evidence)))
        }
    }

    struct RepairForm: Content {
        var wrongCorrected: String?
        var commitmentLetter: String?
        var evidence: String?
    }

    @Sendable static func repair(_ req: Request) async throws -> Response {
        let form = try req.content.decode(RepairForm.self)
        let (_, path) = try back(req)
        let record = try req.idParameter("record", what: "信用记录 / credit record")
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.applyRepair(req, recordID: record, input: CreditRepairInput(
                wrongCorrected: form.wrongCorrected == "true", commitmentLetter: form.commitmentLetter == "true",
                evidence: lines(form.evidence)))
        }
    }

    struct DecisionForm: Content {
        var decision: String?
        var finding: String?
    }

    @Sendable static func decideObjection(_ req: Request) async throws -> Response {
        let form = try req.content.decode(DecisionForm.self)
        let (_, path) = try back(req)
        let id = try req.idParameter("objection", what: "异议 / objection")
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.decideObjection(req, id: id, input: CreditDecisionInput(decision: form.decision ?? "",
                                                                                              finding: form.finding ?? ""))
        }
    }

    @Sendable static func decideRepair(_ req: Request) async throws -> Response {
        let form = try req.content.decode(DecisionForm.self)
        let (_, path) = try back(req)
        let id = try req.idParameter("repair", what: "修复申请 / repair")
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.decideRepair(req, id: id, input: CreditDecisionInput(decision: form.decision ?? "",
                                                                                           finding: form.finding ?? ""))
        }
    }

    @Sendable static func caseEvent(_ req: Request) async throws -> Response {
        let form = try req.content.decode(BlackListEventInput.self)
        let (_, path) = try back(req)
        let id = try req.idParameter("case", what: "黑名单案件 / black-list case")
        return try await req.formAction(back: path, rerender: rerender) {
            _ = try await CreditRoutes.caseEvent(req, id: id, input: form)
        }
    }

    // MARK: 双公示 report

    struct PublicationsPage: Encodable {
        struct Row: Encodable {
            var record: CreditRecordDTO
            var subject: String
        }
        var rows: [Row]
        var empty: Bool
        var lateOnly: Bool
        var nextHref: String?
    }

    @Sendable static func publications(_ req: Request) async throws -> Response {
        let t = Strings.table(Language.of(req))
        let page = try await CreditRoutes.publications(req)
        let lateOnly = req.query[String.self, at: "late"] == "true"
        let units = try await CreditPublicRoutes.units(page.items.map(\.subjectId), on: req.db)
        let next = page.nextCursor.map { cursor -> String in
            var components = URLComponents()
            components.queryItems = (lateOnly ? [URLQueryItem(name: "late", value: "true")] : []) + [URLQueryItem(name: "cursor", value: cursor)]
            return "/credit/publications?" + (components.percentEncodedQuery ?? "")
        }
        return try await req.render("credit-publications", title: t["publications"] ?? "", PublicationsPage(
            rows: page.items.map { .init(record: $0, subject: units[$0.subjectId]?.name ?? "") }, empty: page.items.isEmpty,
            lateOnly: lateOnly, nextHref: next))
    }

    // MARK: Strings

    static let strings: [(String, String, String)] = [
        ("credit", "信用监管", "Credit"),
        ("creditQuery", "信用信息查询", "Credit query"),
        ("creditQueryHint", "输入统一社会信用代码或单位全称（或登记的简称）查询信用等级、名单状态和已公示的信用记录。",
         "Enter the unified social credit code or the full registered name to see the grade, list status and published records."),
        ("creditLists", "红黑名单与双公示", "Red and black lists, published decisions"),
        ("byCode", "统一社会信用代码", "Credit code"),
        ("byName", "单位名称", "Name"),
        ("query", "查询", "Search"),
        ("score", "信用得分", "Score"),
        ("creditGrade", "信用等级", "Grade"),
        ("history", "近24个月得分（月末）", "Score at each month end, last 24 months"),
        ("records", "信用记录", "Credit records"),
        ("publishedRecords", "已公示的信用记录", "Published records"),
        ("points", "分值", "Points"),
        ("decisionNumber", "决定书文号", "Decision number"),
        ("decisionDate", "决定日期", "Decision date"),
        ("authority", "决定机关", "Authority"),
        ("legalBasis", "法律依据", "Legal basis"),
        ("summary", "内容", "Summary"),
        ("expiresOn", "有效期至（不含）", "Counts until (excl.)"),
        ("status", "状态", "Status"),
        ("publishedAt", "公示时间", "Published"),
        ("publicationDue", "公示期限", "Publication due"),
        ("publicationLate", "逾期公示", "Published late"),
        ("publish", "公示", "Publish"),
        ("objection", "异议", "Objection"),
        ("objections", "异议处理", "Objections"),
        ("fileObjection", "提出异议", "Object"),
        ("evidence", "证据材料（每行一项）", "Evidence (one per line)"),
        ("repair", "信用修复", "Repair"),
        ("repairs", "信用修复申请", "Repair applications"),
        ("applyRepair", "申请信用修复", "Apply for repair"),
        ("repairFrom", "可申请修复日期", "Repair from"),
        ("wrongCorrected", "已纠正失信行为", "Wrong corrected"),
        ("commitmentLetter", "已提交信用修复承诺书", "Commitment letter signed"),
        ("blackList", "严重失信主体名单（黑名单）", "Black list"),
        ("redList", "守信红名单", "Red list"),
        ("onBlackList", "已列入黑名单", "On the black list"),
        ("onRedList", "红名单", "Red list"),
        ("notListed", "未列入红黑名单", "On neither list"),
        ("listedOn", "列入日期", "Listed on"),
        ("listingEndsOn", "期满日期", "Listing ends"),
        ("decisionDocument", "列入决定书文号", "Decision document"),
        ("entryReasons", "列入事由", "Reasons"),
        ("conditionsHold", "符合列入黑名单条件", "Black-list conditions hold"),
        ("propose", "拟列入黑名单", "Propose black-listing"),
        ("blackListCases", "黑名单程序", "Black-list procedure"),
        ("statement", "陈述申辩", "Statement"),
        ("statementDue", "陈述申辩期限", "Statement due"),
        ("measures", "奖惩措施", "Measures"),
        ("measuresDue", "本等级应采取的措施", "Measures due at this grade"),
        ("noticeSent", "通知", "Notice"),
        ("feedback", "联合奖惩执行反馈", "Joint reward and punishment feedback"),
        ("agency", "成员单位", "Agency"),
        ("stage", "环节", "Stage"),
        ("auditTrail", "办理记录（审计）", "Audit trail"),
        ("enterRecord", "录入决定（处罚、许可、表彰、事故责任）", "Enter a decision"),
        ("field", "领域", "Field"),
        ("publishedAtOptional", "公示时间（已公示的填写）", "Published at (if already published)"),
        ("decision", "决定", "Decision"),
        ("finding", "复核意见", "Finding"),
        ("uphold", "异议成立（撤销记录）", "Uphold (revoke)"),
        ("reject", "异议不成立", "Reject"),
        ("approve", "准予修复", "Approve"),
        ("refuse", "不予修复", "Refuse"),
        ("reviewDue", "审核期限", "Review due"),
        ("publications", "双公示逾期报告", "Publication report"),
        ("lateOnly", "只看逾期", "Late only"),
        ("supervisingUnit", "主管部门", "Supervising department"),
        ("decisions", "双公示：行政许可和行政处罚", "Published licensing and penalty decisions"),
        ("subject", "信用主体", "Subject"),
        ("exposed", "曝光", "Exposed"),
        ("creditDefaults", "分值、等级和期限为督办平台的默认值（SPEC A3），非法律规定，管理员可调整。",
         "Points, grades and periods are Duban's defaults (SPEC A3), not law; an administrator may change them."),
        ("publicCreditNotice", "本页只显示依法公示的信息：信用等级、红黑名单状态和已公示的信用记录。",
         "Only what is published: grade, list status and published records."),
    ]
}
