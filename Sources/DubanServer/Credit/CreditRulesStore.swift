import DubanCore
import Fluent
import Foundation
import Vapor

/// The credit rules in force: SPEC A3's defaults (`CreditRules.defaults`) unless an administrator has
/// stored others under the `credit.rules` setting. Records keep the terms they were made under.
enum CreditRulesStore {
    static let settingKey = "credit.rules"

    static func current(on db: any Database) async throws -> CreditRules {
        guard let row = try await Setting.find(settingKey, on: db),
              let rules = try? JSONDecoder().decode(CreditRules.self, from: Data(row.value.utf8)),
              rules.validationErrors().isEmpty else { return .defaults }
        return rules
    }

    /// Validates and stores `rules` with its audit entry (inside the caller's transaction).
    static func save(_ rules: CreditRules, actor: String, on db: any Database) async throws {
        do { try rules.validate() } catch { throw error.duban }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await Setting.put(settingKey, String(decoding: try encoder.encode(rules), as: UTF8.self), actor: actor, on: db)
    }
}

extension CreditError {
    /// The API error: a step not allowed in the procedure's state or on a record in its status is a
    /// conflict (409); every other refusal names its field (422).
    var duban: DubanError {
        switch self {
        case .invalidState, .recordNotInEffect:
            DubanError(.conflict, code: code, message: message, field: field)
        default:
            DubanError(.unprocessableEntity, code: code, message: message, field: field)
        }
    }
}

/// Runs a core step and turns its `CreditError` into the API's error.
func creditStep<T>(_ step: () throws -> T) throws -> T {
    do { return try step() } catch let error as CreditError { throw error.duban }
}
