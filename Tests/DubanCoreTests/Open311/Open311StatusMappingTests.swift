@testable import DubanCore
import XCTest

/// The progress → Open311 status table, every row, written out by hand.
final class Open311StatusMappingTests: XCTestCase {
    private let table: [Open311CaseProgress: (Open311RequestStatus, Open311ExtendedStatus, String)] = [
        .received: (.open, .open, "已受理，等待转办"),
        .dispatched: (.open, .investigating, "已转办至承办单位，等待签收"),
        .signedFor: (.open, .actionScheduled, "承办单位已签收，正在安排办理"),
        .inProgress: (.open, .inProgress, "承办单位正在办理"),
        .replied: (.open, .inProgress, "承办单位已答复，等待回访"),
        .closedResolved: (.closed, .fixed, "已办结"),
        .closedUnreasonable: (.closed, .noFurtherAction, "经第三方评议为非合理诉求，已办结"),
        .closedDuplicate: (.closed, .duplicate, "重复投诉，已并入原件办理"),
        .closedOutOfScope: (.closed, .notCouncilsResponsibility, "不属于受理范围，已告知反映渠道"),
        .returnedForReassignment: (.open, .investigating, "承办单位已退回，正在重新转办"),
        .reopened: (.open, .open, "已转承办单位限期重办"),
    ]

    func testEveryProgressHasItsRow() {
        XCTAssertEqual(Set(table.keys), Set(Open311CaseProgress.allCases))
        let mapping = Open311StatusMapping.standard
        for progress in Open311CaseProgress.allCases {
            guard let (status, extended, notes) = table[progress] else { continue }
            XCTAssertEqual(mapping.status(for: progress), status, "\(progress)")
            XCTAssertEqual(mapping.extendedStatus(for: progress), extended, "\(progress)")
            XCTAssertEqual(mapping.statusNotes(for: progress), notes, "\(progress)")
        }
    }

    func testStatusAgreesWithExtendedStatus() {
        for progress in Open311CaseProgress.allCases {
            let mapping = Open311StatusMapping.standard
            XCTAssertEqual(mapping.status(for: progress) == .closed, mapping.extendedStatus(for: progress).isClosed,
                           "\(progress)")
        }
    }

    func testClosedExtendedStatuses() {
        // mySociety's open311-adapter closes on FIXED|DUPLICATE|NOT_COUNCILS_RESPONSIBILITY|NO_FURTHER_ACTION|
        // INTERNAL_REFERRAL|CLOSED; the other four are open.
        let closed: Set<Open311ExtendedStatus> = [.fixed, .duplicate, .notCouncilsResponsibility, .noFurtherAction,
                                                  .internalReferral, .closed]
        for status in Open311ExtendedStatus.allCases {
            XCTAssertEqual(status.isClosed, closed.contains(status), "\(status)")
            XCTAssertEqual(status.requestStatus, closed.contains(status) ? .closed : .open, "\(status)")
        }
        XCTAssertEqual(Open311ExtendedStatus.allCases.count, 10)
    }

    func testWireValues() {
        XCTAssertEqual(Open311ExtendedStatus.allCases.map { $0.wireValue(.upper) },
                       ["OPEN", "INVESTIGATING", "IN_PROGRESS", "ACTION_SCHEDULED", "FIXED", "CLOSED", "DUPLICATE",
                        "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "INTERNAL_REFERRAL"])
        XCTAssertEqual(Open311ExtendedStatus.notCouncilsResponsibility.wireValue(.lower), "not_councils_responsibility")
        XCTAssertEqual(Open311ExtendedStatus(wireValue: "in_progress"), .inProgress)
        XCTAssertEqual(Open311ExtendedStatus(wireValue: "ACTION_SCHEDULED"), .actionScheduled)
        XCTAssertNil(Open311ExtendedStatus(wireValue: "in progress"))
        XCTAssertNil(Open311ExtendedStatus(wireValue: "REOPEN"))
    }

    func testOverridesKeepStatusConsistent() {
        var mapping = Open311StatusMapping.standard
        mapping.extendedStatusOverrides[.returnedForReassignment] = .internalReferral
        mapping.statusNoteOverrides[.received] = "已登记"
        // Overriding to a closed extended status closes the GeoReport status too.
        XCTAssertEqual(mapping.extendedStatus(for: .returnedForReassignment), .internalReferral)
        XCTAssertEqual(mapping.status(for: .returnedForReassignment), .closed)
        XCTAssertEqual(mapping.statusNotes(for: .received), "已登记")
        // Untouched rows keep their defaults.
        XCTAssertEqual(mapping.extendedStatus(for: .dispatched), .investigating)
        XCTAssertEqual(mapping.statusNotes(for: .dispatched), "已转办至承办单位，等待签收")
    }

    func testProgressRawValuesAreStable() {
        // external_status_code carries these; they must not change.
        XCTAssertEqual(Open311CaseProgress.allCases.map(\.rawValue),
                       ["received", "dispatched", "signedFor", "inProgress", "replied", "closedResolved",
                        "closedUnreasonable", "closedDuplicate", "closedOutOfScope", "returnedForReassignment",
                        "reopened"])
    }
}
