import Foundation

/// 电梯安全规则 — the deadlines and breaches of SPEC A4 (004 成府发〔2015〕29号), each a pure function of
/// the facts and `now`. Create one with the deadline calculator and the configuration, then ask it.
public struct ElevatorRules: Sendable {
    /// The A1 deadline arithmetic (only the elapsed-time and month units are used here).
    public var calculator: DeadlineCalculator
    /// The documented defaults.
    public var configuration: ElevatorConfiguration

    public init(calculator: DeadlineCalculator, configuration: ElevatorConfiguration = .standard) {
        self.calculator = calculator
        self.configuration = configuration
    }

    /// `calculator.due` with calendar errors wrapped as ``ElevatorError/calendar(_:)``.
    func due(from start: Date, amount: Int, unit: DeadlineUnit) throws(ElevatorError) -> Deadline {
        do {
            return try calculator.due(from: start, amount: amount, unit: unit)
        } catch let error as CalendarError {
            throw .calendar(error)
        } catch {
            throw .calendar(.outOfRange(field: "start", reason: "\(error)"))
        }
    }
}
