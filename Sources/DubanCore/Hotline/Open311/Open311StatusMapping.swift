/// Turns a work order's ``Open311CaseProgress`` into what Open311 clients see: the GeoReport v2
/// `status`, the extended `status` of `servicerequestupdates`, and a Chinese text for
/// `status_notes` / the update's `description`.
///
/// Default table (a Duban decision; the seeds define the hotline states, not their Open311 names):
///
/// | progress | status | extended | text |
/// |---|---|---|---|
/// | received | open | OPEN | 已受理，等待转办 |
/// | dispatched | open | INVESTIGATING | 已转办至承办单位，等待签收 |
/// | signedFor | open | ACTION_SCHEDULED | 承办单位已签收，正在安排办理 |
/// | inProgress | open | IN_PROGRESS | 承办单位正在办理 |
/// | replied | open | IN_PROGRESS | 承办单位已答复，等待回访 |
/// | closedResolved | closed | FIXED | 已办结 |
/// | closedUnreasonable | closed | NO_FURTHER_ACTION | 经第三方评议为非合理诉求，已办结 |
/// | closedDuplicate | closed | DUPLICATE | 重复投诉，已并入原件办理 |
/// | closedOutOfScope | closed | NOT_COUNCILS_RESPONSIBILITY | 不属于受理范围，已告知反映渠道 |
/// | returnedForReassignment | open | INVESTIGATING | 承办单位已退回，正在重新转办 |
/// | reopened | open | OPEN | 已转承办单位限期重办 |
///
/// Why: the extended statuses carry FixMyStreet's meanings (investigating = being looked into;
/// action scheduled = reviewed and action planned; in progress = being carried out). A signed-for
/// case has an owner and a deadline but no work yet, hence ACTION_SCHEDULED. A reply is not a
/// closure until the follow-up call (000 附件2 step 7), so it stays IN_PROGRESS rather than FIXED.
/// A returned case is still live and only being re-routed: INTERNAL_REFERRAL would be read as
/// closed by clients of the extension (mySociety's adapter closes on it), so it is INVESTIGATING.
/// A reopened case goes back to OPEN, which FixMyStreet reads as "open again". The GeoReport
/// `status` is always derived from the extended one (``Open311ExtendedStatus/isClosed``), so the
/// two can never disagree; an administrator may override single entries.
public struct Open311StatusMapping: Hashable, Sendable {
    /// Replacements for the default extended status of some progresses.
    public var extendedStatusOverrides: [Open311CaseProgress: Open311ExtendedStatus]
    /// Replacements for the default Chinese text of some progresses.
    public var statusNoteOverrides: [Open311CaseProgress: String]

    /// The default table above.
    public static let standard = Open311StatusMapping()

    /// Each parameter sets the property of the same name.
    public init(extendedStatusOverrides: [Open311CaseProgress: Open311ExtendedStatus] = [:],
                statusNoteOverrides: [Open311CaseProgress: String] = [:]) {
        self.extendedStatusOverrides = extendedStatusOverrides
        self.statusNoteOverrides = statusNoteOverrides
    }

    /// The GeoReport v2 `status`: closed exactly when the extended status is a closed one.
    public func status(for progress: Open311CaseProgress) -> Open311RequestStatus {
        extendedStatus(for: progress).requestStatus
    }

    /// The extended `status` for `servicerequestupdates`.
    public func extendedStatus(for progress: Open311CaseProgress) -> Open311ExtendedStatus {
        extendedStatusOverrides[progress] ?? Self.defaultExtendedStatus(progress)
    }

    /// The Chinese text for `status_notes` and update descriptions.
    public func statusNotes(for progress: Open311CaseProgress) -> String {
        statusNoteOverrides[progress] ?? Self.defaultStatusNotes(progress)
    }

    private static func defaultExtendedStatus(_ progress: Open311CaseProgress) -> Open311ExtendedStatus {
        switch progress {
        case .received, .reopened: return .open
        case .dispatched, .returnedForReassignment: return .investigating
        case .signedFor: return .actionScheduled
        case .inProgress, .replied: return .inProgress
        case .closedResolved: return .fixed
        case .closedUnreasonable: return .noFurtherAction
        case .closedDuplicate: return .duplicate
        case .closedOutOfScope: return .notCouncilsResponsibility
        }
    }

    // 000 阳政办(2017)33号 附件2: 转办 → 签收 → 办理 → 答复 → 回访; 不满意件 → 第三方评议
    // (合理诉求限期重办 / 非合理诉求办结); 重复投诉件; 不属受理范围的告知反映渠道后办结.
    private static func defaultStatusNotes(_ progress: Open311CaseProgress) -> String {
        switch progress {
        case .received: return "已受理，等待转办"
        case .dispatched: return "已转办至承办单位，等待签收"
        case .signedFor: return "承办单位已签收，正在安排办理"
        case .inProgress: return "承办单位正在办理"
        case .replied: return "承办单位已答复，等待回访"
        case .closedResolved: return "已办结"
        case .closedUnreasonable: return "经第三方评议为非合理诉求，已办结"
        case .closedDuplicate: return "重复投诉，已并入原件办理"
        case .closedOutOfScope: return "不属于受理范围，已告知反映渠道"
        case .returnedForReassignment: return "承办单位已退回，正在重新转办"
        case .reopened: return "已转承办单位限期重办"
        }
    }
}
