@testable import DubanCore
import XCTest

/// Query parameters of "GET Service Requests" and of `servicerequestupdates`.
final class Open311RequestFilterTests: XCTestCase {
    private func fields(_ query: [String: String], limits: Open311QueryLimits = .default,
                        file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            let filter = try Open311RequestFilter.parse(query: query, limits: limits)
            XCTFail("accepted: \(filter)", file: file, line: line)
            return []
        } catch {
            return error.errors.map(\.field)
        }
    }

    func testEmptyQuery() throws {
        let filter = try Open311RequestFilter.parse(query: ["jurisdiction_id": "hanyang", "page": "2"])
        XCTAssertEqual(filter, Open311RequestFilter())
        XCTAssertFalse(filter.isLookupByID)
    }

    func testAllFilters() throws {
        let filter = try Open311RequestFilter.parse(query: [
            "service_request_id": " HY1, HY2,,HY1 ", "service_code": "HL-01,HL-02", "status": "Open,closed",
            "start_date": "2026-09-01T00:00:00+08:00", "end_date": "2026-09-30T23:59:59+08:00",
        ])
        // Ids trimmed, empty items dropped, the repeated HY1 kept once.
        XCTAssertEqual(filter.serviceRequestIDs, ["HY1", "HY2"])
        XCTAssertEqual(filter.serviceCodes, ["HL-01", "HL-02"])
        XCTAssertEqual(filter.statuses, [.open, .closed])
        XCTAssertEqual(filter.startDate, try Open311TestSupport.instant("2026-08-31T16:00:00Z"))
        XCTAssertEqual(filter.endDate, try Open311TestSupport.instant("2026-09-30T15:59:59Z"))
        XCTAssertTrue(filter.isLookupByID)
    }

    func testBadDates() {
        XCTAssertEqual(fields(["start_date": "2026-09-01"]), ["start_date"])
        XCTAssertEqual(fields(["end_date": "yesterday"]), ["end_date"])
        XCTAssertEqual(fields(["start_date": "2026-09-01T00:00:00", "end_date": "2026-13-01T00:00:00Z"]),
                       ["start_date", "end_date"])
    }

    func testDateOrderAndSpan() throws {
        // end before start.
        XCTAssertEqual(fields(["start_date": "2026-09-02T00:00:00Z", "end_date": "2026-09-01T23:59:59Z"]),
                       ["end_date"])
        // Exactly 90 days (2026-07-01 + 90 d = 2026-09-29) is allowed; one second more is not.
        XCTAssertNoThrow(try Open311RequestFilter.parse(query: ["start_date": "2026-07-01T00:00:00Z",
                                                                "end_date": "2026-09-29T00:00:00Z"]))
        let tooLong = ["start_date": "2026-07-01T00:00:00Z", "end_date": "2026-09-29T00:00:01Z"]
        XCTAssertEqual(fields(tooLong), ["end_date"])
        do {
            _ = try Open311RequestFilter.parse(query: tooLong)
            XCTFail("91 days accepted")
        } catch {
            XCTAssertEqual(error.errors.first?.description,
                           "参数 end_date 无效：与 start_date 相隔超过 90 天 / "
                               + "end_date is invalid: is more than 90 days after start_date")
        }
        // The same instant on both ends is a valid (one-instant) range.
        XCTAssertNoThrow(try Open311RequestFilter.parse(query: ["start_date": "2026-09-01T08:00:00+08:00",
                                                                "end_date": "2026-09-01T00:00:00Z"]))
        // Another span can be configured: 7 days.
        XCTAssertEqual(fields(["start_date": "2026-09-01T00:00:00Z", "end_date": "2026-09-08T00:00:01Z"],
                              limits: Open311QueryLimits(maximumSpan: 7 * 86_400)), ["end_date"])
    }

    func testStatusValues() {
        XCTAssertEqual(fields(["status": "open,pending"]), ["status"])
        XCTAssertEqual(fields(["status": "OPEN_"]), ["status"])
    }

    func testTooManyIDs() {
        let ids = (1...3).map { "HY\($0)" }.joined(separator: ",")
        XCTAssertEqual(fields(["service_request_id": ids], limits: Open311QueryLimits(maximumServiceRequestIDs: 2)),
                       ["service_request_id"])
        XCTAssertEqual(fields(["service_request_id": String(repeating: "9", count: 101)]), ["service_request_id"])
    }

    func testDateRanges() throws {
        let now = try Open311TestSupport.instant("2026-09-24T10:00:00Z")
        let start = try Open311TestSupport.instant("2026-09-01T00:00:00Z")
        let end = try Open311TestSupport.instant("2026-09-10T00:00:00Z")
        let day: TimeInterval = 86_400
        // Neither date: the 90 days before now.
        XCTAssertEqual(Open311RequestFilter().dateRange(now: now), now.addingTimeInterval(-90 * day)...now)
        XCTAssertEqual(Open311RequestFilter(startDate: start, endDate: end).dateRange(now: now), start...end)
        XCTAssertEqual(Open311RequestFilter(startDate: start).dateRange(now: now),
                       start...start.addingTimeInterval(90 * day))
        XCTAssertEqual(Open311RequestFilter(endDate: end).dateRange(now: now), end.addingTimeInterval(-90 * day)...end)
        // A lookup by id ignores the dates (the ids "override all other arguments").
        XCTAssertNil(Open311RequestFilter(serviceRequestIDs: ["HY1"], startDate: start).dateRange(now: now))
        XCTAssertEqual(Open311QueryLimits.default.maximumResults, 1000)
    }

    func testUpdateFilter() throws {
        let filter = try Open311UpdateFilter.parse(query: ["start_date": "2026-09-01T00:00:00Z",
                                                           "end_date": "2027-09-01T00:00:00Z", "api_key": "k"])
        // The extension sets no maximum span: a year is accepted.
        XCTAssertEqual(filter.startDate, try Open311TestSupport.instant("2026-09-01T00:00:00Z"))
        XCTAssertEqual(filter.endDate, try Open311TestSupport.instant("2027-09-01T00:00:00Z"))
        XCTAssertEqual(try Open311UpdateFilter.parse(query: [:]), Open311UpdateFilter())
        XCTAssertThrowsError(try Open311UpdateFilter.parse(query: ["start_date": "2026-09-02T00:00:00Z",
                                                                   "end_date": "2026-09-01T00:00:00Z"]))
        XCTAssertThrowsError(try Open311UpdateFilter.parse(query: ["end_date": "tomorrow"]))
    }
}
