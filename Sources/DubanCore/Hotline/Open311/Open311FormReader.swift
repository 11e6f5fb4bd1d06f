import Foundation

/// Reads form or query fields for the Open311 parsers: trims values, treats empty values as absent,
/// refuses a field given twice with different values, and collects every problem instead of stopping
/// at the first, so that one response lists them all.
struct Open311FormReader {
    /// Problems found so far, in the order the fields were read.
    private(set) var errors: [Open311Error] = []
    /// `attribute[CODE]` and `attribute[CODE][]` values by code, in the order sent.
    private(set) var attributes: [String: [String]] = [:]
    private var values: [String: [String]] = [:]

    init(fields: [(name: String, value: String)]) {
        for (name, value) in fields {
            if name.hasPrefix("attribute[") {
                guard let code = Self.attributeCode(in: name) else {
                    errors.append(.invalid(name, chinese: "格式应为 attribute[代码] 或 attribute[代码][]",
                                           english: "expected attribute[CODE] or attribute[CODE][]"))
                    continue
                }
                attributes[code, default: []].append(value)
            } else {
                values[name, default: []].append(value)
            }
        }
    }

    /// Records a problem.
    mutating func fail(_ error: Open311Error) {
        errors.append(error)
    }

    /// Whether `name` was sent with a non-blank value (valid or not).
    func has(_ name: String) -> Bool {
        (values[name] ?? []).contains { !Self.trimmed($0).isEmpty }
    }

    /// The trimmed value of `name`; nil when absent, empty or refused (then an error is recorded).
    mutating func text(_ name: String, maxLength: Int) -> String? {
        let given = (values[name] ?? []).map(Self.trimmed).filter { !$0.isEmpty }
        guard let value = given.first else { return nil }
        guard given.allSatisfy({ $0 == value }) else {
            fail(.invalid(name, chinese: "重复提交了不同的值", english: "was given more than once with different values"))
            return nil
        }
        return checked(value, field: name, maxLength: maxLength)
    }

    /// `value` when it is within `maxLength` Unicode scalars and holds no control character other than
    /// tab, line feed and carriage return; otherwise nil, with an error recorded.
    mutating func checked(_ value: String, field: String, maxLength: Int) -> String? {
        guard value.unicodeScalars.count <= maxLength else {
            fail(.invalid(field, chinese: "超过 \(maxLength) 个字符", english: "is longer than \(maxLength) characters"))
            return nil
        }
        let isControl: (Unicode.Scalar) -> Bool = {
            ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || (0x7F...0x9F).contains($0.value)
        }
        guard !value.unicodeScalars.contains(where: isControl) else {
            fail(.invalid(field, chinese: "含有控制字符", english: "contains control characters"))
            return nil
        }
        return value
    }

    /// A comma-separated list (`service_request_id=a,b`): items trimmed, empty items dropped,
    /// duplicates removed keeping the first; nil when the field is absent or lists nothing.
    mutating func list(_ name: String, maxItemLength: Int) -> [String]? {
        let raw = (values[name] ?? []).joined(separator: ",")
        var items: [String] = []
        for item in raw.split(separator: ",", omittingEmptySubsequences: true).map({ Self.trimmed(String($0)) })
        where !item.isEmpty && !items.contains(item) {
            guard let item = checked(item, field: name, maxLength: maxItemLength) else { return nil }
            items.append(item)
        }
        return items.isEmpty ? nil : items
    }

    /// Whitespace and line breaks removed from both ends.
    static func trimmed(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `CODE` of `attribute[CODE]` or `attribute[CODE][]`; nil for any other shape.
    static func attributeCode(in key: String) -> String? {
        let rest = key.dropFirst("attribute[".count)
        guard let close = rest.firstIndex(of: "]") else { return nil }
        let code = rest[..<close]
        let tail = rest[rest.index(after: close)...]
        guard !code.isEmpty, !code.contains("["), tail.isEmpty || tail == "[]" else { return nil }
        return String(code)
    }
}
