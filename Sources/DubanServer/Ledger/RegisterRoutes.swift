import DubanCore
import Fluent
import Vapor

/// `/api/v1/registers/…`: the registers as files, out and in, in exactly their source's columns. A file
/// with any bad row imports nothing and the answer lists every bad row and column.
enum RegisterRoutes {
    static func register(_ api: APIRoutes) {
        let tag = "Ledger"
        let format = APIOperation.QueryParameter(name: "format", schema: Schema.enumeration(["csv", "xlsx"]),
                                                 description: "文件格式，默认 csv / file format, default csv")
        let cadence = APIOperation.QueryParameter(name: "cadence", schema: Schema.enumeration(ProgressCadence.allCases.map(\.rawValue)),
                                                  description: "进展报送周期，默认每月 / progress report cadence, default monthly")
        let imported: [(Int, String, JSON?)] = [(201, "已导入 / imported", Schema.ref("RegisterImport")),
                                                (422, "逐行错误，未导入 / row errors, nothing imported", Schema.ref("RegisterErrors"))]
        let files = (types: ["text/csv", xlsxType], maxSize: ByteCount(value: 20 * 1024 * 1024))
        api.add(.GET, "registers/major-fire-hazards", summary: "导出重大火灾隐患台账（000 阳政办(2017)45号附件原表列）/ export the register",
                tag: tag, query: [format], responses: [(200, "文件 / the file", nil)], use: exportHazards)
        api.add(.POST, "registers/major-fire-hazards",
                summary: "导入重大火灾隐患台账（任一行有误则全部不导入）/ import the register (all or nothing)", tag: tag,
                responses: imported, rawBody: files, use: importHazards)
        api.add(.GET, "registers/task-breakdown", summary: "导出工作责任分解表（序号、任务目标、责任单位、完成时限）/ export the task table",
                tag: tag, query: [format], responses: [(200, "文件 / the file", nil)], use: exportTasks)
        api.add(.POST, "registers/task-breakdown",
                summary: "导入工作责任分解表并交办（任一行有误则全部不导入）/ import and assign tasks (all or nothing)", tag: tag,
                query: [cadence], responses: imported, rawBody: files, use: importTasks)
    }

    struct ImportResult: Content {
        var imported: Int
        var ids: [UUID]
        static let schema = Schema.object([("imported", Schema.integer(minimum: 0)), ("ids", Schema.array(Schema.uuid))],
                                          required: ["imported", "ids"])
    }

    /// A refused import: the error, and the row errors when the file itself was read (a body that is
    /// not a table at all gets the error alone).
    struct RowErrors: Content {
        struct Detail: Content { var code: String; var message: String; var field: String? }
        struct Row: Content { var row: Int; var column: String; var message: String }
        var error: Detail
        var rows: [Row]
        static let schema = Schema.object([
            ("error", Schema.object([("code", Schema.string()), ("message", Schema.string()), ("field", Schema.string())],
                                    required: ["code", "message"])),
            ("rows", Schema.array(Schema.object([("row", Schema.integer()), ("column", Schema.string()), ("message", Schema.string())],
                                                required: ["row", "column", "message"]))),
        ], required: ["error"])
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The uploaded file as a table: the first sheet of an XLSX workbook (by its `Content-Type`, or by
    /// its ZIP signature), else CSV in UTF-8 (a byte-order mark is dropped).
    static func table(of req: Request) throws -> [[String]] {
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw DubanError.badRequest("请上传 CSV 或 XLSX 文件 / send the register as CSV or XLSX", field: "file")
        }
        let bytes = Data(buffer: buffer)
        let declared = req.headers.contentType.map { "\($0.type)/\($0.subType)" }
        if declared == xlsxType || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            do {
                guard let sheet = try XLSXReader.sheets(from: bytes).first else {
                    throw DubanError.badRequest("工作簿中没有工作表 / the workbook has no sheet", field: "file")
                }
                return sheet.rows
            } catch let error as XLSXError {
                throw DubanError(.badRequest, code: error.code, message: error.message, field: error.field)
            }
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw DubanError.badRequest("CSV 应为 UTF-8 编码 / the CSV must be UTF-8", field: "file")
        }
        do {
            return try CSV.parse(text)
        } catch {
            throw DubanError.badRequest("CSV 格式错误：\(error) / malformed CSV", field: "file")
        }
    }

    /// The table as a download: CSV with a byte-order mark (so Excel and WPS read the Chinese
    /// correctly), or an XLSX workbook with `?format=xlsx`.
    static func file(_ table: [[String]], name: String, title: String, req: Request) throws -> Response {
        var headers = HTTPHeaders()
        switch req.query[String.self, at: "format"] ?? "csv" {
        case "csv":
            headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).csv\"")
            return Response(status: .ok, headers: headers, body: .init(string: CSV.encode(table, byteOrderMark: true)))
        case "xlsx":
            let sheet = XLSXSheet(name: title, header: table.first ?? [], rows: Array(table.dropFirst()))
            let data = try XLSXWriter.workbook(sheets: [sheet])
            headers.replaceOrAdd(name: .contentType, value: xlsxType)
            headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).xlsx\"")
            return Response(status: .ok, headers: headers, body: .init(data: data))
        default:
            throw DubanError.invalid("format", "格式应为 csv 或 xlsx / format must be csv or xlsx")
        }
    }

    static func rejected(_ invalid: RegisterLayout.Invalid, req: Request) async throws -> Response {
        let first = invalid.errors.first
        let body = RowErrors(
            error: .init(code: "invalid_rows", message: "有\(invalid.errors.count)处错误，未导入任何行 / nothing imported",
                         field: first.map { "第\($0.row)行「\($0.column)」" }),
            rows: invalid.errors.map { RowErrors.Row(row: $0.row, column: $0.column, message: $0.message) })
        return try await body.encodeResponse(status: .unprocessableEntity, for: req)
    }

    @Sendable static func exportHazards(_ req: Request) async throws -> Response {
        try req.requireRole(.admin, .supervisor, .leader, .inspector)
        return try file(try await RegisterService.exportMajorFireHazards(on: req.db), name: "major-fire-hazards",
                        title: "重大火灾隐患情况统计表", req: req)
    }

    @Sendable static func importHazards(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor, .inspector)
        switch MajorFireHazardRegister.validate(try table(of: req)) {
        case .failure(let invalid):
            return try await rejected(invalid, req: req)
        case .success(let rows):
            let now = Date()
            let ids = try await req.write { db in
                try await RegisterService.importMajorFireHazards(rows, registeringUnit: actor.unitID, actor: actor.auditName, now: now, on: db)
            }
            return try await ImportResult(imported: ids.count, ids: ids).encodeResponse(status: .created, for: req)
        }
    }

    @Sendable static func exportTasks(_ req: Request) async throws -> Response {
        try req.requireRole(.admin, .supervisor, .leader, .dispatcher)
        return try file(try await TaskRegister.export(on: req.db), name: "task-breakdown", title: "工作责任分解表", req: req)
    }

    @Sendable static func importTasks(_ req: Request) async throws -> Response {
        let actor = try req.requireRole(.admin, .supervisor, .dispatcher)
        let cadence = try Check.enumeration(req.query[String.self, at: "cadence"] ?? "monthly", "cadence", as: ProgressCadence.self)
        let rows: [[String: String]]
        switch TaskBreakdownRegister.layout.validate(try table(of: req)) {
        case .failure(let invalid): return try await rejected(invalid, req: req)
        case .success(let valid): rows = valid
        }
        let now = Date()
        let calculator = req.application.calendarStore.calculator
        let result = try await req.write { db -> Result<[UUID], RegisterLayout.Invalid> in
            let directory = try await TaskRegister.Directory.load(on: db)
            switch TaskRegister.plans(rows, directory: directory, now: now, cadence: cadence) {
            case .failure(let invalid): return .failure(invalid)
            case .success(let plans):
                return .success(try await TaskRegister.create(plans, actor: actor, at: now, calculator: calculator, on: db).map { try $0.requireID() })
            }
        }
        switch result {
        case .failure(let invalid): return try await rejected(invalid, req: req)
        case .success(let ids): return try await ImportResult(imported: ids.count, ids: ids).encodeResponse(status: .created, for: req)
        }
    }
}
