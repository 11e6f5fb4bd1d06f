import DubanCore
import Fluent
import Vapor

/// The seal of an elevator follows its ledger item (004 成府发〔2015〕29号 五(二): 封停 → 整改 → 检验合格 →
/// 恢复使用): the maintenance unit's report (报结) is the fix, the verification by another unit is the
/// re-inspection — passed or failed. Called by `LedgerService.transition` inside its transaction.
enum ElevatorHooks {
    static func ledgerEvent(_ item: LedgerItem, event: ItemEventKind, actor: Actor, now: Date, calculator: DeadlineCalculator,
                            on db: any Database) async throws {
        let elevatorEvent: ElevatorEvent
        switch event {
        case .submit: elevatorEvent = .fixed
        case .verifyPass: elevatorEvent = .reinspected(passed: true)
        case .verifyFail: elevatorEvent = .reinspected(passed: false)
        default: return
        }
        guard item.kind == ItemKind.hazard.rawValue,
              let row = try await ElevatorRow.query(on: db).filter(\.$sealItemID == (try item.requireID())).first(),
              row.statusValue == .sealed,
              ElevatorMachine.target(of: elevatorEvent.kind, from: row.facts.phase) != nil else { return }
        let rules = try await ElevatorService.rules(calculator: calculator, on: db)
        try await ElevatorService.changeStatus(row, event: elevatorEvent, actor: actor, now: now, rules: rules, calculator: calculator, on: db)
    }
}
