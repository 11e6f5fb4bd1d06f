/// The answer to GeoReport v2 "GET service_request_id from a token" (`tokens/{token}.json`),
/// rendered as an array holding this one object.
public struct Open311Token: Hashable, Sendable {
    /// `token`: the token the POST returned.
    public var token: String
    /// `service_request_id`: nil while the request has not been created yet (rendered empty).
    public var serviceRequestID: String?

    /// Each parameter sets the property of the same name.
    public init(token: String, serviceRequestID: String?) {
        self.token = token
        self.serviceRequestID = serviceRequestID
    }
}
