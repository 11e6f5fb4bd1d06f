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
