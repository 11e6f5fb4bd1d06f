extension Open311RequestInput {
    /// The request with its `attribute[…]` answers checked against `definition` (the definition of its
    /// `service_code`): every required variable attribute answered; one value unless the datatype is
    /// `multivaluelist`; list answers among the definition's `values` keys; `number` answers decimal
    /// numbers; `datetime` answers W3C datetimes with a zone. Answers to codes the definition does
    /// not ask for (unknown or non-variable) are dropped. Throws every problem found, each a 400
    /// naming `attribute[CODE]`.
    public func validated(against definition: Open311ServiceDefinition) throws(Open311ErrorList)
        -> Open311RequestInput {
        var errors: [Open311Error] = []
        var kept: [String: [String]] = [:]
        for attribute in definition.attributes.sorted(by: { ($0.order, $0.code) < ($1.order, $1.code) })
        where attribute.variable {
            let field = "attribute[\(attribute.code)]"
            let values = attributes[attribute.code] ?? []
            if values.isEmpty {
                if attribute.required { errors.append(.missing(field)) }
                continue
            }
            if let problem = Self.problem(with: values, for: attribute, field: field) {
                errors.append(problem)
                continue
            }
            kept[attribute.code] = values
        }
        if let list = Open311ErrorList(collected: errors) { throw list }
        var result = self
        result.attributes = kept
        return result
    }

    private static func problem(with values: [String], for attribute: Open311ServiceAttribute, field: String)
        -> Open311Error? {
        if attribute.datatype != .multivaluelist, values.count > 1 {
            return .invalid(field, chinese: "只能填写一个值", english: "takes a single value")
        }
        switch attribute.datatype {
        case .singlevaluelist, .multivaluelist:
            let keys = Set(attribute.values.map(\.key))
            guard values.allSatisfy(keys.contains) else {
                return .invalid(field, chinese: "不在可选值之中", english: "is not one of the allowed values")
            }
        case .number:
            guard values.allSatisfy({ Self.plainDecimal($0) != nil }) else {
                return .invalid(field, chinese: "须为数字", english: "must be a number")
            }
        case .datetime:
            guard values.allSatisfy({ Open311DateTime.parse($0) != nil }) else {
                return .invalid(field, chinese: "须为带时区的 ISO 8601 时间，如 2026-09-24T09:30:00+08:00",
                                english: "must be a W3C datetime with zone, e.g. 2026-09-24T09:30:00+08:00")
            }
        case .string, .text:
            break
        }
        return nil
    }
}
