import Foundation

/// What was wrong with a value that had the right JSON type; carried as the `underlyingError` of a
/// `DecodingError` so that the JSONL reader can turn it into the matching ``AssessmentError``.
enum InputProblem: Error, Equatable, Sendable {
    /// Not ISO 8601 with an offset.
    case invalidTime(String)
    /// A count below zero.
    case negative
    /// A number of points with more than 4 decimals or out of range.
    case notPoints
    /// An empty or blank string where a name or id is required.
    case blank
    /// A satisfaction value that is not one of the four.
    case unknownSatisfaction(String)

    /// The error at `field` of `line`.
    func error(line: Int?, field: String) -> AssessmentError {
        switch self {
        case .invalidTime(let value):
            return .invalidTime(line: line, field: field, value: value)
        case .negative:
            return .invalidValue(line: line, field: field, chinese: "不能为负数", english: "must not be negative")
        case .notPoints:
            return .invalidValue(
                line: line, field: field, chinese: "须为最多 4 位小数的非负分值",
                english: "must be a non-negative number of points with at most 4 decimals")
        case .blank:
            return .invalidValue(line: line, field: field, chinese: "不能为空", english: "must not be empty")
        case .unknownSatisfaction(let value):
            let known = HotlineSatisfaction.allCases.map(\.rawValue).joined(separator: "、")
            return .invalidValue(
                line: line, field: field, chinese: "“\(value)”不是 \(known) 之一",
                english: "\"\(value)\" is not one of \(known), or null")
        }
    }
}

extension KeyedDecodingContainer {
    /// A required ISO 8601 instant with an offset.
    func decodeInstant(forKey key: Key) throws -> Date {
        try instant(try decode(String.self, forKey: key), key: key)
    }

    /// An optional ISO 8601 instant; absent and null are nil.
    func decodeInstantIfPresent(forKey key: Key) throws -> Date? {
        try decodeIfPresent(String.self, forKey: key).map { try instant($0, key: key) }
    }

    /// A count ≥ 0; absent and null are 0.
    func decodeCount(forKey key: Key) throws -> Int {
        let value = try decodeIfPresent(Int.self, forKey: key) ?? 0
        guard value >= 0 else { throw problem(.negative, key: key) }
        return value
    }

    /// Points ≥ 0 with at most 4 decimals; absent and null are 0.
    func decodePoints(forKey key: Key) throws -> ScorePoints {
        let value = try decodeIfPresent(ScorePoints.self, forKey: key) ?? .zero
        guard value >= .zero else { throw problem(.notPoints, key: key) }
        return value
    }

    /// A required string with something besides white space in it.
    func decodeName(forKey key: Key) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard value.contains(where: { !$0.isWhitespace }) else { throw problem(.blank, key: key) }
        return value
    }

    /// A `DecodingError` at `key` carrying `problem`.
    func problem(_ problem: InputProblem, key: Key) -> DecodingError {
        .dataCorrupted(DecodingError.Context(
            codingPath: codingPath + [key], debugDescription: problem.error(line: nil, field: key.stringValue).message,
            underlyingError: problem))
    }

    private func instant(_ text: String, key: Key) throws -> Date {
        guard let date = ISO8601Instant.parse(text) else { throw problem(.invalidTime(text), key: key) }
        return date
    }
}

extension KeyedEncodingContainer {
    /// Writes an instant as ISO 8601 in China time.
    mutating func encodeInstant(_ date: Date, forKey key: Key) throws {
        guard let text = ISO8601Instant.format(date) else {
            throw EncodingError.invalidValue(date, EncodingError.Context(
                codingPath: codingPath + [key], debugDescription: "the instant is outside years 1–9999"))
        }
        try encode(text, forKey: key)
    }

    /// Writes an optional instant, null when absent (as SPEC A2 shows `"signedAt":null`).
    mutating func encodeInstantOrNull(_ date: Date?, forKey key: Key) throws {
        if let date { try encodeInstant(date, forKey: key) } else { try encodeNil(forKey: key) }
    }
}
