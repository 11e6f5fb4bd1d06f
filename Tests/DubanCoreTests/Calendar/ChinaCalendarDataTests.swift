import DubanCore
import Foundation
import XCTest

/// The shipped Resources/calendar/china.json, checked against days written down by hand from the
/// State Council holiday notices (not generated).
final class ChinaCalendarDataTests: XCTestCase {
    private var calendar = HolidayCalendar()

    override func setUpWithError() throws {
        calendar = try CalendarTestSupport.chinaCalendar()
    }

    private func assertDay(_ text: String, workday: Bool, name: String?, file: StaticString = #filePath, line: UInt = #line) throws {
        let info = calendar.dayInfo(try CalendarTestSupport.day(text, file: file, line: line))
        XCTAssertEqual(info.workday, workday, "\(text) workday", file: file, line: line)
        XCTAssertEqual(info.name, name, "\(text) name", file: file, line: line)
    }

    func testCoversTheYears2010Through2026AndNamesItsSource() {
        XCTAssertEqual(calendar.knownYears, Array(2010...2026))
        XCTAssertTrue(calendar.source.contains("chinesecalendar"), calendar.source)
        XCTAssertNotNil(calendar.generated)
        XCTAssertFalse(calendar.hasData(year: 2027))
    }

    func test2026() throws {
        try assertDay("2026-01-01", workday: false, name: "元旦")
        try assertDay("2026-01-04", workday: true, name: "元旦调休")       // Sunday
        try assertDay("2026-02-17", workday: false, name: "春节")          // 正月初一
        try assertDay("2026-02-14", workday: true, name: "春节调休")       // Saturday
        try assertDay("2026-04-06", workday: false, name: "清明节")
        try assertDay("2026-05-05", workday: false, name: "劳动节")
        try assertDay("2026-06-19", workday: false, name: "端午节")
        try assertDay("2026-09-20", workday: true, name: "国庆节调休")     // Sunday
        try assertDay("2026-09-25", workday: false, name: "中秋节")        // SPEC A1: 25–27 September
        try assertDay("2026-09-27", workday: false, name: "中秋节")
        try assertDay("2026-10-01", workday: false, name: "国庆节")
        try assertDay("2026-10-07", workday: false, name: "国庆节")
        try assertDay("2026-10-10", workday: true, name: "国庆节调休")     // SPEC A1: Saturday made a working day
        try assertDay("2026-09-24", workday: true, name: nil)              // ordinary Thursday
        try assertDay("2026-10-11", workday: false, name: nil)             // ordinary Sunday
    }

    func testEarlierYears() throws {
        try assertDay("2019-10-01", workday: false, name: "国庆节")
        try assertDay("2019-10-12", workday: true, name: "国庆节调休")     // Saturday
        try assertDay("2019-02-05", workday: false, name: "春节")
        try assertDay("2020-01-25", workday: false, name: "春节")          // 正月初一, a Saturday
        try assertDay("2020-01-31", workday: false, name: "春节")          // 国办发明电〔2020〕1号 extension
        try assertDay("2020-02-03", workday: true, name: nil)
        try assertDay("2020-10-01", workday: false, name: "国庆节、中秋节") // Mid-Autumn fell on 1 October
        try assertDay("2020-09-27", workday: true, name: "国庆节、中秋节调休")
        try assertDay("2023-09-29", workday: false, name: "中秋节、国庆节")
        try assertDay("2023-10-07", workday: true, name: "中秋节、国庆节调休")
        try assertDay("2024-02-10", workday: false, name: "春节")
        try assertDay("2024-02-18", workday: true, name: "春节调休")       // Sunday
        try assertDay("2015-09-03", workday: false, name: "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日")
        try assertDay("2016-12-31", workday: false, name: "元旦")          // Saturday opening the 2017 元旦 break
        try assertDay("2010-01-01", workday: false, name: "元旦")
    }

    func testEveryYearHasTheSevenFestivals() throws {
        for year in calendar.knownYears {
            let names = try XCTUnwrap(calendar.data(for: year)).holidays.map(\.name)
            for festival in ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"] {
                XCTAssertTrue(names.contains { $0.contains(festival) }, "\(year) lacks \(festival)")
            }
        }
    }

    func testTheYearAfterTheDataFollowsTheWeekdayRule() throws {
        try assertDay("2027-01-04", workday: true, name: nil)
        try assertDay("2027-01-02", workday: false, name: nil)
    }
}
