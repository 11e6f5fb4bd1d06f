import Foundation

extension CalendarError {
    /// A malformed-data error naming the JSON path where decoding failed.
    init(decodingError: DecodingError) {
        let path: [any CodingKey]
        let reason: String
        switch decodingError {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
            reason = context.debugDescription
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            reason = "missing key \"\(key.stringValue)\""
        @unknown default:
            path = []
            reason = "unreadable calendar data"
        }
        // Array positions have an int value and a string value "Index N"; dictionary keys such as
        // "2026" may have an int value too, but their string value is the key itself.
        let field = path.map { key in
            key.intValue.map { $0.description == key.stringValue ? ".\(key.stringValue)" : "[\($0)]" } ?? ".\(key.stringValue)"
        }.joined()
        self = .malformedData(field: field.hasPrefix(".") ? String(field.dropFirst()) : field, reason: reason)
    }
}
