/// The two response formats of GeoReport v2, chosen by the path extension (`requests.json`).
public enum Open311Format: String, CaseIterable, Codable, Hashable, Sendable {
    case json, xml

    /// The MIME type listed in discovery `formats`.
    public var mimeType: String {
        switch self {
        case .json: return "application/json"
        case .xml: return "text/xml"
        }
    }

    /// The `Content-Type` header value; GeoReport v2 requires UTF-8 everywhere.
    public var contentType: String { mimeType + "; charset=utf-8" }

    /// The format named by a path extension (`json` or `xml`, any case); nil for anything else.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
