import Foundation

/// The query of the `servicerequestupdates` extension: `start_date` and `end_date` (FixMyStreet wiki
/// "Open311 FMS — Proposed differences to Open311": "Earliest / Latest update to include").
public struct Open311UpdateFilter: Hashable, Sendable {
    /// `start_date`: earliest `updated_datetime` to include.
    public var startDate: Date?
    /// `end_date`: latest `updated_datetime` to include.
    public var endDate: Date?

    /// Each parameter sets the property of the same name.
    public init(startDate: Date? = nil, endDate: Date? = nil) {
        self.startDate = startDate
        self.endDate = endDate
    }

    /// Parses `start_date` and `end_date` (W3C datetimes with zone, `end_date` not before
    /// `start_date`); other parameters are ignored. The extension sets no maximum span.
    public static func parse(query: [String: String]) throws(Open311ErrorList) -> Open311UpdateFilter {
        var reader = Open311FormReader(fields: query.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
        let range = Open311DateWindow.read(&reader, maximumSpan: nil)
        if let errors = Open311ErrorList(collected: reader.errors) { throw errors }
        return Open311UpdateFilter(startDate: range.start, endDate: range.end)
    }
}
