/// The answer to GeoReport v2 "POST Service Request", rendered as an array holding this one
/// object (`[{"service_request_id":…,"service_notice":…,"account_id":…}]`).
public struct Open311RequestCreated: Hashable, Sendable {
    /// How the new request is identified: at once (`realtime` services) or later (`batch`).
    public enum Identifier: Hashable, Sendable {
        /// `service_request_id`: the tracking code, for `realtime` services.
        case serviceRequestID(String)
        /// `token`: to be exchanged for the id through "GET service_request_id from a token".
        case token(String)
    }

    /// `service_request_id` or `token`.
    public var identifier: Identifier
    /// `service_notice`: what the citizen can expect next.
    public var serviceNotice: String?
    /// `account_id`: the citizen's account, when the server links one.
    public var accountID: String?

    /// Each parameter sets the property of the same name.
    public init(identifier: Identifier, serviceNotice: String? = nil, accountID: String? = nil) {
        self.identifier = identifier
        self.serviceNotice = serviceNotice
        self.accountID = accountID
    }
}
