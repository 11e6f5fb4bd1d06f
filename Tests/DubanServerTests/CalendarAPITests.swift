@testable import DubanServer
import DubanCore
import Fluent
import Vapor
import XCTVapor
import XCTest

/// The calendar contract of SPEC §3 over HTTP, and the admin's corrections.
final class CalendarAPITests: XCTestCase {
    func due(_ app: Application, _ start: String, _ amount: Int, _ unit: String) async throws -> XCTHTTPResponse {
        let encoded = start.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? start
        return try await app.send(.GET, "/api/v1/calendar/deadline?start=\(encoded)&amount=\(amount)&unit=\(unit)")
    }

    func testAppendixA1Examples() async throws {
        try await TestApp.run(demo: false) { app in
            // SPEC A1: 1 working day from any time on Thursday 2026-09-24 is Monday 2026-09-28 18:00.
            for start in ["2026-09-24T00:00:00+08:00", "2026-09-24T10:00:00+08:00", "2026-09-24T23:59:00+08:00", "2026-09-24T02:00:00Z"] {
                let res = try await due(app, start, 1, "working_days")
                XCTAssertEqual(res.status, .ok, res.body.string)
                XCTAssertEqual(try res.content.decode(DeadlineDTO.self).due, "2026-09-28T18:00:00+08:00", start)
            }
            // 1 working day from Friday 2026-10-09 is Saturday 2026-10-10 18:00 (调休).
            let saturday = try await due(app, "2026-10-09T15:00:00+08:00", 1, "working_days")
            XCTAssertEqual(try saturday.content.decode(DeadlineDTO.self).due, "2026-10-10T18:00:00+08:00")
            // 4 working hours from 16:00 on a working day end at 11:00 on the next working day.
            let signFor = try await due(app, "2026-11-24T16:00:00+08:00", 4, "working_hours")
            let dto = try signFor.content.decode(DeadlineDTO.self)
            XCTAssertEqual(dto.due, "2026-11-25T11:00:00+08:00")
            XCTAssertEqual(dto.rule, "4个工作小时")
            // A start without an offset is China time.
            let local = try await due(app, "2026-11-24T16:00:00", 30, "minutes")
            XCTAssertEqual(try local.content.decode(DeadlineDTO.self).due, "2026-11-24T16:30:00+08:00")
            let month = try await due(app, "2026-01-31T09:00:00+08:00", 1, "months")
            XCTAssertEqual(try month.content.decode(DeadlineDTO.self).due, "2026-02-28T09:00:00+08:00")
        }
    }

    func testBadParametersNameTheirField() async throws {
        try await TestApp.run(demo: false) { app in
            let cases: [(String, String)] = [
                ("/api/v1/calendar/deadline?amount=1&unit=days", "start"),
                ("/api/v1/calendar/deadline?start=yesterday&amount=1&unit=days", "start"),
                ("/api/v1/calendar/deadline?start=2026-01-01T00:00:00Z&unit=days", "amount"),
                ("/api/v1/calendar/deadline?start=2026-01-01T00:00:00Z&amount=x&unit=days", "amount"),
                ("/api/v1/calendar/deadline?start=2026-01-01T00:00:00Z&amount=0&unit=days", "amount"),
                ("/api/v1/calendar/deadline?start=2026-01-01T00:00:00Z&amount=99999999999&unit=days", "amount"),
                ("/api/v1/calendar/deadline?start=2026-01-01T00:00:00Z&amount=1&unit=fortnights", "unit"),
                ("/api/v1/calendar/deadline?start=2026-01-01T00:00:00Z&amount=1", "unit"),
                ("/api/v1/calendar/days/2026-02-30", "date"),
                ("/api/v1/calendar/days/today", "date"),
            ]
            for (path, field) in cases {
                let res = try await app.send(.GET, path)
                XCTAssertEqual(res.status, .unprocessableEntity, path)
                XCTAssertEqual(res.errorBody?.field, field, path)
            }
        }
    }

    func testDaysAndAdminCorrections() async throws {
        try await TestApp.run { app in
            let holiday = try await app.send(.GET, "/api/v1/calendar/days/2026-10-01")
            let national = try holiday.content.decode(DayDTO.self)
            XCTAssertFalse(national.workday)
            XCTAssertTrue(national.name?.contains("国庆") ?? false)
            let makeUp = try await app.send(.GET, "/api/v1/calendar/days/2026-10-10").content.decode(DayDTO.self)
            XCTAssertTrue(makeUp.workday)
            let plain = try await app.send(.GET, "/api/v1/calendar/days/2026-11-23")
            XCTAssertTrue(plain.body.string.contains(#""name":null"#), plain.body.string)
            XCTAssertTrue(try plain.content.decode(DayDTO.self).workday)

            // 2027 is not shipped: Friday 2027-01-01 counts by the weekday rule until an admin adds the year.
            let before = try await app.send(.GET, "/api/v1/calendar/days/2027-01-01").content.decode(DayDTO.self)
            XCTAssertTrue(before.workday)
            let admin = try await app.token("admin")
            let input = CalendarYearInput(
                holidays: [NamedDayDTO(date: "2027-01-01", name: "元旦"), NamedDayDTO(date: "2027-01-02", name: "元旦"),
                           NamedDayDTO(date: "2027-01-03", name: "元旦")],
                workdays: [])
            let operatorToken = try await app.token("operator")
            let denied = try await app.send(.PUT, "/api/v1/calendar/years/2027", token: operatorToken, json: input)
            XCTAssertEqual(denied.status, .forbidden)
            let saved = try await app.send(.PUT, "/api/v1/calendar/years/2027", token: admin, json: input)
            XCTAssertEqual(saved.status, .ok, saved.body.string)
            let newYear = try await app.send(.GET, "/api/v1/calendar/days/2027-01-01").content.decode(DayDTO.self)
            XCTAssertFalse(newYear.workday)
            XCTAssertEqual(newYear.name, "元旦")
            let deadline = try await due(app, "2026-12-31T10:00:00+08:00", 1, "working_days")
            XCTAssertEqual(try deadline.content.decode(DeadlineDTO.self).due, "2027-01-04T18:00:00+08:00")
            let years = try await app.send(.GET, "/api/v1/calendar/years", token: admin).content.decode([CalendarYearDTO].self)
            XCTAssertEqual(years.first { $0.year == 2027 }?.source, "admin")
            XCTAssertEqual(years.first { $0.year == 2026 }?.source, "shipped")
            XCTAssertEqual(years.count, 18)  // 2010–2026 shipped, 2027 added

            let badDay = CalendarYearInput(holidays: [NamedDayDTO(date: "2026-05-01", name: "劳动节")], workdays: [])
            let wrongYear = try await app.send(.PUT, "/api/v1/calendar/years/2027", token: admin, json: badDay)
            XCTAssertEqual(wrongYear.status, .unprocessableEntity)

            let reverted = try await app.send(.DELETE, "/api/v1/calendar/years/2027", token: admin)
            XCTAssertEqual(reverted.status, .noContent)
            let after = try await app.send(.GET, "/api/v1/calendar/days/2027-01-01").content.decode(DayDTO.self)
            XCTAssertTrue(after.workday)
            let audit = try await AuditEntry.query(on: app.db).filter(\AuditEntry.$entityType == "calendar_year").count()
            XCTAssertEqual(audit, 2)
        }
    }

    func testWorkingHoursAreConfigurable() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let standard = try await app.send(.GET, "/api/v1/calendar/working-hours", token: admin)
            XCTAssertEqual(try standard.content.decode(WorkingHoursDTO.self).periods.map(\.start), ["09:00", "13:00"])
            let summer = WorkingHoursDTO(try WorkingHours(periods: [
                WorkingPeriod(startMinute: 8 * 60 + 30, endMinute: 12 * 60), WorkingPeriod(startMinute: 14 * 60 + 30, endMinute: 18 * 60),
            ]))
            let saved = try await app.send(.PUT, "/api/v1/calendar/working-hours", token: admin, json: summer)
            XCTAssertEqual(saved.status, .ok, saved.body.string)
            // 4 working hours from 16:00: 2 h today (to 18:00), 2 h from 08:30 tomorrow → 10:30.
            let res = try await due(app, "2026-11-24T16:00:00+08:00", 4, "working_hours")
            XCTAssertEqual(try res.content.decode(DeadlineDTO.self).due, "2026-11-25T10:30:00+08:00")
            let overlapping = ["periods": [["start": "09:00", "end": "12:00"], ["start": "11:00", "end": "13:00"]]]
            let rejected = try await app.send(.PUT, "/api/v1/calendar/working-hours", token: admin, json: overlapping)
            XCTAssertEqual(rejected.status, .unprocessableEntity)
            XCTAssertEqual(rejected.errorBody?.field, "periods")
            let badClock = ["periods": [["start": "9点", "end": "12:00"]]]
            let badClockResponse = try await app.send(.PUT, "/api/v1/calendar/working-hours", token: admin, json: badClock)
            XCTAssertEqual(badClockResponse.errorBody?.field, "periods.0.start")
        }
    }
}

/// The due-soon lead is an admin setting with a documented default.
final class WarningLeadTests: XCTestCase {
    func testLeadDefaultsTo24HoursAndCanBeChanged() async throws {
        try await TestApp.run { app in
            let admin = try await app.token("admin")
            let initial = try await app.send(.GET, "/api/v1/calendar/warning-lead", token: admin).content.decode(WarningLeadDTO.self)
            XCTAssertEqual(initial.minutes, 24 * 60)
            XCTAssertTrue(initial.isDefault)
            let bad = try await app.send(.PUT, "/api/v1/calendar/warning-lead", token: admin, json: ["minutes": -5])
            XCTAssertEqual(bad.errorBody?.field, "minutes")
            let saved = try await app.send(.PUT, "/api/v1/calendar/warning-lead", token: admin, json: ["minutes": 120])
            XCTAssertEqual(saved.status, .ok)
            let due = Date(timeIntervalSince1970: 1_800_000_000)
            let rule = DeadlineRule.after(amount: 1, unit: .days, start: due.addingTimeInterval(-86400))
            let row = try await DeadlineWatches.watch(entityType: "t", entityID: "1", kind: "k", unitID: nil,
                                                      deadline: Deadline(due: due, rule: rule), now: due.addingTimeInterval(-86400), on: app.db)
            XCTAssertEqual(row.warnAt, due.addingTimeInterval(-7200))
            XCTAssertEqual(row.nextFireAt, due.addingTimeInterval(-7200))
            let operatorToken = try await app.token("operator")
            let denied = try await app.send(.PUT, "/api/v1/calendar/warning-lead", token: operatorToken, json: ["minutes": 60])
            XCTAssertEqual(denied.status, .forbidden)
        }
    }
}
