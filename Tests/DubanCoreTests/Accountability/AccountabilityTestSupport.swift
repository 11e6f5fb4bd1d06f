@testable import DubanCore
import Foundation
import XCTest

/// Shared builders for the accountability tests, on the real 2026 calendar (Resources/calendar/china.json:
/// 2026-09-20 (Sun) and 2026-10-10 (Sat) are make-up working days; 2026-09-25…27 中秋节 and
/// 2026-10-01…07 国庆节 are holidays).
enum AccountabilityTestSupport {
    /// Parsed once: the shipped file is large and the transition table applies ~450 events.
    private static let shared: DeadlineCalculator? = try? CalendarTestSupport.chinaCalculator()

    static func calculator() throws -> DeadlineCalculator {
        try XCTUnwrap(shared, "the shipped calendar Resources/calendar/china.json did not load")
    }

    static func at(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Date {
        try CalendarTestSupport.china(text, file: file, line: line)
    }

    static func day(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> LocalDate {
        try CalendarTestSupport.day(text, file: file, line: line)
    }

    static func month(_ text: String) throws -> AssessmentPeriod {
        try AssessmentPeriod("\(text)/\(text)")
    }

    static let unit = "建桥街"
    static let supervisor = AccountabilityActor(role: .supervisor, unit: "区治庸办", userID: "s1")
    static let operatorOfUnit = AccountabilityActor(role: .unitOperator, unit: unit, userID: "u1")

    /// A fresh action of `level` for 建桥街 in September 2026.
    static func action(_ level: AccountabilityLevel) throws -> AccountabilityAction {
        let trigger: AccountabilityTrigger = switch level {
        case .letter: .monthlyOnTimeBelow100
        case .interview: .monthlyOnTimeBelow98OrOverdue
        case .accountability: .principalInterviewedRepeatedly
        }
        return AccountabilityAction(id: "A1", proposal: AccountabilityProposal(
            unit: unit, trigger: trigger, period: try month("2026-09")))
    }

    /// A valid event of each kind.
    static func event(_ kind: AccountabilityEventKind, level: AccountabilityLevel = .interview) throws -> AccountabilityEvent {
        switch kind {
        case .confirm:
            return .confirm(note: nil, interviewDate: level == .interview ? try day("2026-09-03") : nil, principalLeader: true)
        case .dismiss: return .dismiss(note: "数据有误")
        case .submitPlan: return .submitPlan(document: "整改方案.pdf")
        case .acceptPlan: return .acceptPlan(note: nil)
        case .returnPlan: return .returnPlan(note: "措施不具体")
        case .appeal: return .appeal(note: "超期系系统故障")
        case .upholdAppeal: return .upholdAppeal(note: "维持")
        case .grantAppeal: return .grantAppeal(note: "情况属实，撤销")
        }
    }

    static func actor(for kind: AccountabilityEventKind) -> AccountabilityActor {
        kind.role == .supervisor ? supervisor : operatorOfUnit
    }

    /// Applies `kinds` in order, one minute apart from 2026-09-03 10:00 (Thursday).
    static func run(_ kinds: [AccountabilityEventKind], level: AccountabilityLevel = .interview) throws -> AccountabilityAction {
        var action = try action(level)
        let start = try at("2026-09-03 10:00")
        for (index, kind) in kinds.enumerated() {
            action = try AccountabilityMachine.apply(
                try event(kind, level: level), to: action, by: actor(for: kind),
                at: start.addingTimeInterval(Double(index) * 60), calculator: try calculator())
        }
        return action
    }

    /// The error code thrown by `body`, or nil.
    static func code(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as AccountabilityError {
            return error.code
        } catch {
            return "unexpected: \(error)"
        }
    }
}
