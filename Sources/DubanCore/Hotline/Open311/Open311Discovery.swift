import Foundation

/// The Open311 service discovery document (`discovery.json` / `discovery.xml`): which API versions
/// this server offers, where, and in which formats.
public struct Open311Discovery: Hashable, Sendable {
    /// `changeset`: when this document last changed.
    public var changeset: Date
    /// `contact`: how developers reach the operator.
    public var contact: String
    /// `key_service`: how developers obtain an `api_key`.
    public var keyService: String
    /// `endpoints`.
    public var endpoints: [Open311Endpoint]

    /// Each parameter sets the property of the same name.
    public init(changeset: Date, contact: String, keyService: String, endpoints: [Open311Endpoint]) {
        self.changeset = changeset
        self.contact = contact
        self.keyService = keyService
        self.endpoints = endpoints
    }
}

/// One `endpoint` of the discovery document.
public struct Open311Endpoint: Hashable, Sendable {
    /// Whether an endpoint serves real data or is for testing.
    public enum Kind: String, CaseIterable, Codable, Hashable, Sendable {
        case production, test
    }

    /// `specification`: the URL of the specification implemented.
    public var specification: String
    /// `url`: the base URL of the endpoint (without the method and format).
    public var url: String
    /// `changeset`: when the endpoint last changed.
    public var changeset: Date
    /// `type`.
    public var type: Kind
    /// `formats`: MIME types offered, e.g. `text/xml`, `application/json`.
    public var formats: [String]

    /// The GeoReport v2 specification URL, as the discovery examples write it.
    public static let geoReportV2Specification = "http://wiki.open311.org/GeoReport_v2"

    /// Each parameter sets the property of the same name.
    public init(specification: String = Open311Endpoint.geoReportV2Specification, url: String, changeset: Date,
                type: Kind, formats: [String] = Open311Format.allCases.map(\.mimeType)) {
        self.specification = specification
        self.url = url
        self.changeset = changeset
        self.type = type
        self.formats = formats
    }
}
