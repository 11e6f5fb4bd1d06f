/// A GeoReport v2 "POST Service Request" as submitted (`application/x-www-form-urlencoded`),
/// checked and normalised by ``parse(fields:limits:)``: values trimmed, empty values treated as
/// absent. Unknown fields are ignored, as jurisdictions may add their own.
public struct Open311RequestInput: Hashable, Sendable {
    /// `api_key`, as given. The parser does not judge it: the server checks it (and answers
    /// ``Open311Error/invalidAPIKey``, 403) before acting on anything else.
    public var apiKey: String?
    /// `jurisdiction_id`, needed only by servers hosting several jurisdictions.
    public var jurisdictionID: String?
    /// `service_code` (required).
    public var serviceCode: String
    /// `lat`/`long`, `address_string`, `address_id` (at least one).
    public var location: Open311Location
    /// `attribute[CODE]` answers: code → values in the order sent. A `multivaluelist` arrives as
    /// `attribute[CODE][]=a&attribute[CODE][]=b` (or the key repeated); see
    /// ``validated(against:)`` for checking them against the service definition.
    public var attributes: [String: [String]]
    /// `email` of the citizen.
    public var email: String?
    /// `device_id`: the submitting device's id.
    public var deviceID: String?
    /// `account_id`: the citizen's account on the client.
    public var accountID: String?
    /// `first_name`.
    public var firstName: String?
    /// `last_name`.
    public var lastName: String?
    /// `phone`.
    public var phone: String?
    /// `description`: what happened (line breaks kept).
    public var description: String?
    /// `media_url`: an `http`/`https` URL of a photo.
    public var mediaURL: String?

    /// Each parameter sets the property of the same name.
    public init(apiKey: String? = nil, jurisdictionID: String? = nil, serviceCode: String, location: Open311Location,
                attributes: [String: [String]] = [:], email: String? = nil, deviceID: String? = nil,
                accountID: String? = nil, firstName: String? = nil, lastName: String? = nil, phone: String? = nil,
                description: String? = nil, mediaURL: String? = nil) {
        self.apiKey = apiKey
        self.jurisdictionID = jurisdictionID
        self.serviceCode = serviceCode
        self.location = location
        self.attributes = attributes
        self.email = email
        self.deviceID = deviceID
        self.accountID = accountID
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.description = description
        self.mediaURL = mediaURL
    }
}
