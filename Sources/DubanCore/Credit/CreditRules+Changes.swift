import Foundation

extension CreditRules {
    /// The values that differ from ``defaults``, ordered by path. Lists (measures, grades, fields)
    /// compare as a whole. Empty for the defaults.
    public func changesFromDefaults() -> [CreditRuleChange] {
        let current = flattened(), standard = Self.defaults.flattened()
        return Set(current.keys).union(standard.keys).sorted().compactMap { path in
            let value = current[path] ?? "null", defaultValue = standard[path] ?? "null"
            return value == defaultValue ? nil : CreditRuleChange(path: path, value: value, defaultValue: defaultValue)
        }
    }

    /// Whether every value is the default.
    public var isDefault: Bool { self == Self.defaults }

    /// Every leaf value as JSON text, keyed by its dotted JSON path; built from the Codable form so
    /// that a new rule value is covered without touching this code.
    func flattened() -> [String: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self),
              let tree = try? JSONSerialization.jsonObject(with: data) else { return [:] }
        var leaves: [String: String] = [:]
        func walk(_ node: Any, _ path: String) {
            if let object = node as? [String: Any] {
                for (key, child) in object {
                    walk(child, path.isEmpty ? key : "\(path).\(key)")
                }
            } else if let text = try? JSONSerialization.data(withJSONObject: node, options: [.fragmentsAllowed, .sortedKeys]) {
                leaves[path] = String(decoding: text, as: UTF8.self)
            }
        }
        walk(tree, "")
        return leaves
    }
}
