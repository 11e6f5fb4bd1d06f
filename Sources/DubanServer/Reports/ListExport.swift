import DubanCore
import Vapor

/// 列表导出 (SPEC M8 "every list exportable to CSV and XLSX"; issue #9): one helper for every list. The
/// list's own query is read in keyset batches of ``batchSize`` and each batch is written to a chunked
/// response body as soon as it is read, so an export holds one batch in memory, never the whole result.
/// The first batch is read before the response starts, so a bad filter is still a 4xx with its field.
enum ListExport {
    enum Format: String { case csv, xlsx }

    /// Rows read per query.
    static let batchSize = 500

    static let formatParameter = APIOperation.QueryParameter(
        name: "format", schema: Schema.enumeration(["csv", "xlsx"]), description: "文件格式，默认 csv / file format, default csv")

    static func format(_ req: Request) throws -> Format {
        let text = req.query[String.self, at: "format"] ?? "csv"
        guard let format = Format(rawValue: text) else {
            throw DubanError.invalid("format", "格式应为 csv 或 xlsx / format must be csv or xlsx")
        }
        return format
    }

    /// A batch of rows and the cursor of the next (nil: the last batch).
    typealias Batch = (rows: [[String]], cursor: String?)

    /// Streams `header` and every batch `next` returns, starting from a nil cursor. `name` is the file
    /// name without extension (ASCII), `title` the sheet name.
    static func stream(_ req: Request, name: String, title: String, header: [String],
                       next: @escaping @Sendable (String?) async throws -> Batch) async throws -> Response {
        let format = try format(req)
        let first = try await next(nil)
        var headers = HTTPHeaders()
        let stamp = DashboardDay.stamp(Date())
        switch format {
        case .csv:
            headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)-\(stamp).csv\"")
        case .xlsx:
            headers.replaceOrAdd(name: .contentType, value: RegisterRoutes.xlsxType)
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)-\(stamp).xlsx\"")
        }
        let sheet = format == .xlsx ? try XLSXStreamWriter(sheetName: title) : nil
        let logger = req.logger
        let body = Response.Body(asyncStream: { writer in
            var xlsx = sheet
            do {
                func send(_ bytes: [UInt8]) async throws {
                    guard !bytes.isEmpty else { return }
                    try await writer.write(.buffer(ByteBuffer(bytes: bytes)))
                }
                func rows(_ rows: [[String]]) -> [UInt8] {
                    if xlsx != nil { return xlsx!.append(rows) }
                    return Array(CSV.encode(rows, byteOrderMark: false).utf8)
                }
                if xlsx != nil {
                    try await send(xlsx!.start(header: header))
                } else {
                    try await send(Array(CSV.encode([header], byteOrderMark: true).utf8))
                }
                var batch = first
                while true {
                    try await send(rows(batch.rows))
                    guard let cursor = batch.cursor, !(xlsx?.isFull ?? false) else { break }
                    batch = try await next(cursor)
                }
                if xlsx != nil { try await send(xlsx!.finish()) }
                try await writer.write(.end)
            } catch {
                logger.error("export \(name) failed: \(String(describing: error))")
                try await writer.write(.error(error))
            }
        })
        return Response(status: .ok, headers: headers, body: body)
    }
}

extension ListExport {
    /// An export of any keyset-paged list: the list's own handler is called page after page (so its
    /// filters, scope and access checks apply unchanged), `row` turns each item into the file's cells.
    static func pages<Item: Content>(_ req: Request, name: String, title: String, header: [String],
                                     list: @escaping @Sendable (Request) async throws -> ListPage<Item>,
                                     row: @escaping @Sendable (Item) -> [String]) async throws -> Response {
        let original = URLComponents(string: req.url.string)
        let kept = (original?.queryItems ?? []).filter { !["cursor", "limit", "format"].contains($0.name) }
        let path = req.url.path
        return try await stream(req, name: name, title: title, header: header) { cursor in
            var components = URLComponents()
            components.path = path
            components.queryItems = kept + [URLQueryItem(name: "limit", value: "\(PageRequest.maxLimit)")]
                + (cursor.map { [URLQueryItem(name: "cursor", value: $0)] } ?? [])
            req.url = URI(string: components.string ?? path)
            let page = try await list(req)
            return (page.items.map(row), page.nextCursor)
        }
    }

    static func yes(_ flag: Bool) -> String { flag ? "是" : "" }

    /// `GET /api/v1/<list>/export` for every paged list besides the ledger (which exports through its own
    /// query, see `LedgerRoutes.export`). Registered after the lists, whose filters it documents again.
    static func register(_ api: APIRoutes) {
        func add<Item: Content>(_ list: String, name: String, title: String, header: [String],
                                handler: @escaping @Sendable (Request) async throws -> ListPage<Item>,
                                row: @escaping @Sendable (Item) -> [String]) {
            let listed = api.app.apiRegistry.all.first { $0.method == .GET && $0.path == "/api/v1/" + list }
            let filters = (listed?.query ?? []).filter { $0.name != "limit" && $0.name != "cursor" }
            api.add(.GET, list + "/export", summary: "导出\(title)列表（CSV 或 XLSX，含筛选条件，流式）/ export the filtered list",
                    tag: listed?.tag ?? "Reports", query: filters + [formatParameter],
                    responses: [(200, "CSV 或 XLSX / CSV or XLSX", nil)]) { req in
                try await pages(req, name: name, title: title, header: header, list: handler, row: row)
            }
        }
        add("units", name: "units", title: "单位", header: ["编号", "名称", "类别", "上级编号", "别名", "统一社会信用代码", "地址", "电话"],
            handler: UnitRoutes.list) { unit in
            [unit.id.text, unit.name, Strings.kindName(unit.kind, .zh), unit.parentId?.text ?? "", unit.aliases.joined(separator: "、"),
             unit.creditCode ?? "", unit.address ?? "", unit.phone ?? ""]
        }
        add("people", name: "people", title: "人员", header: ["编号", "姓名", "电话", "任职", "备注"], handler: PersonRoutes.list) { person in
            [person.id.text, person.name, person.phone ?? "",
             person.posts.map { "\($0.unitName ?? "")\($0.title)（\($0.from)起\($0.to.map { "至" + $0 } ?? "")）" }.joined(separator: "；"),
             person.note ?? ""]
        }
        add("bodies", name: "bodies", title: "议事机构", header: ["编号", "名称", "类别", "文件", "文件日期", "牵头单位", "办公室主任", "成员数"],
            handler: BodyRoutes.list) { body in
            [body.id.text, body.name, body.kind.rawValue, body.document ?? "", body.documentDate ?? "", body.hostUnitName ?? "",
             body.officeDirectorName ?? "", "\(body.members.count)"]
        }
        add("credit/subjects", name: "credit-subjects", title: "信用主体", header: ["编号", "名称", "统一社会信用代码", "信用分", "等级", "红名单", "黑名单"],
            handler: CreditRoutes.subjects) { subject in
            [subject.id.text, subject.name, subject.creditCode ?? "", "\(subject.score)", subject.grade.chinese, yes(subject.redListed),
             yes(subject.blackListed)]
        }
        add("elevators", name: "elevators", title: "电梯", header: ["编号", "注册代码", "小区", "楼栋", "单元", "使用单位", "维保单位", "状态",
                                                                     "维保到期", "检验有效期至"],
            handler: ElevatorRoutes.list) { elevator in
            [elevator.id.text, elevator.registrationCode, elevator.compound, elevator.building, elevator.buildingUnit, elevator.useUnit ?? "",
             elevator.maintenanceUnit, elevator.statusText, elevator.maintenanceDueAt ?? "", elevator.inspectionValidUntil ?? ""]
        }
        add("notifications", name: "notifications", title: "通知", header: ["编号", "时间", "主题", "内容", "状态"],
            handler: NotificationRoutes.inbox) { notification in
            [notification.id.text, ChinaTimeFormat.string(notification.createdAt), notification.subject, notification.body, notification.state]
        }
        add("reports", name: "reports", title: "定期报告", header: ["编号", "文号", "标题", "类别", "发文日期", "接收人数"],
            handler: ScheduledReports.list) { report in
            [report.id.text, report.number, report.title, report.kindName, report.issuedOn, "\(report.recipients)"]
        }
    }
}
