import Foundation

/// The query of GeoReport v2 "GET Service Requests" (`requests.json?…`), parsed by
/// ``parse(query:limits:)``.
public struct Open311RequestFilter: Hashable, Sendable {
    /// `service_request_id`, comma-separated. When given it "overrides all other arguments"
    /// (GeoReport v2): ``dateRange(now:limits:)`` is then nil and the server ignores the other filters.
    public var serviceRequestIDs: [String]
    /// `service_code`, comma-separated; empty means every service.
    public var serviceCodes: [String]
    /// `start_date`: earliest `requested_datetime` to include.
    public var startDate: Date?
    /// `end_date`: latest `requested_datetime` to include.
    public var endDate: Date?
    /// `status`, comma-separated (`open`, `closed`); empty means every status.
    public var statuses: Set<Open311RequestStatus>

    /// Each parameter sets the property of the same name.
    public init(serviceRequestIDs: [String] = [], serviceCodes: [String] = [], startDate: Date? = nil,
                endDate: Date? = nil, statuses: Set<Open311RequestStatus> = []) {
        self.serviceRequestIDs = serviceRequestIDs
        self.serviceCodes = serviceCodes
        self.startDate = startDate
        self.endDate = endDate
        self.statuses = statuses
    }

    /// Whether the query looks requests up by id, so that the other filters do not apply.
    public var isLookupByID: Bool { !serviceRequestIDs.isEmpty }

    /// The `requested_datetime` range to search, both ends included; nil for a lookup by id.
    /// Both dates: as given. Only `start_date`: up to `limits.maximumSpan` after it. Only `end_date`:
    /// from `limits.maximumSpan` before it. Neither: the `limits.defaultWindow` before `now`.
    public func dateRange(now: Date, limits: Open311QueryLimits = .default) -> ClosedRange<Date>? {
        guard !isLookupByID else { return nil }
        switch (startDate, endDate) {
        case let (start?, end?): return start...max(start, end)
        case let (start?, nil): return start...start.addingTimeInterval(limits.maximumSpan)
        case let (nil, end?): return end.addingTimeInterval(-limits.maximumSpan)...end
        case (nil, nil): return now.addingTimeInterval(-limits.defaultWindow)...now
        }
    }
}
