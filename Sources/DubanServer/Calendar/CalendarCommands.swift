import DubanCore
import Foundation
import Vapor

/// What `duban calendar …` prints: the same JSON as the API.
public enum CalendarCommands {
    public static func due(app: Application, from: String, amount: Int, unit: String) throws -> String {
        guard let start = ChinaTimeFormat.parse(from) else {
            throw DubanError.invalid("from", "--from 应为 ISO 8601 时间 / --from must be ISO 8601")
        }
        do {
            let result = try app.calendarStore.calculator.due(from: start, amount: amount, unit: unit)
            return try json(DeadlineDTO(start: ChinaTimeFormat.string(start), amount: amount, unit: unit,
                                        due: ChinaTimeFormat.string(result.due), rule: result.rule.chinese,
                                        ruleEnglish: result.rule.english))
        } catch let error as CalendarError {
            throw error.dubanError
        }
    }

    public static func day(app: Application, date text: String) throws -> String {
        guard let date = LocalDate(text) else { throw DubanError.invalid("date", "日期格式应为 yyyy-mm-dd / date must be yyyy-mm-dd") }
        let info = app.calendarStore.calculator.calendar.dayInfo(date)
        return try json(DayDTO(date: info.date.description, workday: info.workday, name: info.name))
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension DubanError: CustomStringConvertible {
    public var description: String { field.map { "\(message) [\($0)]" } ?? message }
}
