/// GeoReport v2 "GET Service Definition" (`services/{service_code}.json`): the extra questions
/// (attributes) a category asks when `metadata` is true.
public struct Open311ServiceDefinition: Hashable, Sendable {
    /// `service_code`.
    public var serviceCode: String
    /// `attributes`, in the order given (clients sort by ``Open311ServiceAttribute/order``).
    public var attributes: [Open311ServiceAttribute]

    /// Each parameter sets the property of the same name.
    public init(serviceCode: String, attributes: [Open311ServiceAttribute]) {
        self.serviceCode = serviceCode
        self.attributes = attributes
    }
}

/// One GeoReport v2 `attribute` of a service definition; the answer arrives as `attribute[code]`.
public struct Open311ServiceAttribute: Hashable, Sendable {
    /// `variable`: true when the client must ask for a value; false for an informational text only.
    public var variable: Bool
    /// `code`: the key used in `attribute[code]`.
    public var code: String
    /// `datatype`.
    public var datatype: Open311AttributeDatatype
    /// `required`: a request without a value for this attribute is refused.
    public var required: Bool
    /// `datatype_description`: a hint on the expected format, e.g. "YYYY-MM-DD".
    public var datatypeDescription: String?
    /// `order`: the position in which clients show the attribute.
    public var order: Int
    /// `description`: the question put to the citizen.
    public var description: String
    /// `values`: the allowed answers, for the two list datatypes; empty otherwise.
    public var values: [Open311AttributeValue]

    /// Each parameter sets the property of the same name.
    public init(variable: Bool = true, code: String, datatype: Open311AttributeDatatype, required: Bool,
                datatypeDescription: String? = nil, order: Int, description: String,
                values: [Open311AttributeValue] = []) {
        self.variable = variable
        self.code = code
        self.datatype = datatype
        self.required = required
        self.datatypeDescription = datatypeDescription
        self.order = order
        self.description = description
        self.values = values
    }
}

/// GeoReport v2 attribute `datatype`.
public enum Open311AttributeDatatype: String, CaseIterable, Codable, Hashable, Sendable {
    case string, number, datetime, text, singlevaluelist, multivaluelist

    /// Whether answers must come from ``Open311ServiceAttribute/values``.
    public var isList: Bool { self == .singlevaluelist || self == .multivaluelist }
}

/// One allowed answer of a list attribute: `key` is submitted, `name` is shown.
public struct Open311AttributeValue: Hashable, Sendable {
    /// `key`.
    public var key: String
    /// `name`.
    public var name: String

    /// Each parameter sets the property of the same name.
    public init(key: String, name: String) {
        self.key = key
        self.name = name
    }
}
