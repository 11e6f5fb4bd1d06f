import DubanCore
import Fluent
import Vapor

/// The 附件5 ladder in the database: rules' proposals, a supervisor's decisions, the unit's plan and appeal.
enum AccountabilityService {
    /// States in which a decided action stands (not proposed, dismissed or withdrawn on appeal).
    static let standingStates = ["confirmed", "plan_submitted", "plan_accepted", "appealed", "appeal_rejected"]

    /// Confirmed 约谈 and 问责 per unit name whose decision falls in `period` (附件7 item (16)).
    static func interviewsAndAccountability(in period: AssessmentPeriod, on db: any Database) async throws -> [String: Int] {
        let rows = try await AccountabilityRecord.query(on: db)
            .filter(\.$level ~~ ["interview", "accountability"]).filter(\.$state ~~ standingStates)
            .filter(\.$decidedAt >= period.start).filter(\.$decidedAt < period.end).all()
        let names = try await LedgerPages.unitNames(rows.map(\.unitID), on: db)
        var counts: [String: Int] = [:]
        for row in rows { if let name = names[row.unitID] { counts[name, default: 0] += 1 } }
        return counts
    }
}
