/// The extended statuses of mySociety's Open311 extension (FixMyStreet wiki "Open311 FMS —
/// Proposed differences to Open311", section "Additional states"), used by
/// `servicerequestupdates` so that clients can tell "being investigated" from "fixed" or "not ours".
public enum Open311ExtendedStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case open = "OPEN"
    case investigating = "INVESTIGATING"
    case inProgress = "IN_PROGRESS"
    case actionScheduled = "ACTION_SCHEDULED"
    case fixed = "FIXED"
    case closed = "CLOSED"
    case duplicate = "DUPLICATE"
    case notCouncilsResponsibility = "NOT_COUNCILS_RESPONSIBILITY"
    case noFurtherAction = "NO_FURTHER_ACTION"
    case internalReferral = "INTERNAL_REFERRAL"

    /// How the value is spelled on the wire. The FixMyStreet wiki writes the values in upper case;
    /// mySociety's open311-adapter emits them in lower case; FixMyStreet reads either (it lower-cases
    /// what it receives).
    public enum LetterCase: String, CaseIterable, Codable, Hashable, Sendable {
        case upper, lower
    }

    /// Whether clients of the extension treat the status as closed. These six are the ones mySociety's
    /// open311-adapter treats as closing a report (`FIXED|DUPLICATE|NOT_COUNCILS_RESPONSIBILITY|
    /// NO_FURTHER_ACTION|INTERNAL_REFERRAL|CLOSED`).
    public var isClosed: Bool {
        switch self {
        case .open, .investigating, .inProgress, .actionScheduled: return false
        case .fixed, .closed, .duplicate, .notCouncilsResponsibility, .noFurtherAction, .internalReferral:
            return true
        }
    }

    /// The GeoReport v2 status this extended status falls under.
    public var requestStatus: Open311RequestStatus { isClosed ? .closed : .open }

    /// The value as written on the wire in `letterCase`.
    public func wireValue(_ letterCase: LetterCase) -> String {
        letterCase == .upper ? rawValue : rawValue.lowercased()
    }

    /// Reads a value in either case (`in_progress` or `IN_PROGRESS`); nil for anything else.
    public init?(wireValue: String) {
        self.init(rawValue: wireValue.uppercased())
    }
}
