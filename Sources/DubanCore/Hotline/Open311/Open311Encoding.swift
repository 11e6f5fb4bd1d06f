import Foundation

/// Renders GeoReport v2 documents as UTF-8 JSON or XML, in the shapes of the spec's examples:
///
/// | document | JSON | XML |
/// |---|---|---|
/// | `services` | array | `<services><service>…` |
/// | `services/{code}` | object | `<service_definition>…<attributes><attribute>…<values><value>` |
/// | `requests`, `requests/{id}` | array | `<service_requests><request>…` |
/// | POST `requests` | array of one | `<service_requests><request>…` |
/// | `tokens/{token}` | array of one | `<service_requests><request>…` |
/// | `servicerequestupdates` | array | `<service_request_updates><request_update>…` |
/// | `discovery` | object | `<discovery>…<endpoints><endpoint>…<formats><format>` |
/// | errors | array | `<errors><error><code>…` |
///
/// Nulls: every member the spec lists is always written; an absent value is JSON `null` (as the
/// spec's JSON examples show, e.g. `"description":null`) and an empty XML element
/// (`<description></description>`). The update extension is the one exception, see
/// ``Open311ServiceRequestUpdate``. JSON is compact; XML starts with
/// `<?xml version="1.0" encoding="utf-8"?>` and is indented by two spaces.
public enum Open311Encoding {
    // MARK: JSON

    /// `services.json`.
    public static func json(_ services: [Open311Service], options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "service", services.map { $0.node(options) }), root: "services", .json)
    }

    /// `services/{service_code}.json`.
    public static func json(_ definition: Open311ServiceDefinition,
                            options: Open311EncodingOptions = .default) -> Data {
        render(definition.node(options), root: "service_definition", .json)
    }

    /// `requests.json` and `requests/{id}.json` (the latter an array of one).
    public static func json(_ requests: [Open311Request], options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request", requests.map { $0.node(options) }), root: "service_requests", .json)
    }

    /// The answer to POST `requests.json`: an array holding one object.
    public static func json(_ created: Open311RequestCreated, options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request", [created.node(options)]), root: "service_requests", .json)
    }

    /// `tokens/{token}.json`: an array holding one object.
    public static func json(_ token: Open311Token, options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request", [token.node(options)]), root: "service_requests", .json)
    }

    /// `servicerequestupdates.json`.
    public static func json(_ updates: [Open311ServiceRequestUpdate],
                            options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request_update", updates.map { $0.node(options) }), root: "service_request_updates",
               .json)
    }

    /// `discovery.json`.
    public static func json(_ discovery: Open311Discovery, options: Open311EncodingOptions = .default) -> Data {
        render(discovery.node(options), root: "discovery", .json)
    }

    /// An error response: `[{"code":…,"description":…}]`.
    public static func json(_ errors: Open311ErrorList, options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "error", errors.errors.map { $0.node(options) }), root: "errors", .json)
    }

    // MARK: XML

    /// `services.xml`.
    public static func xml(_ services: [Open311Service], options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "service", services.map { $0.node(options) }), root: "services", .xml)
    }

    /// `services/{service_code}.xml`.
    public static func xml(_ definition: Open311ServiceDefinition,
                           options: Open311EncodingOptions = .default) -> Data {
        render(definition.node(options), root: "service_definition", .xml)
    }

    /// `requests.xml` and `requests/{id}.xml`.
    public static func xml(_ requests: [Open311Request], options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request", requests.map { $0.node(options) }), root: "service_requests", .xml)
    }

    /// The answer to POST `requests.xml`.
    public static func xml(_ created: Open311RequestCreated, options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request", [created.node(options)]), root: "service_requests", .xml)
    }

    /// `tokens/{token}.xml`.
    public static func xml(_ token: Open311Token, options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request", [token.node(options)]), root: "service_requests", .xml)
    }

    /// `servicerequestupdates.xml`.
    public static func xml(_ updates: [Open311ServiceRequestUpdate],
                           options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "request_update", updates.map { $0.node(options) }), root: "service_request_updates",
               .xml)
    }

    /// `discovery.xml`.
    public static func xml(_ discovery: Open311Discovery, options: Open311EncodingOptions = .default) -> Data {
        render(discovery.node(options), root: "discovery", .xml)
    }

    /// An error response: `<errors><error><code>…</code><description>…</description></error></errors>`.
    public static func xml(_ errors: Open311ErrorList, options: Open311EncodingOptions = .default) -> Data {
        render(.list(item: "error", errors.errors.map { $0.node(options) }), root: "errors", .xml)
    }

    private static func render(_ node: Open311Node, root: String, _ format: Open311Format) -> Data {
        switch format {
        case .json: return Data(node.json.utf8)
        case .xml: return Data(node.xmlDocument(root: root).utf8)
        }
    }
}
