import Foundation

/// Bounds of "GET Service Requests" queries.
public struct Open311QueryLimits: Hashable, Sendable {
    /// Longest `start_date`…`end_date` range. GeoReport v2: the range "may not span more than
    /// 90 days".
    public var maximumSpan: TimeInterval
    /// The range searched when no date is given. GeoReport v2: "When not specified, the range
    /// defaults to most recent 90 days".
    public var defaultWindow: TimeInterval
    /// Most requests one response returns. Duban default 1,000, after the GeoReport Bulk
    /// specification's remark that more than 1,000 records are impractical for a GeoReport v2 API.
    public var maximumResults: Int
    /// Most ids in one `service_request_id` list. Duban default 100.
    public var maximumServiceRequestIDs: Int
    /// Longest single id or code in a list. Duban default 100.
    public var maximumValueLength: Int

    /// The limits documented above.
    public static let `default` = Open311QueryLimits()

    /// Each parameter sets the property of the same name; the defaults are those documented above.
    public init(maximumSpan: TimeInterval = 90 * 86_400, defaultWindow: TimeInterval = 90 * 86_400,
                maximumResults: Int = 1000, maximumServiceRequestIDs: Int = 100, maximumValueLength: Int = 100) {
        self.maximumSpan = maximumSpan
        self.defaultWindow = defaultWindow
        self.maximumResults = maximumResults
        self.maximumServiceRequestIDs = maximumServiceRequestIDs
        self.maximumValueLength = maximumValueLength
    }
}
