import Foundation

/// A JSON value, used to write the OpenAPI document and schemas by hand.
indirect enum JSON: Encodable, Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    init(stringLiteral value: String) { self = .string(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSON)...) { self = .object(elements) }

    static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: false
        }
    }

    private struct FieldName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let v):
            var c = encoder.singleValueContainer(); try c.encode(v)
        case .number(let v):
            var c = encoder.singleValueContainer()
            if v.rounded() == v, abs(v) < 1e15 { try c.encode(Int64(v)) } else { try c.encode(v) }
        case .string(let v):
            var c = encoder.singleValueContainer(); try c.encode(v)
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { try c.encode(item) }
        case .object(let pairs):
            var c = encoder.container(keyedBy: FieldName.self)
            for (key, value) in pairs { try c.encode(value, forKey: FieldName(stringValue: key)) }
        }
    }

    subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// Adds or replaces `key` in an object.
    mutating func set(_ key: String, _ value: JSON) {
        guard case .object(var pairs) = self else { return }
        if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = value } else { pairs.append((key, value)) }
        self = .object(pairs)
    }
}

/// Small constructors for JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12).
enum Schema {
    static func ref(_ name: String) -> JSON { ["$ref": .string("#/components/schemas/\(name)")] }
    static func string(maxLength: Int? = nil, minLength: Int? = nil, format: String? = nil,
                       pattern: String? = nil, description: String? = nil) -> JSON {
        var s: JSON = ["type": "string"]
        if let minLength { s.set("minLength", .number(Double(minLength))) }
        if let maxLength { s.set("maxLength", .number(Double(maxLength))) }
        if let format { s.set("format", .string(format)) }
        if let pattern { s.set("pattern", .string(pattern)) }
        if let description { s.set("description", .string(description)) }
        return s
    }
    static func nullable(_ schema: JSON) -> JSON { ["oneOf": [schema, ["type": "null"]]] }
    static func enumeration(_ values: [String]) -> JSON { ["type": "string", "enum": .array(values.map(JSON.string))] }
    static let uuid = string(format: "uuid")
    static let dateTime = string(format: "date-time")
    static let date = string(format: "date", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    static let boolean: JSON = ["type": "boolean"]
    static func integer(minimum: Int? = nil, maximum: Int? = nil) -> JSON {
        var s: JSON = ["type": "integer"]
        if let minimum { s.set("minimum", .number(Double(minimum))) }
        if let maximum { s.set("maximum", .number(Double(maximum))) }
        return s
    }
    static let number: JSON = ["type": "number"]
    static func array(_ items: JSON, maxItems: Int? = nil) -> JSON {
        var s: JSON = ["type": "array", "items": items]
        if let maxItems { s.set("maxItems", .number(Double(maxItems))) }
        return s
    }
    /// An object with the given properties; `required` lists the keys that must be present.
    static func object(_ properties: [(String, JSON)], required: [String] = [], additional: Bool = false) -> JSON {
        [
            "type": "object",
            "properties": .object(properties),
            "required": .array(required.map(JSON.string)),
            "additionalProperties": .bool(additional),
        ]
    }
    /// A page of a keyset-paginated list.
    static func page(of item: String) -> JSON {
        object([("items", array(ref(item))), ("nextCursor", nullable(string()))], required: ["items", "nextCursor"])
    }
}
