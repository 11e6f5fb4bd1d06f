import Foundation

extension Open311RequestFilter {
    /// Parses the query parameters of "GET Service Requests". Unknown parameters (`jurisdiction_id`,
    /// `api_key`, client extras) are ignored; empty ones count as absent. Throws every problem found,
    /// each a 400 naming its parameter: a date that is not a W3C datetime with zone, `end_date`
    /// before `start_date` or more than `limits.maximumSpan` after it, a status other than `open` /
    /// `closed`, too many ids.
    public static func parse(query: [String: String], limits: Open311QueryLimits = .default)
        throws(Open311ErrorList) -> Open311RequestFilter {
        var reader = Open311FormReader(fields: query.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
        let ids = reader.list("service_request_id", maxItemLength: limits.maximumValueLength) ?? []
        if ids.count > limits.maximumServiceRequestIDs {
            reader.fail(.invalid("service_request_id", chinese: "一次最多查询 \(limits.maximumServiceRequestIDs) 个编号",
                                 english: "at most \(limits.maximumServiceRequestIDs) ids per query"))
        }
        let codes = reader.list("service_code", maxItemLength: limits.maximumValueLength) ?? []
        let range = Open311DateWindow.read(&reader, maximumSpan: limits.maximumSpan)
        var statuses: Set<Open311RequestStatus> = []
        for text in reader.list("status", maxItemLength: limits.maximumValueLength) ?? [] {
            guard let status = Open311RequestStatus(rawValue: text.lowercased()) else {
                reader.fail(.invalid("status", chinese: "须为 open 或 closed", english: "must be open or closed"))
                break
            }
            statuses.insert(status)
        }
        if let errors = Open311ErrorList(collected: reader.errors) { throw errors }
        return Open311RequestFilter(serviceRequestIDs: ids, serviceCodes: codes, startDate: range.start,
                                    endDate: range.end, statuses: statuses)
    }
}

/// `start_date` and `end_date`, shared by "GET Service Requests" and `servicerequestupdates`.
enum Open311DateWindow {
    static func read(_ reader: inout Open311FormReader, maximumSpan: TimeInterval?) -> (start: Date?, end: Date?) {
        let start = date("start_date", &reader)
        let end = date("end_date", &reader)
        if let start, let end {
            if end < start {
                reader.fail(.invalid("end_date", chinese: "早于 start_date", english: "is before start_date"))
            } else if let maximumSpan, end.timeIntervalSince(start) > maximumSpan {
                let days = Int((maximumSpan / 86_400).rounded(.down))
                reader.fail(.invalid("end_date", chinese: "与 start_date 相隔超过 \(days) 天",
                                     english: "is more than \(days) days after start_date"))
            }
        }
        return (start, end)
    }

    private static func date(_ name: String, _ reader: inout Open311FormReader) -> Date? {
        guard let text = reader.text(name, maxLength: 64) else { return nil }
        guard let date = Open311DateTime.parse(text) else {
            reader.fail(.invalid(name, chinese: "须为带时区的 W3C 时间，如 2026-09-24T09:30:00+08:00",
                                 english: "must be a W3C datetime with zone, e.g. 2010-01-01T00:00:00Z"))
            return nil
        }
        return date
    }
}
