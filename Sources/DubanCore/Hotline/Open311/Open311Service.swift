/// One entry of GeoReport v2 "GET Service List" (`services.json` / `services.xml`): a kind of
/// complaint the public may file. 诉求类别 — hotline category (SPEC M4: "category … chosen from
/// configured lists").
public struct Open311Service: Hashable, Sendable {
    /// `service_code`: the category's stable identifier.
    public var serviceCode: String
    /// `service_name`: the category's human-readable name.
    public var serviceName: String
    /// `description`: a short explanation of what belongs in this category.
    public var description: String?
    /// `metadata`: true when the category has attributes, fetched from "GET Service Definition".
    public var metadata: Bool
    /// `type`: how a POSTed request is acknowledged.
    public var type: Open311ServiceType
    /// `keywords`: tags and synonyms; rendered as one comma-separated string as the spec requires.
    public var keywords: [String]
    /// `group`: the heading this category is listed under.
    public var group: String?

    /// Each parameter sets the property of the same name.
    public init(serviceCode: String, serviceName: String, description: String? = nil, metadata: Bool = false,
                type: Open311ServiceType = .realtime, keywords: [String] = [], group: String? = nil) {
        self.serviceCode = serviceCode
        self.serviceName = serviceName
        self.description = description
        self.metadata = metadata
        self.type = type
        self.keywords = keywords
        self.group = group
    }
}

/// GeoReport v2 `type` of a service: how the server answers a POSTed request.
public enum Open311ServiceType: String, CaseIterable, Codable, Hashable, Sendable {
    /// The `service_request_id` is returned at once (Duban's case: the tracking code).
    case realtime
    /// A `token` is returned; "GET service_request_id from a token" later yields the id.
    case batch
    /// Neither an id nor a token is returned.
    case blackbox
}
